using System.IO.Compression;
using System.Text;

namespace Leefkracht.Testing;

/// <summary>Finds the bundled sample data and makes throw-away copies and variants of it.</summary>
public static class TestData
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Leefkracht.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Leefkracht.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string RepositoryRoot => Root.Value;

    /// <summary>A file of the bundled sample, for example <c>utrecht/kwb2023_utrecht_GM0344.csv</c>.</summary>
    public static string Sample(string relativePath)
    {
        var path = Path.Combine(RepositoryRoot, "data", "sample", relativePath);
        return File.Exists(path) ? path : throw new FileNotFoundException("Sample file missing", path);
    }

    /// <summary>The text of a sample file (gunzipped when needed).</summary>
    public static string SampleText(string relativePath)
    {
        var path = Sample(relativePath);
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>A temporary folder deleted at the end of a test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "leefkracht-tests", Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow CI machine; the OS temp cleaner takes it.
        }
    }
}
