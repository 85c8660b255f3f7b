using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Leefkracht.Core.Areas;
using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Data.Catalog;
using Leefkracht.Wijkaanpak.Storage;
using Leefkracht.Web.Contracts;
using Leefkracht.Web.Services;
using Leefkracht.Web.Wijkaanpak;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leefkracht.Web.Apis;

/// <summary>
/// The wijkaanpak under <c>/api/v1/wijkaanpak</c>: parties, programmes and coalitions, agreements, comments,
/// initiatives, funding and the audit trail (docs/wijkaanpak.md, "API contract"). Every route needs a signed-in
/// account; changes need the antiforgery header; permissions follow <see cref="WijkaanpakPolicy"/>.
/// </summary>
public static class WijkaanpakApi
{
    public static IEndpointRouteBuilder MapWijkaanpakApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/wijkaanpak").WithTags("Wijkaanpak").AddEndpointFilter(AuthApi.SignedIn).AddEndpointFilter(WijkaanpakSetup.RequireAntiforgery);
        api.MapGet("/parties", ListParties).WithName("ListParties").WithSummary("Every party").Produces<IReadOnlyList<PartyDto>>();
        api.MapPost("/parties", CreateParty).WithName("CreateParty").WithSummary("Create a party (admin, coordinator)").Produces<PartyDto>(StatusCodes.Status201Created);

        api.MapGet("/programmes", ListProgrammes).WithName("ListProgrammes").WithSummary("The programmes the account may see").Produces<IReadOnlyList<ProgrammeSummaryDto>>();
        api.MapPost("/programmes", CreateProgramme).WithName("CreateProgramme").WithSummary("Create a programme (coordinator)").Produces<ProgrammeDto>(StatusCodes.Status201Created);
        api.MapGet("/programmes/{id:long}", GetProgramme).WithName("GetProgramme").WithSummary("A programme with its coalition").Produces<ProgrammeDto>();
        api.MapPut("/programmes/{id:long}", UpdateProgramme).WithName("UpdateProgramme").WithSummary("Change a programme (If-Match)").Produces<ProgrammeDto>();
        api.MapPost("/programmes/{id:long}/publish", PublishProgramme).WithName("PublishProgramme").WithSummary("Publish or withdraw a programme (If-Match)").Produces<ProgrammeDto>();
        api.MapGet("/programmes/{id:long}/coalition", ListCoalition).WithName("ListCoalition").WithSummary("The coalition over time").Produces<IReadOnlyList<CoalitionMemberDto>>();
        api.MapPost("/programmes/{id:long}/coalition", AddMember).WithName("AddCoalitionMember").WithSummary("A party joins").Produces<CoalitionMemberDto>(StatusCodes.Status201Created);
        api.MapPost("/coalition/{memberId:long}/end", EndMember).WithName("EndCoalitionMember").WithSummary("A party leaves (If-Match)").Produces<CoalitionMemberDto>();

        api.MapGet("/programmes/{id:long}/agreements", ListAgreements).WithName("ListAgreements").WithSummary("A programme's agreements").Produces<IReadOnlyList<AgreementDto>>();
        api.MapPost("/programmes/{id:long}/agreements", CreateAgreement).WithName("CreateAgreement").WithSummary("Make an agreement").Produces<AgreementDto>(StatusCodes.Status201Created);
        api.MapGet("/agreements/{id:long}", GetAgreement).WithName("GetAgreement").WithSummary("An agreement with history and comments").Produces<AgreementDto>();
        api.MapPut("/agreements/{id:long}", UpdateAgreement).WithName("UpdateAgreement").WithSummary("Change an agreement (owner party, If-Match)").Produces<AgreementDto>();
        api.MapPost("/agreements/{id:long}/status", ChangeStatus).WithName("ChangeAgreementStatus").WithSummary("Change an agreement's status (owner party, If-Match)").Produces<AgreementDto>();
        api.MapGet("/agreements/{id:long}/comments", ListComments).WithName("ListComments").WithSummary("Comments on an agreement").Produces<IReadOnlyList<CommentDto>>();
        api.MapPost("/agreements/{id:long}/comments", AddComment).WithName("AddComment").WithSummary("Comment on an agreement").Produces<CommentDto>(StatusCodes.Status201Created);

