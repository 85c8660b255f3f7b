namespace Leefkracht.Data.Tests.TestInfrastructure;

/// <summary>Paths into the repository's <c>data/sample/</c>, found from the test binaries by walking up to the solution file.</summary>
internal static class SamplePaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The repository root (the folder holding <c>Leefkracht.slnx</c>).</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>A file in <c>data/sample/boundaries/</c>.</summary>
    public static string Boundaries(string fileName) => Path.Combine(RepositoryRoot, "data", "sample", "boundaries", fileName);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Leefkracht.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Leefkracht.slnx above {AppContext.BaseDirectory}");
    }
}
