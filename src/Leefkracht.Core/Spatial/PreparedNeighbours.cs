using NetTopologySuite.Geometries;

namespace Leefkracht.Core.Spatial;

/// <summary>
/// What a neighbour rule needs from the polygons of a whole division, computed once so that it can be stored and the
/// weights of any subset of the areas built again without the polygons: the contiguity of all areas (queen, rook,
/// fuzzy) and the centroids (k nearest, distance band, islands attached).
/// </summary>
/// <remarks>
/// Contiguity is a relation between two polygons only, so the contiguity of a subset is the whole contiguity
/// restricted to it (spdep <c>subset.nb</c>); k nearest neighbours and the island fallback depend on which areas are in
/// the set, so they are built from the subset's centroids. Either way <see cref="For"/> gives the same weights as
/// <see cref="WeightsRule.Build"/> on the subset's polygons (docs/spatial.md §1.5).
/// </remarks>
public sealed class PreparedNeighbours
{
    private readonly SpatialWeights? _contiguity;
    private readonly Coordinate[] _centroids;

    private PreparedNeighbours(WeightsRule rule, SpatialWeights? contiguity, Coordinate[] centroids)
    {
        Rule = rule;
        _contiguity = contiguity;
        _centroids = centroids;
    }

    /// <summary>The rule the neighbours are prepared for.</summary>
    public WeightsRule Rule { get; }

    /// <summary>The number of areas of the whole division.</summary>
    public int Count => _centroids.Length;

    /// <summary>The binary contiguity of all areas; null for the point rules.</summary>
    public SpatialWeights? Contiguity => _contiguity;

    /// <summary>The centroids of all areas, in the polygons' coordinates.</summary>
    public IReadOnlyList<Coordinate> Centroids => _centroids;

    /// <summary>Whether the rule is a contiguity rule, whose neighbour lists are prepared (the point rules need only the centroids).</summary>
    public static bool IsContiguity(WeightsRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Kind is WeightsKind.Queen or WeightsKind.Rook or WeightsKind.Fuzzy;
    }

    /// <summary>Prepares the rule on the polygons of a whole division, in projected coordinates (metres).</summary>
    public static PreparedNeighbours Prepare(WeightsRule rule, IReadOnlyList<Geometry> polygons)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(polygons);
        var contiguity = rule.Kind switch
        {
            WeightsKind.Queen => Spatial.Contiguity.Queen(polygons, rule.Snap),
            WeightsKind.Rook => Spatial.Contiguity.Rook(polygons, rule.Snap),
            WeightsKind.Fuzzy => Spatial.Contiguity.WithinDistance(polygons, rule.Snap),
            _ => null,
        };
        return new PreparedNeighbours(rule, contiguity, [.. polygons.Select(p => p.Centroid.Coordinate)]);
    }

    /// <summary>
    /// Prepared neighbours read back from storage: the contiguity as compressed rows (<paramref name="offsets"/> of
    /// n + 1 entries into <paramref name="neighbours"/>; both null for the point rules) and one centroid per area.
    /// </summary>
    /// <exception cref="ArgumentException">The parts do not fit together or do not fit the rule.</exception>
    public static PreparedNeighbours FromParts(WeightsRule rule, int[]? offsets, int[]? neighbours, double[] x, double[] y)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"{x.Length} x coordinates but {y.Length} y coordinates");
        }

        if (IsContiguity(rule) != (offsets is not null && neighbours is not null))
        {
            throw new ArgumentException($"the rule {rule} {(IsContiguity(rule) ? "needs" : "has no")} neighbour lists");
        }

        var contiguity = offsets is null || neighbours is null ? null : SpatialWeights.FromRows(offsets, neighbours);
        if (contiguity is not null && contiguity.Count != x.Length)
        {
            throw new ArgumentException($"neighbour lists for {contiguity.Count} areas but {x.Length} centroids");
        }

        return new PreparedNeighbours(rule, contiguity, [.. x.Zip(y, (a, b) => new Coordinate(a, b))]);
    }

    /// <summary>
    /// The binary weights of the areas with <paramref name="keep"/> true (renumbered in order), equal to
    /// <see cref="WeightsRule.Build"/> on their polygons.
    /// </summary>
    public SpatialWeights For(ReadOnlySpan<bool> keep)
    {
        if (keep.Length != Count)
        {
            throw new ArgumentException($"keep has {keep.Length} entries for {Count} areas", nameof(keep));
        }

        var centroids = new List<Coordinate>(Count);
        for (var i = 0; i < Count; i++)
        {
            if (keep[i])
            {
                centroids.Add(_centroids[i]);
            }
        }

        var weights = Rule.Kind switch
        {
            WeightsKind.Nearest => PointNeighbours.Nearest(centroids, Rule.K),
            WeightsKind.DistanceBand => PointNeighbours.WithinDistance(centroids, Rule.Distance),
            _ => _contiguity!.Subset(keep),
        };
        return Rule.AttachIslands && weights.Islands.Length > 0 && centroids.Count > 1
            ? weights.WithIslandsAttached(PointNeighbours.Nearest(centroids, 1))
            : weights;
    }

    /// <summary>The binary weights of all areas.</summary>
    public SpatialWeights ForAll()
    {
        var all = new bool[Count];
        Array.Fill(all, true);
        return For(all);
    }
}
