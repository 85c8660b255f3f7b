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
}
