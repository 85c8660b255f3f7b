using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Leefkracht.Wijkaanpak.Domain;

namespace Leefkracht.Wijkaanpak.Storage;

/// <summary>
/// How one entity type maps to its table: the columns after <c>id</c> (a versioned table ends with <c>version</c>),
/// how a row reads back, the values to write, and how the entity appears in the audit trail. <paramref name="Derived"/>
/// are read-only expressions selected after the columns (never written), such as a value taken from another table.
/// </summary>
internal sealed record EntityMap<T>(
    string Table,
    string Entity,
    string[] Columns,
    Func<Row, T> Read,
    Func<T, object?[]> Values,
    Func<T, long> Id,
    Func<T, long, T> WithId,
    Func<T, long?> ProgrammeId,
    Func<T, int>? Version = null,
    Func<T, int, T>? WithVersion = null,
    Func<T, object>? Audit = null,
    string[]? Derived = null)
    where T : class
{
    public string SelectColumns => "id, " + string.Join(", ", [.. Columns, .. Derived ?? []]);
}

/// <summary>The JSON of the audit trail and of the small list columns: camelCase, enums as their wire codes.</summary>
internal static class WijkaanpakJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Write<TValue>(TValue value) => JsonSerializer.Serialize(value, Options);

    public static TValue Read<TValue>(string json) => JsonSerializer.Deserialize<TValue>(json, Options) ?? throw new JsonException("null where a value was expected");
}

/// <summary>The tables of the wijkaanpak (migration 0002_wijkaanpak.sql) as <see cref="EntityMap{T}"/>s.</summary>
internal static class EntityMaps
{
    public static EntityMap<Party> Parties { get; } = new(
        "wk_parties",
        "party",
        ["name", "type"],
        r => new Party(r.Long(0), r.Text(1), Parse<PartyType>(r.Text(2))),
        p => [p.Name, p.Type.Code()],
        p => p.Id,
        (p, id) => p with { Id = id },
        _ => null);

    public static EntityMap<AccountRecord> Accounts { get; } = new(
        "wk_accounts",
        "account",
        ["user_name", "user_key", "display_name", "party_id", "role", "password_hash", "disabled", "failed_logins", "locked_until", "version"],
        r => new AccountRecord(r.Long(0), r.Text(1), r.Text(3), r.Long(4), Parse<Role>(r.Text(5)), r.TextOrNull(6), r.Bool(7), r.Int(8), r.MomentOrNull(9), r.Int(10)),
        a => [a.UserName, Key(a.UserName), a.DisplayName, a.PartyId, a.Role.Code(), a.PasswordHash, a.Disabled ? 1L : 0L, (long)a.FailedLogins, a.LockedUntil, (long)a.Version],
        a => a.Id,
        (a, id) => a with { Id = id },
        _ => null,
        a => a.Version,
        (a, v) => a with { Version = v },
        a => a.ForAudit());

    public static EntityMap<Programme> Programmes { get; } = new(
        "wk_programmes",
        "programme",
        ["name", "area_code", "start_date", "start_year", "description", "goals_json", "coordinator_party_id", "published", "version"],
        r => new Programme(r.Long(0), r.Text(1), r.Text(2), r.Date(3), r.Int(4), r.Text(5), WijkaanpakJson.Read<ImmutableArray<ProgrammeGoal>>(r.Text(6)), r.Long(7), r.Bool(8), r.Int(9)),
        p => [p.Name, p.AreaCode, Dates.Text(p.StartDate), (long)p.StartYear, p.Description, WijkaanpakJson.Write(p.Goals), p.CoordinatorPartyId, p.Published ? 1L : 0L, (long)p.Version],
        p => p.Id,
        (p, id) => p with { Id = id },
        p => p.Id,
        p => p.Version,
        (p, v) => p with { Version = v });

    public static EntityMap<CoalitionMember> Members { get; } = new(
        "wk_coalition_members",
        "coalition_member",
        ["programme_id", "party_id", "from_date", "to_date", "version"],
        r => new CoalitionMember(r.Long(0), r.Long(1), r.Long(2), r.Date(3), r.DateOrNull(4), r.Int(5)),
        m => [m.ProgrammeId, m.PartyId, Dates.Text(m.From), Dates.Text(m.To), (long)m.Version],
        m => m.Id,
        (m, id) => m with { Id = id },
        m => m.ProgrammeId,
        m => m.Version,
        (m, v) => m with { Version = v });

