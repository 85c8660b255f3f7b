using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Leefkracht.Core.Areas;
using Leefkracht.Core.Planner;
using Leefkracht.Monitor.Monitoring;

namespace Leefkracht.Benchmarks;

/// <summary>
/// The planner on all 14,574 buurten of the national 2024 selection (tenure seeded from the gemeente housing
/// panel): a 10-year projection, and one year's placements spread over every buurt of the country.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PlannerBenchmarks
{
    private string _folder = string.Empty;
    private IReadOnlyList<BuurtSeed> _seeds = [];
    private Scenario _baseline = null!;
    private Scenario _placements = null!;
    private PlacementProblem _national = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Sample.NewFolder();
        var store = Sample.ImportedStore(Path.Combine(_folder, "planner.db"), "national/kwb2024_selection_crime_health_nl_all_buurten.csv.gz", "national/kwb2020-2025_gemeente_housing_panel.csv.gz");
        var table = new MonitorService(store).PrepareAsync(2024).GetAwaiter().GetResult().Table;
        store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _seeds = PlannerSeeding.FromTable(table, table.Areas.Where(a => a.Code.Level == AreaLevel.Buurt), PlannerParameters.Default).Seeds;
        _baseline = new Scenario("baseline", 2024, 10, PlannerParameters.Default, [], [], new AllocationRules());

        // Placements in every gemeente (100 a year each, over its own buurten), as the statushouder task is set per gemeente.
        var programmes = _seeds.GroupBy(s => s.Area.Code.Gemeente!.Value).Select(g =>
            new PlacementProgramme(HouseholdGroup.Statushouder, 100, 2025, 2025, AllocationMethod.Vacancies, [.. g.Select(s => s.Area.Code)], ImmutableDictionary<AreaCode, int>.Empty));
        _placements = _baseline with { Placements = [.. programmes] };
        var year = Projection.Run(_seeds, _baseline with { Years = 1, Placements = [new PlacementProgramme(HouseholdGroup.Statushouder, 20_000, 2025, 2025, AllocationMethod.Vacancies, [.. _seeds.Select(s => s.Area.Code)], ImmutableDictionary<AreaCode, int>.Empty)] });
        _national = year.Allocations[0].Problem;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Description = "10-year projection, all buurten, no interventions")]
    public int Projection10Years() => Projection.Run(_seeds, _baseline).Buurten.Length;

    [Benchmark(Description = "10-year projection, all buurten, naive placements in every gemeente")]
    public int Projection10YearsWithPlacements() => Projection.Run(_seeds, _placements).Allocations.Length;

    [Benchmark(Description = "optimiser: 20,000 placements over all buurten of the Netherlands (exact, 2 stages)")]
    public double OptimiseNational() => PlacementOptimiser.Optimise(_national).WorstPlacedShare;

    [Benchmark(Description = "naive allocation: 20,000 placements over all buurten")]
    public double NaiveNational() => PlacementOptimiser.Naive(_national).WorstPlacedShare;
}
