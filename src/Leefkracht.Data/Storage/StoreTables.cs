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
/// The logical schema every store implements: what a backup holds, in the order it is restored (tables referred to
/// come before the tables that refer to them). A store's migrations and this list change together; a test checks
/// that every table a migrated store holds is listed here, so nothing is left out of a backup.
/// </summary>
public static class StoreTables
{
    /// <summary>The version of this logical schema, written into backups.</summary>
    public const int Version = 2;

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

    /// <summary>Wijkaanpak parties (schema version 2).</summary>
    public static StoreTable Parties { get; } = Wijkaanpak("wk_parties", Text("name"), Text("type"));

    /// <summary>Wijkaanpak accounts; the password hash travels with backups (never a clear password).</summary>
    public static StoreTable Accounts { get; } = Wijkaanpak(
        "wk_accounts",
        Text("user_name"), Text("user_key"), Text("display_name"), Whole("party_id"), Text("role"), new("password_hash", ColumnKind.Text, Nullable: true),
        Whole("disabled"), Whole("failed_logins"), new("locked_until", ColumnKind.Timestamp, Nullable: true), Whole("version"));

    /// <summary>Area programmes.</summary>
    public static StoreTable Programmes { get; } = Wijkaanpak(
        "wk_programmes",
        Text("name"), Text("area_code"), Text("start_date"), Whole("start_year"), Text("description"), Text("goals_json"), Whole("coordinator_party_id"), Whole("published"), Whole("version"));

    /// <summary>Coalition memberships over time.</summary>
    public static StoreTable CoalitionMembers { get; } = Wijkaanpak(
        "wk_coalition_members", Whole("programme_id"), Whole("party_id"), Text("from_date"), new("to_date", ColumnKind.Text, Nullable: true), Whole("version"));

    /// <summary>Agreements.</summary>
    public static StoreTable Agreements { get; } = Wijkaanpak(
        "wk_agreements",
        Whole("programme_id"), Whole("owner_party_id"), Text("counterparties_json"), Text("title"), Text("deliverable"), Text("deadline"), Text("indicators_json"), Text("status"), Whole("version"));

    /// <summary>Agreement status history.</summary>
    public static StoreTable AgreementHistory { get; } = Wijkaanpak(
        "wk_agreement_history",
        Whole("agreement_id"), Text("from_status"), Text("to_status"), new("at", ColumnKind.Timestamp), new("account_id", ColumnKind.WholeNumber, Nullable: true), new("comment", ColumnKind.Text, Nullable: true));

    /// <summary>Comments on agreements.</summary>
    public static StoreTable Comments { get; } = Wijkaanpak(
        "wk_comments", Whole("agreement_id"), Whole("account_id"), Whole("party_id"), Text("text"), new("at", ColumnKind.Timestamp));

    /// <summary>Residents' initiatives.</summary>
    public static StoreTable Initiatives { get; } = Wijkaanpak(
        "wk_initiatives",
        Whole("programme_id"), Text("title"), Text("description"), Whole("submitted_by"), new("submitted_at", ColumnKind.Timestamp), Text("status"), new("note", ColumnKind.Text, Nullable: true), Whole("version"));

    /// <summary>Funding streams.</summary>
    public static StoreTable Funding { get; } = Wijkaanpak(
        "wk_funding", Whole("programme_id"), Whole("funder_party_id"), Whole("amount_cents"), Text("from_date"), Text("to_date"), Text("purpose"), Whole("version"));

    /// <summary>The audit trail of every wijkaanpak change.</summary>
    public static StoreTable Audit { get; } = Wijkaanpak(
        "wk_audit",
        new("at", ColumnKind.Timestamp), new("account_id", ColumnKind.WholeNumber, Nullable: true), new("account_name", ColumnKind.Text, Nullable: true),
        new("programme_id", ColumnKind.WholeNumber, Nullable: true), Text("entity"), Whole("entity_id"), Text("action"),
        new("before_json", ColumnKind.Text, Nullable: true), new("after_json", ColumnKind.Text, Nullable: true));

    /// <summary>Every table, referred-to tables first.</summary>
    public static ImmutableArray<StoreTable> All { get; } =
    [
        Imports, Areas, Indicators, Observations, Boundaries, Crosswalk,
        Parties, Accounts, Programmes, CoalitionMembers, Agreements, AgreementHistory, Comments, Initiatives, Funding, Audit,
    ];

    /// <summary>Tables that belong to the database machinery, not to the data (never backed up).</summary>
    public static ImmutableArray<string> Machinery { get; } = ["schema_migrations"];

    /// <summary>The tables a backup of logical schema <paramref name="version"/> holds.</summary>
    public static IEnumerable<StoreTable> InVersion(int version) => All.Where(t => t.Since <= version);

    /// <summary>
    /// A moment as stores keep it: UTC, cut to whole microseconds (PostgreSQL's resolution), so that a value reads
    /// back equal from either store and survives a backup round trip.
    /// </summary>
    public static DateTimeOffset Normalise(DateTimeOffset moment)
    {
        var utc = moment.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }

    private static StoreColumn Text(string name) => new(name, ColumnKind.Text);

    private static StoreColumn Whole(string name) => new(name, ColumnKind.WholeNumber);

    private static StoreTable Wijkaanpak(string name, params StoreColumn[] columns) =>
        new(name, [new("id", ColumnKind.WholeNumber), .. columns], ["id"], "id", Since: 2);
}
