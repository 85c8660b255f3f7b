using Leefkracht.Data.Storage;

namespace Leefkracht.Wijkaanpak.Storage;

/// <summary>
/// The wijkaanpak's part of the database: its tables, as every store and backup know them (added in schema version 2,
/// so a backup of version 1 restores them empty), and its migrations (<c>Storage/Migrations/*/0002_wijkaanpak.sql</c>, <c>0004_sessions.sql</c>; 0003 is the monitor's: the numbers are one sequence over all parts).
/// </summary>
public static class WijkaanpakSchema
{
    /// <summary>Parties (schema version 2).</summary>
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

    /// <summary>
    /// The Data Protection key ring of the web app (schema version 4): kept in the store so that instances on one
    /// database share it and no other database has it (docs/security.md).
    /// </summary>
    public static StoreTable ProtectionKeys { get; } = Since(4, "wk_protection_keys", Text("name"), Text("xml"));

    /// <summary>Signed-in sessions (schema version 4): the SHA-256 of each cookie's token, never the token.</summary>
    public static StoreTable Sessions { get; } = Since(
        4,
        "wk_sessions", Whole("account_id"), Text("token_hash"), new("created_at", ColumnKind.Timestamp), new("expires_at", ColumnKind.Timestamp));

    /// <summary>The part: the tables above, referred-to tables first, and migrations 0002 and 0004 for SQLite and PostgreSQL.</summary>
    public static StoreSchemaPart Part { get; } = StoreSchemaPart.FromResources(
        "wijkaanpak",
        [Parties, Accounts, Programmes, CoalitionMembers, Agreements, AgreementHistory, Comments, Initiatives, Funding, Audit, ProtectionKeys, Sessions],
        typeof(WijkaanpakSchema).Assembly,
        "Leefkracht.Wijkaanpak.Storage.Migrations.Sqlite.",
        "Leefkracht.Wijkaanpak.Storage.Migrations.Postgres.");

    /// <summary>
    /// Leefkracht's database: the monitor's part and the wijkaanpak's. The command line, the web app and the tests
    /// open every store with it, so that each migrates, exports and restores all of it.
    /// </summary>
    public static StoreSchema Database { get; } = StoreSchema.Monitor.With(Part);

    private static StoreColumn Text(string name) => new(name, ColumnKind.Text);

    private static StoreColumn Whole(string name) => new(name, ColumnKind.WholeNumber);

    private static StoreTable Wijkaanpak(string name, params StoreColumn[] columns) => Since(2, name, columns);

    private static StoreTable Since(int since, string name, params StoreColumn[] columns) =>
        new(name, [new("id", ColumnKind.WholeNumber), .. columns], ["id"], "id", since);
}
