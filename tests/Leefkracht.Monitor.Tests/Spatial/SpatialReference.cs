using System.Globalization;
using System.IO.Compression;

namespace Leefkracht.Monitor.Tests.Spatial;

/// <summary>
/// The committed outputs of R spdep and libpysal in <c>tests/reference/spatial</c> (made by the scripts there) and
/// the layers of the shared sample store they are compared with.
/// </summary>
internal static class SpatialReference
{
    private static readonly Dictionary<string, SpatialLayer> Layers = [];
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static string Folder => Path.Combine(TestData.RepositoryRoot, "tests", "reference", "spatial");

    /// <summary>A table of the reference folder: header names → columns of text.</summary>
    public static IReadOnlyList<Dictionary<string, string>> Rows(string name)
    {
        var path = Path.Combine(Folder, name);
        using var file = File.OpenRead(path);
        using Stream stream = name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine()!.Split(',').Select(h => h.Trim('"')).ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var cells = line.Split(',');
            rows.Add(header.Select((h, i) => (h, cells[i].Trim('"'))).ToDictionary(x => x.h, x => x.Item2));
        }

        return rows;
    }

    /// <summary>A number of a reference table; R writes NA as an empty cell and NaN as "NaN".</summary>
    public static double Number(string text) =>
        text.Length == 0 || text == "NA" ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>code → neighbour codes of a reference neighbour list.</summary>
    public static Dictionary<string, HashSet<string>> Neighbours(string name) =>
        Rows(name).ToDictionary(r => r["code"], r => r["neighbours"].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet());

    /// <summary>Our weights as code → neighbour codes.</summary>
    public static Dictionary<string, HashSet<string>> Neighbours(SpatialWeights weights, IReadOnlyList<AreaKey> areas) =>
        Enumerable.Range(0, weights.Count).ToDictionary(
            i => areas[i].Code.Value,
            i => weights.NeighboursOf(i).ToArray().Select(j => areas[j].Code.Value).ToHashSet());

    /// <summary>The areas whose neighbour sets differ, as readable lines (empty when the lists are identical).</summary>
    public static List<string> Differences(Dictionary<string, HashSet<string>> ours, Dictionary<string, HashSet<string>> theirs)
    {
        var differences = new List<string>();
        foreach (var code in ours.Keys.Union(theirs.Keys).Order(StringComparer.Ordinal))
        {
            var a = ours.GetValueOrDefault(code);
            var b = theirs.GetValueOrDefault(code);
            if (a is null || b is null)
            {
                differences.Add($"{code}: only in {(a is null ? "the reference" : "ours")}");
            }
            else if (!a.SetEquals(b))
            {
                differences.Add($"{code}: ours only [{string.Join(' ', a.Except(b))}], reference only [{string.Join(' ', b.Except(a))}]");
            }
        }

        return differences;
    }

    /// <summary>All boundaries of a level and year from the sample store, projected to RD New (cached per test run).</summary>
    public static async Task<SpatialLayer> LayerAsync(SampleStore sample, AreaLevel level, int year)
    {
        var key = $"{level}{year}";
        await Gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!Layers.TryGetValue(key, out var layer))
            {
                await using var store = sample.Open();
                layer = (await new SpatialDataService(store).LoadLayerAsync(level, year, [], TestContext.Current.CancellationToken))!;
                Layers[key] = layer;
            }

            return layer;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Relative-or-absolute closeness: |a − b| ≤ tolerance · max(1, |b|); NaN equals NaN.</summary>
    public static bool Close(double a, double b, double tolerance) =>
        (double.IsNaN(a) && double.IsNaN(b)) || Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Abs(b));
}
