using System.Collections.Immutable;

namespace Leefkracht.Data.Storage;

/// <summary>How a column's values travel between stores and backups.</summary>
public enum ColumnKind
{
    /// <summary>A whole number (<see cref="long"/>).</summary>
    WholeNumber,

    /// <summary>A double-precision number (<see cref="double"/>), kept bit for bit.</summary>
    Real,

    /// <summary>Text (<see cref="string"/>).</summary>
    Text,

    /// <summary>A moment (<see cref="DateTimeOffset"/> in UTC, to the microsecond). SQLite keeps ISO 8601 text, PostgreSQL <c>timestamptz</c>.</summary>
    Timestamp,

    /// <summary>
    /// A WGS84 geometry as WKB (<see cref="byte"/>[]). SQLite keeps the WKB blob plus a bounding box
    /// (<c>min_x … max_y</c>); PostgreSQL a PostGIS <c>geometry</c> column with SRID 4326 named <c>geom</c>.
    /// </summary>
    Geometry,
}

/// <summary>One column of a store table, as every store and the backup know it.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Kind">How values travel.</param>
/// <param name="Nullable">Whether the column may be empty.</param>
public sealed record StoreColumn(string Name, ColumnKind Kind, bool Nullable = false);

/// <summary>A table of the store, as every store and the backup know it.</summary>
/// <param name="Name">The table name (the same in every store).</param>
/// <param name="Columns">The columns, in backup order.</param>
/// <param name="Key">The columns of the primary key: rows are exported in this order, so backups are deterministic.</param>
/// <param name="Identity">The column whose values the store generates (its sequence is moved past restored rows), if any.</param>
/// <param name="Since">The logical schema version that added the table: a backup of an older version lacks it and restores it empty.</param>
public sealed record StoreTable(string Name, ImmutableArray<StoreColumn> Columns, ImmutableArray<string> Key, string? Identity = null, int Since = 1);

/// <summary>
/// The monitor's tables, as every store and backup know them, in the order they are restored (tables referred to
/// come before the tables that refer to them). A part's migrations and its table list change together; a test checks
/// that every table a migrated store holds is in its <see cref="StoreSchema"/>, so nothing is left out of a backup.
/// Other parts of the database (the wijkaanpak's) bring their own tables as a <see cref="StoreSchemaPart"/>.
/// </summary>
public static class StoreTables
{
    /// <summary>Import provenance.</summary>
    public static StoreTable Imports { get; } = new(
        "imports",
        [
            new("id", ColumnKind.WholeNumber), new("file_name", ColumnKind.Text), new("sha256", ColumnKind.Text), new("kind", ColumnKind.Text),
            new("shape", ColumnKind.Text), new("imported_at", ColumnKind.Timestamp), new("size_bytes", ColumnKind.WholeNumber),
            new("rows_read", ColumnKind.WholeNumber), new("rows_stored", ColumnKind.WholeNumber), new("rows_skipped", ColumnKind.WholeNumber),
            new("rows_rejected", ColumnKind.WholeNumber), new("areas_stored", ColumnKind.WholeNumber), new("values_stored", ColumnKind.WholeNumber),
            new("values_replaced", ColumnKind.WholeNumber), new("boundaries_stored", ColumnKind.WholeNumber), new("links_stored", ColumnKind.WholeNumber),
            new("errors", ColumnKind.WholeNumber), new("warnings", ColumnKind.WholeNumber), new("report_json", ColumnKind.Text),
        ],
        ["id"],
        "id");

    /// <summary>Areas: (code, division year).</summary>
    public static StoreTable Areas { get; } = new(
        "areas",
        [
            new("id", ColumnKind.WholeNumber), new("code", ColumnKind.Text), new("year", ColumnKind.WholeNumber), new("level", ColumnKind.WholeNumber),
            new("name", ColumnKind.Text, Nullable: true), new("gemeente", ColumnKind.Text, Nullable: true), new("parent", ColumnKind.Text, Nullable: true),
            new("import_id", ColumnKind.WholeNumber),
        ],
        ["id"],
        "id");

    /// <summary>Catalog indicator ids and their integer keys.</summary>
    public static StoreTable Indicators { get; } = new("indicators", [new("id", ColumnKind.WholeNumber), new("key", ColumnKind.Text)], ["id"], "id");

