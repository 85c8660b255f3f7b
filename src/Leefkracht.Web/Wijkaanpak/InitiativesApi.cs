using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Wijkaanpak.Storage;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>Residents' initiatives and the coordinators' decisions on them. Part of <c>/api/v1/wijkaanpak</c> (<see cref="WijkaanpakSetup.MapWijkaanpak"/>).</summary>
public static class InitiativesApi
{
    internal static RouteGroupBuilder MapInitiativesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/programmes/{id:long}/initiatives", ListInitiatives).WithName("ListInitiatives").WithSummary("Residents' initiatives").Produces<IReadOnlyList<InitiativeDto>>();
        api.MapPost("/programmes/{id:long}/initiatives", SubmitInitiative).WithName("SubmitInitiative").WithSummary("Submit an initiative").Produces<InitiativeDto>(StatusCodes.Status201Created);
        api.MapPost("/initiatives/{id:long}/status", ChangeInitiativeStatus).WithName("ChangeInitiativeStatus").WithSummary("Decide on an initiative (coordinator, If-Match)").Produces<InitiativeDto>();
        return api;
    }

    internal static async Task<IResult> ListInitiatives(long id, WijkaanpakSession s, CancellationToken ct)
    {
        if (await s.VisibleProgrammeAsync(id, ct) is not { } access)
        {
            return WijkaanpakSession.NotFound("programme");
        }

        var all = WijkaanpakPolicy.CanSeeAllInitiatives(s.Actor, access, s.Today);
        var names = await s.AccountNamesAsync(ct);
        return TypedResults.Ok((await s.Store.ListInitiativesAsync(id, ct)).Where(i => all || i.SubmittedBy == s.Actor.AccountId).Select(i => WijkaanpakDtos.InitiativeDto(names, i)).ToList());
    }

    internal static async Task<IResult> SubmitInitiative(long id, InitiativeRequest request, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        if (await s.VisibleProgrammeAsync(id, ct) is not { } access)
        {
            return WijkaanpakSession.NotFound("programme");
        }

        if (!WijkaanpakPolicy.CanSubmitInitiative(s.Actor, access, s.Today))
        {
            return WijkaanpakSession.Forbidden("admins do not submit initiatives");
        }

        var errors = new RequestErrors();
        WijkaanpakChecks.Required(errors, "title", request.Title, 200);
        WijkaanpakChecks.Required(errors, "description", request.Description, 4000);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var created = await s.Store.CreateInitiativeAsync(new Initiative(0, id, request.Title!.Trim(), request.Description!.Trim(), s.Actor.AccountId, s.Now, InitiativeStatus.Submitted, null, 1), s.AuditActor, ct);
        WijkaanpakSession.ETag(http, created.Version);
        return TypedResults.Created($"/api/v1/wijkaanpak/programmes/{id}/initiatives", WijkaanpakDtos.InitiativeDto(await s.AccountNamesAsync(ct), created));
    }

    internal static async Task<IResult> ChangeInitiativeStatus(long id, InitiativeStatusRequest request, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        var initiative = await s.Store.GetInitiativeAsync(id, ct);
        if (initiative is null)
        {
            return WijkaanpakSession.NotFound("initiative");
        }

        var (_, refusal) = await s.ManagedProgrammeAsync(initiative.ProgrammeId, ct, "initiative");
        if (WijkaanpakSession.Refused(refusal, http.Request, out var version) is { } refused)
        {
            return refused;
        }

        if (!WireCodes.TryParse(request.Status, out InitiativeStatus status))
        {
            return WijkaanpakSession.Invalid("status", $"one of {WireCodes.Choices<InitiativeStatus>()}");
        }

        if (!AgreementWorkflow.IsAllowed(initiative.Status, status))
        {
            return WijkaanpakSession.Invalid("status", $"an initiative that is {initiative.Status.Code()} cannot become {status.Code()}");
        }

        var result = await s.Store.UpdateInitiativeAsync(initiative with { Status = status, Note = request.Note?.Trim(), Version = version }, s.AuditActor, ct);
        if (result.Outcome != WriteOutcome.Written)
        {
            return WijkaanpakSession.Failed(result, "initiative");
        }

        WijkaanpakSession.ETag(http, result.Value!.Version);
        return TypedResults.Ok(WijkaanpakDtos.InitiativeDto(await s.AccountNamesAsync(ct), result.Value));
    }
}
