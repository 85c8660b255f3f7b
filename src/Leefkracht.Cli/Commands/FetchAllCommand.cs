using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Fetch;
using Leefkracht.Fetch.Http;
using Leefkracht.Fetch.Leefbaarometer;
using Leefkracht.Fetch.Pdok;
using Leefkracht.Fetch.StatLine;

namespace Leefkracht.Cli.Commands;

/// <summary>
/// <c>leefkracht fetch --all --years 2013-2025</c> (or <c>--year</c>, optionally <c>--gemeente</c>): every source for
/// every year of the range, in the order in which they build on each other — the Kerncijfers (they define the
/// areas), PDOK's gemeenten, wijken and buurten of that division, the police and RIVM series, Nabijheid voorzieningen
/// — and then the newest Leefbaarometer measurement with its PC4 crosswalks, once. A year a source does not publish
/// is skipped with one line. Each import is atomic on its own, so a source that fails costs only its own part: the
/// run goes on with the next one and ends with a summary table and exit 4. The default results are stored once, at
/// the end.
/// </summary>
internal sealed class FetchAllCommand
{
    private readonly CliEnvironment _environment;
    private readonly CommandContext _context;
    private readonly FetchClient _client;
    private readonly FetchOptions _options;
    private readonly string? _gemeente;
    private readonly List<Step> _steps = [];

    /// <summary>The gemeente code the Kerncijfers resolved the name to; PDOK filters by code only.</summary>
    private string? _gemeenteCode;

    private FetchAllCommand(CliEnvironment environment, CommandContext context, FetchClient client, FetchOptions options, string? gemeente)
    {
        _environment = environment;
        _context = context;
        _client = client;
        _options = options;
        _gemeente = gemeente;
        _gemeenteCode = gemeente;
    }

    private enum Outcome
    {
        Stored,
        Unchanged,
        Rejected,
        Failed,
        WrongInput,
        Skipped,
    }

    private Texts Texts => _context.Texts;

    /// <summary>Adds <c>--all</c>, <c>--year</c>, <c>--years</c> and <c>--gemeente</c> to the <c>fetch</c> root.</summary>
    public static AllOptions AddOptions(Command fetch)
    {
        var options = new AllOptions(
            new Option<bool>("--all") { Description = "Fetch every source for the years given: KWB, boundaries, police, RIVM, Nabijheid, then the newest Leefbaarometer" },
            new Option<int?>("--year") { Description = "With --all: the year" },
            new Option<string?>("--years") { Description = "With --all: a range of years, for example 2013-2025" },
            FetchCommand.GemeenteOption());
        fetch.Options.Add(options.All);
        fetch.Options.Add(options.Year);
        fetch.Options.Add(options.Years);
        fetch.Options.Add(options.Gemeente);
        return options;
    }

