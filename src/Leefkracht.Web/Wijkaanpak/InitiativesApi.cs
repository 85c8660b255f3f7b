using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Wijkaanpak.Storage;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>Residents' initiatives and the coordinators' decisions on them. Part of <c>/api/v1/wijkaanpak</c> (routes: <see cref="WijkaanpakRoutes"/>).</summary>
public static class InitiativesApi
{
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
            return WijkaanpakSession.Forbidden(ProblemText.Words["Wk.Forbidden.AdminInitiative"]);
        }

        var errors = new RequestErrors();
        WijkaanpakChecks.Required(errors, "title", request.Title, 200);
        WijkaanpakChecks.Required(errors, "description", request.Description, 4000);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var created = await s.Store.CreateInitiativeAsync(new Initiative(0, id, request.Title!.Trim(), request.Description!.Trim(), s.Actor.AccountId, s.Now, InitiativeStatus.Submitted, null, 1), s.AuditActor, ct);
        return WijkaanpakSession.Created(http, created.Version, $"/api/v1/wijkaanpak/programmes/{id}/initiatives", WijkaanpakDtos.InitiativeDto(await s.AccountNamesAsync(ct), created));
    }

    internal static async Task<IResult> ChangeInitiativeStatus(long id, InitiativeStatusRequest request, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        var (initiative, version, refusal) = await s.ManagedRowAsync(await s.Store.GetInitiativeAsync(id, ct), i => i.ProgrammeId, "initiative", http.Request, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!WireCodes.TryParse(request.Status, out InitiativeStatus status))
        {
            return WijkaanpakSession.Invalid("status", ProblemText.Words.Format("Wk.OneOf", WireCodes.Choices<InitiativeStatus>()));
        }

        if (!AgreementWorkflow.IsAllowed(initiative!.Status, status))
        {
            return WijkaanpakSession.Invalid("status", WorkflowText.InitiativeCannotBecome(initiative.Status, status));
        }

        var result = await s.Store.UpdateInitiativeAsync(initiative with { Status = status, Note = request.Note?.Trim(), Version = version }, s.AuditActor, ct);
        if (result.Outcome != WriteOutcome.Written)
        {
            return WijkaanpakSession.Failed(result, "initiative");
        }

        return WijkaanpakSession.Changed(http, result.Value!.Version, WijkaanpakDtos.InitiativeDto(await s.AccountNamesAsync(ct), result.Value));
    }
}