        api.MapGet("/programmes/{id:long}/initiatives", ListInitiatives).WithName("ListInitiatives").WithSummary("Residents' initiatives").Produces<IReadOnlyList<InitiativeDto>>();
        api.MapPost("/programmes/{id:long}/initiatives", SubmitInitiative).WithName("SubmitInitiative").WithSummary("Submit an initiative").Produces<InitiativeDto>(StatusCodes.Status201Created);
        api.MapPost("/initiatives/{id:long}/status", ChangeInitiativeStatus).WithName("ChangeInitiativeStatus").WithSummary("Decide on an initiative (coordinator, If-Match)").Produces<InitiativeDto>();

        api.MapGet("/programmes/{id:long}/funding", ListFunding).WithName("ListFunding").WithSummary("Funding streams").Produces<IReadOnlyList<FundingDto>>();
        api.MapPost("/programmes/{id:long}/funding", CreateFunding).WithName("CreateFunding").WithSummary("Add a funding stream (coordinator)").Produces<FundingDto>(StatusCodes.Status201Created);
        api.MapPut("/funding/{id:long}", UpdateFunding).WithName("UpdateFunding").WithSummary("Change a funding stream (coordinator, If-Match)").Produces<FundingDto>();

        api.MapGet("/programmes/{id:long}/audit", ListAudit).WithName("ListAudit").WithSummary("The programme's audit trail, newest first").Produces<IReadOnlyList<AuditEntryDto>>();
        api.MapGet("/programmes/{id:long}/audit.csv", AuditCsv).WithName("AuditCsv").WithSummary("The audit trail as CSV").Produces(StatusCodes.Status200OK, contentType: "text/csv");
        api.MapAccountabilityApi();
        return app;
    }

    internal static async Task<IResult> ListParties(WijkaanpakSession s, CancellationToken ct) =>
        TypedResults.Ok((await s.PartiesAsync(ct)).Values.OrderBy(p => p.Name, StringComparer.Ordinal).Select(WijkaanpakSession.ToDto).ToList());

    internal static async Task<IResult> CreateParty(CreatePartyRequest request, WijkaanpakSession s, CancellationToken ct)
    {
        if (!WijkaanpakPolicy.CanCreateParty(s.Actor))
        {
            return WijkaanpakSession.Forbidden("only admins and coordinators create parties");
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = ["required"];
        }
        else if ((await s.PartiesAsync(ct)).Values.Any(p => string.Equals(p.Name, request.Name.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            errors["name"] = ["a party with this name exists"];
        }

        if (!WireCodes.TryParse(request.Type, out PartyType type))
        {
            errors["type"] = [$"one of {WireCodes.Choices<PartyType>()}"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var party = await s.Store.CreatePartyAsync(request.Name!.Trim(), type, s.AuditActor, ct);
        return TypedResults.Created($"/api/v1/wijkaanpak/parties/{party.Id}", WijkaanpakSession.ToDto(party));
    }

    internal static async Task<IResult> ListProgrammes(WijkaanpakSession s, MonitorCache cache, CancellationToken ct)
    {
        var visible = (await s.Store.ListProgrammesAsync(ct)).Where(p => WijkaanpakPolicy.CanSee(s.Actor, p, s.Today)).ToList();
        var result = new List<ProgrammeSummaryDto>();
        foreach (var access in visible)
        {
            result.Add(await SummaryAsync(s, cache, access.Programme, ct));
        }

        return TypedResults.Ok(result);
    }

    internal static async Task<ProgrammeSummaryDto> SummaryAsync(WijkaanpakSession s, MonitorCache cache, Programme p, CancellationToken ct)
    {
        await s.PartiesAsync(ct);
        var agreements = await s.Store.ListAgreementsAsync(p.Id, ct);
        return new ProgrammeSummaryDto(
            p.Id, p.Name, p.AreaCode, await AreaNameAsync(cache, p.AreaCode), p.StartYear, p.Published, s.Party(p.CoordinatorPartyId),
            agreements.Count, agreements.Count(a => LateRule.EffectiveStatus(a, s.Today) == AgreementStatus.Late));
    }

    internal static async Task<IResult> CreateProgramme(ProgrammeRequest request, WijkaanpakSession s, MonitorCache cache, HttpContext http, CancellationToken ct)
    {
        if (!WijkaanpakPolicy.CanCreateProgramme(s.Actor))
        {
            return WijkaanpakSession.Forbidden("only coordinators create programmes");
        }

        var errors = new RequestErrors();
        var areas = await cache.AreasAsync();
        if (errors.Code(request.AreaCode, "areaCode") is { } code)
        {
            if (code.Level is not (AreaLevel.Wijk or AreaLevel.Buurt))
            {
                errors.Add("areaCode", "a programme is for a wijk (WK…) or a buurt (BU…)");
            }
            else if (areas.Latest(code) is null)
            {
                errors.Add("areaCode", $"{code} is not in the database");
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
        WijkaanpakSession.ETag(http, created.Programme.Version);
        return TypedResults.Created($"/api/v1/wijkaanpak/programmes/{created.Programme.Id}", await ProgrammeDtoAsync(s, cache, created, ct));
    }

    internal static async Task<IResult> GetProgramme(long id, WijkaanpakSession s, MonitorCache cache, HttpContext http, CancellationToken ct)
    {
        if (await s.VisibleProgrammeAsync(id, ct) is not { } access)
        {
            return WijkaanpakSession.NotFound("programme");
        }

        WijkaanpakSession.ETag(http, access.Programme.Version);
        return TypedResults.Ok(await ProgrammeDtoAsync(s, cache, access, ct));
    }

    internal static async Task<IResult> UpdateProgramme(long id, ProgrammeRequest request, WijkaanpakSession s, MonitorCache cache, HttpContext http, CancellationToken ct)
    {
        var (access, refusal) = await ManagedProgrammeAsync(id, s, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (WijkaanpakSession.IfMatch(http.Request) is not { } version)
        {
            return WijkaanpakSession.PreconditionRequired();
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
        return await ProgrammeWrittenAsync(await s.Store.UpdateProgrammeAsync(changed, s.AuditActor, ct), s, cache, http, ct);
    }

    internal static async Task<IResult> PublishProgramme(long id, PublishRequest request, WijkaanpakSession s, MonitorCache cache, HttpContext http, CancellationToken ct)
    {
        var (access, refusal) = await ManagedProgrammeAsync(id, s, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (WijkaanpakSession.IfMatch(http.Request) is not { } version)
        {
            return WijkaanpakSession.PreconditionRequired();
        }

        if (request.Published is not { } published)
        {
            return WijkaanpakSession.Invalid("published", "required: true or false");
        }

        return await ProgrammeWrittenAsync(await s.Store.UpdateProgrammeAsync(access!.Programme with { Published = published, Version = version }, s.AuditActor, ct), s, cache, http, ct);
    }

    internal static async Task<IResult> ListCoalition(long id, WijkaanpakSession s, CancellationToken ct)
    {
        if (await s.VisibleProgrammeAsync(id, ct) is not { } access)
        {
            return WijkaanpakSession.NotFound("programme");
        }

        await s.PartiesAsync(ct);
        return TypedResults.Ok(access.Coalition.Select(m => MemberDto(s, m)).ToList());
    }

    internal static async Task<IResult> AddMember(long id, AddMemberRequest request, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        var (access, refusal) = await ManagedProgrammeAsync(id, s, ct);
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
        return TypedResults.Created($"/api/v1/wijkaanpak/programmes/{id}/coalition", MemberDto(s, member));
    }

    internal static async Task<IResult> EndMember(long memberId, EndMemberRequest request, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        var member = await s.Store.GetMemberAsync(memberId, ct);
        if (member is null)
        {
            return WijkaanpakSession.NotFound("coalition member");
        }

        var (_, refusal) = await ManagedProgrammeAsync(member.ProgrammeId, s, ct);
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
        return TypedResults.Ok(MemberDto(s, result.Value));
    }

    internal static async Task<IResult> ListAgreements(long id, WijkaanpakSession s, CancellationToken ct)
    {
        if (await s.VisibleProgrammeAsync(id, ct) is null)
        {
            return WijkaanpakSession.NotFound("programme");
        }

        await s.PartiesAsync(ct);
        return TypedResults.Ok((await s.Store.ListAgreementsAsync(id, ct)).Select(a => AgreementDto(s, a)).ToList());
    }

    internal static async Task<IResult> CreateAgreement(long id, AgreementRequest request, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        if (await s.VisibleProgrammeAsync(id, ct) is not { } access)
        {
            return WijkaanpakSession.NotFound("programme");
        }

        var parties = await s.PartiesAsync(ct);
        var errors = new RequestErrors();
        if (request.OwnerPartyId is not { } owner || !parties.ContainsKey(owner))
        {
            errors.Add("ownerPartyId", "required: the id of an existing party");
        }

        var (counterparties, indicators) = CheckAgreement(request, parties, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!WijkaanpakPolicy.CanCreateAgreement(s.Actor, access, request.OwnerPartyId!.Value, s.Today))
        {
            return WijkaanpakSession.Forbidden("a party makes agreements for itself (coordinators for any member party), while it takes part");
        }

        var agreement = new Agreement(0, id, request.OwnerPartyId!.Value, counterparties, request.Title!.Trim(), request.Deliverable?.Trim() ?? string.Empty, request.Deadline!.Value, indicators, AgreementStatus.Planned, 1);
        var created = await s.Store.CreateAgreementAsync(agreement, s.AuditActor, ct);
        WijkaanpakSession.ETag(http, created.Version);
        return TypedResults.Created($"/api/v1/wijkaanpak/agreements/{created.Id}", AgreementDto(s, created));
    }

    internal static async Task<IResult> GetAgreement(long id, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        var (agreement, _, refusal) = await VisibleAgreementAsync(id, s, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var history = await s.Store.LoadHistoryAsync(id, ct);
        var comments = await s.Store.LoadCommentsAsync(id, ct);
        var names = await AccountNamesAsync(s, ct);
        WijkaanpakSession.ETag(http, agreement!.Version);
        return TypedResults.Ok(AgreementDto(s, agreement) with
        {
            History = [.. history.Select(h => new StatusChangeDto(h.From.Code(), h.To.Code(), h.At, h.AccountId is { } a ? AccountRef(names, a) : null, h.Comment))],
            Comments = [.. comments.Select(c => CommentDto(s, names, c))],
        });
    }

    internal static async Task<IResult> UpdateAgreement(long id, AgreementRequest request, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        var (agreement, access, refusal) = await EditableAgreementAsync(id, s, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (WijkaanpakSession.IfMatch(http.Request) is not { } version)
        {
            return WijkaanpakSession.PreconditionRequired();
        }

        var errors = new RequestErrors();
        var (counterparties, indicators) = CheckAgreement(request, await s.PartiesAsync(ct), errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var changed = agreement! with
        {
            Title = request.Title!.Trim(),
            Deliverable = request.Deliverable?.Trim() ?? string.Empty,
            CounterpartyIds = counterparties,
            Deadline = request.Deadline!.Value,
            Indicators = indicators,
            Version = version,
        };
        return AgreementWritten(await s.Store.UpdateAgreementAsync(changed, s.AuditActor, ct), s, http);
    }

    internal static async Task<IResult> ChangeStatus(long id, StatusRequest request, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        var (_, _, refusal) = await EditableAgreementAsync(id, s, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (WijkaanpakSession.IfMatch(http.Request) is not { } version)
        {
            return WijkaanpakSession.PreconditionRequired();
        }

        if (!WireCodes.TryParse(request.Status, out AgreementStatus status))
        {
            return WijkaanpakSession.Invalid("status", $"one of {WireCodes.Choices<AgreementStatus>()}");
        }

        if (request.Comment is { Length: > 4000 })
        {
            return WijkaanpakSession.Invalid("comment", "at most 4000 characters");
        }

        var (today, now, who) = (s.Today, s.Now, s.Actor.AccountId);
        var result = await s.Store.ChangeAgreementStatusAsync(id, version, a => AgreementWorkflow.ChangeStatus(a, status, today, now, who, request.Comment), s.AuditActor, ct);
        await s.PartiesAsync(ct);
        return AgreementWritten(result, s, http);
    }

    internal static async Task<IResult> ListComments(long id, WijkaanpakSession s, CancellationToken ct)
    {
        var (_, _, refusal) = await VisibleAgreementAsync(id, s, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var names = await AccountNamesAsync(s, ct);
        return TypedResults.Ok((await s.Store.LoadCommentsAsync(id, ct)).Select(c => CommentDto(s, names, c)).ToList());
    }

    internal static async Task<IResult> AddComment(long id, CommentRequest request, WijkaanpakSession s, CancellationToken ct)
    {
        var (agreement, access, refusal) = await VisibleAgreementAsync(id, s, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!WijkaanpakPolicy.CanComment(s.Actor, access!, s.Today))
        {
            return WijkaanpakSession.Forbidden("only staff of the programme's parties comment on agreements");
        }

        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > 4000)
        {
            return WijkaanpakSession.Invalid("text", "required, at most 4000 characters");
        }

        var comment = await s.Store.AddCommentAsync(new AgreementComment(0, id, s.Actor.AccountId, s.Actor.PartyId, request.Text.Trim(), s.Now), agreement!.ProgrammeId, s.AuditActor, ct);
        return TypedResults.Created($"/api/v1/wijkaanpak/agreements/{id}/comments", CommentDto(s, await AccountNamesAsync(s, ct), comment));
    }

    internal static async Task<IResult> ListInitiatives(long id, WijkaanpakSession s, CancellationToken ct)
    {
        if (await s.VisibleProgrammeAsync(id, ct) is not { } access)
        {
            return WijkaanpakSession.NotFound("programme");
        }

        var all = WijkaanpakPolicy.CanSeeAllInitiatives(s.Actor, access, s.Today);
        var names = await AccountNamesAsync(s, ct);
        return TypedResults.Ok((await s.Store.ListInitiativesAsync(id, ct)).Where(i => all || i.SubmittedBy == s.Actor.AccountId).Select(i => InitiativeDto(names, i)).ToList());
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
        Required(errors, "title", request.Title, 200);
        Required(errors, "description", request.Description, 4000);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var created = await s.Store.CreateInitiativeAsync(new Initiative(0, id, request.Title!.Trim(), request.Description!.Trim(), s.Actor.AccountId, s.Now, InitiativeStatus.Submitted, null, 1), s.AuditActor, ct);
        WijkaanpakSession.ETag(http, created.Version);
        return TypedResults.Created($"/api/v1/wijkaanpak/programmes/{id}/initiatives", InitiativeDto(await AccountNamesAsync(s, ct), created));
    }

    internal static async Task<IResult> ChangeInitiativeStatus(long id, InitiativeStatusRequest request, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        var initiative = await s.Store.GetInitiativeAsync(id, ct);
        if (initiative is null)
        {
            return WijkaanpakSession.NotFound("initiative");
        }

        var (_, refusal) = await ManagedProgrammeAsync(initiative.ProgrammeId, s, ct);
        if (refusal is not null)
        {
            return refusal is ProblemHttpResult { StatusCode: 404 } ? WijkaanpakSession.NotFound("initiative") : refusal;
        }

        if (WijkaanpakSession.IfMatch(http.Request) is not { } version)
        {
            return WijkaanpakSession.PreconditionRequired();
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
        return TypedResults.Ok(InitiativeDto(await AccountNamesAsync(s, ct), result.Value));
    }

    internal static async Task<IResult> ListFunding(long id, WijkaanpakSession s, CancellationToken ct)
    {
        if (await s.VisibleProgrammeAsync(id, ct) is null)
        {
            return WijkaanpakSession.NotFound("programme");
        }

        await s.PartiesAsync(ct);
        return TypedResults.Ok((await s.Store.ListFundingAsync(id, ct)).Select(f => FundingDto(s, f)).ToList());
    }

    internal static async Task<IResult> CreateFunding(long id, FundingRequest request, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        var (_, refusal) = await ManagedProgrammeAsync(id, s, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var errors = new RequestErrors();
        var cents = CheckFunding(request, await s.PartiesAsync(ct), errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var created = await s.Store.CreateFundingAsync(new Funding(0, id, request.FunderPartyId!.Value, cents, request.From!.Value, request.To!.Value, request.Purpose!.Trim(), 1), s.AuditActor, ct);
        WijkaanpakSession.ETag(http, created.Version);
        return TypedResults.Created($"/api/v1/wijkaanpak/funding/{created.Id}", FundingDto(s, created));
    }

    internal static async Task<IResult> UpdateFunding(long id, FundingRequest request, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        var funding = await s.Store.GetFundingAsync(id, ct);
        if (funding is null)
        {
            return WijkaanpakSession.NotFound("funding stream");
        }

        var (_, refusal) = await ManagedProgrammeAsync(funding.ProgrammeId, s, ct);
        if (refusal is not null)
        {
            return refusal is ProblemHttpResult { StatusCode: 404 } ? WijkaanpakSession.NotFound("funding stream") : refusal;
        }

        if (WijkaanpakSession.IfMatch(http.Request) is not { } version)
        {
            return WijkaanpakSession.PreconditionRequired();
        }

        var errors = new RequestErrors();
        var cents = CheckFunding(request, await s.PartiesAsync(ct), errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var result = await s.Store.UpdateFundingAsync(
            funding with { FunderPartyId = request.FunderPartyId!.Value, AmountCents = cents, From = request.From!.Value, To = request.To!.Value, Purpose = request.Purpose!.Trim(), Version = version },
            s.AuditActor,
            ct);
        if (result.Outcome != WriteOutcome.Written)
        {
            return WijkaanpakSession.Failed(result, "funding stream", "amount");
        }

        WijkaanpakSession.ETag(http, result.Value!.Version);
        return TypedResults.Ok(FundingDto(s, result.Value));
    }

    internal static async Task<IResult> ListAudit(long id, WijkaanpakSession s, CancellationToken ct)
    {
        var (entries, refusal) = await AuditAsync(id, s, ct);
        return refusal ?? TypedResults.Ok(AuditDtos(entries!));
    }

    internal static async Task<IResult> AuditCsv(long id, WijkaanpakSession s, CancellationToken ct)
    {
        var (entries, refusal) = await AuditAsync(id, s, ct);
        return refusal ?? AuditCsvFile(entries!, $"leefkracht-audit-{id}.csv");
    }

    /// <summary>Audit entries as the API gives them (before and after as JSON objects).</summary>
    internal static List<AuditEntryDto> AuditDtos(IEnumerable<AuditEntry> entries) =>
        [.. entries.Select(e => new AuditEntryDto(
            e.Id, e.At, e.AccountId is { } a ? new AccountRefDto(a, e.AccountName ?? "?") : null, e.ProgrammeId, e.Entity, e.EntityId, e.Action, Json(e.BeforeJson), Json(e.AfterJson)))];

    /// <summary>Audit entries as a CSV download (cells that a spreadsheet would run as formulas are defused).</summary>
    internal static IResult AuditCsvFile(IEnumerable<AuditEntry> entries, string fileName)
    {
        var csv = Tables.Csv(new ExportTable(
            "audit",
            ["id", "at", "account_id", "account", "entity", "entity_id", "action", "before", "after"],
            [.. entries.Select(e => (IReadOnlyList<object?>)
            [
                e.Id, e.At.ToString("O", CultureInfo.InvariantCulture), e.AccountId, AccountabilityApi.SafeCell(e.AccountName), e.Entity, e.EntityId, e.Action,
                AccountabilityApi.SafeCell(e.BeforeJson), AccountabilityApi.SafeCell(e.AfterJson),
            ])]));
        return TypedResults.File(csv, "text/csv; charset=utf-8", fileName);
    }

    private static async Task<(IReadOnlyList<AuditEntry>? Entries, IResult? Refusal)> AuditAsync(long id, WijkaanpakSession s, CancellationToken ct)
    {
        if (await s.VisibleProgrammeAsync(id, ct) is not { } access)
        {
            return (null, WijkaanpakSession.NotFound("programme"));
        }

        return WijkaanpakPolicy.CanSeeAudit(s.Actor, access, s.Today)
            ? (await s.Store.LoadAuditAsync(id, ct), null)
            : (null, WijkaanpakSession.Forbidden("the audit trail is for the programme's parties"));
    }

    /// <summary>The programme if the account may manage it: 404 when it may not see it, 403 when it sees but may not manage.</summary>
    private static async Task<(ProgrammeAccess? Access, IResult? Refusal)> ManagedProgrammeAsync(long id, WijkaanpakSession s, CancellationToken ct)
    {
        if (await s.VisibleProgrammeAsync(id, ct) is not { } access)
        {
            return (null, WijkaanpakSession.NotFound("programme"));
        }

        return WijkaanpakPolicy.CanManage(s.Actor, access.Programme)
            ? (access, null)
            : (null, WijkaanpakSession.Forbidden("only the coordinators of the programme's coordinating party manage it"));
    }

    private static async Task<(Agreement? Agreement, ProgrammeAccess? Access, IResult? Refusal)> VisibleAgreementAsync(long id, WijkaanpakSession s, CancellationToken ct)
    {
        var agreement = await s.Store.GetAgreementAsync(id, ct);
        var access = agreement is null ? null : await s.VisibleProgrammeAsync(agreement.ProgrammeId, ct);
        await s.PartiesAsync(ct);
        return access is null ? (null, null, WijkaanpakSession.NotFound("agreement")) : (agreement, access, null);
    }

    private static async Task<(Agreement? Agreement, ProgrammeAccess? Access, IResult? Refusal)> EditableAgreementAsync(long id, WijkaanpakSession s, CancellationToken ct)
    {
        var (agreement, access, refusal) = await VisibleAgreementAsync(id, s, ct);
        if (refusal is not null)
        {
            return (null, null, refusal);
        }

        return WijkaanpakPolicy.CanEditAgreement(s.Actor, access!, agreement!, s.Today)
            ? (agreement, access, null)
            : (null, null, WijkaanpakSession.Forbidden("a party edits only its own agreements (it may comment on others')"));
    }

    private static async Task<IResult> ProgrammeWrittenAsync(WriteResult<Programme> result, WijkaanpakSession s, MonitorCache cache, HttpContext http, CancellationToken ct)
    {
        if (result.Outcome != WriteOutcome.Written)
        {
            return WijkaanpakSession.Failed(result, "programme");
        }

        WijkaanpakSession.ETag(http, result.Value!.Version);
        return TypedResults.Ok(await ProgrammeDtoAsync(s, cache, (await s.Store.GetProgrammeAsync(result.Value.Id, ct))!, ct));
    }

    private static IResult AgreementWritten(WriteResult<Agreement> result, WijkaanpakSession s, HttpContext http)
    {
        if (result.Outcome != WriteOutcome.Written)
        {
            return WijkaanpakSession.Failed(result, "agreement");
        }

        WijkaanpakSession.ETag(http, result.Value!.Version);
        return TypedResults.Ok(AgreementDto(s, result.Value));
    }

    private static ImmutableArray<ProgrammeGoal> CheckProgramme(ProgrammeRequest request, RequestErrors errors)
    {
        Required(errors, "name", request.Name, 200);
        if (request.StartDate is null)
        {
            errors.Add("startDate", "required (yyyy-MM-dd)");
        }

        if (request.StartYear is not (>= 1990 and <= 2100))
        {
            errors.Add("startYear", "required: the monitor year the programme starts from");
        }

        var goals = ImmutableArray.CreateBuilder<ProgrammeGoal>();
        foreach (var (goal, i) in (request.Goals ?? []).Select((g, i) => (g, i)))
        {
            if (string.IsNullOrWhiteSpace(goal.Description) || goal.Target is null || !IsIndicator(goal.Indicator))
            {
                errors.Add($"goals[{i}]", "needs a description, a known indicator id and a target");
                continue;
            }

            goals.Add(new ProgrammeGoal(goal.Description.Trim(), goal.Indicator!, goal.Target.Value));
        }

        return goals.ToImmutable();
    }

    private static (ImmutableArray<long> Counterparties, ImmutableArray<IndicatorTarget> Indicators) CheckAgreement(AgreementRequest request, IReadOnlyDictionary<long, Party> parties, RequestErrors errors)
    {
        Required(errors, "title", request.Title, 200);
        if (request.Deliverable is { Length: > 4000 })
        {
            errors.Add("deliverable", "at most 4000 characters");
        }

        if (request.Deadline is null)
        {
            errors.Add("deadline", "required (yyyy-MM-dd)");
        }

        var counterparties = (request.CounterpartyIds ?? []).Distinct().ToImmutableArray();
        foreach (var unknown in counterparties.Where(p => !parties.ContainsKey(p)))
        {
            errors.Add("counterpartyIds", $"no party {unknown}");
        }

        var indicators = ImmutableArray.CreateBuilder<IndicatorTarget>();
        foreach (var (target, i) in (request.Indicators ?? []).Select((t, i) => (t, i)))
        {
            if (target.Target is null || !IsIndicator(target.Indicator))
            {
                errors.Add($"indicators[{i}]", $"needs a known indicator id and a target ('{target.Indicator}')");
                continue;
            }

            indicators.Add(new IndicatorTarget(target.Indicator!, target.Target.Value));
        }

        return (counterparties, indicators.ToImmutable());
    }

    private static long CheckFunding(FundingRequest request, IReadOnlyDictionary<long, Party> parties, RequestErrors errors)
    {
        if (request.FunderPartyId is not { } funder || !parties.ContainsKey(funder))
        {
            errors.Add("funderPartyId", "required: the id of an existing party");
        }

        if (request.Amount is not { } amount || amount <= 0 || amount > 1_000_000_000m || decimal.Round(amount, 2) != amount)
        {
            errors.Add("amount", "required: a positive amount in euros with at most two decimals");
        }

        if (request.From is null || request.To is null || request.To < request.From)
        {
            errors.Add("to", "from and to are required, to not before from");
        }

        Required(errors, "purpose", request.Purpose, 1000);
        return request.Amount is { } euros ? (long)decimal.Round(euros * 100m) : 0;
    }

    private static void Required(RequestErrors errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > maxLength)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"required, at most {maxLength} characters"));
        }
    }

    private static bool IsIndicator(string? id) => id is not null && CatalogDocument.Default.Catalog.TryGet(id, out _);

    internal static async Task<string?> AreaNameAsync(MonitorCache cache, string code) =>
        AreaCode.TryParse(code, out var parsed, out _) ? (await cache.AreasAsync()).NameOf(parsed) : null;

    private static async Task<ProgrammeDto> ProgrammeDtoAsync(WijkaanpakSession s, MonitorCache cache, ProgrammeAccess access, CancellationToken ct)
    {
        await s.PartiesAsync(ct);
        var p = access.Programme;
        return new ProgrammeDto(
            p.Id, p.Name, p.AreaCode, await AreaNameAsync(cache, p.AreaCode), p.StartDate, p.StartYear, p.Description,
            [.. p.Goals.Select(g => new GoalDto(g.Description, g.IndicatorId, g.Target))], p.Published, s.Party(p.CoordinatorPartyId),
            [.. access.Coalition.Select(m => MemberDto(s, m))], p.Version);
    }

    private static CoalitionMemberDto MemberDto(WijkaanpakSession s, CoalitionMember m) =>
        new(m.Id, m.ProgrammeId, s.Party(m.PartyId), m.From, m.To, m.IsActiveOn(s.Today), m.Version);

    internal static AgreementDto AgreementDto(WijkaanpakSession s, Agreement a)
    {
        var status = LateRule.EffectiveStatus(a, s.Today);
        return new AgreementDto(
            a.Id, a.ProgrammeId, a.Title, a.Deliverable, s.Party(a.OwnerPartyId), [.. a.CounterpartyIds.Select(s.Party)], a.Deadline,
            [.. a.Indicators.Select(i => new IndicatorTargetDto(i.IndicatorId, i.Target))], status.Code(), a.Status.Code(), status == AgreementStatus.Late, a.Version);
    }

    private static async Task<IReadOnlyDictionary<long, string>> AccountNamesAsync(WijkaanpakSession s, CancellationToken ct)
    {
        await s.PartiesAsync(ct);
        return (await s.Store.ListAccountsAsync(ct)).ToDictionary(a => a.Id, a => a.DisplayName);
    }

    private static AccountRefDto AccountRef(IReadOnlyDictionary<long, string> names, long id) => new(id, names.GetValueOrDefault(id) ?? "?");

    private static CommentDto CommentDto(WijkaanpakSession s, IReadOnlyDictionary<long, string> names, AgreementComment c) =>
        new(c.Id, c.AgreementId, c.Text, c.At, AccountRef(names, c.AccountId), s.Party(c.PartyId));

    private static InitiativeDto InitiativeDto(IReadOnlyDictionary<long, string> names, Initiative i) =>
        new(i.Id, i.ProgrammeId, i.Title, i.Description, i.Status.Code(), AccountRef(names, i.SubmittedBy), i.SubmittedAt, i.Note, i.Version);

    internal static FundingDto FundingDto(WijkaanpakSession s, Funding f) =>
        new(f.Id, f.ProgrammeId, s.Party(f.FunderPartyId), f.AmountCents / 100m, f.From, f.To, f.Purpose, f.Version);

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
