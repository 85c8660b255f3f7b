using Leefkracht.Core.Planner;

namespace Leefkracht.Monitor.Tests.Planner;

/// <summary>The planner on the real Utrecht buurten of the sample (KWB 2023).</summary>
public sealed class PlannerServiceTests(SampleStore sample)
{
    private static ScenarioSpec Example(string file) => ScenarioDocument.Read(Path.Combine(TestData.RepositoryRoot, "docs", "planner", file));

    [Fact]
    public async Task Run_Baseline_YearZeroReproducesTheMonitorsResilience_AndStaysPut()
    {
        await using var store = sample.Open();
        var monitor = await new MonitorService(store).ResilienceAsync(2023, ResilienceModel.Default, ReferenceChoice.National, TestContext.Current.CancellationToken);

        var run = await new PlannerService(store).RunAsync(Example("baseline.json"), new RunOptions(Years: 3), TestContext.Current.CancellationToken);

        var first = run.InYear(2023).ToList();
        first.Count.ShouldBeGreaterThan(100);
        first.Count(b => b.Resilience is not null).ShouldBeGreaterThan(90);
        foreach (var buurt in first.Where(b => b.Resilience is not null))
        {
            monitor.ScoreOf(AreaCode.Parse(buurt.Code))!.Score!.Value.ShouldBe(buurt.Resilience!.Value, 1e-9, buurt.Code);
        }

        var last = run.InYear(2026).ToDictionary(b => b.Code);
        first.ShouldAllBe(b => Math.Abs(last[b.Code].VulnerableShare - b.VulnerableShare) < 1e-9 && Math.Abs((last[b.Code].Resilience ?? 0) - (b.Resilience ?? 0)) < 1e-9);
    }

    [Fact]
    public async Task Run_VacancyPlacements_AddUpAndRaiseThePressureWhereTheyLand()
    {
        await using var store = sample.Open();

        var run = await new PlannerService(store).RunAsync(Example("placements-vacancies.json"), new RunOptions(Years: 3), TestContext.Current.CancellationToken);

        run.Years.Skip(1).ShouldAllBe(y => Math.Abs(y.Placed + y.Refused - 150) < 1e-9);
        run.Years.Select(y => y.Households).Distinct().Count().ShouldBe(1);
        run.Years[^1].VulnerableShare.ShouldBeGreaterThan(run.Years[0].VulnerableShare);
        var placed = run.Buurten.GroupBy(b => b.Code).Where(g => g.Sum(b => b.Placed) > 0).Select(g => g.Key).ToHashSet();
        run.InYear(2026).Where(b => placed.Contains(b.Code) && b.Resilience is not null).ShouldAllBe(b => b.Resilience <= run.InYear(2023).Single(r => r.Code == b.Code).Resilience + 1e-12);
    }

    [Fact]
    public async Task Run_MidRentInTheWeakest_BuildsTwoHundredInTheThreeLowestScored()
    {
        await using var store = sample.Open();
        var monitor = await new MonitorService(store).ResilienceAsync(2023, ResilienceModel.Default, ReferenceChoice.National, TestContext.Current.CancellationToken);
        var weakest = monitor.Scores.Where(s => s.Area.Code.Level == AreaLevel.Buurt && s.Score is not null).OrderBy(s => s.Score).Take(3).Select(s => s.Area.Code).ToList();

        var run = await new PlannerService(store).RunAsync(Example("midrent-weakest.json"), cancellationToken: TestContext.Current.CancellationToken);

        run.Scenario.StockChanges.Select(c => c.Buurt).Distinct().Order().ShouldBe(weakest.Order());
        run.Scenario.StockChanges.Sum(c => c.Dwellings).ShouldBe(200);
        (run.Years[^1].Dwellings - run.Years[0].Dwellings).ShouldBe(200, 1e-6);
        foreach (var code in weakest)
        {
            var start = run.InYear(2023).Single(b => b.Code == code.Value);
            var end = run.InYear(2033).Single(b => b.Code == code.Value);
            end.VulnerableShare.ShouldBeLessThan(start.VulnerableShare);
            end.SocialRentShare.ShouldBeLessThan(start.SocialRentShare);
            end.MidRentShare.ShouldBeGreaterThan(start.MidRentShare);
            end.Resilience.ShouldNotBeNull();
        }
    }

    [Fact]
    public async Task Run_WithASeed_IsReproducibleAndSpreadsAroundTheExpectation()
    {
        await using var store = sample.Open();
        var planner = new PlannerService(store);
        var options = new RunOptions(Years: 2, Seed: 7, Replicates: 20);

        var first = await planner.RunAsync(Example("placements-optimised.json"), options, TestContext.Current.CancellationToken);
        var again = await planner.RunAsync(Example("placements-optimised.json"), options, TestContext.Current.CancellationToken);

        first.Buurten.Select(b => b.VulnerableSpread).ShouldBe(again.Buurten.Select(b => b.VulnerableSpread));
        first.InYear(2025).ShouldAllBe(b => b.VulnerableSpread != null && b.VulnerableSpread.Low <= b.VulnerableSpread.High);
        first.InYear(2025).Count(b => b.VulnerableSpread!.High > b.VulnerableSpread.Low).ShouldBeGreaterThan(50);
    }

    [Fact]
    public async Task Optimise_Utrecht_NeverWorseThanTheNaivePlan_AndExplainsWhy()
    {
        await using var store = sample.Open();

        using var english = UiLanguage.English();
        var run = await new PlannerService(store).OptimiseAsync([AreaCode.Parse("GM0344")], 150, new AllocationRules(0.5), 2023, cancellationToken: TestContext.Current.CancellationToken);

        run.Optimised.Placed.ShouldBe(150);
        run.Naive.Placed.ShouldBe(150);
        run.Optimised.WorstPlacedShare.ShouldBeLessThan(run.Naive.WorstPlacedShare);
        run.Rows.Sum(r => r.Optimised).ShouldBe(150);
        run.Rows.Where(r => r.Optimised > 0).ShouldAllBe(r => r.OptimisedShareAfter <= run.Optimised.WorstPlacedShare + 1e-12);
        run.Explanation[0].ShouldStartWith("Optimised: 150 of 150 placements over ");
        run.Explanation[^1].ShouldStartWith("What-if scenario, not a forecast");
    }

    [Fact]
    public async Task Run_UnknownBuurt_IsRejectedWithThePath()
    {
        await using var store = sample.Open();
        var spec = Example("baseline.json") with { Buurten = [AreaCode.Parse("BU99990101")] };

        var exception = await Should.ThrowAsync<Leefkracht.Data.Documents.DocumentException>(() => new PlannerService(store).RunAsync(spec, cancellationToken: TestContext.Current.CancellationToken));

        exception.Message.ShouldStartWith("scenario 'Basis (geen ingreep)' past niet bij de gegevens:");
        exception.Problems.ShouldContain(new Leefkracht.Data.Documents.DocumentProblem("$.area.buurten[0]", "BU99990101 heeft geen gegevens in 2023", "Data.BuurtWithoutData"));
    }
}
