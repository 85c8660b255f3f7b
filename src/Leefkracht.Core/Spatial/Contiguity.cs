using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Distance;

namespace Leefkracht.Core.Spatial;

/// <summary>
/// Queen and rook contiguity between polygons with a snap tolerance, by the rule of R spdep's <c>poly2nb</c>:
/// two polygons are neighbours when enough pairs of their boundary vertices lie within <c>snap</c> of each other.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Queen: at least one vertex pair (p, q), p of polygon a and q of polygon b, with ‖p − q‖ ≤ snap.</item>
/// <item>Rook: at least two such pairs (spdep counts pairs, not distinct shared points, so a vertex of a within
/// snap of two vertices of b counts twice; we count the same way so that lists agree exactly).</item>
/// <item>The vertices are those of <c>sf::st_coordinates</c>: every ring of every part in order, closing points
/// included, without the feature's very first coordinate (spdep issue 50). That makes a single-ring polygon's
/// vertex set its distinct points.</item>
/// <item>Coordinates must be projected (RD New metres): the tolerance is a distance in their units.</item>
/// <item>Candidate pairs come from an STR-tree of envelopes grown by the tolerance; each candidate pair is then
/// counted with a sweep over x-sorted vertices, so the cost grows with the number of vertices near the shared
/// boundary, not with the product of vertex counts.</item>
/// </list>
/// Source: Bivand, R. spdep <c>poly2nb</c> and <c>polypolyC</c> (src/polypoly.c); see docs/spatial.md §1.1.
/// </remarks>
public static class Contiguity
{
    /// <summary>Queen contiguity: at least one pair of vertices within <paramref name="snap"/>.</summary>
    /// <param name="polygons">Polygons or multipolygons in projected coordinates.</param>
    /// <param name="snap">The tolerance in coordinate units (metres for RD New); spdep's default is √ε ≈ 1.5e-8.</param>
    public static SpatialWeights Queen(IReadOnlyList<Geometry> polygons, double snap) => Build(polygons, snap, requiredPairs: 1);

    /// <summary>Rook contiguity: at least two pairs of vertices within <paramref name="snap"/>.</summary>
    /// <param name="polygons">Polygons or multipolygons in projected coordinates.</param>
    /// <param name="snap">The tolerance in coordinate units.</param>
    public static SpatialWeights Rook(IReadOnlyList<Geometry> polygons, double snap) => Build(polygons, snap, requiredPairs: 2);

    /// <summary>
    /// Boundary-distance contiguity ("fuzzy"): polygons are neighbours when the shortest distance between them is at
    /// most <paramref name="tolerance"/>, vertices or not (sf <c>st_is_within_distance</c>; libpysal
    /// <c>fuzzy_contiguity</c> with buffer = tolerance/2). Finds neighbours whose shared edges were simplified to
    /// different vertices, which the vertex rule misses.
    /// </summary>
    /// <param name="polygons">Polygons or multipolygons in projected coordinates.</param>
    /// <param name="tolerance">The largest gap in coordinate units that still counts as touching.</param>
    public static SpatialWeights WithinDistance(IReadOnlyList<Geometry> polygons, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        var n = polygons.Count;
        var tree = new STRtree<int>();
        for (var i = 0; i < n; i++)
        {
            tree.Insert(Grown(polygons[i].EnvelopeInternal, tolerance), i);
        }

        tree.Build();

        // Most neighbours share a vertex within the tolerance, which the cheap vertex sweep finds; only the other
        // candidates need a true distance. Facet indexes make that logarithmic in the vertex count and are built only
        // for polygons that need them; the point locator catches a polygon lying inside another without a matching
        // hole (overlapping approximations), whose boundaries may be far apart.
        var vertices = new SortedVertices[n];
        Parallel.For(0, n, i => vertices[i] = SortedVertices.Of(polygons[i]));
        var facets = new IndexedFacetDistance?[n];
        var locators = new IndexedPointInAreaLocator?[n];
        var later = new List<int>[n];
        Parallel.For(0, n, i =>
        {
            var found = new List<int>();
            foreach (var j in tree.Query(Grown(polygons[i].EnvelopeInternal, tolerance)))
            {
                if (j > i && Touch(i, j))
                {
                    found.Add(j);
                }
            }

            later[i] = found;
        });
        return Symmetric(later);

        bool Touch(int a, int b)
        {
            if (polygons[a].EnvelopeInternal.Distance(polygons[b].EnvelopeInternal) > tolerance)
            {
                return false;
            }

            if (CountPairs(vertices[a], vertices[b], tolerance, 1) > 0)
            {
                return true;
            }

            // Index the polygon with more vertices; the other one is passed as the query geometry.
            var (large, small) = vertices[a].Count >= vertices[b].Count ? (a, b) : (b, a);
            return Cached(facets, large, () => new IndexedFacetDistance(polygons[large])).IsWithinDistance(polygons[small], tolerance)
                || Cached(locators, a, () => new IndexedPointInAreaLocator(polygons[a])).Locate(polygons[b].Coordinate) != Location.Exterior
                || Cached(locators, b, () => new IndexedPointInAreaLocator(polygons[b])).Locate(polygons[a].Coordinate) != Location.Exterior;
        }
    }

