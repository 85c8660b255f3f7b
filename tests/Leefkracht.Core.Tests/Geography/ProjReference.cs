using System.Globalization;

namespace Leefkracht.Core.Tests.Geography;

/// <summary>One line of <c>tests/reference/rd/rd_wgs84_proj.csv</c>: an RD point and PROJ's WGS84 position for it.</summary>
internal sealed record ProjReferencePoint(string Name, double X, double Y, double Latitude, double Longitude)
{
    /// <summary>The points written by <c>tests/reference/rd/make_reference.sh</c>.</summary>
    public static IReadOnlyList<ProjReferencePoint> Load()
    {
        return [.. File.ReadLines(ReferencePath())
            .Where(line => !line.StartsWith('#') && !line.StartsWith("name,", StringComparison.Ordinal) && line.Length > 0)
            .Select(line => line.Split(','))
            .Select(f => new ProjReferencePoint(f[0], Number(f[1]), Number(f[2]), Number(f[3]), Number(f[4])))];
    }

    /// <summary>The comment line naming the PROJ version.</summary>
    public static string ProjVersion() => CommentLines()[0];

    /// <summary>The comment line naming the coordinate operation PROJ chose.</summary>
    public static string OperationLine() => CommentLines()[1];

    private static string[] CommentLines() =>
        [.. File.ReadLines(ReferencePath()).TakeWhile(line => line.StartsWith('#'))];

    private static string ReferencePath() => Path.Combine(FindRepositoryRoot(), "tests", "reference", "rd", "rd_wgs84_proj.csv");

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    // Tests run from artifacts/bin/...; the reference data sit in the repository, found by its solution file.
    internal static string FindRepositoryRoot()
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