    /// <summary>
    /// Agreements, with the day a person last set the status (the newest history entry with an account), as a date
    /// in <paramref name="zone"/>, the clock's: the late rule compares it with the deadline day. The history is the
    /// one record of it, so nothing has to be kept in step and stores and backups of every version have it.
    /// </summary>
    public static EntityMap<Agreement> AgreementsIn(TimeZoneInfo zone) => new(
        "wk_agreements",
        "agreement",
        ["programme_id", "owner_party_id", "counterparties_json", "title", "deliverable", "deadline", "indicators_json", "status", "version"],
        r => new Agreement(
            r.Long(0), r.Long(1), r.Long(2), WijkaanpakJson.Read<ImmutableArray<long>>(r.Text(3)), r.Text(4), r.Text(5), r.Date(6),
            WijkaanpakJson.Read<ImmutableArray<IndicatorTarget>>(r.Text(7)), ParseStatus(r.Text(8)), r.Int(9),
            r.MomentOrNull(10) is { } setAt ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(setAt, zone).DateTime) : null),
        a => [a.ProgrammeId, a.OwnerPartyId, WijkaanpakJson.Write(a.CounterpartyIds), a.Title, a.Deliverable, Dates.Text(a.Deadline), WijkaanpakJson.Write(a.Indicators), a.Status.Code(), (long)a.Version],
        a => a.Id,
        (a, id) => a with { Id = id },
        a => a.ProgrammeId,
        a => a.Version,
        (a, v) => a with { Version = v },
        a => a with { StatusSetOn = null },
        ["(SELECT MAX(h.at) FROM wk_agreement_history h WHERE h.agreement_id = wk_agreements.id AND h.account_id IS NOT NULL)"]);

    public static EntityMap<AgreementComment> Comments { get; } = new(
        "wk_comments",
        "comment",
        ["agreement_id", "account_id", "party_id", "text", "at"],
        r => new AgreementComment(r.Long(0), r.Long(1), r.Long(2), r.Long(3), r.Text(4), r.Moment(5)),
        c => [c.AgreementId, c.AccountId, c.PartyId, c.Text, c.At],
        c => c.Id,
        (c, id) => c with { Id = id },
        _ => null);

    public static EntityMap<Initiative> Initiatives { get; } = new(
        "wk_initiatives",
        "initiative",
        ["programme_id", "title", "description", "submitted_by", "submitted_at", "status", "note", "version"],
        r => new Initiative(r.Long(0), r.Long(1), r.Text(2), r.Text(3), r.Long(4), r.Moment(5), ParseInitiative(r.Text(6)), r.TextOrNull(7), r.Int(8)),
        i => [i.ProgrammeId, i.Title, i.Description, i.SubmittedBy, i.SubmittedAt, i.Status.Code(), i.Note, (long)i.Version],
        i => i.Id,
        (i, id) => i with { Id = id },
        i => i.ProgrammeId,
        i => i.Version,
        (i, v) => i with { Version = v });

    public static EntityMap<Funding> Funding { get; } = new(
        "wk_funding",
        "funding_stream",
        ["programme_id", "funder_party_id", "amount_cents", "from_date", "to_date", "purpose", "version"],
        r => new Funding(r.Long(0), r.Long(1), r.Long(2), r.Long(3), r.Date(4), r.Date(5), r.Text(6), r.Int(7)),
        f => [f.ProgrammeId, f.FunderPartyId, f.AmountCents, Dates.Text(f.From), Dates.Text(f.To), f.Purpose, (long)f.Version],
        f => f.Id,
        (f, id) => f with { Id = id },
        f => f.ProgrammeId,
        f => f.Version,
        (f, v) => f with { Version = v });

    /// <summary>The unique key of a user name: names are unique whatever their case.</summary>
    public static string Key(string userName) => userName.Trim().ToLowerInvariant();

    private static T Parse<T>(string code)
        where T : struct, Enum => Enum.Parse<T>(code, ignoreCase: true);

    public static AgreementStatus ParseStatus(string code) =>
        WireCodes.TryParse(code, out AgreementStatus status) ? status : throw new InvalidDataException($"unknown agreement status '{code}' in the store");

    private static InitiativeStatus ParseInitiative(string code) =>
        WireCodes.TryParse(code, out InitiativeStatus status) ? status : throw new InvalidDataException($"unknown initiative status '{code}' in the store");
}
