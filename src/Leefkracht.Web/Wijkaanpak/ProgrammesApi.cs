using System.Collections.Immutable;
using Leefkracht.Web.Monitor;
using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Wijkaanpak.Storage;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>Area programmes and their coalitions over time: list, create, read, change and publish a programme; parties join and leave. Part of <c>/api/v1/wijkaanpak</c> (routes: <see cref="WijkaanpakRoutes"/>).</summary>
public static class ProgrammesApi
{
    internal static async Task<IResult> ListProgrammes(WijkaanpakSession s, ProgrammeViews views, CancellationToken ct)
    {
        var visible = (await s.Store.ListProgrammesAsync(ct)).Where(p => WijkaanpakPolicy.CanSee(s.Actor, p, s.Today)).ToList();
        var result = new List<ProgrammeSummaryDto>();
        foreach (var access in visible)
        {
            result.Add(await views.SummaryAsync(s, access.Programme, ct));
        }

        return TypedResults.Ok(result);
    }

    internal static async Task<IResult> CreateProgramme(ProgrammeRequest request, WijkaanpakSession s, DashboardMonitor dashboard, ProgrammeViews views, HttpContext http, CancellationToken ct)
    {
        if (!WijkaanpakPolicy.CanCreateProgramme(s.Actor))
        {
            return WijkaanpakSession.Forbidden(ProblemText.Words["Wk.Forbidden.Programmes"]);
        }

        var errors = new RequestErrors();
        var areas = await dashboard.AreasAsync();
        if (errors.Code(request.AreaCode, "areaCode") is { } code)
        {
            if (code.Level is not (AreaLevel.Wijk or AreaLevel.Buurt))
            {
                errors.Add("areaCode", ProblemText.Words["Wk.AreaLevel"]);
            }
            else if (areas.Latest(code) is null)
            {
                errors.Add("areaCode", ProblemText.Words.Format("UnknownArea", code));
            }
        }

        var goals = CheckProgramme(request, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var programme = new Programme(
            0, request.Name!.Trim(), request.AreaCode!.Trim().ToUpperInvariant(), request.StartDate!.Value, request.StartYear!.Value, request.Description?.Trim() ?? string.Empty, goals, s.Actor.PartyId, false, 1);
        var created = await s.Store.CreateProgrammeAsync(programme, s.AuditActor, ct);
        return WijkaanpakSession.Created(http, created.Programme.Version, $"/api/v1/wijkaanpak/programmes/{created.Programme.Id}", await views.ProgrammeDtoAsync(s, created, ct));
    }

    internal static async Task<IResult> GetProgramme(long id, WijkaanpakSession s, ProgrammeViews views, HttpContext http, CancellationToken ct)
    {
        if (await s.VisibleProgrammeAsync(id, ct) is not { } access)
        {
            return WijkaanpakSession.NotFound("programme");
        }

        return WijkaanpakSession.Changed(http, access.Programme.Version, await views.ProgrammeDtoAsync(s, access, ct));
    }

    internal static async Task<IResult> UpdateProgramme(long id, ProgrammeRequest request, WijkaanpakSession s, ProgrammeViews views, HttpContext http, CancellationToken ct)
    {
        var (access, refusal) = await s.ManagedProgrammeAsync(id, ct);
        if (WijkaanpakSession.Refused(refusal, http.Request, out var version) is { } refused)
        {
            return refused;
        }

        var errors = new RequestErrors();
        var goals = CheckProgramme(request, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var changed = access!.Programme with
        {
            Name = request.Name!.Trim(),
            StartDate = request.StartDate!.Value,
            StartYear = request.StartYear!.Value,
            Description = request.Description?.Trim() ?? string.Empty,
            Goals = goals,
            Version = version,
        };
        return await ProgrammeWrittenAsync(await s.Store.UpdateProgrammeAsync(changed, s.AuditActor, ct), s, views, http, ct);
    }

    internal static async Task<IResult> PublishProgramme(long id, PublishRequest request, WijkaanpakSession s, ProgrammeViews views, HttpContext http, CancellationToken ct)
    {
        var (access, refusal) = await s.ManagedProgrammeAsync(id, ct);
        if (WijkaanpakSession.Refused(refusal, http.Request, out var version) is { } refused)
        {
            return refused;
        }

        if (request.Published is not { } published)
        {
            return WijkaanpakSession.Invalid("published", ProblemText.Words["Wk.Published"]);
        }

        return await ProgrammeWrittenAsync(await s.Store.UpdateProgrammeAsync(access!.Programme with { Published = published, Version = version }, s.AuditActor, ct), s, views, http, ct);
    }

    private static async Task<IResult> ProgrammeWrittenAsync(WriteResult<Programme> result, WijkaanpakSession s, ProgrammeViews views, HttpContext http, CancellationToken ct)
    {
        if (result.Outcome != WriteOutcome.Written)
        {
            return WijkaanpakSession.Failed(result, "programme");
        }

        return WijkaanpakSession.Changed(http, result.Value!.Version, await views.ProgrammeDtoAsync(s, (await s.Store.GetProgrammeAsync(result.Value.Id, ct))!, ct));
    }

    private static ImmutableArray<ProgrammeGoal> CheckProgramme(ProgrammeRequest request, RequestErrors errors)
    {
        WijkaanpakChecks.Required(errors, "name", request.Name, 200);
        WijkaanpakChecks.Date(errors, "startDate", request.StartDate, "Date.ProgrammeStart");

        if (request.StartYear is not (>= 1990 and <= 2100))
        {
            errors.Add("startYear", ProblemText.Words["Wk.StartYear"]);
        }

        var goals = ImmutableArray.CreateBuilder<ProgrammeGoal>();
        foreach (var (goal, i) in (request.Goals ?? []).Select((g, i) => (g, i)))
        {
            if (string.IsNullOrWhiteSpace(goal.Description) || goal.Target is null || !WijkaanpakChecks.IsIndicator(goal.Indicator))
            {
                errors.Add($"goals[{i}]", "needs a description, a known indicator id and a target");
                continue;
            }

            goals.Add(new ProgrammeGoal(goal.Description.Trim(), goal.Indicator!, goal.Target.Value));
        }

        return goals.ToImmutable();
    }

    internal static Task<IResult> ListCoalition(long id, WijkaanpakSession s, CancellationToken ct) =>
        s.VisibleProgrammeAnswerAsync(id, access => Task.FromResult<IResult>(TypedResults.Ok(access.Coalition.Select(m => WijkaanpakDtos.MemberDto(s, m)).ToList())), ct);

    internal static async Task<IResult> AddMember(long id, AddMemberRequest request, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        var (access, refusal) = await s.ManagedProgrammeAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var parties = await s.PartiesAsync(ct);
        var errors = new RequestErrors();
        if (request.PartyId is not { } partyId || !parties.ContainsKey(partyId))
        {
            errors.Add("partyId", ProblemText.Words["Wk.PartyId"]);
        }
        else if (access!.Coalition.Any(m => m.PartyId == partyId && (m.To is null || m.To >= (request.From ?? s.Today))))
        {
            errors.Add("partyId", ProblemText.Words["Wk.AlreadyMember"]);
        }

        WijkaanpakChecks.Date(errors, "from", request.From, "Date.MemberFrom");

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var member = await s.Store.AddMemberAsync(new CoalitionMember(0, id, request.PartyId!.Value, request.From!.Value, null, 1), s.AuditActor, ct);
        return WijkaanpakSession.Created(http, member.Version, $"/api/v1/wijkaanpak/programmes/{id}/coalition", WijkaanpakDtos.MemberDto(s, member));
    }

    internal static async Task<IResult> EndMember(long memberId, EndMemberRequest request, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        var (member, version, refusal) = await s.ManagedRowAsync(await s.Store.GetMemberAsync(memberId, ct), m => m.ProgrammeId, "coalition member", http.Request, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (request.To is not { } to || to < member!.From || to > WijkaanpakChecks.LastDate)
        {
            return WijkaanpakSession.Invalid("to", ProblemText.Words["Wk.MemberTo"]);
        }

        var result = await s.Store.UpdateMemberAsync(member with { To = to, Version = version }, s.AuditActor, ct);
        if (result.Outcome != WriteOutcome.Written)
        {
            return WijkaanpakSession.Failed(result, "coalition member", "to");
        }

        await s.PartiesAsync(ct);
        return WijkaanpakSession.Changed(http, result.Value!.Version, WijkaanpakDtos.MemberDto(s, result.Value));
    }
}