    /// <summary>Runs <c>fetch --all</c>: 0 when every part was stored or unchanged, 4 when a source failed, 2 when an import was rejected or the gemeente is in no table of a year.</summary>
    public static async Task<int> RunAsync(CliEnvironment environment, GlobalOptions global, FetchCommand.Settings settings, AllOptions all, ParseResult result, CancellationToken cancellationToken)
    {
        if (FetchCommand.ParseYears(result.GetValue(all.Year), result.GetValue(all.Years)) is not { } years)
        {
            await environment.Error.WriteLineAsync(Texts.Instance["fetch_years"]).ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var options = settings.Options(result, environment);
        await using var context = global.Open(result, environment);
        using var client = new FetchClient(options);
        var run = new FetchAllCommand(environment, context, client, options, result.GetValue(all.Gemeente));
        await run.FetchAsync(years, cancellationToken).ConfigureAwait(false);
        return run.Finish();
    }

    private async Task FetchAsync(IReadOnlyList<int> years, CancellationToken cancellationToken)
    {
        var store = _context.Store;
        var catalog = CatalogDocument.Default;
        var clock = _environment.Clock;
        var kwb = new KwbFetcher(_client, _options, store, catalog, clock);
        var boundaries = new PdokBoundaryFetcher(_client, _options, store, catalog, clock);
        var series = new SeriesFetcher(_client, _options, store, catalog, clock);
        var nabijheid = new NabijheidFetcher(_client, _options, store, catalog, clock);
        var published = new List<(StatLineSeries Series, IReadOnlyList<int> Years)>();
        foreach (var s in StatLineSeries.All)
        {
            // A table whose periods cannot be read is one failure, not one per year.
            await RunAsync(s.Kind, "-", async () =>
            {
                published.Add((s, await series.PublishedYearsAsync(s, cancellationToken).ConfigureAwait(false)));
                return null;
            }).ConfigureAwait(false);
        }

        foreach (var year in years)
        {
            if (KwbTables.For(year) is not null)
            {
                await RunAsync("kwb", year, async () =>
                {
                    var fetched = await FetchProgressDisplay.ShowAsync(_environment, $"kwb {year}", progress => kwb.FetchAsync(year, _gemeente, progress, cancellationToken)).ConfigureAwait(false);
                    FetchCommand.Print(_environment, fetched, "fetch_kwb_done", Texts);
                    _gemeenteCode = fetched.Gemeente ?? _gemeenteCode;
                    return ([fetched.Import], fetched.Rows);
                }).ConfigureAwait(false);
                if (_steps[^1].Outcome == Outcome.WrongInput)
                {
                    // The gemeente is not in this year's division (a later merger, a typo): the other sources of the
                    // year resolve the same name in the same division, so they would only repeat the message.
                    continue;
                }
            }
            else
            {
                Skip("kwb", year, Texts.Format("fetch_all_kwb_years", KwbTables.Years.Min(), KwbTables.Years.Max()));
            }

            foreach (var collection in PdokBoundaryFetcher.Collections)
            {
                await RunAsync($"boundaries {collection}", year, async () =>
                {
                    var fetched = await FetchProgressDisplay.ShowAsync(_environment, $"boundaries {collection} {year}", progress => boundaries.FetchAsync(year, collection, _gemeenteCode, progress, cancellationToken)).ConfigureAwait(false);
                    _environment.Out.MarkupLine(Markup.Escape(Texts.Format("fetch_boundaries_done", fetched.Year, fetched.Collection, fetched.Gemeente ?? "NL", fetched.Features, FetchCommand.Transfer(fetched.Transfer))));
                    return ([fetched.Import], fetched.Features);
                }).ConfigureAwait(false);
            }

            foreach (var (s, publishedYears) in published)
            {
                if (!publishedYears.Contains(year))
                {
                    Skip(s.Kind, year, Texts.Format("fetch_all_series_years", s.Table, publishedYears.Count == 0 ? "-" : string.Join(", ", publishedYears)));
                    continue;
                }

                await RunAsync(s.Kind, year, async () =>
                {
                    var fetched = await FetchProgressDisplay.ShowAsync(_environment, $"{s.Kind} {year}", progress => series.FetchAsync(s, year, _gemeente, progress, cancellationToken)).ConfigureAwait(false);
                    _environment.Out.MarkupLine(Markup.Escape(Texts.Format("fetch_series_done", s.Kind, year, s.Table, fetched.TopicKey, fetched.Gemeente ?? "NL", fetched.Rows, fetched.Areas, FetchCommand.Transfer(fetched.Transfer))));
                    return ([fetched.Import], fetched.Areas);
                }).ConfigureAwait(false);
            }

            if (NabijheidTables.For(year) is null)
            {
                Skip("nabijheid", year, Texts.Format("fetch_all_nabijheid_years", NabijheidTables.Years.Min(), NabijheidTables.Years.Max()));
                continue;
            }

            await RunAsync("nabijheid", year, async () =>
            {
                var fetched = await FetchProgressDisplay.ShowAsync(_environment, $"nabijheid {year}", progress => nabijheid.FetchAsync(year, _gemeente, progress, cancellationToken)).ConfigureAwait(false);
                FetchCommand.Print(_environment, fetched, "fetch_nabijheid_done", Texts);
                return ([fetched.Import], fetched.Rows);
            }).ConfigureAwait(false);
        }

        var kwbSteps = _steps.Where(s => s.Kind == "kwb").ToList();
        if (kwbSteps.Count > 0 && kwbSteps.All(s => s.Outcome == Outcome.WrongInput))
        {
            // The gemeente is in no year of the range: a national Leefbaarometer download would serve nothing asked for.
            return;
        }

        await FetchLeefbaarometerAsync(cancellationToken).ConfigureAwait(false);
        if (_steps.Any(s => s.Outcome == Outcome.Stored))
        {
            // As every fetch does, but once for all kinds: what a first visitor would wait for, computed after the last import.
            await ImportCommand.StoreDefaultResultsAsync(_context.Store, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The newest Leefbaarometer measurement, then CBS's PC4 crosswalk into every KWB year the store now holds.</summary>
    private async Task FetchLeefbaarometerAsync(CancellationToken cancellationToken)
    {
        var measurement = LeefbaarometerFetcher.Measurements[^1];
        var fetcher = new LeefbaarometerFetcher(_client, _options, _context.Store, CatalogDocument.Default, _environment.Clock);
        await RunAsync("lbm", measurement, async () =>
        {
            var file = await FetchProgressDisplay.ShowAsync(_environment, $"lbm {measurement}", progress => fetcher.FetchAsync(measurement, progress, cancellationToken)).ConfigureAwait(false);
            _environment.Out.MarkupLine(Markup.Escape(Texts.Format("fetch_lbm_done", measurement, file.File, NumberText.Number(file.Bytes / 1024.0, "0.#"), file.Sha256, FetchCommand.Transfer(file.Transfer))));
            return (file.Imports, file.Imports.Sum(i => i.RowsRead));
        }).ConfigureAwait(false);
        await RunAsync("postcodes", "-", async () =>
        {
            var imports = await FetchCommand.FetchPostcodeCrosswalksAsync(_environment, _context, _client, _options, cancellationToken).ConfigureAwait(false);
            return imports.Count == 0 ? null : (imports, imports.Sum(i => i.RowsRead));
        }, printed: true).ConfigureAwait(false);
    }

    private Task RunAsync(string kind, int year, Func<Task<(IReadOnlyList<ImportReport> Imports, int Rows)?>> fetch) =>
        RunAsync(kind, year.ToString(CultureInfo.InvariantCulture), fetch);

    /// <summary>
    /// One part: its imports printed and counted in the summary (nothing when it returns null). A source that fails
    /// is told on stderr and counted; its import never began or was rolled back, and the run goes on.
    /// </summary>
    /// <param name="kind">The kind, as the summary names it.</param>
    /// <param name="year">The year, or <c>-</c> for a part without one.</param>
    /// <param name="fetch">The part: its imports and the rows the source sent, or null when there was nothing to fetch.</param>
    /// <param name="printed">The part printed its import reports itself, each after its own line (the postcode files).</param>
    private async Task RunAsync(string kind, string year, Func<Task<(IReadOnlyList<ImportReport> Imports, int Rows)?>> fetch, bool printed = false)
    {
        try
        {
            if (await fetch().ConfigureAwait(false) is not var (imports, rows))
            {
                return;
            }

            if (!printed)
            {
                ImportCommand.Print(_environment, imports, Texts, verbose: false, compact: true);
            }

            var outcome = imports.Any(i => i.Outcome == ImportOutcome.Rejected) ? Outcome.Rejected
                : imports.Any(i => i.Outcome == ImportOutcome.Stored) ? Outcome.Stored
                : Outcome.Unchanged;
            _steps.Add(new Step(kind, year, outcome, rows));
        }
        catch (FetchException exception)
        {
            await _environment.Error.WriteLineAsync(Texts.Format("fetch_all_failed", $"{kind} {year}", exception.Message)).ConfigureAwait(false);
            _steps.Add(new Step(kind, year, exception.InputWasWrong ? Outcome.WrongInput : Outcome.Failed, null));
        }
    }

    private void Skip(string kind, int year, string why)
    {
        _environment.Out.MarkupLine(Markup.Escape(Texts.Format("fetch_all_skipped", kind, year, why)));
        _steps.Add(new Step(kind, year.ToString(CultureInfo.InvariantCulture), Outcome.Skipped, null));
    }

    /// <summary>Prints the summary table and the counts per outcome, and gives the exit code.</summary>
    private int Finish()
    {
        var table = new Table().AddColumns(Texts["fetch_list_kind"], Texts["fetch_list_year"], Texts["fetch_all_outcome"], Texts["fetch_all_rows"]);
        foreach (var step in _steps)
        {
            table.AddRow(Markup.Escape(step.Kind), step.Year, Texts[OutcomeKey(step.Outcome)], step.Rows is { } rows ? NumberText.Number(rows, "#,0") : "-");
        }

        _environment.Out.Write(table);
        int Count(Outcome outcome) => _steps.Count(s => s.Outcome == outcome);
        _environment.Out.MarkupLine(Markup.Escape(Texts.Format("fetch_all_done", Count(Outcome.Stored), Count(Outcome.Unchanged), Count(Outcome.Rejected), Count(Outcome.Failed) + Count(Outcome.WrongInput), Count(Outcome.Skipped))));
        return Count(Outcome.Failed) > 0 ? ExitCodes.SourceUnavailable
            : Count(Outcome.Rejected) + Count(Outcome.WrongInput) > 0 ? ExitCodes.InvalidInput
            : ExitCodes.Success;
    }

    private static string OutcomeKey(Outcome outcome) => outcome switch
    {
        Outcome.Stored => "fetch_all_stored",
        Outcome.Unchanged => "fetch_all_unchanged",
        Outcome.Rejected => "fetch_all_rejected",
        Outcome.Failed => "fetch_all_failed_outcome",
        Outcome.WrongInput => "fetch_all_wrong_input",
        _ => "fetch_all_skipped_outcome",
    };

    /// <summary>The options <c>fetch --all</c> adds to the <c>fetch</c> root.</summary>
    internal sealed record AllOptions(Option<bool> All, Option<int?> Year, Option<string?> Years, Option<string?> Gemeente);

    /// <summary>One line of the summary: a kind and year, what became of it, and the rows the source sent (null: none).</summary>
    private sealed record Step(string Kind, string Year, Outcome Outcome, int? Rows);
}