    /// <summary>Values.</summary>
    public static StoreTable Observations { get; } = new(
        "observations",
        [new("period", ColumnKind.WholeNumber), new("indicator_id", ColumnKind.WholeNumber), new("area_id", ColumnKind.WholeNumber), new("value", ColumnKind.Real), new("import_id", ColumnKind.WholeNumber)],
        ["period", "indicator_id", "area_id"]);

    /// <summary>Boundaries.</summary>
    public static StoreTable Boundaries { get; } = new(
        "boundaries",
        [new("area_id", ColumnKind.WholeNumber), new("wkb", ColumnKind.Geometry), new("import_id", ColumnKind.WholeNumber)],
        ["area_id"]);

    /// <summary>Crosswalk cells.</summary>
    public static StoreTable Crosswalk { get; } = new(
        "crosswalk",
        [
            new("level", ColumnKind.WholeNumber), new("variant", ColumnKind.Text), new("from_year", ColumnKind.WholeNumber), new("to_year", ColumnKind.WholeNumber),
            new("from_code", ColumnKind.Text), new("to_code", ColumnKind.Text), new("addresses", ColumnKind.Real), new("import_id", ColumnKind.WholeNumber),
        ],
        ["level", "variant", "from_year", "to_year", "from_code", "to_code"]);

    /// <summary>Leefbaarometer scores as published (schema version 3).</summary>
    public static StoreTable Leefbaarometer { get; } = new(
        "leefbaarometer",
        [
            new("unit", ColumnKind.WholeNumber), new("code", ColumnKind.Text), new("year", ColumnKind.WholeNumber), new("edition", ColumnKind.Text),
            new("reference", ColumnKind.Real), new("lbm", ColumnKind.Real), new("afw", ColumnKind.Real),
            new("fys", ColumnKind.Real, Nullable: true), new("onv", ColumnKind.Real, Nullable: true), new("soc", ColumnKind.Real, Nullable: true),
            new("vrz", ColumnKind.Real, Nullable: true), new("won", ColumnKind.Real, Nullable: true), new("kscore", ColumnKind.WholeNumber, Nullable: true),
            new("import_id", ColumnKind.WholeNumber),
        ],
        ["unit", "code", "year", "edition"],
        Since: 3);

    /// <summary>Postcode-to-area crosswalk cells (schema version 3).</summary>
    public static StoreTable PostcodeCrosswalk { get; } = new(
        "postcode_crosswalk",
        [
            new("level", ColumnKind.WholeNumber), new("variant", ColumnKind.Text), new("from_year", ColumnKind.WholeNumber), new("to_year", ColumnKind.WholeNumber),
            new("postcode", ColumnKind.Text), new("to_code", ColumnKind.Text), new("addresses", ColumnKind.Real), new("import_id", ColumnKind.WholeNumber),
        ],
        ["level", "variant", "from_year", "to_year", "postcode", "to_code"],
        Since: 3);

    /// <summary>
    /// The monitor's part of the database: its tables and migrations (<c>Storage/*/Migrations/0001_initial.sql</c>,
    /// <c>0003_leefbaarometer.sql</c>).
    /// </summary>
    public static StoreSchemaPart MonitorPart { get; } = StoreSchemaPart.FromResources(
        "monitor",
        [Imports, Areas, Indicators, Observations, Boundaries, Crosswalk, Leefbaarometer, PostcodeCrosswalk],
        typeof(StoreTables).Assembly,
        "Leefkracht.Data.Storage.Sqlite.Migrations.",
        "Leefkracht.Data.Storage.Postgres.Migrations.");

    /// <summary>
    /// Tables that belong to the database machinery, not to the data (never backed up): the migrations, and the stored
    /// results, which are computed again from the data (<see cref="IMonitorStore.SaveResultAsync"/>).
    /// </summary>
    public static ImmutableArray<string> Machinery { get; } = ["schema_migrations", "results"];

    /// <summary>
    /// A moment as stores keep it: UTC, cut to whole microseconds (PostgreSQL's resolution), so that a value reads
    /// back equal from either store and survives a backup round trip.
    /// </summary>
    public static DateTimeOffset Normalise(DateTimeOffset moment)
    {
        var utc = moment.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }
}
