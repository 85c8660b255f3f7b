using Leefkracht.Core.Geography;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace Leefkracht.Data.Import.Boundaries;

/// <summary>One change made to a geometry to make it valid.</summary>
/// <param name="Kind">The kind of problem, stable across features and languages: the code of its words (<c>Geometry.Unclosed</c>, <c>Topology.SelfIntersection</c>).</param>
/// <param name="Detail">What was wrong and where.</param>
internal readonly record struct GeometryRepair(string Kind, string Detail);

/// <summary>The outcome of <see cref="BoundaryGeometry.Build"/>.</summary>
/// <param name="Geometry">A valid, non-empty Polygon or MultiPolygon in WGS84, or <see langword="null"/>.</param>
/// <param name="Repairs">Changes to the shape or structure (worth a warning).</param>
/// <param name="RepeatedPoints">Consecutive duplicate points dropped (legal, harmless: worth a note).</param>
/// <param name="Error">Why there is no geometry.</param>
internal sealed record GeometryOutcome(Geometry? Geometry, IReadOnlyList<GeometryRepair> Repairs, int RepeatedPoints, string? Error);

/// <summary>
/// Turns raw polygon coordinates into a valid WGS84 Polygon or MultiPolygon:
/// <list type="bullet">
/// <item><description>consecutive repeated points are dropped and unclosed rings closed;</description></item>
/// <item><description>rings with fewer than 3 distinct points are dropped (a hole) or drop their polygon (a shell);</description></item>
/// <item><description>RD New coordinates are converted with <see cref="RdNew.ToWgs84(Geometry)"/>;</description></item>
/// <item><description>an invalid result (self-intersection, bow-tie, overlapping parts, hole outside its shell…) is named
/// with <see cref="IsValidOp"/> and repaired with NTS's <see cref="GeometryFixer"/>;</description></item>
/// <item><description>rings are oriented as RFC 7946 asks: shells counter-clockwise, holes clockwise.</description></item>
/// </list>
/// </summary>
internal static class BoundaryGeometry
{
    private static readonly GeometryFactory Wgs84Factory = NtsGeometryServices.Instance.CreateGeometryFactory(RdNew.Wgs84Srid);
    private static readonly GeometryFactory RdFactory = NtsGeometryServices.Instance.CreateGeometryFactory(RdNew.Srid);

    /// <summary>Builds the geometry; see the class summary for the steps.</summary>
    public static GeometryOutcome Build(RawPolygons raw, BoundaryCrs crs)
    {
        var factory = crs == BoundaryCrs.RdNew ? RdFactory : Wgs84Factory;
        var repairs = new List<GeometryRepair>();
        var repeated = 0;
        var polygons = new List<Polygon>(raw.PolygonEnds.Length);
        var ring = 0;
        for (var p = 0; p < raw.PolygonEnds.Length; p++)
        {
            LinearRing? shell = null;
            var holes = new List<LinearRing>();
            for (var r = ring; r < raw.PolygonEnds[p]; r++)
            {
                var coordinates = CleanRing(raw.Xy, r == 0 ? 0 : raw.RingEnds[r - 1], raw.RingEnds[r], ref repeated, out var wasClosed);
                var isShell = r == ring;
                if (!wasClosed)
                {
                    repairs.Add(new("Geometry.Unclosed", ImportWords.Words.Format("Geometry.Unclosed", What(isShell, r - ring, p))));
                }

                if (coordinates.Length < 4)
                {
                    var distinct = ImportWords.Count(Math.Max(coordinates.Length - 1, 1), "DistinctPoint");
                    var degenerate = isShell ? "Geometry.DegenerateShell" : "Geometry.DegenerateHole";
                    repairs.Add(new(degenerate, ImportWords.Words.Format(degenerate, What(isShell, r - ring, p), distinct)));
                    if (isShell)
                    {
                        break;
                    }

                    continue;
                }

                if (isShell)
                {
                    shell = factory.CreateLinearRing(coordinates);
                }
                else
                {
                    holes.Add(factory.CreateLinearRing(coordinates));
                }
            }

            ring = raw.PolygonEnds[p];
            if (shell is not null)
            {
                polygons.Add(factory.CreatePolygon(shell, [.. holes]));
            }
        }

        if (polygons.Count == 0)
        {
            return new GeometryOutcome(null, repairs, repeated, ImportWords.Words.Format("Geometry.NothingLeft", Join(repairs)));
        }

        Geometry geometry = polygons.Count == 1 ? polygons[0] : factory.CreateMultiPolygon([.. polygons]);
        if (crs == BoundaryCrs.RdNew)
        {
            geometry = RdNew.ToWgs84(geometry);
        }

        var validation = new IsValidOp(geometry);
        if (!validation.IsValid)
        {
            var error = validation.ValidationError;
            // NTS words its validation errors in English only; its error type names the words.
            var problem = ImportWords.Words.Find("Topology." + error.ErrorType) ?? error.Message;
            repairs.Add(new("Topology." + error.ErrorType, ImportWords.Words.Format("Geometry.Invalid", problem, BoundaryJson.Format(error.Coordinate.X), BoundaryJson.Format(error.Coordinate.Y))));
            geometry = Polygonal(GeometryFixer.Fix(geometry));
            if (geometry.IsEmpty)
            {
                return new GeometryOutcome(null, repairs, repeated, ImportWords.Words.Format("Geometry.RepairLeavesNothing", Join(repairs)));
            }
        }

        return new GeometryOutcome(Orient(geometry), repairs, repeated, null);
    }

