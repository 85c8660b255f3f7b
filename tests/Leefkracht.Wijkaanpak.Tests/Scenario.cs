using System.Text.Json.Nodes;

namespace Leefkracht.Wijkaanpak.Tests;

/// <summary>
/// A programme for WK034406 (Utrecht Binnenstad) made through the API: the gemeente's coordinator creates it (the
/// gemeente joins), the corporation Mitros joins, and the gemeente makes one agreement (deadline in 2030).
/// </summary>
internal sealed class Scenario
{
    public required ApiClient Coordinator { get; init; }

    public required long ProgrammeId { get; init; }

    public required long AgreementId { get; init; }

    public static async Task<Scenario> CreateAsync(WijkaanpakServer server, bool withCorporation = true)
    {
        var coordinator = await server.SignedInAsync(server.Gemeente, Role.Coordinator);
        var programme = await ApiClient.OkJson(coordinator.PostAsync("api/v1/wijkaanpak/programmes", new
        {
            name = "Binnenstad samen",
            areaCode = "WK034406",
            startDate = "2025-01-01",
            startYear = 2023,
            description = "Wijkaanpak",
            goals = new[] { new { description = "Meer bewoners", indicator = "population", target = 21000 } },
        }));
        var programmeId = programme["id"]!.GetValue<long>();
        if (withCorporation)
        {
            await ApiClient.OkJson(coordinator.PostAsync($"api/v1/wijkaanpak/programmes/{programmeId}/coalition", new { partyId = server.Corporatie.Id, from = "2025-01-01" }));
        }

        var agreement = await ApiClient.OkJson(coordinator.PostAsync($"api/v1/wijkaanpak/programmes/{programmeId}/agreements", new
        {
            title = "Buurtconciërge",
            deliverable = "Een conciërge voor de binnenstad",
            ownerPartyId = server.Gemeente.Id,
            counterpartyIds = withCorporation ? new[] { server.Corporatie.Id } : [],
            deadline = "2030-12-31",
            indicators = new[] { new { indicator = "population", target = 21000 } },
        }));
        return new Scenario { Coordinator = coordinator, ProgrammeId = programmeId, AgreementId = agreement["id"]!.GetValue<long>() };
    }

    public static long Id(JsonNode node) => node["id"]!.GetValue<long>();
}
