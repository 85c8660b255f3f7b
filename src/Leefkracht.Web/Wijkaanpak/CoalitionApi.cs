using Leefkracht.Web.Hosting;
using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Wijkaanpak.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>A programme's coalition over time: parties join and leave. Part of <c>/api/v1/wijkaanpak</c> (<see cref="WijkaanpakSetup.MapWijkaanpak"/>).</summary>
public static class CoalitionApi
{
    internal static RouteGroupBuilder MapCoalitionApi(this RouteGroupBuilder api)
    {
        api.MapGet("/programmes/{id:long}/coalition", ListCoalition).WithName("ListCoalition").WithSummary("The coalition over time").Produces<IReadOnlyList<CoalitionMemberDto>>();
        api.MapPost("/programmes/{id:long}/coalition", AddMember).WithName("AddCoalitionMember").WithSummary("A party joins").Produces<CoalitionMemberDto>(StatusCodes.Status201Created);
        api.MapPost("/coalition/{memberId:long}/end", EndMember).WithName("EndCoalitionMember").WithSummary("A party leaves (If-Match)").Produces<CoalitionMemberDto>();
        return api;
    }

    internal static async Task<IResult> ListCoalition(long id, WijkaanpakSession s, CancellationToken ct)
    {
        if (await s.VisibleProgrammeAsync(id, ct) is not { } access)
        {
            return WijkaanpakSession.NotFound("programme");
        }

        await s.PartiesAsync(ct);
        return TypedResults.Ok(access.Coalition.Select(m => WijkaanpakDtos.MemberDto(s, m)).ToList());
    }

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
            errors.Add("partyId", "required: the id of an existing party");
        }
        else if (access!.Coalition.Any(m => m.PartyId == partyId && (m.To is null || m.To >= (request.From ?? s.Today))))
        {
            errors.Add("partyId", "this party is already a member (end its membership first)");
        }

        if (request.From is null)
        {
            errors.Add("from", "required: the first day it takes part (yyyy-MM-dd)");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var member = await s.Store.AddMemberAsync(new CoalitionMember(0, id, request.PartyId!.Value, request.From!.Value, null, 1), s.AuditActor, ct);
        WijkaanpakSession.ETag(http, member.Version);
        return TypedResults.Created($"/api/v1/wijkaanpak/programmes/{id}/coalition", WijkaanpakDtos.MemberDto(s, member));
    }

    internal static async Task<IResult> EndMember(long memberId, EndMemberRequest request, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        var member = await s.Store.GetMemberAsync(memberId, ct);
        if (member is null)
        {
            return WijkaanpakSession.NotFound("coalition member");
        }

        var (_, refusal) = await s.ManagedProgrammeAsync(member.ProgrammeId, ct);
        if (refusal is not null)
        {
            return refusal is ProblemHttpResult { StatusCode: 404 } ? WijkaanpakSession.NotFound("coalition member") : refusal;
        }

        if (WijkaanpakSession.IfMatch(http.Request) is not { } version)
        {
            return WijkaanpakSession.PreconditionRequired();
        }

        if (request.To is not { } to || to < member.From)
        {
            return WijkaanpakSession.Invalid("to", "required: the last day it takes part, not before it joined");
        }

        var result = await s.Store.UpdateMemberAsync(member with { To = to, Version = version }, s.AuditActor, ct);
        if (result.Outcome != WriteOutcome.Written)
        {
            return WijkaanpakSession.Failed(result, "coalition member", "to");
        }

        await s.PartiesAsync(ct);
        WijkaanpakSession.ETag(http, result.Value!.Version);
        return TypedResults.Ok(WijkaanpakDtos.MemberDto(s, result.Value));
    }
}
