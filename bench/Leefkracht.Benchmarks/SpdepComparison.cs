using System.Diagnostics;
using System.Globalization;
using Leefkracht.Core.Areas;
using Leefkracht.Core.Spatial;
using Leefkracht.Data.Storage.Sqlite;
using Leefkracht.Monitor.Spatial;
using Leefkracht.Wijkaanpak.Storage;

namespace Leefkracht.Benchmarks;

/// <summary>
/// The Leefkracht half of <c>bench/spatial/compare-spdep.sh</c>: on the national buurt set of a demo database, times
/// queen contiguity (snap 5 m) + row standardisation + local Moran with 999 conditional permutations, the same steps
/// the R half times with spdep, and writes the results so the script can compare them.
/// </summary>
/// <remarks>
/// Usage: <c>dotnet run -c Release --project bench/Leefkracht.Benchmarks -- spdep-compare DB OUT.csv [RUNS]</c>.
/// Loading from SQLite and projecting to RD New are outside the timing, as reading and <c>st_transform</c> are in R.
/// </remarks>
internal static class SpdepComparison
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            await Console.Error.WriteLineAsync("usage: spdep-compare DATABASE OUTPUT.csv [RUNS]");
            return 2;
        }

        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        await using var store = SqliteMonitorStore.Open(args[0], TimeProvider.System, WijkaanpakSchema.Database);
        var data = (await new SpatialDataService(store).LoadIndicatorAsync("dwellings_owner_occupied_pct", AreaLevel.Buurt, 2024, []))!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"leefkracht: {data.Values.Length} buurten with a value, {Environment.ProcessorCount} cores"));

        var weightTimes = new List<double>();
        var lisaTimes = new List<double>();
        var fuzzyTimes = new List<double>();
        LocalMoranResult? lisa = null;
        SpatialWeights? weights = null;

        // One untimed round first: JIT compilation is not what is compared.
        for (var run = 0; run <= runs; run++)
        {
            var clock = Stopwatch.StartNew();
            weights = Contiguity.Queen(data.Layer.Polygons, 5).RowStandardised();
            var weightSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            lisa = LocalMoran.Compute(data.Values, weights, new PermutationOptions(999, (ulong)run + 1));
            var lisaSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            _ = Contiguity.WithinDistance(data.Layer.Polygons, 5);
            var fuzzySeconds = clock.Elapsed.TotalSeconds;
            if (run > 0)
            {
                weightTimes.Add(weightSeconds);
                lisaTimes.Add(lisaSeconds);
                fuzzyTimes.Add(fuzzySeconds);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"leefkracht_weights_s={Median(weightTimes):0.000} leefkracht_lisa_s={Median(lisaTimes):0.000} leefkracht_total_s={Median(weightTimes) + Median(lisaTimes):0.000} leefkracht_fuzzy_weights_s={Median(fuzzyTimes):0.000} links={weights!.LinkCount} islands={weights.Islands.Length}"));
        await using var output = new StreamWriter(args[1]);
        await output.WriteLineAsync("code,Ii,Z,p_folded");
        for (var i = 0; i < data.Values.Length; i++)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{data.Layer.Areas[i].Code},{lisa!.I[i]:R},{lisa.Z[i]:R},{lisa.PseudoP[i]:R}"));
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
