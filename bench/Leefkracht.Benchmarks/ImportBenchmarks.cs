using BenchmarkDotNet.Attributes;
using Leefkracht.Core.Areas;
using Leefkracht.Core.Indicators;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Data.Import.Tables;
using Leefkracht.Data.Import.Text;
using Leefkracht.Data.Storage.Sqlite;

namespace Leefkracht.Benchmarks;

/// <summary>
/// Import of the national KWB 2024 selection (18,309 regions × 27 indicator columns, 285k values): reading
/// alone, and the whole import into a fresh SQLite file (detection, reading, one transaction).
/// Also: reading a whole national year back into a columnar table.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ImportBenchmarks
{
    private const string National = "national/kwb2024_selection_crime_health_nl_all_buurten.csv.gz";
    private string _path = string.Empty;
    private SourceFile _file = null!;
    private string _folder = string.Empty;
    private SqliteMonitorStore _loaded = null!;

    [GlobalSetup]
    public void Setup()
    {
        _path = Sample.File(National);
        _file = SourceFile.Read(_path);
        _folder = Path.Combine(Path.GetTempPath(), "leefkracht-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _loaded = SqliteMonitorStore.Open(Path.Combine(_folder, "loaded.db"), TimeProvider.System);
        new Importer(_loaded, CatalogDocument.Default, TimeProvider.System).ImportAsync([_path], new ImportOptions()).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _loaded.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "read national KWB 2024 selection (no storage)")]
    public int ReadNationalSelection() =>
        new WideTableReader().Read(_file, new ImportContext(CatalogDocument.Default, new AreaDirectory([]), new ImportOptions()), CancellationToken.None).Observations.Count;

    [Benchmark(Description = "import national KWB 2024 selection into a new SQLite file")]
    public async Task<int> ImportNationalSelection()
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");
        await using (var store = SqliteMonitorStore.Open(path, TimeProvider.System))
        {
            var reports = await new Importer(store, CatalogDocument.Default, TimeProvider.System).ImportAsync([_path], new ImportOptions());
            if (reports[0].Outcome != ImportOutcome.Stored)
            {
                throw new InvalidOperationException(reports[0].Summary);
            }
        }

        foreach (var file in Directory.EnumerateFiles(_folder, Path.GetFileName(path) + "*"))
        {
            File.Delete(file);
        }

        return 0;
    }

    [Benchmark(Description = "load national year 2024 into a columnar table")]
    public async Task<int> LoadNationalYear()
    {
        IndicatorTable table = await _loaded.LoadPeriodAsync(2024);
        return table.Areas.Length + table.Column("population").Length;
    }

    [Benchmark(Description = "load all buurten of 2024 into a columnar table")]
    public async Task<int> LoadNationalBuurten()
    {
        IndicatorTable table = await _loaded.LoadPeriodAsync(2024, AreaLevel.Buurt);
        return table.Areas.Length;
    }
}
