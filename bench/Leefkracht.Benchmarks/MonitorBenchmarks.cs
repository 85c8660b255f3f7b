using BenchmarkDotNet.Attributes;
using Leefkracht.Core.Areas;
using Leefkracht.Core.Indicators;
using Leefkracht.Core.Indices;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Storage.Sqlite;
using Leefkracht.Monitor.Models;
using Leefkracht.Monitor.Monitoring;

namespace Leefkracht.Benchmarks;

/// <summary>
/// The national recompute of a year (issue 3's target: well under a second): the 2024 national data (18,309 gemeenten,
/// wijken and buurten) prepared (derived indicators, wijk and gemeente values from buurten), both references, the
/// livability index with its contributions and the resilience index for every area — and, for context, the whole
/// <see cref="MonitorService.ScoreAsync"/> path from the SQLite file, a national trend and a model estimation.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class MonitorBenchmarks
{
    private string _folder = string.Empty;
    private SqliteMonitorStore _store = null!;
    private MonitorService _monitor = null!;
    private IndicatorTable _raw = null!;
    private IndicatorTable _prepared = null!;
    private StandardisationReference _livabilityReference = null!;
    private readonly LivabilityModel _model = ModelDocument.Default;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Sample.NewFolder();
        _store = Sample.ImportedStore(Path.Combine(_folder, "national.db"), "national/kwb2024_selection_crime_health_nl_all_buurten.csv.gz", "national/politie_47022NED_misdrijven_totaal_per_jaar_2021-2025.csv.gz", "national/kwb2024_nl_all_regions_population.csv.gz");
        _monitor = new MonitorService(_store);
        _raw = _store.LoadPeriodAsync(2024).GetAwaiter().GetResult();
        _prepared = Prepare();
        _livabilityReference = ReferenceDistribution.National(_prepared, _model.IndicatorIds, _model.Rules);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "prepare 2024: derived indicators, wijk/gemeente values from buurten")]
    public IndicatorTable Prepare()
    {
        var derived = DerivedIndicator.Apply(_raw, CatalogDocument.Default.Derived);
        var (aggregated, _) = Aggregation.FillFromBuurten(derived, CatalogDocument.Default.Catalog);
        return DerivedIndicator.Apply(aggregated, CatalogDocument.Default.Derived);
    }

    [Benchmark(Description = "livability index of all 18,309 areas (reference given)")]
    public int Livability() => LivabilityIndex.Compute(_prepared, _model, _livabilityReference).Count;

    [Benchmark(Baseline = true, Description = "national recompute: prepare, both references, livability and resilience of all areas")]
    public int Recompute()
    {
        var prepared = Prepare();
        var livabilityReference = ReferenceDistribution.National(prepared, _model.IndicatorIds, _model.Rules);
        var resilienceReference = ReferenceDistribution.National(prepared, ResilienceModel.Default.IndicatorIds, new ScoringRules());
        return LivabilityIndex.Compute(prepared, _model, livabilityReference).Count
            + ResilienceIndex.Compute(prepared, ResilienceModel.Default, resilienceReference).Count;
    }

    [Benchmark(Description = "ScoreAsync 2024 from the SQLite file (load, prepare, reference, score, percentiles)")]
    public async Task<int> ScoreFromStore() => (await _monitor.ScoreAsync(2024, _model, ReferenceChoice.National)).Scores.Count;

    [Benchmark(Description = "trend 2021 → 2024 of all areas (two years loaded and prepared, crosswalk carry, one reference)")]
    public async Task<int> Trend() => (await _monitor.TrendAsync(2021, 2024, _model, ReferenceChoice.National)).Trends.Count;

    [Benchmark(Description = "model fit: ridge regression of log WOZ on 12,000 buurten, 8 penalties × 10 folds")]
    public async Task<int> EstimateWeights()
    {
        var estimator = new ModelEstimator(_monitor);
        return (await estimator.EstimateAsync(2024, new EstimationTarget("woz_mean", Log: true), 2024, AreaLevel.Buurt, null, new EstimationOptions(), _model.Rules)).Design.Areas.Count;
    }
}
