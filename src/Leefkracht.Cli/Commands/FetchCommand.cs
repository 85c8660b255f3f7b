using Leefkracht.Data.Catalog;
using Leefkracht.Fetch;
using Leefkracht.Fetch.Http;
using Leefkracht.Fetch.Leefbaarometer;
using Leefkracht.Fetch.Pdok;
using Leefkracht.Fetch.Postcodes;
using Leefkracht.Fetch.StatLine;

namespace Leefkracht.Cli.Commands;

/// <summary>
/// <c>leefkracht fetch kwb --year 2019 --gemeente Utrecht</c> (or <c>--years 2013-2025</c>, without
/// <c>--gemeente</c> the whole country), <c>fetch politie</c> / <c>fetch gezondheid</c> (police 47022NED, RIVM
/// 50150NED), <c>fetch nabijheid</c> (CBS Nabijheid voorzieningen), <c>fetch boundaries</c> (PDOK), <c>fetch lbm</c>
/// (the Leefbaarometer archive, imported), <c>fetch --all --years 2013-2025</c> (every source, <see cref="FetchAllCommand"/>) and
/// <c>fetch --list</c>: official data from the source, through the download cache,
/// into the store with the import's report and provenance.
/// </summary>
internal static class FetchCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var list = new Option<bool>("--list") { Description = "Show what can be fetched and which years the store already holds" };
        var cache = new Option<string?>("--cache") { Description = "Download cache folder (default: $LEEFKRACHT_CACHE, else ~/.local/share/leefkracht/cache)", Recursive = true };
        var statLine = new Option<string?>("--statline-url") { Description = "CBS StatLine OData feed (default: $LEEFKRACHT_STATLINE_URL, else https://opendata.cbs.nl/ODataFeed/odata/)", Recursive = true };
        var pdok = new Option<string?>("--pdok-url") { Description = "PDOK OGC API of the CBS wijken en buurten, {year} for the year (default: $LEEFKRACHT_PDOK_URL, else https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1/)", Recursive = true };
        var dataDerden = new Option<string?>("--dataderden-url") { Description = "CBS OData feed of third-party tables, police and RIVM (default: $LEEFKRACHT_DATADERDEN_URL, else https://dataderden.cbs.nl/ODataFeed/odata/)", Recursive = true };
        var lbm = new Option<string?>("--lbm-url") { Description = "Leefbaarometer download folder (default: $LEEFKRACHT_LBM_URL, else https://www.leefbaarometer.nl/resources/)", Recursive = true };
        var postcodes = new Option<string?>("--postcode-url") { Description = "CBS postcode-huisnummer file of a year, {year} for the year, for the PC4 crosswalk fetch lbm brings (default: $LEEFKRACHT_POSTCODE_URL, else CBS's addresses of 2016-2023)", Recursive = true };
        var retryDelay = new Option<double?>("--retry-delay") { Description = "First back-off delay in seconds (default 2; later ones grow, with jitter; Retry-After wins)", Recursive = true };
        var command = new Command("fetch", "Fetch official data (CBS StatLine, PDOK, Leefbaarometer) into the store") { list, cache, statLine, dataDerden, pdok, lbm, postcodes, retryDelay };
        var settings = new Settings(cache, statLine, dataDerden, pdok, lbm, postcodes, retryDelay);
        var all = FetchAllCommand.AddOptions(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(all.All))
            {
                return await FetchAllCommand.RunAsync(environment, global, settings, all, result, cancellationToken).ConfigureAwait(false);
            }

            if (!result.GetValue(list))
            {
                await environment.Error.WriteLineAsync(Texts.Instance["fetch_what"]).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            await using var context = global.Open(result, environment);
            var counts = await context.Store.CountValuesAsync("population", cancellationToken).ConfigureAwait(false);
            var texts = context.Texts;
            var table = new Table().AddColumns(texts["fetch_list_kind"], texts["fetch_list_year"], texts["fetch_list_source"], texts["fetch_list_in_store"]);
            foreach (var year in KwbTables.Years)
            {
                table.AddRow("kwb", year.ToString(CultureInfo.InvariantCulture), KwbTables.For(year)!, counts.TryGetValue(year, out var n) ? texts.Format("fetch_list_inhabited", n) : "-");
            }

            foreach (var year in KwbTables.Years)
            {
                var levels = new List<string>();
                foreach (var level in new[] { AreaLevel.Gemeente, AreaLevel.Wijk, AreaLevel.Buurt })
                {
                    var boundaries = await context.Store.LoadBoundariesAsync(level, year, null, cancellationToken).ConfigureAwait(false);
                    if (boundaries.Count > 0)
                    {
                        levels.Add($"{boundaries.Count} {level.ToString().ToLowerInvariant()}");
                    }
                }

                table.AddRow("boundaries", year.ToString(CultureInfo.InvariantCulture), $"PDOK wijken-en-buurten-{year}", levels.Count > 0 ? string.Join(", ", levels) : "-");
            }

            foreach (var (series, indicator) in new[] { (StatLineSeries.Politie, "crimes_registered"), (StatLineSeries.Gezondheid, "good_health_pct") })
            {
                var stored = await context.Store.CountValuesAsync(indicator, cancellationToken).ConfigureAwait(false);
                foreach (var y in ((IEnumerable<int>?)series.Years ?? KwbTables.Years).Union(stored.Keys).Order())
                {
                    table.AddRow(series.Kind, y.ToString(CultureInfo.InvariantCulture), series.Table, stored.TryGetValue(y, out var n) ? texts.Format("fetch_list_areas", n) : "-");
                }
            }

            // Nabijheid voorzieningen: the areas with a distance to a GP practice per year (KWB supplies it too).
            var distances = await context.Store.CountValuesAsync("distance_gp", cancellationToken).ConfigureAwait(false);
            foreach (var y in NabijheidTables.Years)
            {
                table.AddRow("nabijheid", y.ToString(CultureInfo.InvariantCulture), NabijheidTables.For(y)!, distances.TryGetValue(y, out var n) ? texts.Format("fetch_list_areas", n) : "-");
            }

            var folder = Path.Combine(settings.Options(result, environment).CacheFolder, "leefbaarometer");
            foreach (var measurement in LeefbaarometerFetcher.Measurements)
            {
                var file = Path.Combine(folder, $"open-data-leefbaarometer-meting-{measurement}.zip");
                table.AddRow("lbm", measurement.ToString(CultureInfo.InvariantCulture), "leefbaarometer.nl open data", File.Exists(file) ? texts["fetch_list_cached"] : "-");
            }

            environment.Out.Write(table);
            return ExitCodes.Success;
        });
        command.Subcommands.Add(CreateKwb(environment, global, settings));
        command.Subcommands.Add(CreateBoundaries(environment, global, settings));
        foreach (var series in StatLineSeries.All)
        {
            command.Subcommands.Add(CreateSeries(environment, global, settings, series));
        }

        command.Subcommands.Add(CreateNabijheid(environment, global, settings));
        command.Subcommands.Add(CreateLeefbaarometer(environment, global, settings));
        return command;
    }

    /// <summary>The <c>--gemeente</c> of the StatLine fetches, which all resolve a name the same way (GemeenteNames).</summary>
    internal static Option<string?> GemeenteOption() =>
        new("--gemeente") { Description = "Gemeente code (GM0344) or name (Utrecht, Den Haag); without it, the whole country" };

    private static Command CreateKwb(CliEnvironment environment, GlobalOptions global, Settings settings)
    {
        var year = new Option<int?>("--year") { Description = "The year (2013-2025)" };
        var years = new Option<string?>("--years") { Description = "A range of years, for example 2013-2025" };
        var gemeente = GemeenteOption();
        var command = new Command("kwb", "Kerncijfers wijken en buurten from CBS StatLine") { year, years, gemeente };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (ParseYears(result.GetValue(year), result.GetValue(years)) is not { } chosen)
            {
                await environment.Error.WriteLineAsync(Texts.Instance["fetch_years"]).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var options = settings.Options(result, environment);
            await using var context = global.Open(result, environment);
            using var client = new FetchClient(options);
            var fetcher = new KwbFetcher(client, options, context.Store, CatalogDocument.Default, environment.Clock);
            return await FetchYearsAsync(environment, context, "kwb", chosen, async y =>
            {
                var fetched = await FetchProgressDisplay.ShowAsync(environment, $"kwb {y}", progress => fetcher.FetchAsync(y, result.GetValue(gemeente), progress, cancellationToken)).ConfigureAwait(false);
                Print(environment, fetched, "fetch_kwb_done", context.Texts);
                return fetched.Import;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Command CreateSeries(CliEnvironment environment, GlobalOptions global, Settings settings, StatLineSeries series)
    {
        var year = new Option<int?>("--year") { Description = series.Years is { } published ? $"The year ({string.Join(", ", published)})" : "The year (all twelve months published)" };
        var years = new Option<string?>("--years") { Description = "A range of years, for example 2021-2024" };
        var gemeente = GemeenteOption();
        var title = series == StatLineSeries.Politie ? "Registered crimes per area and year (politie, CBS 47022NED)" : "Adults in good perceived health per area (RIVM, CBS 50150NED)";
        var command = new Command(series.Kind, title) { year, years, gemeente };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (ParseYears(result.GetValue(year), result.GetValue(years)) is not { } chosen)
            {
                await environment.Error.WriteLineAsync(Texts.Instance["fetch_years"]).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            // A range names every year; the RIVM publishes only some, so a range keeps those.
            var wanted = result.GetValue(year) is null && series.Years is { } published ? [.. chosen.Where(published.Contains)] : chosen;
            var options = settings.Options(result, environment);
            await using var context = global.Open(result, environment);
            using var client = new FetchClient(options);
            var fetcher = new SeriesFetcher(client, options, context.Store, CatalogDocument.Default, environment.Clock);
            return await FetchYearsAsync(environment, context, series.Kind, wanted, async y =>
            {
                var fetched = await FetchProgressDisplay.ShowAsync(environment, $"{series.Kind} {y}", progress => fetcher.FetchAsync(series, y, result.GetValue(gemeente), progress, cancellationToken)).ConfigureAwait(false);
                environment.Out.MarkupLine(Markup.Escape(context.Texts.Format("fetch_series_done", series.Kind, y, series.Table, fetched.TopicKey, fetched.Gemeente ?? "NL", fetched.Rows, fetched.Areas, Transfer(fetched.Transfer))));
                return fetched.Import;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Command CreateNabijheid(CliEnvironment environment, GlobalOptions global, Settings settings)
    {
        var year = new Option<int?>("--year") { Description = $"The year ({NabijheidTables.Years.Min()} to {NabijheidTables.Years.Max()})" };
        var years = new Option<string?>("--years") { Description = "A range of years, for example 2022-2025 (the years without a table are skipped)" };
        var gemeente = GemeenteOption();
        var command = new Command("nabijheid", "Distances to facilities per area (CBS Nabijheid voorzieningen, wijk- en buurtcijfers)") { year, years, gemeente };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (ParseYears(result.GetValue(year), result.GetValue(years)) is not { } chosen)
            {
                await environment.Error.WriteLineAsync(Texts.Instance["fetch_years"]).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            // A range names every year; a range keeps those with a table, a single year without one is refused by the fetcher.
            var wanted = result.GetValue(year) is null ? [.. chosen.Where(y => NabijheidTables.For(y) is not null)] : chosen;
            var options = settings.Options(result, environment);
            await using var context = global.Open(result, environment);
            using var client = new FetchClient(options);
            var fetcher = new NabijheidFetcher(client, options, context.Store, CatalogDocument.Default, environment.Clock);
            return await FetchYearsAsync(environment, context, "nabijheid", wanted, async y =>
            {
                var fetched = await FetchProgressDisplay.ShowAsync(environment, $"nabijheid {y}", progress => fetcher.FetchAsync(y, result.GetValue(gemeente), progress, cancellationToken)).ConfigureAwait(false);
                Print(environment, fetched, "fetch_nabijheid_done", context.Texts);
                return fetched.Import;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Command CreateBoundaries(CliEnvironment environment, GlobalOptions global, Settings settings)
    {
        var year = new Option<int>("--year") { Description = "The division year", Required = true };
        var level = new Option<string[]>("--level") { Description = "gemeenten, wijken and/or buurten (default: all three)", AllowMultipleArgumentsPerToken = true };
        var gemeente = new Option<string?>("--gemeente") { Description = "Gemeente code (GM0344); without it, the whole country" };
        var command = new Command("boundaries", "Boundaries of the CBS wijken en buurten from PDOK (OGC API Features, WGS84)") { year, level, gemeente };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = settings.Options(result, environment);
            await using var context = global.Open(result, environment);
            using var client = new FetchClient(options);
            var fetcher = new PdokBoundaryFetcher(client, options, context.Store, CatalogDocument.Default, environment.Clock);
            var levels = result.GetValue(level) is { Length: > 0 } chosen ? chosen : [.. PdokBoundaryFetcher.Collections];
            var failed = false;
            var stored = false;
            foreach (var collection in levels)
            {
                try
                {
                    var fetched = await FetchProgressDisplay.ShowAsync(environment, $"boundaries {collection} {result.GetValue(year)}", progress => fetcher.FetchAsync(result.GetValue(year), collection, result.GetValue(gemeente), progress, cancellationToken)).ConfigureAwait(false);
                    environment.Out.MarkupLine(Markup.Escape(context.Texts.Format("fetch_boundaries_done", fetched.Year, fetched.Collection, fetched.Gemeente ?? "NL", fetched.Features, Transfer(fetched.Transfer))));
                    ImportCommand.Print(environment, [fetched.Import], context.Texts, verbose: false, compact: true);
                    failed |= fetched.Import.Outcome == Data.Import.ImportOutcome.Rejected;
                    stored |= fetched.Import.Outcome == Data.Import.ImportOutcome.Stored;
                }
                catch (FetchException exception)
                {
                    await environment.Error.WriteLineAsync(context.Texts.Format("fetch_failed", $"boundaries {collection}", exception.Message)).ConfigureAwait(false);
                    await StoreResultsAsync().ConfigureAwait(false);
                    return ExitCodes.Of(exception);
                }
            }

            await StoreResultsAsync().ConfigureAwait(false);
            return failed ? ExitCodes.InvalidInput : ExitCodes.Success;

            // As `import` does: the map boundaries of the default year (and whatever else of its results is missing)
            // are simplified and stored by the command, so that the first map of a server does not wait for them.
            async Task StoreResultsAsync()
            {
                if (stored)
                {
                    await ImportCommand.StoreDefaultResultsAsync(context.Store, cancellationToken).ConfigureAwait(false);
                }
            }
        });
        return command;
    }

    private static Command CreateLeefbaarometer(CliEnvironment environment, GlobalOptions global, Settings settings)
    {
        var measurement = new Option<int>("--meting") { Description = "The measurement (2020, 2022, 2024)", DefaultValueFactory = _ => LeefbaarometerFetcher.Measurements[^1] };
        var command = new Command("lbm", "The Leefbaarometer open data of a measurement: downloaded and its score files imported") { measurement };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = settings.Options(result, environment);
            await using var context = global.Open(result, environment);
            using var client = new FetchClient(options);
            try
            {
                var fetcher = new LeefbaarometerFetcher(client, options, context.Store, CatalogDocument.Default, environment.Clock);
                var file = await FetchProgressDisplay.ShowAsync(environment, $"lbm {result.GetValue(measurement)}", progress => fetcher.FetchAsync(result.GetValue(measurement), progress, cancellationToken)).ConfigureAwait(false);
                environment.Out.MarkupLine(Markup.Escape(context.Texts.Format("fetch_lbm_done", result.GetValue(measurement), file.File, NumberText.Number(file.Bytes / 1024.0, "0.#"), file.Sha256, Transfer(file.Transfer))));
                if (file.Skipped.Count > 0)
                {
                    environment.Out.MarkupLine(Markup.Escape(context.Texts.Format("fetch_lbm_skipped", string.Join(", ", file.Skipped))));
                }

                ImportCommand.Print(environment, file.Imports, context.Texts, verbose: false, compact: true);
                List<Data.Import.ImportReport> crosswalks;
                try
                {
                    crosswalks = await FetchPostcodeCrosswalksAsync(environment, context, client, options, cancellationToken).ConfigureAwait(false);
                }
                catch (FetchException exception)
                {
                    // The scores are stored by now: "the store was not changed" would be false. Say what was kept and
                    // that running the command again fetches only the crosswalk (the archive answers from the cache).
                    await environment.Error.WriteLineAsync(context.Texts.Format("fetch_postcodes_failed", exception.Message)).ConfigureAwait(false);
                    return ExitCodes.Of(exception);
                }

                return file.Imports.Concat(crosswalks).Any(i => i.Outcome == Data.Import.ImportOutcome.Rejected) ? ExitCodes.InvalidInput : ExitCodes.Success;
            }
            catch (FetchException exception)
            {
                await environment.Error.WriteLineAsync(context.Texts.Format("fetch_failed", $"lbm {result.GetValue(measurement)}", exception.Message)).ConfigureAwait(false);
                return ExitCodes.Of(exception);
            }
        });
        return command;
    }

    /// <summary>
    /// PC4 scores reach our wijken and gemeenten only through a postcode crosswalk into their division, so <c>fetch
    /// lbm</c> brings CBS's (<see cref="PostcodeCrosswalkFetcher"/>) for every year the store holds Kerncijfers of and
    /// no crosswalk reaches yet; a year without a known file gets one line saying how to get it.
    /// </summary>
    /// <exception cref="FetchException">A crosswalk could not be fetched (the scores are stored; the crosswalk is not).</exception>
    internal static async Task<List<Data.Import.ImportReport>> FetchPostcodeCrosswalksAsync(CliEnvironment environment, CommandContext context, FetchClient client, FetchOptions options, CancellationToken cancellationToken)
    {
        var kwbYears = (await context.Store.CountValuesAsync("population", cancellationToken).ConfigureAwait(false)).Keys;
        var reached = (await context.Store.LoadPostcodeCrosswalkYearsAsync(AreaLevel.Wijk, cancellationToken).ConfigureAwait(false)).Select(p => p.To).ToHashSet();
        var fetcher = new PostcodeCrosswalkFetcher(client, options, context.Store, CatalogDocument.Default, environment.Clock);
        var imports = new List<Data.Import.ImportReport>();
        foreach (var year in kwbYears.Where(y => !reached.Contains(y)).Order())
        {
            if (PostcodeCrosswalkFetcher.AddressFor(options, year) is null)
            {
                environment.Out.MarkupLine(Markup.Escape(context.Texts.Format("fetch_postcodes_unknown", year)));
                continue;
            }

            var fetched = await FetchProgressDisplay.ShowAsync(environment, $"postcodes {year}", progress => fetcher.FetchAsync(year, progress, cancellationToken)).ConfigureAwait(false);
            environment.Out.MarkupLine(Markup.Escape(context.Texts.Format("fetch_postcodes_done", year, fetched.Addresses, fetched.Postcodes, fetched.Wijken, fetched.Gemeenten, fetched.Url, Transfer(fetched.Transfer))));
            ImportCommand.Print(environment, [fetched.Import], context.Texts, verbose: false, compact: true);
            imports.Add(fetched.Import);
        }

        return imports;
    }

    internal static string Transfer(TransferCount t) =>
        Texts.Instance.Format("fetch_transfer", t.Requests, t.Downloaded, NumberText.Number(t.BytesDownloaded / 1024.0, "0.#"), t.Revalidated);

    /// <summary>
    /// Fetches year after year: each year prints what it fetched and returns its import report, which is printed; the
    /// first year the source refuses or cannot be reached ends the command (exit 4; 2 when the user's gemeente leads
    /// nowhere in the table, <see cref="ExitCodes.Of"/>) with that year not imported, as the
    /// store only changes in an import's one transaction.
    /// </summary>
    private static async Task<int> FetchYearsAsync(CliEnvironment environment, CommandContext context, string kind, IEnumerable<int> years, Func<int, Task<Data.Import.ImportReport>> fetchYear, CancellationToken cancellationToken)
    {
        var texts = context.Texts;
        var failed = false;
        var stored = false;
        foreach (var y in years)
        {
            try
            {
                var report = await fetchYear(y).ConfigureAwait(false);
                ImportCommand.Print(environment, [report], texts, verbose: false, compact: true);
                failed |= report.Outcome == Data.Import.ImportOutcome.Rejected;
                stored |= report.Outcome == Data.Import.ImportOutcome.Stored;
            }
            catch (FetchException exception)
            {
                await environment.Error.WriteLineAsync(texts.Format("fetch_failed", $"{kind} {y}", exception.Message)).ConfigureAwait(false);
                await StoreResultsAsync().ConfigureAwait(false);
                return ExitCodes.Of(exception);
            }
        }

        await StoreResultsAsync().ConfigureAwait(false);
        return failed ? ExitCodes.InvalidInput : ExitCodes.Success;

        // As `import` does: what a first visitor would wait for (the default year's scores, resilience and
        // watchlists) is computed by the command, once, after the years it stored, so a fetched store serves at once.
        async Task StoreResultsAsync()
        {
            if (stored)
            {
                await ImportCommand.StoreDefaultResultsAsync(context.Store, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>What a table fetch did (<paramref name="done"/>: the line's words), how its columns mapped, and every unknown column by key and title.</summary>
    internal static void Print(CliEnvironment environment, TableFetchResult fetched, string done, Texts texts)
    {
        var console = environment.Out;
        var columns = fetched.Columns;
        console.MarkupLine(Markup.Escape(texts.Format(done, fetched.Year, fetched.Table, fetched.Gemeente ?? "NL", fetched.Rows, Transfer(fetched.Transfer))));
        console.MarkupLine(Markup.Escape(texts.Format("fetch_kwb_columns", columns.IndicatorCount, columns.Columns.Count(c => c.Fate == ColumnFate.Ignored), columns.Unknown.Count)));
        foreach (var unknown in columns.Unknown)
        {
            console.MarkupLine($"  [yellow]{Markup.Escape(texts.Format("fetch_kwb_unknown", unknown.Property.Key, unknown.Property.Title).TrimStart())}[/]");
        }
    }

    internal static List<int>? ParseYears(int? year, string? range)
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

    /// <summary>The options every fetch command shares, and the fetch settings they make (options, then environment).</summary>
    internal sealed record Settings(Option<string?> Cache, Option<string?> StatLine, Option<string?> DataDerden, Option<string?> Pdok, Option<string?> Leefbaarometer, Option<string?> Postcodes, Option<double?> RetryDelay)
    {
        public FetchOptions Options(ParseResult result, CliEnvironment environment)
        {
            var options = new FetchOptions { CacheFolder = result.GetValue(Cache) ?? environment.GetVariable("LEEFKRACHT_CACHE") ?? FetchOptions.DefaultCacheFolder };
            if ((result.GetValue(StatLine) ?? environment.GetVariable("LEEFKRACHT_STATLINE_URL")) is { } feed)
            {
                options = options with { StatLine = new Uri(WithSlash(feed)) };
            }

            if ((result.GetValue(DataDerden) ?? environment.GetVariable("LEEFKRACHT_DATADERDEN_URL")) is { } derden)
            {
                options = options with { DataDerden = new Uri(WithSlash(derden)) };
            }

            if ((result.GetValue(Pdok) ?? environment.GetVariable("LEEFKRACHT_PDOK_URL")) is { } pdok)
            {
                options = options with { PdokTemplate = WithSlash(pdok) };
            }

            if ((result.GetValue(Leefbaarometer) ?? environment.GetVariable("LEEFKRACHT_LBM_URL")) is { } lbm)
            {
                options = options with { Leefbaarometer = new Uri(WithSlash(lbm)) };
            }

            if ((result.GetValue(Postcodes) ?? environment.GetVariable("LEEFKRACHT_POSTCODE_URL")) is { } postcodes)
            {
                options = options with { PostcodeTemplate = postcodes };
            }

            return result.GetValue(RetryDelay) is { } seconds ? options with { RetryBaseDelay = TimeSpan.FromSeconds(seconds) } : options;
        }

        private static string WithSlash(string address) => address.EndsWith('/') ? address : address + "/";
    }
}
