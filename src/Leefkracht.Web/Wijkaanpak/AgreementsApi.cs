using System.Collections.Immutable;
using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Wijkaanpak.Storage;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>A programme's agreements (who delivers what by when, linked to indicators, and their status) and the comments on them. Part of <c>/api/v1/wijkaanpak</c> (routes: <see cref="WijkaanpakRoutes"/>).</summary>
public static class AgreementsApi
{
    internal static Task<IResult> ListAgreements(long id, WijkaanpakSession s, CancellationToken ct) =>
        s.VisibleProgrammeAnswerAsync(id, async _ => TypedResults.Ok((await s.Store.ListAgreementsAsync(id, ct)).Select(a => WijkaanpakDtos.AgreementDto(s, a)).ToList()), ct);

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
            errors.Add("ownerPartyId", ProblemText.Words["Wk.PartyId"]);
        }

        var (counterparties, indicators) = CheckAgreement(request, parties, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!WijkaanpakPolicy.CanCreateAgreement(s.Actor, access, request.OwnerPartyId!.Value, s.Today))
        {
            return WijkaanpakSession.Forbidden(ProblemText.Words["Wk.Forbidden.AgreementFor"]);
        }

        var agreement = new Agreement(0, id, request.OwnerPartyId!.Value, counterparties, request.Title!.Trim(), request.Deliverable?.Trim() ?? string.Empty, request.Deadline!.Value, indicators, AgreementStatus.Planned, 1);
        var created = await s.Store.CreateAgreementAsync(agreement, s.AuditActor, ct);
        return WijkaanpakSession.Created(http, created.Version, $"/api/v1/wijkaanpak/agreements/{created.Id}", WijkaanpakDtos.AgreementDto(s, created));
    }

    internal static async Task<IResult> GetAgreement(long id, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        var (agreement, _, refusal) = await s.VisibleAgreementAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var history = await s.Store.LoadHistoryAsync(id, ct);
        var comments = await s.Store.LoadCommentsAsync(id, ct);
        var names = await s.AccountNamesAsync(ct);
        WijkaanpakSession.ETag(http, agreement!.Version);
        return TypedResults.Ok(WijkaanpakDtos.AgreementDto(s, agreement) with
        {
            History = [.. history.Select(h => new StatusChangeDto(h.From.Code(), h.To.Code(), h.At, h.AccountId is { } a ? WijkaanpakDtos.AccountRef(names, a) : null, WorkflowText.HistoryComment(h)))],
            Comments = [.. comments.Select(c => WijkaanpakDtos.CommentDto(s, names, c))],
        });
    }

    internal static async Task<IResult> UpdateAgreement(long id, AgreementRequest request, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        var (agreement, access, refusal) = await s.EditableAgreementAsync(id, ct);
        if (WijkaanpakSession.Refused(refusal, http.Request, out var version) is { } refused)
        {
            return refused;
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
        var (_, _, refusal) = await s.EditableAgreementAsync(id, ct);
        if (WijkaanpakSession.Refused(refusal, http.Request, out var version) is { } refused)
        {
            return refused;
        }

        if (!WireCodes.TryParse(request.Status, out AgreementStatus status))
        {
            return WijkaanpakSession.Invalid("status", ProblemText.Words.Format("Wk.OneOf", WireCodes.Choices<AgreementStatus>()));
        }

        if (request.Comment is { Length: > 4000 })
        {
            return WijkaanpakSession.Invalid("comment", ProblemText.Words.Format("AtMost", 4000));
        }

        var (today, now, who) = (s.Today, s.Now, s.Actor.AccountId);
        var result = await s.Store.ChangeAgreementStatusAsync(id, version, a => AgreementWorkflow.ChangeStatus(a, status, today, now, who, request.Comment), s.AuditActor, ct);
        await s.PartiesAsync(ct);
        return AgreementWritten(result, s, http);
    }

    private static IResult AgreementWritten(WriteResult<Agreement> result, WijkaanpakSession s, HttpContext http)
    {
        if (result.Outcome != WriteOutcome.Written)
        {
            return WijkaanpakSession.Failed(result, "agreement");
        }

        return WijkaanpakSession.Changed(http, result.Value!.Version, WijkaanpakDtos.AgreementDto(s, result.Value));
    }

    private static (ImmutableArray<long> Counterparties, ImmutableArray<IndicatorTarget> Indicators) CheckAgreement(AgreementRequest request, IReadOnlyDictionary<long, Party> parties, RequestErrors errors)
    {
        WijkaanpakChecks.Required(errors, "title", request.Title, 200);
        WijkaanpakChecks.Optional(errors, "deliverable", request.Deliverable, 4000);
        WijkaanpakChecks.Date(errors, "deadline", request.Deadline, "Date.Due");

        var counterparties = (request.CounterpartyIds ?? []).Distinct().ToImmutableArray();
        foreach (var unknown in counterparties.Where(p => !parties.ContainsKey(p)))
        {
            errors.Add("counterpartyIds", ProblemText.Words.Format("Wk.NoParty", unknown));
        }

        var indicators = ImmutableArray.CreateBuilder<IndicatorTarget>();
        foreach (var (target, i) in (request.Indicators ?? []).Select((t, i) => (t, i)))
        {
            if (target.Target is null || !WijkaanpakChecks.IsIndicator(target.Indicator))
            {
                errors.Add($"indicators[{i}]", $"needs a known indicator id and a target ('{target.Indicator}')");
                continue;
            }

            indicators.Add(new IndicatorTarget(target.Indicator!, target.Target.Value));
        }

        return (counterparties, indicators.ToImmutable());
    }

    internal static async Task<IResult> ListComments(long id, WijkaanpakSession s, CancellationToken ct)
    {
        var (_, _, refusal) = await s.VisibleAgreementAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var names = await s.AccountNamesAsync(ct);
        return TypedResults.Ok((await s.Store.LoadCommentsAsync(id, ct)).Select(c => WijkaanpakDtos.CommentDto(s, names, c)).ToList());
    }

    internal static async Task<IResult> AddComment(long id, CommentRequest request, WijkaanpakSession s, CancellationToken ct)
    {
        var (agreement, access, refusal) = await s.VisibleAgreementAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!WijkaanpakPolicy.CanComment(s.Actor, access!, s.Today))
        {
            return WijkaanpakSession.Forbidden(ProblemText.Words["Wk.Forbidden.Comment"]);
        }

        var errors = new RequestErrors();
        WijkaanpakChecks.Required(errors, "text", request.Text, 4000);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var comment = await s.Store.AddCommentAsync(new AgreementComment(0, id, s.Actor.AccountId, s.Actor.PartyId, request.Text!.Trim(), s.Now), agreement!.ProgrammeId, s.AuditActor, ct);
        return TypedResults.Created($"/api/v1/wijkaanpak/agreements/{id}/comments", WijkaanpakDtos.CommentDto(s, await s.AccountNamesAsync(ct), comment));
    }
}
