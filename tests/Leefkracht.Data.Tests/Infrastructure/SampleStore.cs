using Leefkracht.Data.Import;
using Leefkracht.Data.Storage.Sqlite;

[assembly: AssemblyFixture(typeof(Leefkracht.Data.Tests.Infrastructure.SampleStore))]

namespace Leefkracht.Data.Tests.Infrastructure;

/// <summary>
/// One SQLite database with the whole bundled sample imported, shared (read-only) by the tests that need real
/// national data. Tests that write use their own <see cref="TempFolder"/>.
/// </summary>
public sealed class SampleStore : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public string Path => _folder.File("sample.db");

    internal IReadOnlyList<ImportReport> Reports { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        await using var store = Stores.Open(Path);
        Reports = await Stores.Importer(store).ImportAsync([System.IO.Path.Combine(TestData.RepositoryRoot, "data", "sample")], new ImportOptions());
        if (Reports.Any(r => r.Outcome != ImportOutcome.Stored))
        {
            throw new InvalidOperationException("the sample did not import cleanly: " + string.Join("; ", Reports.Where(r => r.Outcome != ImportOutcome.Stored).Select(r => $"{r.File}: {r.Summary}")));
        }
    }

    /// <summary>Opens the shared database (callers must not write to it).</summary>
    internal SqliteMonitorStore Open() => Stores.Open(Path);

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
