using Leefkracht.Core.Indices;
using Leefkracht.Core.Leefbaarometer;
using Leefkracht.Data.Storage;
using Leefkracht.Monitor.KwetsbareWijken;
using Leefkracht.Monitor.Monitoring;

namespace Leefkracht.Web.Monitor;

/// <summary>The years the store can show.</summary>
/// <param name="Scorable">Years with inhabitants, newest first.</param>
/// <param name="Default">The year shown when none is asked for.</param>
internal sealed record YearInfo(IReadOnlyList<int> Scorable, int? Default);

/// <summary>
/// The monitor as the dashboard shows it: the default model, the national reference, the areas and years of the
/// store. It keeps nothing itself: every result is remembered in the one memo of the <see cref="MonitorService"/>
/// (a national year takes about a second to score, so every request after the first reads it from memory), which
/// forgets everything when <see cref="DataVersion"/> says an import changed the data.
/// </summary>
internal sealed class DashboardMonitor
{
    private readonly IMonitorStore _store;

    public DashboardMonitor(IMonitorStore store, DataVersion version)
    {
        _store = store;
        // A request that had to compute a result answers with it; the result is stored after (issue 16's first map).
        Monitor = new MonitorService(store) { WritesInBackground = true };
        Warnings = new EarlyWarningService(Monitor);
        Leefbaarometer = new LeefbaarometerService(store, Monitor);
        KwetsbareWijken = new KwetsbareWijkenService(store, Monitor, Leefbaarometer);
        version.Changed += _ => Monitor.Forget();
    }

    /// <summary>The livability model the dashboard shows (the hand-set default).</summary>
    public static LivabilityModel Model => DefaultResults.Model;

    public MonitorService Monitor { get; }

    public EarlyWarningService Warnings { get; }

    public IMonitorStore Store => _store;

    /// <summary>The official Leefbaarometer, shown beside our scores.</summary>
    public LeefbaarometerService Leefbaarometer { get; }

    /// <summary>Kwetsbare wijken in beeld, reproduced on the Leefbaarometer series.</summary>
    public KwetsbareWijkenService KwetsbareWijken { get; }

    /// <summary>
    /// The latest official Leefbaarometer value of every area of a level that is scored in <paramref name="year"/>
    /// (whatever division the areas have), for the map layer and the exports.
    /// </summary>
    public Task<IReadOnlyDictionary<AreaCode, LeefbaarometerValue>> LeefbaarometerLatestAsync(AreaLevel level, int year) =>
        RememberAsync(Key("leefbaarometer", (int)level, year), async () =>
        {
            var scored = await ScoresAsync(year).ConfigureAwait(false);
            var latest = new Dictionary<AreaCode, LeefbaarometerValue>();
            foreach (var division in scored.Scores.Where(s => s.Area.Code.Level == level).Select(s => s.Area.Year).Distinct().OrderDescending())
            {
                foreach (var (code, series) in (await Leefbaarometer.LevelAsync(level, division).ConfigureAwait(false)).Values)
                {
                    latest.TryAdd(code, series[^1]);
                }
            }

            return (IReadOnlyDictionary<AreaCode, LeefbaarometerValue>)latest;
        });

    public Task<AreaIndex> AreasAsync() =>
        RememberAsync("areas", async () => new AreaIndex(await _store.LoadAreasAsync(new AreaQuery()).ConfigureAwait(false)));

    public Task<YearInfo> YearsAsync() =>
        RememberAsync("years", async () => new YearInfo(
            await Monitor.ScorableYearsAsync().ConfigureAwait(false),
            await Monitor.DefaultYearAsync().ConfigureAwait(false)));

    public Task<ScoredYear> ScoresAsync(int year) =>
        RememberAsync(Key("scores", year), () => Monitor.ScoreAsync(year, Model, ReferenceChoice.National));

    public Task<ResilienceYear> ResilienceAsync(int year) =>
        RememberAsync(Key("resilience", year), () => Monitor.ResilienceAsync(year, DefaultResults.Resilience, ReferenceChoice.National));

    public Task<PreparedYear> PreparedAsync(int year) => Monitor.PrepareAsync(year);

    public Task<TrendYears> TrendAsync(int from, int to) => Monitor.TrendAsync(from, to, Model, ReferenceChoice.National);

    /// <summary>
    /// The watchlist of a year (all levels), nationally or for one gemeente (as <c>leefkracht watchlist --gemeente</c>:
    /// the earlier year is the one that compares most of the gemeente's areas); null when no earlier year can be compared.
    /// </summary>
    public Task<Watchlist?> WatchlistAsync(int year, AreaCode? gemeente = null) =>
        RememberAsync($"watchlist:{year}:{gemeente?.Value ?? "NL"}", async () =>
        {
            try
            {
                return await Warnings.WatchlistAsync(year, null, gemeente, null, Model).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // "no year before Y has data to compare with": an empty watchlist, not an error.
                return (Watchlist?)null;
            }
        });

    /// <summary>
    /// The years of an area's history, each scored on one reference: the national buurten of the default year, so
    /// that the scores of different years are on one scale.
    /// </summary>
    public Task<StandardisationReference> HistoryReferenceAsync(int baseYear) =>
        RememberAsync(Key("history-reference", baseYear), async () =>
            await Monitor.ReferenceAsync(await PreparedAsync(baseYear).ConfigureAwait(false), Model, ReferenceChoice.National).ConfigureAwait(false));

    public Task<IReadOnlyList<LivabilityScore>> HistoryScoresAsync(int year, int baseYear) =>
        RememberAsync(Key("history", year, baseYear), async () =>
        {
            var prepared = await PreparedAsync(year).ConfigureAwait(false);
            var reference = await HistoryReferenceAsync(baseYear).ConfigureAwait(false);
            return LivabilityIndex.Compute(prepared.Table, Model, reference);
        });

    /// <summary>Any other result computed from the data (map geometry, spatial statistics, planner runs), remembered by the monitor.</summary>
    public Task<T> RememberAsync<T>(string key, Func<Task<T>> compute) => Monitor.RememberAsync(key, compute);

    public static string Key(string kind, params int[] parts) =>
        kind + ":" + string.Join(':', parts.Select(p => p.ToString(CultureInfo.InvariantCulture)));
}
