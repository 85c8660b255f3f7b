using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Leefkracht.Core.Spatial;

/// <summary>
/// Neighbours between points (area centroids in projected coordinates): the k nearest, or all within a distance.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>k nearest neighbours (spdep <c>knearneigh</c> + <c>knn2nb</c>, libpysal <c>KNN</c>): for each point the k
/// other points with the smallest Euclidean distance; ties at equal distance go to the lower index. The relation is
/// not symmetric.</item>
/// <item>Distance band (spdep <c>dnearneigh(x, 0, d)</c>, libpysal <c>DistanceBand(binary=True)</c>): every other
/// point at distance d_ij ≤ d (coincident points included, spdep's bounds "GE", "LE"). Symmetric.</item>
/// <item>Both search an STR-tree of the points, so each query touches only points near its own.</item>
/// </list>
/// See docs/spatial.md §1.2.
/// </remarks>
public static class PointNeighbours
{
    /// <summary>The k nearest other points of every point.</summary>
    /// <exception cref="ArgumentOutOfRangeException">k is not between 1 and n − 1.</exception>
    public static SpatialWeights Nearest(IReadOnlyList<Coordinate> points, int k)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, points.Count - 1);
        var tree = Index(points, out var bounds);
        var n = points.Count;

        // A first radius that holds about 2(k + 1) points if they were spread evenly over the bounding box.
        var start = Math.Sqrt(Math.Max(bounds.Area, 1) * 2 * (k + 1) / n / Math.PI);
        var lists = new int[n][];
        Parallel.For(0, n, i =>
        {
            var p = points[i];
            var radius = start;
            while (true)
            {
                var found = new List<(double Distance, int Index)>();
                foreach (var j in tree.Query(new Envelope(p.X - radius, p.X + radius, p.Y - radius, p.Y + radius)))
                {
                    var d = p.Distance(points[j]);
                    if (j != i && d <= radius)
                    {
                        found.Add((d, j));
                    }
                }

                // Points outside the circle may be nearer than the k-th only when fewer than k fall inside it.
                if (found.Count >= k)
                {
                    found.Sort();
                    lists[i] = [.. found.Take(k).Select(f => f.Index)];
                    return;
                }

                radius *= 2;
            }
        });

        return SpatialWeights.FromNeighbours(lists);
    }

    /// <summary>All other points within <paramref name="distance"/> (d_ij ≤ distance).</summary>
    public static SpatialWeights WithinDistance(IReadOnlyList<Coordinate> points, double distance)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(distance);
        var tree = Index(points, out _);
        var lists = new int[points.Count][];
        Parallel.For(0, points.Count, i =>
        {
            var p = points[i];
            var found = new List<int>();
            foreach (var j in tree.Query(new Envelope(p.X - distance, p.X + distance, p.Y - distance, p.Y + distance)))
            {
                var d = p.Distance(points[j]);
                if (j != i && d <= distance)
                {
                    found.Add(j);
                }
            }

            lists[i] = [.. found];
        });

        return SpatialWeights.FromNeighbours(lists);
    }

    private static STRtree<int> Index(IReadOnlyList<Coordinate> points, out Envelope bounds)
    {
        var tree = new STRtree<int>();
        bounds = new Envelope();
        for (var i = 0; i < points.Count; i++)
        {
            tree.Insert(new Envelope(points[i]), i);
            bounds.ExpandToInclude(points[i]);
        }

        tree.Build();
        return tree;
    }
}