    /// <summary>An index built on first use; when two threads race, one index wins and both use it.</summary>
    private static T Cached<T>(T?[] cache, int i, Func<T> build)
        where T : class =>
        Volatile.Read(ref cache[i]) ?? Interlocked.CompareExchange(ref cache[i], build(), null) ?? cache[i]!;

    private static Envelope Grown(Envelope envelope, double by)
    {
        var grown = envelope.Copy();
        grown.ExpandBy(by);
        return grown;
    }

    private static SpatialWeights Symmetric(List<int>[] later)
    {
        var n = later.Length;
        var lists = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            lists[i] = [];
        }

        for (var i = 0; i < n; i++)
        {
            foreach (var j in later[i])
            {
                lists[i].Add(j);
                lists[j].Add(i);
            }
        }

        return SpatialWeights.FromNeighbours(lists);
    }

    private static SpatialWeights Build(IReadOnlyList<Geometry> polygons, double snap, int requiredPairs)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        ArgumentOutOfRangeException.ThrowIfNegative(snap);
        var n = polygons.Count;
        var vertices = new SortedVertices[n];
        var tree = new STRtree<int>();
        for (var i = 0; i < n; i++)
        {
            vertices[i] = SortedVertices.Of(polygons[i]);
            tree.Insert(vertices[i].Envelope(snap), i);
        }

        tree.Build();
        var later = new List<int>[n];
        Parallel.For(0, n, i =>
        {
            var found = new List<int>();
            foreach (var j in tree.Query(vertices[i].Envelope(snap)))
            {
                if (j > i && CountPairs(vertices[i], vertices[j], snap, requiredPairs) >= requiredPairs)
                {
                    found.Add(j);
                }
            }

            later[i] = found;
        });

        return Symmetric(later);
    }

    /// <summary>The number of vertex pairs within snap, counted up to <paramref name="enough"/>.</summary>
    private static int CountPairs(SortedVertices a, SortedVertices b, double snap, int enough)
    {
        if (a.Count > b.Count)
        {
            (a, b) = (b, a);
        }

        var count = 0;
        var reach = b.Envelope(snap);
        for (var k = 0; k < a.Count && count < enough; k++)
        {
            var x = a.X[k];
            var y = a.Y[k];
            if (x < reach.MinX || x > reach.MaxX || y < reach.MinY || y > reach.MaxY)
            {
                continue;
            }

            for (var m = b.FirstAtOrAbove(x - snap); m < b.Count && count < enough; m++)
            {
                var dx = x - b.X[m];
                if (dx < -snap)
                {
                    break;
                }

                var dy = y - b.Y[m];
                if (Math.Abs(dy) <= snap && Math.Abs(dx) <= snap && Math.Sqrt((dx * dx) + (dy * dy)) <= snap)
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>A polygon's vertex set (spdep's selection), sorted by x.</summary>
    private sealed class SortedVertices
    {
        private readonly Envelope _bounds;

        private SortedVertices(double[] x, double[] y)
        {
            X = x;
            Y = y;
            _bounds = new Envelope();
            for (var k = 0; k < x.Length; k++)
            {
                _bounds.ExpandToInclude(x[k], y[k]);
            }
        }

        public double[] X { get; }

        public double[] Y { get; }

        public int Count => X.Length;

        public Envelope Envelope(double snap) => Grown(_bounds, snap);

        public static SortedVertices Of(Geometry geometry)
        {
            var coordinates = new List<Coordinate>();
            for (var p = 0; p < geometry.NumGeometries; p++)
            {
                if (geometry.GetGeometryN(p) is not Polygon polygon)
                {
                    throw new ArgumentException($"contiguity needs polygons, not {geometry.GetGeometryN(p).GeometryType}", nameof(geometry));
                }

                coordinates.AddRange(polygon.ExteriorRing.Coordinates);
                foreach (var hole in polygon.InteriorRings)
                {
                    coordinates.AddRange(hole.Coordinates);
                }
            }

            // spdep drops the feature's first coordinate (the duplicate of the first ring's closing point).
            var points = coordinates.Skip(1).OrderBy(c => c.X).ThenBy(c => c.Y).ToArray();
            return new SortedVertices([.. points.Select(c => c.X)], [.. points.Select(c => c.Y)]);
        }

        public int FirstAtOrAbove(double x)
        {
            int low = 0, high = X.Length;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (X[middle] < x)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }
    }
}
