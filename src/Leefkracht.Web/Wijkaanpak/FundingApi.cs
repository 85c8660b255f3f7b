using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Wijkaanpak.Storage;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>A programme's funding streams. Part of <c>/api/v1/wijkaanpak</c> (routes: <see cref="WijkaanpakRoutes"/>).</summary>
public static class FundingApi
{
    internal static Task<IResult> ListFunding(long id, WijkaanpakSession s, CancellationToken ct) =>
        s.VisibleProgrammeAnswerAsync(id, async _ => TypedResults.Ok((await s.Store.ListFundingAsync(id, ct)).Select(f => WijkaanpakDtos.FundingDto(s, f)).ToList()), ct);

    internal static async Task<IResult> CreateFunding(long id, FundingRequest request, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        var (_, refusal) = await s.ManagedProgrammeAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (CheckFunding(request, await s.PartiesAsync(ct), out var cents) is { } problem)
        {
            return problem;
        }

        var created = await s.Store.CreateFundingAsync(new Funding(0, id, request.FunderPartyId!.Value, cents, request.From!.Value, request.To!.Value, request.Purpose!.Trim(), 1), s.AuditActor, ct);
        return WijkaanpakSession.Created(http, created.Version, $"/api/v1/wijkaanpak/funding/{created.Id}", WijkaanpakDtos.FundingDto(s, created));
    }

    internal static async Task<IResult> UpdateFunding(long id, FundingRequest request, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        var (funding, version, refusal) = await s.ManagedRowAsync(await s.Store.GetFundingAsync(id, ct), f => f.ProgrammeId, "funding stream", http.Request, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (CheckFunding(request, await s.PartiesAsync(ct), out var cents) is { } problem)
        {
            return problem;
        }

        var result = await s.Store.UpdateFundingAsync(
            funding! with { FunderPartyId = request.FunderPartyId!.Value, AmountCents = cents, From = request.From!.Value, To = request.To!.Value, Purpose = request.Purpose!.Trim(), Version = version },
            s.AuditActor,
            ct);
        if (result.Outcome != WriteOutcome.Written)
        {
            return WijkaanpakSession.Failed(result, "funding stream", "amount");
        }

        return WijkaanpakSession.Changed(http, result.Value!.Version, WijkaanpakDtos.FundingDto(s, result.Value));
    }

    /// <summary>The largest amount of one funding stream, in euros (a billion: more than any area programme).</summary>
    private const decimal MaxAmount = 1_000_000_000m;

    /// <summary>The 400 for a funding stream with bad fields (every one named), or null with its amount in cents.</summary>
    private static ValidationProblem? CheckFunding(FundingRequest request, IReadOnlyDictionary<long, Party> parties, out long cents)
    {
        var errors = new RequestErrors();
        if (request.FunderPartyId is not { } funder || !parties.ContainsKey(funder))
        {
            errors.Add("funderPartyId", ProblemText.Words["Wk.PartyId"]);
        }

        cents = 0L;
        if (request.Amount is not { } amount || amount <= 0 || amount > MaxAmount || decimal.Round(amount, 2) != amount)
        {
            errors.Add("amount", ProblemText.Words.Format("Wk.Amount", MaxAmount.ToString("0", CultureInfo.InvariantCulture)));
        }
        else
        {
            cents = (long)(amount * 100m); // within range: checked above, so an amount of 1e18 is a 400, not an overflow
        }

        WijkaanpakChecks.Date(errors, "from", request.From, "Date.FundingFrom");
        WijkaanpakChecks.Date(errors, "to", request.To, "Date.FundingTo");
        if (request.To < request.From)
        {
            errors.Add("to", ProblemText.Words["Wk.ToBeforeFrom"]);
        }

        WijkaanpakChecks.Required(errors, "purpose", request.Purpose, 1000);
        return errors.Any ? errors.ToProblem() : null;
    }
}
