namespace Leefkracht.Data.Storage.Relational;

/// <summary>
/// The few places where the SQL of the two stores differs; everything else in <see cref="StoreReads"/> is the same
/// text for both (standard SQL with <c>@name</c> parameters, which Microsoft.Data.Sqlite and Npgsql both accept).
/// </summary>
/// <param name="CaseInsensitiveLike">The case-insensitive LIKE operator.</param>
/// <param name="BoundaryWkb">The expression that reads boundary <c>b</c>'s geometry as WKB.</param>
/// <param name="BoundaryInBox">A condition on boundary <c>b</c>: its bounding box overlaps <c>@x0, @y0, @x1, @y1</c>.</param>
internal sealed record SqlDialect(string CaseInsensitiveLike, string BoundaryWkb, string BoundaryInBox)
{
    /// <summary>SQLite: LIKE ignores ASCII case; boundaries are WKB blobs with bounding-box columns.</summary>
    public static SqlDialect Sqlite { get; } = new(
        "LIKE",
        "b.wkb",
        "b.max_x >= @x0 AND b.min_x <= @x1 AND b.max_y >= @y0 AND b.min_y <= @y1");

    /// <summary>PostgreSQL with PostGIS: ILIKE; boundaries are geometry(4326) with a GiST index for the box test.</summary>
    public static SqlDialect Postgres { get; } = new(
        "ILIKE",
        "ST_AsBinary(b.geom)",
        "b.geom && ST_MakeEnvelope(@x0, @y0, @x1, @y1, 4326)");
}
