using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Wijkaanpak.Storage;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>A programme's audit trail, as JSON and CSV. Part of <c>/api/v1/wijkaanpak</c> (routes: <see cref="WijkaanpakRoutes"/>).</summary>
public static class AuditApi
{
    internal static async Task<IResult> ListAudit(long id, WijkaanpakSession s, CancellationToken ct)
    {
        var (entries, refusal) = await AuditAsync(id, s, ct);
        return refusal ?? TypedResults.Ok(AuditTrail.Dtos(entries!, await AuditSentences.LoadAsync(s.Store, ct)));
    }

    internal static async Task<IResult> AuditCsv(long id, WijkaanpakSession s, CancellationToken ct, string? dialect = null)
    {
        var (entries, refusal) = await AuditAsync(id, s, ct);
        return refusal ?? AuditTrail.Csv(entries!, await AuditSentences.LoadAsync(s.Store, ct), $"leefkracht-audit-{id}", dialect);
    }

    private static async Task<(IReadOnlyList<AuditEntry>? Entries, IResult? Refusal)> AuditAsync(long id, WijkaanpakSession s, CancellationToken ct)
    {
        if (await s.VisibleProgrammeAsync(id, ct) is not { } access)
        {
            return (null, WijkaanpakSession.NotFound("programme"));
        }

        return WijkaanpakPolicy.CanSeeAudit(s.Actor, access, s.Today)
            ? (await s.Store.LoadAuditAsync(id, ct), null)
            : (null, WijkaanpakSession.Forbidden(ProblemText.Words["Wk.Forbidden.Audit"]));
    }
}