    /// <summary>The repairs as one sentence.</summary>
    public static string Join(IEnumerable<GeometryRepair> repairs) => string.Join("; ", repairs.Select(r => r.Detail));

    private static string What(bool isShell, int hole, int polygon) =>
        isShell ? ImportWords.Words.Format("Geometry.Shell", polygon + 1) : ImportWords.Words.Format("Geometry.Hole", hole, polygon + 1);

    private static Coordinate[] CleanRing(double[] xy, int start, int end, ref int repeated, out bool wasClosed)
    {
        // Sized for the common case (closed, no repeats) so that most rings need exactly one array.
        var coordinates = new Coordinate[end - start];
        var count = 0;
        for (var i = start; i < end; i++)
        {
            var x = xy[2 * i];
            var y = xy[(2 * i) + 1];
            if (count > 0 && coordinates[count - 1].X == x && coordinates[count - 1].Y == y)
            {
                repeated++;
                continue;
            }

            coordinates[count++] = new Coordinate(x, y);
        }

        wasClosed = count == 0 || coordinates[0].Equals2D(coordinates[count - 1]);
        if (!wasClosed)
        {
            Array.Resize(ref coordinates, count + 1);
            coordinates[count] = coordinates[0].Copy();
        }
        else if (count < coordinates.Length)
        {
            Array.Resize(ref coordinates, count);
        }

        return coordinates;
    }

    private static Geometry Polygonal(Geometry geometry)
    {
        if (geometry is Polygon or MultiPolygon)
        {
            return geometry;
        }

        var polygons = PolygonExtracter.GetPolygons(geometry).Cast<Polygon>().ToArray();
        return polygons.Length == 1 ? polygons[0] : geometry.Factory.CreateMultiPolygon(polygons);
    }

    private static Geometry Orient(Geometry geometry) => geometry switch
    {
        Polygon polygon => Orient(polygon),
        MultiPolygon multi => multi.Factory.CreateMultiPolygon([.. multi.Geometries.Cast<Polygon>().Select(Orient)]),
        _ => geometry,
    };

    private static Polygon Orient(Polygon polygon)
    {
        var shell = polygon.Shell.IsCCW ? polygon.Shell : (LinearRing)polygon.Shell.Reverse();
        var holes = polygon.Holes.Select(hole => hole.IsCCW ? (LinearRing)hole.Reverse() : hole).ToArray();
        var unchanged = ReferenceEquals(shell, polygon.Shell) && holes.Select((hole, i) => ReferenceEquals(hole, polygon.Holes[i])).All(same => same);
        return unchanged ? polygon : polygon.Factory.CreatePolygon(shell, holes);
    }

}
