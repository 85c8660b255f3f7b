using Leefkracht.Web.Monitor;
using Leefkracht.Wijkaanpak.Domain;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>
/// Programmes as the API shows them, with their area's name from the monitor: the summary in lists and in the
/// accountability view, the full programme with its coalition. Shared by the programme and accountability endpoints.
/// </summary>
internal sealed class ProgrammeViews(DashboardMonitor dashboard)
{
    public async Task<ProgrammeSummaryDto> SummaryAsync(WijkaanpakSession s, Programme p, CancellationToken ct)
    {
        await s.PartiesAsync(ct);
        var agreements = await s.Store.ListAgreementsAsync(p.Id, ct);
        return new ProgrammeSummaryDto(
            p.Id, p.Name, p.AreaCode, await AreaNameAsync(p.AreaCode), p.StartYear, p.Published, s.Party(p.CoordinatorPartyId),
            agreements.Count, agreements.Count(a => LateRule.EffectiveStatus(a, s.Today) == AgreementStatus.Late));
    }

    public async Task<string?> AreaNameAsync(string code) =>
        AreaCode.TryParse(code, out var parsed, out _) ? (await dashboard.AreasAsync()).NameOf(parsed) : null;

    public async Task<ProgrammeDto> ProgrammeDtoAsync(WijkaanpakSession s, ProgrammeAccess access, CancellationToken ct)
    {
        await s.PartiesAsync(ct);
        var p = access.Programme;
        return new ProgrammeDto(
            p.Id, p.Name, p.AreaCode, await AreaNameAsync(p.AreaCode), p.StartDate, p.StartYear, p.Description,
            [.. p.Goals.Select(g => new GoalDto(g.Description, g.IndicatorId, g.Target))], p.Published, s.Party(p.CoordinatorPartyId),
            [.. access.Coalition.Select(m => WijkaanpakDtos.MemberDto(s, m))], p.Version);
    }
}
