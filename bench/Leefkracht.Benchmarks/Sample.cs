using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Data.Storage.Sqlite;
using Leefkracht.Wijkaanpak.Storage;

namespace Leefkracht.Benchmarks;

/// <summary>Locates the bundled sample from wherever BenchmarkDotNet runs the benchmark.</summary>
internal static class Sample
{
    public static string File(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "data", "sample", relativePath);
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("sample file not found above " + AppContext.BaseDirectory, relativePath);
    }

    /// <summary>A new temporary folder for a benchmark's database (the benchmark deletes it in its cleanup).</summary>
    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "leefkracht-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A new SQLite store at <paramref name="path"/> with the sample files <paramref name="files"/> imported.</summary>
    public static SqliteMonitorStore ImportedStore(string path, params string[] files)
    {
        var store = SqliteMonitorStore.Open(path, TimeProvider.System, WijkaanpakSchema.Database);
        new Importer(store, CatalogDocument.Default, TimeProvider.System).ImportAsync([.. files.Select(File)], new ImportOptions()).GetAwaiter().GetResult();
        return store;
    }
}
