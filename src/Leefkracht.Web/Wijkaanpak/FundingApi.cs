using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Wijkaanpak.Storage;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>A programme's funding streams. Part of <c>/api/v1/wijkaanpak</c> (<see cref="WijkaanpakSetup.MapWijkaanpak"/>).</summary>
public static class FundingApi
{
    internal static RouteGroupBuilder MapFundingApi(this RouteGroupBuilder api)
    {
        api.MapGet("/programmes/{id:long}/funding", ListFunding).WithName("ListFunding").WithSummary("Funding streams").Produces<IReadOnlyList<FundingDto>>();
        api.MapPost("/programmes/{id:long}/funding", CreateFunding).WithName("CreateFunding").WithSummary("Add a funding stream (coordinator)").Produces<FundingDto>(StatusCodes.Status201Created);
        api.MapPut("/funding/{id:long}", UpdateFunding).WithName("UpdateFunding").WithSummary("Change a funding stream (coordinator, If-Match)").Produces<FundingDto>();
        return api;
    }

    internal static async Task<IResult> ListFunding(long id, WijkaanpakSession s, CancellationToken ct)
    {
        if (await s.VisibleProgrammeAsync(id, ct) is null)
        {
            return WijkaanpakSession.NotFound("programme");
        }

        await s.PartiesAsync(ct);
        return TypedResults.Ok((await s.Store.ListFundingAsync(id, ct)).Select(f => WijkaanpakDtos.FundingDto(s, f)).ToList());
    }

    internal static async Task<IResult> CreateFunding(long id, FundingRequest request, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        var (_, refusal) = await s.ManagedProgrammeAsync(id, ct);
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
        return TypedResults.Created($"/api/v1/wijkaanpak/funding/{created.Id}", WijkaanpakDtos.FundingDto(s, created));
    }

    internal static async Task<IResult> UpdateFunding(long id, FundingRequest request, WijkaanpakSession s, HttpContext http, CancellationToken ct)
    {
        var funding = await s.Store.GetFundingAsync(id, ct);
        if (funding is null)
        {
            return WijkaanpakSession.NotFound("funding stream");
        }

        var (_, refusal) = await s.ManagedProgrammeAsync(funding.ProgrammeId, ct, "funding stream");
        if (WijkaanpakSession.Refused(refusal, http.Request, out var version) is { } refused)
        {
            return refused;
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
        return TypedResults.Ok(WijkaanpakDtos.FundingDto(s, result.Value));
    }

    /// <summary>The largest amount of one funding stream, in euros (a billion: more than any area programme).</summary>
    private const decimal MaxAmount = 1_000_000_000m;

    private static long CheckFunding(FundingRequest request, IReadOnlyDictionary<long, Party> parties, RequestErrors errors)
    {
        if (request.FunderPartyId is not { } funder || !parties.ContainsKey(funder))
        {
            errors.Add("funderPartyId", "required: the id of an existing party");
        }

        var cents = 0L;
        if (request.Amount is not { } amount || amount <= 0 || amount > MaxAmount || decimal.Round(amount, 2) != amount)
        {
            errors.Add("amount", string.Create(CultureInfo.InvariantCulture, $"required: a positive amount in euros with at most two decimals, at most {MaxAmount:0}"));
        }
        else
        {
            cents = (long)(amount * 100m); // within range: checked above, so an amount of 1e18 is a 400, not an overflow
        }

        WijkaanpakChecks.Date(errors, "from", request.From, "Date.FundingFrom");
        WijkaanpakChecks.Date(errors, "to", request.To, "Date.FundingTo");
        if (request.To < request.From)
        {
            errors.Add("to", "not before from");
        }

        WijkaanpakChecks.Required(errors, "purpose", request.Purpose, 1000);
        return cents;
    }
}
