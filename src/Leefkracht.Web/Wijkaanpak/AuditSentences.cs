using System.Text.Json;
using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Wijkaanpak.Storage;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>
/// An audit entry as one sentence in the reader's language: who (with their party) did what to which item, with
/// amounts in euros, dates written out and parties by name, never field names or ids ("Pim Dekker (Portaal) zette de
/// afspraak 'Woningmix Gagelbos' op 'in uitvoering'"). The words are UiText.resx's <c>Audit.*</c>.
/// </summary>
/// <param name="Parties">Party names by id.</param>
/// <param name="AccountParties">The party name of each account, by account id.</param>
internal sealed record AuditSentences(IReadOnlyDictionary<long, string> Parties, IReadOnlyDictionary<long, string> AccountParties)
{
    /// <summary>The parties and accounts of the store, read once for a page of entries.</summary>
    public static async Task<AuditSentences> LoadAsync(IWijkaanpakStore store, CancellationToken cancellationToken)
    {
        var parties = (await store.ListPartiesAsync(cancellationToken)).ToDictionary(p => p.Id, p => p.Name);
        var accounts = (await store.ListAccountsAsync(cancellationToken))
            .Where(a => parties.ContainsKey(a.PartyId))
            .ToDictionary(a => a.Id, a => parties[a.PartyId]);
        return new AuditSentences(parties, accounts);
    }

    /// <summary>The sentence of one entry.</summary>
    public string Describe(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var before = entry.BeforeJson is null ? null : JsonDocument.Parse(entry.BeforeJson);
        using var after = entry.AfterJson is null ? null : JsonDocument.Parse(entry.AfterJson);
        var was = before?.RootElement;
        var now = after?.RootElement ?? was;
        var who = Who(entry);
        string Text(string field) => now is { } n && n.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "?" : "?";
        string Party(string field) => now is { } n && n.TryGetProperty(field, out var v) && v.TryGetInt64(out var id) && Parties.TryGetValue(id, out var name) ? name : "?";
        string Date(string field) => now is { } n && n.TryGetProperty(field, out var v) && DateOnly.TryParse(v.GetString(), CultureInfo.InvariantCulture, out var d) ? LongDate(d) : "–";
        bool Changed(string field) => was is { } b && now is { } a && (!b.TryGetProperty(field, out var x) || !a.TryGetProperty(field, out var y) || x.GetRawText() != y.GetRawText());

        return (entry.Entity, entry.Action) switch
        {
            ("agreement", "create") => Words("Audit.AgreementCreated", who, Text("title"), Party("ownerPartyId"), Date("deadline")),
            ("agreement", "status") => Words("Audit.AgreementStatus", who, Text("title"), AgreementStatusName(Text("status"))),
            ("agreement", _) => Words("Audit.AgreementChanged", who, Text("title"), ChangedFields(was, now)),
            ("programme", "create") => Words("Audit.ProgrammeCreated", who, Text("name"), Text("areaCode")),
            ("programme", _) when Changed("published") && now?.GetProperty("published").GetBoolean() == true => Words("Audit.ProgrammePublished", who, Text("name")),
            ("programme", _) when Changed("published") => Words("Audit.ProgrammeWithdrawn", who, Text("name")),
            ("programme", _) => Words("Audit.ProgrammeChanged", who, Text("name"), ChangedFields(was, now)),
            ("coalition_member", "create") => Words("Audit.MemberAdded", who, Party("partyId"), Date("from")),
            ("coalition_member", _) => Words("Audit.MemberEnded", who, Party("partyId"), Date("to")),
            ("funding_stream", "create") => Words("Audit.FundingAdded", who, Euros(now, "amountCents"), Party("funderPartyId"), Text("purpose"), Date("from"), Date("to")),
            ("funding_stream", _) => Words("Audit.FundingChanged", who, Text("purpose"), ChangedFields(was, now)),
            ("initiative", "create") => Words("Audit.InitiativeSubmitted", who, Text("title")),
            ("initiative", _) => Words("Audit.InitiativeStatus", who, Text("title"), UiText.Words.Find("Audit.Initiative." + Text("status")) ?? Text("status")),
            ("comment", _) => Words("Audit.Commented", who),
            ("party", _) => Words("Audit.PartyCreated", who, Text("name"), UiText.Words.Find("Audit.PartyType." + Text("type")) ?? Text("type")),
            ("account", "create") => Words("Audit.AccountCreated", who, Text("userName"), Party("partyId"), UiText.Words.Find("Audit.Role." + Text("role")) ?? Text("role")),
            ("account", _) when Changed("disabled") && now?.GetProperty("disabled").GetBoolean() == true => Words("Audit.AccountDisabled", who, Text("userName")),
            ("account", _) when Changed("disabled") => Words("Audit.AccountEnabled", who, Text("userName")),
            ("account", _) => Words("Audit.AccountChanged", who, Text("userName"), ChangedFields(was, now)),
            _ => Words("Audit.Other", who, entry.Entity, entry.Action),
        };
    }

    /// <summary>"Pim Dekker (Portaal)", or the name the change was recorded under (a command-line import, say).</summary>
    private string Who(AuditEntry entry) =>
        entry.AccountId is { } id && AccountParties.TryGetValue(id, out var party)
            ? Words("Audit.Who", entry.AccountName ?? "?", party)
            : entry.AccountName ?? UiText.Words["Audit.System"];

    private static string Words(string key, params object?[] values) => UiText.Words.Format(key, values);

    /// <summary>
    /// "3 december 2025" or "3 December 2025": the app runs without culture data (globalization-invariant), so the
    /// month names are words of the resources.
    /// </summary>
    internal static string LongDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {UiText.Words["Audit.Months"].Split(',')[date.Month - 1]} {date.Year}");

    /// <summary>The agreement status in words (the board's names).</summary>
    private static string AgreementStatusName(string code) =>
        WireCodes.TryParse(code, out AgreementStatus status) ? WijkaanpakDtos.StatusLabel(status) : code;

    /// <summary>An amount in whole cents as euros in the reader's format ("€ 18.500.000").</summary>
    private static string Euros(JsonElement? item, string field) =>
        item is { } i && i.TryGetProperty(field, out var v) && v.TryGetInt64(out var cents)
            ? "€ " + (cents / 100m).ToString(cents % 100 == 0 ? "#,##0" : "#,##0.00", ReportText.Numbers)
            : "?";

    /// <summary>The names, in words, of the fields that differ (version and ids left out).</summary>
    private static string ChangedFields(JsonElement? before, JsonElement? after)
    {
        if (before is not { } b || after is not { } a)
        {
            return string.Empty;
        }

        var names = a.EnumerateObject()
            .Where(p => p.Name is not ("version" or "id") && (!b.TryGetProperty(p.Name, out var old) || old.GetRawText() != p.Value.GetRawText()))
            .Select(p => UiText.Words.Find("Audit.Field." + p.Name) ?? p.Name)
            .ToList();
        return names.Count == 0 ? UiText.Words["Audit.Field.none"] : string.Join(", ", names);
    }
}
