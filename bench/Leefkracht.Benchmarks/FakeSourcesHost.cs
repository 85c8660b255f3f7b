using Leefkracht.Fetch.StatLine;
using Leefkracht.Testing;

namespace Leefkracht.Benchmarks;

/// <summary>
/// <c>fake-sources FIRST LAST</c>: the tests' fake StatLine feed on localhost, serving the real national KWB 2024 key
/// file (18,310 regions, 11 columns, the real 2024 DataProperties) under the table id of every year FIRST…LAST in pages
/// of 10,000 rows, as <see cref="FakeSources.ServeNationalYears"/> describes. Prints the feed's address on the first
/// line and serves until its standard input closes, so that bench/fetch/national.sh can time the real
/// <c>leefkracht fetch kwb --years FIRST-LAST</c> against it. With a third argument <c>all</c> it serves every source
/// <c>fetch --all</c> reads, as far as the shared data have them (bench/fetch/all.sh, <see cref="ServeTheRest"/>).
/// </summary>
internal static class FakeSourcesHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var all = args is [_, _, "all"];
        if (all)
        {
            args = args[..2];
        }

        if (args is not [var from, var to] || !int.TryParse(from, out var first) || !int.TryParse(to, out var last) || first > last
            || !Enumerable.Range(first, last - first + 1).All(year => KwbTables.For(year) is not null))
        {
            await Console.Error.WriteLineAsync($"usage: fake-sources FIRST LAST [all], years with a KWB table ({KwbTables.Years.Min()}-{KwbTables.Years.Max()})");
            return 2;
        }

        await using var fake = await FakeSources.StartAsync();
        string[] tables = [.. Enumerable.Range(first, last - first + 1).Select(year => KwbTables.For(year)!)];
        if (all)
        {
            fake.ServeNationalYearsWithEveryRegion(tables);
        }
        else
        {
            fake.ServeNationalYears(tables);
        }

        fake.PageSize = 10_000;
        if (all)
        {
            ServeTheRest(fake, first, last);
        }

        Console.WriteLine(all ? $"{fake.Feed.AbsoluteUri} {fake.PdokTemplate} {fake.Leefbaarometer.AbsoluteUri} {fake.PostcodeTemplate}" : fake.Feed.AbsoluteUri);
        await Console.In.ReadToEndAsync();
        Console.WriteLine($"{fake.Log.Count} responses: {string.Join(", ", fake.Log.GroupBy(l => l.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}"))}");
        return 0;
    }

    /// <summary>
    /// Besides the KWB years, what the shared data hold of the other sources: the real police totals of every area
    /// for 2021-2025 (<see cref="FakeSources.ServePolice"/>, split into months by the fake) and the real RIVM estimates
    /// of every area (<see cref="FakeSources.ServeHealth"/>), both in the 2024 division like the KWB key file; the
    /// real Haaglanden wijk boundaries as PDOK's <c>wijken</c> of every year (no gemeente or buurt collection: those
    /// answer 404); the sample's complete Leefbaarometer PC4 file as the archive; and, as CBS's postcode file of every
    /// year, the addresses of Den Haag's 2019 crosswalk fixture. No Nabijheid table: those years answer 404.
    /// </summary>
    private static void ServeTheRest(FakeSources fake, int first, int last)
    {
        var gemeenten = FakeSources.SampleRows(FakeSources.PoliceSample).Select(r => r["gm_code"]).ToHashSet(StringComparer.Ordinal);
        fake.ServePolice(gemeenten);
        fake.ServeHealth(FakeSources.SampleRows(FakeSources.HealthSample).Select(r => r["gm_code"]).ToHashSet(StringComparer.Ordinal));
        fake.ServeNationalLeefbaarometer();
        for (var year = first; year <= last; year++)
        {
            fake.ServeWijkBoundaries(year);
            fake.ServeDenHaagPostcodes(year);
        }
    }
}
