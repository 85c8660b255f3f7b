using Leefkracht.Data.Import;
using Leefkracht.Data.Storage;

namespace Leefkracht.Testing;

/// <summary>
/// One store (of the run's kind: SQLite or PostgreSQL) with the whole bundled sample imported, shared (read-only)
/// by the tests that need real national data. Tests that write use their own <see cref="TestStore"/>. A test project
/// that uses it declares it as an assembly fixture (<c>[assembly: AssemblyFixture(typeof(SampleStore))]</c>).
/// </summary>
public sealed class SampleStore : IAsyncLifetime
{
    private readonly TestStore _store = TestStore.Create();

    public IReadOnlyList<ImportReport> Reports { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        await using var store = _store.Open();
        Reports = await Stores.Importer(store).ImportAsync([System.IO.Path.Combine(TestData.RepositoryRoot, "data", "sample")], new ImportOptions());
        if (Reports.Any(r => r.Outcome != ImportOutcome.Stored))
        {
            throw new InvalidOperationException("the sample did not import cleanly: " + string.Join("; ", Reports.Where(r => r.Outcome != ImportOutcome.Stored).Select(r => $"{r.File}: {r.Summary}")));
        }
    }

    /// <summary>Opens the shared store (callers must not write to it).</summary>
    public IMonitorStore Open() => _store.Open();

    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        return ValueTask.CompletedTask;
    }
}
