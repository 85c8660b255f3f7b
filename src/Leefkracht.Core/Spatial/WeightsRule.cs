using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NetTopologySuite.Geometries;

namespace Leefkracht.Core.Spatial;

/// <summary>Which neighbour rule builds the weights.</summary>
public enum WeightsKind
{
    /// <summary>Polygons sharing at least one vertex (within the snap tolerance).</summary>
    Queen,

    /// <summary>Polygons sharing at least two vertices (within the snap tolerance): an edge, not just a corner.</summary>
    Rook,

    /// <summary>Polygons whose boundaries come within the snap tolerance of each other, at vertices or along edges.</summary>
    Fuzzy,

    /// <summary>The k nearest centroids.</summary>
    Nearest,

    /// <summary>All centroids within a distance.</summary>
    DistanceBand,
}

/// <summary>
/// A neighbour rule with its parameters, written <c>queen</c>, <c>rook</c>, <c>fuzzy</c>, <c>knn:K</c> or <c>band:METRES</c>, plus the
/// snap tolerance of the contiguity rules and what happens to islands.
/// </summary>
/// <param name="Kind">The rule.</param>
/// <param name="K">k for <see cref="WeightsKind.Nearest"/>.</param>
/// <param name="Distance">The band in metres for <see cref="WeightsKind.DistanceBand"/>.</param>
/// <param name="Snap">The snap tolerance in metres for queen and rook (<see cref="DefaultSnap"/>).</param>
/// <param name="AttachIslands">Give every island its nearest area as a neighbour (and vice versa).</param>
public sealed record WeightsRule(WeightsKind Kind, int K = 0, double Distance = 0, double Snap = WeightsRule.DefaultSnap, bool AttachIslands = false)
{
    /// <summary>
    /// The default snap tolerance, 5 m: neighbouring polygons of generalised and approximate boundary files leave gaps
    /// and overlaps of metres (the approximate 2024 buurten of the sample: 4–40 m precision). docs/spatial.md §1.4
    /// measures how many neighbours each rule and tolerance finds.
    /// </summary>
    public const double DefaultSnap = 5.0;

    /// <summary>The default rule: boundaries within 5 m (<see cref="WeightsKind.Fuzzy"/>).</summary>
    public static WeightsRule Default { get; } = new(WeightsKind.Fuzzy);

    /// <summary>Parses <c>queen</c>, <c>rook</c>, <c>fuzzy</c>, <c>fuzzy</c>, <c>knn:K</c> or <c>band:METRES</c>.</summary>
    public static bool TryParse(string? text, double snap, bool attachIslands, [NotNullWhen(true)] out WeightsRule? rule, [NotNullWhen(false)] out string? error)
    {
        rule = null;
        error = null;
        var parts = (text ?? string.Empty).Trim().ToLowerInvariant().Split(':', 2);
        if (!double.IsFinite(snap) || snap < 0)
        {
            error = SpatialWords.Words.Format("Weights.Snap", snap.ToString(CultureInfo.InvariantCulture));
            return false;
        }

        switch (parts)
        {
            case ["queen"]:
                rule = new WeightsRule(WeightsKind.Queen, Snap: snap, AttachIslands: attachIslands);
                return true;
            case ["fuzzy"]:
                rule = new WeightsRule(WeightsKind.Fuzzy, Snap: snap, AttachIslands: attachIslands);
                return true;
            case ["rook"]:
                rule = new WeightsRule(WeightsKind.Rook, Snap: snap, AttachIslands: attachIslands);
                return true;
            case ["knn", var k] when int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var neighbours) && neighbours >= 1:
                rule = new WeightsRule(WeightsKind.Nearest, K: neighbours, Snap: snap, AttachIslands: attachIslands);
                return true;
            case ["band", var d] when double.TryParse(d, NumberStyles.Float, CultureInfo.InvariantCulture, out var metres) && metres > 0 && double.IsFinite(metres):
                rule = new WeightsRule(WeightsKind.DistanceBand, Distance: metres, Snap: snap, AttachIslands: attachIslands);
                return true;
            default:
                error = SpatialWords.Words.Format("Weights.Rule", text);
                return false;
        }
    }

    /// <summary>
    /// Builds binary weights for polygons in projected coordinates (metres); centroids serve the point rules and the
    /// island fallback.
    /// </summary>
    public SpatialWeights Build(IReadOnlyList<Geometry> polygons) => PreparedNeighbours.Prepare(this, polygons).ForAll();

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        WeightsKind.Queen => string.Create(CultureInfo.InvariantCulture, $"queen (snap {Snap} m)"),
        WeightsKind.Rook => string.Create(CultureInfo.InvariantCulture, $"rook (snap {Snap} m)"),
        WeightsKind.Fuzzy => string.Create(CultureInfo.InvariantCulture, $"fuzzy (gap ≤ {Snap} m)"),
        WeightsKind.Nearest => string.Create(CultureInfo.InvariantCulture, $"knn:{K}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"band:{Distance}"),
    } + (AttachIslands ? " + islands attached" : string.Empty);
}
