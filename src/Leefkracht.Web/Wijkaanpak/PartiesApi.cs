using Leefkracht.Wijkaanpak.Domain;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>The parties of the wijkaanpak (gemeente, corporaties, care, residents). Part of <c>/api/v1/wijkaanpak</c> (routes: <see cref="WijkaanpakRoutes"/>).</summary>
public static class PartiesApi
{
    internal static async Task<IResult> ListParties(WijkaanpakSession s, CancellationToken ct) =>
        TypedResults.Ok((await s.PartiesAsync(ct)).Values.OrderBy(p => p.Name, StringComparer.Ordinal).Select(WijkaanpakSession.ToDto).ToList());

    internal static async Task<IResult> CreateParty(CreatePartyRequest request, WijkaanpakSession s, CancellationToken ct)
    {
        if (!WijkaanpakPolicy.CanCreateParty(s.Actor))
        {
            return WijkaanpakSession.Forbidden(ProblemText.Words["Wk.Forbidden.Parties"]);
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
}
