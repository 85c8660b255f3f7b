using Leefkracht.Fetch.StatLine;
using Leefkracht.Testing;

namespace Leefkracht.Benchmarks;

/// <summary>
/// <c>fake-sources FIRST LAST</c>: the tests' fake StatLine feed on localhost, serving the real national KWB 2024 key
/// file (18,310 regions, 11 columns, the real 2024 DataProperties) under the table id of every year FIRST…LAST in pages
/// of 10,000 rows, as <see cref="FakeSources.ServeNationalYears"/> describes. Prints the feed's address on the first
/// line and serves until its standard input closes, so that bench/fetch/national.sh can time the real
/// <c>leefkracht fetch kwb --years FIRST-LAST</c> against it.
/// </summary>
internal static class FakeSourcesHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var from, var to] || !int.TryParse(from, out var first) || !int.TryParse(to, out var last) || first > last
            || !Enumerable.Range(first, last - first + 1).All(year => KwbTables.For(year) is not null))
        {
            await Console.Error.WriteLineAsync($"usage: fake-sources FIRST LAST, years with a KWB table ({KwbTables.Years.Min()}-{KwbTables.Years.Max()})");
            return 2;
        }

        await using var fake = await FakeSources.StartAsync();
        fake.ServeNationalYears([.. Enumerable.Range(first, last - first + 1).Select(year => KwbTables.For(year)!)]);
        fake.PageSize = 10_000;
        Console.WriteLine(fake.Feed.AbsoluteUri);
        await Console.In.ReadToEndAsync();
        Console.WriteLine($"{fake.Log.Count} responses: {string.Join(", ", fake.Log.GroupBy(l => l.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}"))}");
        return 0;
    }
}
