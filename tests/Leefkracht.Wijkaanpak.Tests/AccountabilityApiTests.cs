namespace Leefkracht.Wijkaanpak.Tests;

public sealed class AccountabilityApiTests(WijkaanpakServer server)
{
    [Fact]
    public async Task Accountability_ShowsTheIndicatorsMovementFromTheMonitor()
    {
        // Given the agreement linked to the population of WK034406 (Binnenstad: 19,630 in 2023, 20,190 in 2024), target 21,000
        var scenario = await Scenario.CreateAsync(server);
        var c = scenario.Coordinator;

        // When the accountability view is read
        var view = await ApiClient.OkJson(c.GetAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/accountability"));

        // Then it shows the movement from the start year 2023 toward the target
        view["programme"]!["areaName"]!.GetValue<string>().ShouldBe("Wijk 06 Binnenstad");
        view["latestYear"]!.GetValue<int>().ShouldBe(2024);
        var item = view["agreements"]!.AsArray().Single()!;
        item["statusLabel"]!.GetValue<string>().ShouldBe("gepland");
        var population = item["indicators"]!.AsArray().Single()!;
        population["baseline"]!["year"]!.GetValue<int>().ShouldBe(2023);
        population["baseline"]!["value"]!.GetValue<double>().ShouldBe(19630);
        population["latest"]!["year"]!.GetValue<int>().ShouldBe(2024);
        population["latest"]!["value"]!.GetValue<double>().ShouldBe(20190);
        population["movement"]!.GetValue<string>().ShouldBe("toward_target");
        view["goals"]!.AsArray().Single()!["movement"]!.GetValue<string>().ShouldBe("toward_target");

        // and the CSV for the council has the same figures, in Dutch Excel's dialect by default (';', decimal comma)
        using var csv = await c.GetAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/accountability.csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lines = (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[1].ShouldEndWith(";population;Aantal inwoners;21000;2023;19630;2024;20190;toward_target");
    }
}
