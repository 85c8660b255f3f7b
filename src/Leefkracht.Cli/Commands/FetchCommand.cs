using Leefkracht.Data.Catalog;
using Leefkracht.Fetch;
using Leefkracht.Fetch.Http;
using Leefkracht.Fetch.StatLine;

namespace Leefkracht.Cli.Commands;

/// <summary>
/// <c>leefkracht fetch kwb --year 2019 --gemeente Utrecht</c> (or <c>--years 2013-2025</c>, without
/// <c>--gemeente</c> the whole country), and <c>fetch --list</c>: official data from the source, through the
/// download cache, into the store with the import's report and provenance.
/// </summary>
internal static class FetchCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var list = new Option<bool>("--list") { Description = "Show what can be fetched and which years the store already holds" };
        var cache = new Option<string?>("--cache") { Description = "Download cache folder (default: $LEEFKRACHT_CACHE, else ~/.local/share/leefkracht/cache)", Recursive = true };
        var statLine = new Option<string?>("--statline-url") { Description = "CBS StatLine OData feed (default: $LEEFKRACHT_STATLINE_URL, else https://opendata.cbs.nl/ODataFeed/odata/)", Recursive = true };
        var retryDelay = new Option<double?>("--retry-delay") { Description = "First back-off delay in seconds (default 2; later ones grow, with jitter; Retry-After wins)", Recursive = true };
        var command = new Command("fetch", "Fetch official data (CBS StatLine) into the store") { list, cache, statLine, retryDelay };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!result.GetValue(list))
            {
                await environment.Error.WriteLineAsync("name what to fetch (fetch kwb --year 2019 --gemeente Utrecht), or fetch --list").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            await using var context = global.Open(result, environment);
            var counts = await context.Store.CountValuesAsync("population", cancellationToken).ConfigureAwait(false);
            var table = new Table().AddColumns("kind", "year", "source", "in the store");
            foreach (var year in KwbTables.Years)
            {
                table.AddRow("kwb", year.ToString(CultureInfo.InvariantCulture), KwbTables.For(year)!, counts.TryGetValue(year, out var n) ? $"{n} areas with inhabitants" : "-");
            }

            environment.Out.Write(table);
            return ExitCodes.Success;
        });
        command.Subcommands.Add(CreateKwb(environment, global, cache, statLine, retryDelay));
        return command;
    }

    private static Command CreateKwb(CliEnvironment environment, GlobalOptions global, Option<string?> cache, Option<string?> statLine, Option<double?> retryDelay)
    {
        var year = new Option<int?>("--year") { Description = "The year (2013-2025)" };
        var years = new Option<string?>("--years") { Description = "A range of years, for example 2013-2025" };
        var gemeente = new Option<string?>("--gemeente") { Description = "Gemeente code (GM0344) or name (Utrecht); without it, the whole country" };
        var command = new Command("kwb", "Kerncijfers wijken en buurten from CBS StatLine") { year, years, gemeente };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (ParseYears(result.GetValue(year), result.GetValue(years)) is not { } chosen)
            {
                await environment.Error.WriteLineAsync("give --year 2019 or --years 2013-2025").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var options = Options(environment, result.GetValue(cache), result.GetValue(statLine), result.GetValue(retryDelay));
            await using var context = global.Open(result, environment);
            using var client = new FetchClient(options);
            var fetcher = new KwbFetcher(client, options, context.Store, CatalogDocument.Default, environment.Clock);
            var failed = false;
            foreach (var y in chosen)
            {
                try
                {
                    var fetched = await FetchWithProgress(environment, fetcher, y, result.GetValue(gemeente), cancellationToken).ConfigureAwait(false);
                    Print(environment, fetched);
                    ImportCommand.Print(environment, [fetched.Import], context.Texts, verbose: false, compact: true);
                    failed |= fetched.Import.Outcome == Data.Import.ImportOutcome.Rejected;
                }
                catch (FetchException exception)
                {
                    // Nothing was imported for this year: the store only changes in the import's one transaction.
                    await environment.Error.WriteLineAsync($"fetch kwb {y}: {exception.Message} (the store was not changed)").ConfigureAwait(false);
                    return ExitCodes.SourceUnavailable;
                }
            }

            return failed ? ExitCodes.InvalidInput : ExitCodes.Success;
        });
        return command;
    }

    private static async Task<KwbFetchResult> FetchWithProgress(CliEnvironment environment, KwbFetcher fetcher, int year, string? gemeente, CancellationToken cancellationToken)
    {
        if (!environment.Interactive)
        {
            return await fetcher.FetchAsync(year, gemeente, null, cancellationToken).ConfigureAwait(false);
        }

        KwbFetchResult? fetched = null;
        await environment.Out.Progress()
            .Columns(new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"kwb {year}").IsIndeterminate();
                var progress = new Progress<FetchProgress>(p => task.Description = Markup.Escape($"kwb {year} {p.Source}: {p.Stage}, {p.Pages} page(s), {p.Rows} rows"));
                fetched = await fetcher.FetchAsync(year, gemeente, progress, cancellationToken).ConfigureAwait(false);
                task.StopTask();
            }).ConfigureAwait(false);
        return fetched!;
    }

    private static void Print(CliEnvironment environment, KwbFetchResult fetched)
    {
        var console = environment.Out;
        var t = fetched.Transfer;
        console.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"kwb {fetched.Year} ({fetched.Table}, {fetched.Gemeente ?? "NL"}): {fetched.Rows} rows; {t.Requests} responses, {t.Downloaded} downloaded ({t.BytesDownloaded / 1024.0:0.#} KB), {t.Revalidated} unchanged (304)")));
        console.MarkupLine(Markup.Escape($"  columns: {fetched.Columns.IndicatorCount} indicators, {fetched.Columns.Columns.Count(c => c.Fate == ColumnFate.Ignored)} known non-indicators, {fetched.Columns.Unknown.Count} unknown"));
        foreach (var unknown in fetched.Columns.Unknown)
        {
            console.MarkupLine($"  [yellow]{Markup.Escape($"unknown column {unknown.Property.Key} ('{unknown.Property.Title}'): not in the indicator catalog, not imported")}[/]");
        }
    }

    private static FetchOptions Options(CliEnvironment environment, string? cache, string? statLine, double? retryDelay)
    {
        var options = new FetchOptions { CacheFolder = cache ?? environment.GetVariable("LEEFKRACHT_CACHE") ?? FetchOptions.DefaultCacheFolder };
        if ((statLine ?? environment.GetVariable("LEEFKRACHT_STATLINE_URL")) is { } feed)
        {
            options = options with { StatLine = new Uri(feed.EndsWith('/') ? feed : feed + "/") };
        }

        return retryDelay is { } seconds ? options with { RetryBaseDelay = TimeSpan.FromSeconds(seconds) } : options;
    }

    private static List<int>? ParseYears(int? year, string? range)
    {
        if (year is { } single)
        {
            return [single];
        }

        var parts = range?.Split('-', 2);
        return parts is [var from, var to]
            && int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out var last) && first <= last
            ? [.. Enumerable.Range(first, last - first + 1)]
            : null;
    }
}
