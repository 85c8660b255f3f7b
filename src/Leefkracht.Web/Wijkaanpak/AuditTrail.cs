using System.Text.Json;
using Leefkracht.Data.Export;
using Leefkracht.Wijkaanpak.Storage;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>Audit entries as the API gives them: JSON for a programme's trail and the accounts' trail, and CSV downloads.</summary>
internal static class AuditTrail
{
    /// <summary>Audit entries as the API gives them (before and after as JSON objects, and the change in words).</summary>
    internal static List<AuditEntryDto> Dtos(IEnumerable<AuditEntry> entries, AuditSentences sentences) =>
        [.. entries.Select(e => new AuditEntryDto(
            e.Id, e.At, e.AccountId is { } a ? new AccountRefDto(a, e.AccountName ?? "?") : null, e.ProgrammeId, e.Entity, e.EntityId, e.Action, Json(e.BeforeJson), Json(e.AfterJson),
            sentences.Describe(e)))];

    /// <summary>
    /// Audit entries as a CSV download (cells that a spreadsheet would run as formulas are defused), in the
    /// <paramref name="dialect"/> asked for or the one of the reader's language (<see cref="RequestErrors.CsvDialect"/>).
    /// An unknown <c>?lang=</c> is refused by the route group's <see cref="WijkaanpakSetup.CheckLanguage"/> filter.
    /// </summary>
    internal static IResult Csv(IEnumerable<AuditEntry> entries, AuditSentences sentences, string name, string? dialect)
    {
        var errors = new RequestErrors();
        var csvDialect = errors.CsvDialect(dialect);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return Tables.CsvFile(new ExportTable(
            "audit",
            ["id", "at", "account_id", "account", "entity", "entity_id", "action", "before", "after", "description"],
            [.. entries.Select(e => (IReadOnlyList<object?>)
            [
                e.Id, e.At.ToString("O", CultureInfo.InvariantCulture), e.AccountId, Tables.SafeCell(e.AccountName), e.Entity, e.EntityId, e.Action,
                Tables.SafeCell(e.BeforeJson), Tables.SafeCell(e.AfterJson), Tables.SafeCell(sentences.Describe(e)),
            ])]), csvDialect, name);
    }

    private static JsonElement? Json(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
