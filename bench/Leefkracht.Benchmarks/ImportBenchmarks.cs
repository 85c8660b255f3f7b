using BenchmarkDotNet.Attributes;
using Leefkracht.Core.Areas;
using Leefkracht.Core.Indicators;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Data.Import.Tables;
using Leefkracht.Data.Import.Text;
using Leefkracht.Data.Storage;
using Leefkracht.Wijkaanpak.Storage;
using Npgsql;

namespace Leefkracht.Benchmarks;

/// <summary>
/// Import of the national KWB 2024 selection (18,309 regions × 27 indicator columns, 285k values): reading
/// alone, and the whole import into a fresh store (detection, reading, one transaction). Also: reading a whole
/// national year back into a columnar table. Runs on SQLite, and on PostgreSQL too when <c>LEEFKRACHT_BENCH_PG</c>
/// holds a connection string (each store gets a schema of its own there, dropped at the end).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ImportBenchmarks
{
    private const string National = "national/kwb2024_selection_crime_health_nl_all_buurten.csv.gz";
    private readonly List<string> _schemas = [];
    private string _path = string.Empty;
    private SourceFile _file = null!;
    private string _folder = string.Empty;
    private IMonitorStore _loaded = null!;

    /// <summary>sqlite, and postgres when a server is given.</summary>
    [ParamsSource(nameof(StoreKinds))]
    public string Store { get; set; } = "sqlite";

    public static IEnumerable<string> StoreKinds => Environment.GetEnvironmentVariable("LEEFKRACHT_BENCH_PG") is { Length: > 0 } ? ["sqlite", "postgres"] : ["sqlite"];

    [GlobalSetup]
    public void Setup()
    {
        _path = Sample.File(National);
        _file = SourceFile.Read(_path);
        _folder = Path.Combine(Path.GetTempPath(), "leefkracht-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _loaded = MonitorStores.Open(NewStore(), TimeProvider.System, WijkaanpakSchema.Database);
        new Importer(_loaded, CatalogDocument.Default, TimeProvider.System).ImportAsync([_path], new ImportOptions()).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _loaded.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
        if (_schemas.Count > 0)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("LEEFKRACHT_BENCH_PG"));
            connection.Open();
            foreach (var schema in _schemas)
            {
                using var drop = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", connection);
                drop.ExecuteNonQuery();
            }
        }
    }

    [Benchmark(Description = "read national KWB 2024 selection (no storage)")]
    public int ReadNationalSelection() =>
        new WideTableReader().Read(_file, new ImportContext(CatalogDocument.Default, new AreaDirectory([]), new ImportOptions()), CancellationToken.None).Observations.Count;

    [Benchmark(Description = "import national KWB 2024 selection into a new store")]
    public async Task<int> ImportNationalSelection()
    {
        await using var store = await MonitorStores.OpenAsync(NewStore(), TimeProvider.System, WijkaanpakSchema.Database);
        var reports = await new Importer(store, CatalogDocument.Default, TimeProvider.System).ImportAsync([_path], new ImportOptions());
        return reports[0].Outcome == ImportOutcome.Stored ? reports[0].ValuesStored : throw new InvalidOperationException(reports[0].Summary);
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

    /// <summary>A new empty store's setting: a file in the run's folder, or a new schema on the PostgreSQL server.</summary>
    private string NewStore()
    {
        if (Store == "sqlite")
        {
            return Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");
        }

        var schema = "bench_" + Guid.NewGuid().ToString("N");
        var server = Environment.GetEnvironmentVariable("LEEFKRACHT_BENCH_PG")!;
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            create.ExecuteNonQuery();
        }

        _schemas.Add(schema);
        return new NpgsqlConnectionStringBuilder(server) { SearchPath = schema + ",public" }.ConnectionString;
    }
}
