using System.Collections.Concurrent;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Storage;

namespace Leefkracht.Monitor.Monitoring;

/// <summary>A year's indicators ready for scoring: derived indicators added and wijk/gemeente gaps filled from buurten.</summary>
/// <param name="Table">The prepared table (all levels).</param>
/// <param name="Aggregated">Cells filled from buurten (for explanations: "from its buurten").</param>
public sealed record PreparedYear(IndicatorTable Table, IReadOnlySet<(AreaKey Area, string Indicator)> Aggregated);

/// <summary>A scored year.</summary>
/// <param name="Period">The year.</param>
/// <param name="Model">The weight model.</param>
/// <param name="Reference">What the scores are standardised against.</param>
/// <param name="Prepared">The indicators the scores were computed from.</param>
/// <param name="Scores">One score (or reason for none) per area, in table order.</param>
/// <param name="ReferenceScores">Deviation and inhabitants of every scored reference area, sorted by deviation (for percentiles).</param>
public sealed record ScoredYear(
    int Period,
    LivabilityModel Model,
    StandardisationReference Reference,
    PreparedYear Prepared,
    IReadOnlyList<LivabilityScore> Scores,
    IReadOnlyList<(double Deviation, double Inhabitants)> ReferenceScores)
{
    private readonly Dictionary<AreaKey, LivabilityScore> _byArea = Scores.ToDictionary(s => s.Area);
    private readonly double[] _inhabitantsBelow = InhabitantsBefore(ReferenceScores);

    /// <summary>
    /// The share (0–100) of the reference population living in reference areas with a lower deviation: "better than
    /// P % of the inhabitants".
    /// </summary>
    /// <remarks>
    /// The reference scores are sorted by deviation, so the areas below are a prefix of them: a binary search on
    /// running sums instead of a pass over all of them (a buurt list asks for every buurt's percentile). The running
    /// sums add in the same order as a pass would, so the result is the same to the last bit.
    /// </remarks>
    public double PercentileOf(double deviation)
    {
        int low = 0, high = ReferenceScores.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (ReferenceScores[middle].Deviation < deviation)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var total = _inhabitantsBelow[^1];
        return total > 0 ? 100 * _inhabitantsBelow[low] / total : double.NaN;
    }

    /// <summary>Running sums: element i is the inhabitants of the first i reference areas.</summary>
    private static double[] InhabitantsBefore(IReadOnlyList<(double Deviation, double Inhabitants)> sorted)
    {
        var sums = new double[sorted.Count + 1];
        for (var i = 0; i < sorted.Count; i++)
        {
            sums[i + 1] = sums[i] + sorted[i].Inhabitants;
        }

        return sums;
    }

    /// <summary>
    /// Where <see cref="ReferenceScores"/> come from: this year's own scores (then the stored form leaves them out and
    /// a read rebuilds them, <see cref="ReferenceScoresOf"/>), limited to the buurten of <see cref="PercentileGemeente"/>
    /// when set; false for a base-year reference in another year, whose scores are kept as they are.
    /// </summary>
    public bool PercentilesFromOwnYear { get; init; }

    /// <summary>The gemeente whose buurten the percentiles compare with; null for the whole reference.</summary>
    public AreaCode? PercentileGemeente { get; init; }

    /// <summary>
    /// The reference scores of the percentiles: deviation and inhabitants of every scored area of the table's finest
    /// level (within <paramref name="gemeente"/> when given), sorted by deviation.
    /// </summary>
    public static IReadOnlyList<(double Deviation, double Inhabitants)> ReferenceScoresOf(IndicatorTable table, IReadOnlyList<LivabilityScore> scores, AreaCode? gemeente)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(scores);
        var finest = table.Areas.Length == 0 ? AreaLevel.Buurt : table.Areas.Max(a => a.Code.Level);
        var population = table.Column(ReferenceDistribution.PopulationIndicator).ToArray();
        return [.. scores
            .Where(s => s.IsScored && s.Area.Code.Level == finest && (gemeente is null || s.Area.Code.Gemeente == gemeente))
            .Select(s => (s.Deviation!.Value, population[table.RowOf(s.Area)]))
            .OrderBy(x => x.Item1)];
    }

    /// <summary>The score of an area, if it is in the year.</summary>
    public LivabilityScore? ScoreOf(AreaKey area) => _byArea.GetValueOrDefault(area);

    /// <summary>
    /// The score on the scale of the target the model was calibrated to (the "verwachte Leefbaarometer-klasse"), for
    /// a year after the target's latest measurement; null for other models, years or unscored areas.
    /// </summary>
    public Nowcast? NowcastOf(LivabilityScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return YardstickIndex.NowcastOf(Model, score, Prepared.Table.Value(score.Area, ReferenceDistribution.PopulationIndicator));
    }

    /// <summary>The score of a code in whatever division the year holds it (latest division first).</summary>
    public LivabilityScore? ScoreOf(AreaCode code) => Scores.Where(s => s.Area.Code == code).OrderByDescending(s => s.Area.Year).FirstOrDefault();
}

/// <summary>Resilience (veerkracht) of every area of a year.</summary>
/// <param name="Period">The year.</param>
/// <param name="Model">The resilience model.</param>
/// <param name="Reference">What the indicators are standardised against.</param>
/// <param name="Prepared">The year's indicators.</param>
/// <param name="Scores">One score (or reason for none) per area, in table order.</param>
public sealed record ResilienceYear(int Period, ResilienceModel Model, StandardisationReference Reference, PreparedYear Prepared, IReadOnlyList<ResilienceScore> Scores)
{
    /// <summary>The score of a code in the latest division the year holds it in.</summary>
    public ResilienceScore? ScoreOf(AreaCode code) => Scores.Where(s => s.Area.Code == code).OrderByDescending(s => s.Area.Year).FirstOrDefault();
}

/// <summary>Livability changes between two years.</summary>
/// <param name="FromPeriod">The first year.</param>
/// <param name="ToPeriod">The second year.</param>
/// <param name="Model">The weight model.</param>
/// <param name="Reference">The one reference both years are standardised against.</param>
/// <param name="ReferenceChoice">How the reference was chosen (a base year, optionally one gemeente).</param>
/// <param name="From">The first year's values, carried onto the second year's areas.</param>
/// <param name="To">The second year, prepared.</param>
/// <param name="Trends">One trend (or reason for none) per area of the second year, in table order.</param>
/// <param name="Lineage">Where each area's first-year values came from.</param>
public sealed record TrendYears(
    int FromPeriod,
    int ToPeriod,
    LivabilityModel Model,
    StandardisationReference Reference,
    BaseYearReference ReferenceChoice,
    IndicatorTable From,
    PreparedYear To,
    IReadOnlyList<LivabilityTrend> Trends,
    IReadOnlyDictionary<AreaKey, CarryLineage> Lineage)
{
    /// <summary>The trend of a code in the latest division the second year holds it in.</summary>
    public LivabilityTrend? TrendOf(AreaCode code) => Trends.Where(t => t.Area.Code == code).OrderByDescending(t => t.Area.Year).FirstOrDefault();
}

/// <summary>
/// The shell around the pure monitor engine: loads a year from the store, prepares it (derived indicators,
/// aggregation), builds the reference and scores. The web API and the CLI both go through here.
/// </summary>
/// <remarks>
/// The service's memo is the one cache of results computed from the store's data: prepared years and trends (the
/// watchlist alone compares a year with up to six earlier ones, each trend preparing two years), and whatever a host
/// computes from them and asks it to <see cref="RememberAsync"/> (the web's scores, map layers, spatial statistics).
/// The results are immutable and the store changes only by imports, so a service that outlives an import (the web's)
/// calls <see cref="Forget"/> when the data change; a command's service lives for one command.
/// </remarks>
public sealed class MonitorService
{
    private readonly IMonitorStore _store;
    private readonly CatalogDocument _catalog;
    private Memo<object, object?> _results = new();
    private readonly ConcurrentDictionary<string, int> _storedResultsComputed = new(StringComparer.Ordinal);

    /// <summary>Creates the service over a store.</summary>
    public MonitorService(IMonitorStore store, CatalogDocument? catalog = null)
    {
        _store = store;
        _catalog = catalog ?? CatalogDocument.Default;
    }

    /// <summary>The catalog in use.</summary>
    public CatalogDocument Catalog => _catalog;

    /// <summary>Loads and prepares a year: derived indicators, then wijk/gemeente gaps from buurten, then derived again for the filled parents.</summary>
    public Task<PreparedYear> PrepareAsync(int period, CancellationToken cancellationToken = default) =>
        RememberAsync((nameof(PrepareAsync), period), () => LoadPreparedAsync(period, cancellationToken));

    /// <summary>
    /// The remembered result of <paramref name="key"/>, computed by <paramref name="compute"/> the first time: one
    /// computation per key however many callers ask at once, forgotten with the data (<see cref="Forget"/>). A key
    /// names what is computed and everything it depends on besides the data (year, level, model, …).
    /// </summary>
    public async Task<T> RememberAsync<T>(object key, Func<Task<T>> compute)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);
        return (T)(await _results.GetAsync(key, async () => (object?)await compute().ConfigureAwait(false)).ConfigureAwait(false))!;
    }

    /// <summary>How many stored results this service computed instead of reading them from the store.</summary>
    public int StoredResultsComputed => _storedResultsComputed.Values.Sum();

    /// <summary>How many stored results of one kind (<c>watchlist</c>, <see cref="PreparedYearKind"/>) this service computed instead of reading them.</summary>
    public int StoredResultsComputedOf(string kind) => _storedResultsComputed.GetValueOrDefault(kind);

    /// <summary>
    /// A result kept in the store as well as in the memo (<see cref="RememberAsync"/>): read from the store when it
    /// holds the result for the current data version, otherwise computed and stored, so that a restarted server, a
    /// second instance on the same store or a command reads it instead of computing it again. For results that take
    /// long to compute and are small (the watchlist); <paramref name="key"/> names everything the result depends on
    /// besides the data.
    /// </summary>
    public Task<T> RememberStoredAsync<T>(string kind, string key, Func<Task<T>> compute, CancellationToken cancellationToken = default) =>
        RememberStoredAsync(kind, key, null, compute, cancellationToken);

    /// <summary>
    /// As <see cref="RememberStoredAsync{T}(string, string, Func{Task{T}}, CancellationToken)"/>, but kept under the
    /// version of some parts of the data only (<see cref="DataScopes"/>), so that an import of other parts keeps it;
    /// <paramref name="scopes"/> null means the whole data's version.
    /// </summary>
    public Task<T> RememberStoredAsync<T>(string kind, string key, IReadOnlyCollection<string>? scopes, Func<Task<T>> compute, CancellationToken cancellationToken = default) =>
        RememberStoredAsync(kind, key, scopes, compute, StoredResults.Read<T>, StoredResults.Write, cancellationToken);

    /// <summary>
    /// As <see cref="RememberStoredAsync{T}(string, string, IReadOnlyCollection{string}, Func{Task{T}}, CancellationToken)"/>,
    /// in a format of the result's own (<paramref name="read"/> reads what <paramref name="write"/> wrote) rather than
    /// JSON: for a result read on the way to a first answer, where the JSON serialiser's first use costs more than the
    /// result (docs/benchmarks.md, "First profile after a restart").
    /// </summary>
    public Task<T> RememberStoredAsync<T>(string kind, string key, IReadOnlyCollection<string>? scopes, Func<Task<T>> compute, Func<byte[], T> read, Func<T, byte[]> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(write);
        return RememberAsync((nameof(RememberStoredAsync), kind, key), async () =>
        {
            // The version is read before the data: a result stored under it was computed from these data or newer
            // ones, and one computed while an import committed is stored under the old version, which nobody reads.
            var version = scopes is null
                ? await _store.DataVersionAsync(cancellationToken).ConfigureAwait(false)
                : await _store.DataVersionAsync(scopes, cancellationToken).ConfigureAwait(false);
            return await LoadOrComputeAsync(new StoredResultKey(kind, key, version), read, compute, write, cancellationToken).ConfigureAwait(false);
        });
    }

    /// <summary>
    /// The result stored under <paramref name="key"/>, or else computed and stored. Computing waits for the store's
    /// turn for that key (<see cref="IMonitorStore.TakeResultTurnAsync"/>: on PostgreSQL an advisory lock), and looks
    /// again once it has it, so that of two instances starting on one fresh database only one computes the result.
    /// </summary>
    /// <remarks>
    /// With <see cref="WritesInBackground"/> the computed result is returned at once and encoded and stored after:
    /// the turn is held until the write is done, so another process waiting for it still finds the result stored.
    /// </remarks>
    private async Task<T> LoadOrComputeAsync<T>(StoredResultKey key, Func<byte[], T> read, Func<Task<T>> compute, Func<T, byte[]> write, CancellationToken cancellationToken)
    {
        if (await _store.LoadResultAsync(key, cancellationToken).ConfigureAwait(false) is { } content)
        {
            return read(content);
        }

        var turn = await _store.TakeResultTurnAsync(key, cancellationToken).ConfigureAwait(false);
        var handedOver = false;
        try
        {
            // Another process may have stored it while this one waited for its turn.
            if (await _store.LoadResultAsync(key, cancellationToken).ConfigureAwait(false) is { } storedMeanwhile)
            {
                return read(storedMeanwhile);
            }

            var result = await compute().ConfigureAwait(false);
            _storedResultsComputed.AddOrUpdate(key.Kind, 1, (_, n) => n + 1);
            if (WritesInBackground)
            {
                handedOver = true;
                Track(Task.Run(() => StoreAsync(key, write, result, turn), CancellationToken.None));
            }
            else
            {
                await _store.SaveResultAsync(key, write(result), cancellationToken).ConfigureAwait(false);
            }

            return result;
        }
        finally
        {
            if (!handedOver)
            {
                await turn.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Encodes and stores a computed result, then gives up the turn; not cancelled with the request that computed it.</summary>
    private async Task StoreAsync<T>(StoredResultKey key, Func<T, byte[]> write, T result, IAsyncDisposable turn)
    {
        await using (turn.ConfigureAwait(false))
        {
            await _store.SaveResultAsync(key, write(result), CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether a computed result is encoded and stored after it is returned (the web: a request that had to compute
    /// answers without waiting for the write) rather than before (a command, whose process may end right after).
    /// <see cref="StoredAsync"/> waits for the writes.
    /// </summary>
    public bool WritesInBackground { get; init; }

    private readonly Lock _writesLock = new();
    private readonly List<Task> _writes = [];

    private void Track(Task write)
    {
        lock (_writesLock)
        {
            _writes.RemoveAll(w => w.IsCompletedSuccessfully);
            _writes.Add(write);
        }
    }

    /// <summary>
    /// Waits until every result computed so far is stored (<see cref="WritesInBackground"/>); throws what a failed
    /// write threw (the result then stays unstored and is computed again by the next process that needs it).
    /// </summary>
    public Task StoredAsync()
    {
        lock (_writesLock)
        {
            return Task.WhenAll([.. _writes]);
        }
    }

    /// <summary>Drops every remembered result (after the store's data changed).</summary>
    public void Forget() => _results = new();

    /// <summary>
    /// The prepared year from the store's results when it holds it for the period's current values and this catalog,
    /// otherwise loaded, prepared and stored (<see cref="PreparedYearFormat"/>). Keyed by the period's own data version
    /// (<see cref="DataScopes.Values"/>): an import of another year, of boundaries or of crosswalks keeps it.
    /// </summary>
    private async Task<PreparedYear> LoadPreparedAsync(int period, CancellationToken cancellationToken)
    {
        // The version is read before the data, as in RememberStoredAsync.
        var key = new StoredResultKey(
            PreparedYearKind,
            string.Create(CultureInfo.InvariantCulture, $"{period}:{PreparedYearFormat.Version}:{_catalog.Fingerprint}"),
            await _store.DataVersionAsync([DataScopes.Values(period)], cancellationToken).ConfigureAwait(false));
        return await LoadOrComputeAsync(key, PreparedYearFormat.Read, () => ComputePreparedAsync(period, cancellationToken), PreparedYearFormat.Write, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The kind of the stored prepared years in the store's results.</summary>
    public const string PreparedYearKind = "prepared-year";

    /// <summary>The kind of the stored scored years (<see cref="ScoreAsync"/>) in the store's results.</summary>
    public const string ScoredYearKind = "scored-year";

    /// <summary>The kind of the stored years of resilience (<see cref="ResilienceAsync"/>) in the store's results.</summary>
    public const string ResilienceYearKind = "resilience-year";

    /// <summary>
    /// The key of a year's scores or resilience in the store's results, and the version it is kept under: the values of
    /// the year and of a base year it is standardised against (<see cref="DataScopes.Values"/>), so that, like the
    /// prepared year, it survives imports of other years, boundaries and crosswalks.
    /// </summary>
    private async Task<StoredResultKey> YearResultKeyAsync<TModel>(string kind, int period, TModel model, ReferenceChoice reference, CancellationToken cancellationToken)
    {
        var (choice, scopes) = reference switch
        {
            GemeenteReference g => (g.Gemeente.Value, new[] { DataScopes.Values(period) }),
            BaseYearReference b => (string.Create(CultureInfo.InvariantCulture, $"{b.Year}:{b.Gemeente?.Value ?? "NL"}"), [DataScopes.Values(period), DataScopes.Values(b.Year)]),
            _ => ("NL", [DataScopes.Values(period)]),
        };
        return new StoredResultKey(
            kind,
            string.Create(CultureInfo.InvariantCulture, $"{period}:{choice}:{ScoredYearFormat.Version}:{_catalog.Fingerprint}:{StoredResults.Fingerprint(model)}"),
            await _store.DataVersionAsync(scopes, cancellationToken).ConfigureAwait(false));
    }

    private async Task<PreparedYear> ComputePreparedAsync(int period, CancellationToken cancellationToken)
    {
        var table = await _store.LoadPeriodAsync(period, null, cancellationToken).ConfigureAwait(false);
        table = DerivedIndicator.Apply(table, _catalog.Derived);
        var (aggregated, filled) = Aggregation.FillFromBuurten(table, _catalog.Catalog);
        return new PreparedYear(DerivedIndicator.Apply(aggregated, _catalog.Derived), filled);
    }

    /// <summary>
    /// Scores every area of a year against the chosen reference: read from the store's results when they hold the
    /// year scored with this model, reference and catalog for the year's current values, otherwise computed and stored
    /// (<see cref="ScoredYearFormat"/>); remembered (<see cref="RememberAsync"/>).
    /// </summary>
    public Task<ScoredYear> ScoreAsync(int period, LivabilityModel model, ReferenceChoice reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reference);
        return RememberYearAsync(
            ScoredYearKind,
            period,
            model,
            reference,
            (content, prepared) => ScoredYearFormat.ReadScoredYear(content, model, prepared),
            prepared => ComputeScoresAsync(prepared, model, reference, cancellationToken),
            ScoredYearFormat.Write,
            cancellationToken);
    }

    /// <summary>
    /// A result computed from one prepared year with a model and a reference (scores, resilience): remembered, and
    /// read from the store's results or computed and stored (<see cref="YearResultKeyAsync"/>).
    /// </summary>
    private Task<T> RememberYearAsync<TModel, T>(
        string kind,
        int period,
        TModel model,
        ReferenceChoice reference,
        Func<byte[], PreparedYear, T> read,
        Func<PreparedYear, Task<T>> compute,
        Func<T, byte[]> write,
        CancellationToken cancellationToken) =>
        RememberAsync((kind, period, model, reference), async () =>
        {
            // The version is read before the data, as in RememberStoredAsync.
            var key = await YearResultKeyAsync(kind, period, model, reference, cancellationToken).ConfigureAwait(false);
            var prepared = await PrepareAsync(period, cancellationToken).ConfigureAwait(false);
            return await LoadOrComputeAsync(key, content => read(content, prepared), () => compute(prepared), write, cancellationToken).ConfigureAwait(false);
        });

    private async Task<ScoredYear> ComputeScoresAsync(PreparedYear prepared, LivabilityModel model, ReferenceChoice reference, CancellationToken cancellationToken)
    {
        var period = prepared.Table.Period;
        var standard = await ReferenceAsync(prepared, model, reference, cancellationToken).ConfigureAwait(false);
        var scores = LivabilityIndex.Compute(prepared.Table, model, standard);

        // Percentiles compare with the reference areas themselves: the base year's buurten for a base-year reference.
        var ownYear = reference is not BaseYearReference b || b.Year == period;
        var (referenceTable, referenceScores) = ownYear
            ? (prepared.Table, scores)
            : await BaseYearScoresAsync(((BaseYearReference)reference).Year, model, standard, cancellationToken).ConfigureAwait(false);
        var gemeente = reference switch
        {
            GemeenteReference g => g.Gemeente,
            BaseYearReference { Gemeente: { } g } => g,
            _ => (AreaCode?)null,
        };
        var distribution = ScoredYear.ReferenceScoresOf(referenceTable, referenceScores, gemeente);
        return new ScoredYear(period, model, standard, prepared, scores, distribution) { PercentilesFromOwnYear = ownYear, PercentileGemeente = gemeente };
    }

    private async Task<(IndicatorTable Table, IReadOnlyList<LivabilityScore> Scores)> BaseYearScoresAsync(
        int year, LivabilityModel model, StandardisationReference standard, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(year, cancellationToken).ConfigureAwait(false);
        return (prepared.Table, LivabilityIndex.Compute(prepared.Table, model, standard));
    }

    /// <summary>
    /// Resilience of every area of a year against the chosen reference: read from the store's results or computed and
    /// stored, as <see cref="ScoreAsync"/>; remembered.
    /// </summary>
    public Task<ResilienceYear> ResilienceAsync(int period, ResilienceModel model, ReferenceChoice reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reference);
        return RememberYearAsync(
            ResilienceYearKind,
            period,
            model,
            reference,
            (content, prepared) => ScoredYearFormat.ReadResilienceYear(content, model, prepared),
            async prepared =>
            {
                var standard = await ReferenceAsync(prepared, [.. model.IndicatorIds], new ScoringRules(), reference, cancellationToken).ConfigureAwait(false);
                return new ResilienceYear(period, model, standard, prepared, ResilienceIndex.Compute(prepared.Table, model, standard));
            },
            ScoredYearFormat.Write,
            cancellationToken);
    }

    /// <summary>
    /// The livability change of every area of <paramref name="toPeriod"/> since <paramref name="fromPeriod"/>: the first
    /// year carried onto the second year's areas (through the crosswalks where areas were re-divided), both scored
    /// against one reference on the indicators present in both years.
    /// </summary>
    /// <param name="fromPeriod">The first year.</param>
    /// <param name="toPeriod">The second year.</param>
    /// <param name="model">The weight model.</param>
    /// <param name="reference">The reference; a national or gemeente choice is taken in <paramref name="fromPeriod"/> (a base year), so both years share it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<TrendYears> TrendAsync(int fromPeriod, int toPeriod, LivabilityModel model, ReferenceChoice reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reference);
        return RememberAsync((nameof(TrendAsync), fromPeriod, toPeriod, model, reference), () => ComputeTrendAsync(fromPeriod, toPeriod, model, reference, cancellationToken));
    }

    private async Task<TrendYears> ComputeTrendAsync(int fromPeriod, int toPeriod, LivabilityModel model, ReferenceChoice reference, CancellationToken cancellationToken)
    {
        var to = await PrepareAsync(toPeriod, cancellationToken).ConfigureAwait(false);
        var from = await PrepareAsync(fromPeriod, cancellationToken).ConfigureAwait(false);
        var baseYear = AsBaseYear(reference, fromPeriod);
        var standard = await ReferenceAsync(from, model, baseYear, cancellationToken).ConfigureAwait(false);
        var (carried, lineage) = await CarryAsync(from.Table, to.Table, cancellationToken).ConfigureAwait(false);
        var trends = LivabilityTrends.Compare(carried, to.Table, model, standard);
        return new TrendYears(fromPeriod, toPeriod, model, standard, baseYear, carried, to, trends, lineage);
    }

    /// <summary>A national or gemeente reference turned into the same reference in a fixed base year.</summary>
    public static BaseYearReference AsBaseYear(ReferenceChoice reference, int baseYear) => reference switch
    {
        BaseYearReference b => b,
        GemeenteReference g => new BaseYearReference(baseYear, g.Gemeente),
        _ => new BaseYearReference(baseYear, null),
    };

    /// <summary>Puts <paramref name="from"/>'s values on the areas of <paramref name="to"/>, through the stored crosswalks.</summary>
    public async Task<(IndicatorTable Table, IReadOnlyDictionary<AreaKey, CarryLineage> Lineage)> CarryAsync(IndicatorTable from, IndicatorTable to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var crosswalks = new Dictionary<(int From, int To), IReadOnlyList<CrosswalkCell>>();
        foreach (var fromDivision in from.Areas.Select(a => a.Year).Distinct())
        {
            foreach (var toDivision in to.Areas.Select(a => a.Year).Distinct().Where(y => y != fromDivision))
            {
                var cells = new List<CrosswalkCell>();
                foreach (var level in new[] { AreaLevel.Gemeente, AreaLevel.Wijk, AreaLevel.Buurt })
                {
                    // Several address variants may be stored; residential addresses (woonfunctie) follow the inhabitants best.
                    var links = await _store.LoadCrosswalkAsync(level, fromDivision, toDivision, cancellationToken).ConfigureAwait(false);
                    var variant = links.Select(l => l.Variant).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Contains("woonfunctie", StringComparison.Ordinal)).ThenBy(v => v, StringComparer.Ordinal).FirstOrDefault();
                    cells.AddRange(links.Where(l => l.Variant == variant).Select(l => new CrosswalkCell(l.From, l.To, l.Addresses)));
                }

                if (cells.Count > 0)
                {
                    crosswalks[(fromDivision, toDivision)] = cells;
                }
            }
        }

        return DivisionCarry.Align(from, to.Areas, crosswalks, id => _catalog.Catalog.TryGet(id, out var indicator) && indicator.Unit == IndicatorUnit.Count);
    }

    /// <summary>The standardisation reference for a prepared year; a fixed-yardstick model always has its own fixed reference.</summary>
    public Task<StandardisationReference> ReferenceAsync(PreparedYear prepared, LivabilityModel model, ReferenceChoice reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.FixedReference is { } fixedReference
            ? Task.FromResult(fixedReference)
            : ReferenceAsync(prepared, [.. model.IndicatorIds], model.Rules, reference, cancellationToken);
    }

    /// <summary>The standardisation reference of any set of indicators for a prepared year.</summary>
    public async Task<StandardisationReference> ReferenceAsync(
        PreparedYear prepared, IReadOnlyList<string> ids, ScoringRules rules, ReferenceChoice reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var model = (Rules: rules, Ids: ids);
        switch (reference)
        {
            case GemeenteReference g:
                return ReferenceDistribution.Gemeente(prepared.Table, g.Gemeente, ids, model.Rules);
            case BaseYearReference b:
                var baseYear = b.Year == prepared.Table.Period ? prepared : await PrepareAsync(b.Year, cancellationToken).ConfigureAwait(false);
                return b.Gemeente is { } gemeente
                    ? ReferenceDistribution.Gemeente(baseYear.Table, gemeente, ids, model.Rules)
                    : ReferenceDistribution.National(baseYear.Table, ids, model.Rules);
            default:
                return ReferenceDistribution.National(prepared.Table, ids, model.Rules);
        }
    }

    /// <summary>The years for which inhabitants are known (the years that can be scored), newest first; remembered (every watchlist asks).</summary>
    public Task<IReadOnlyList<int>> ScorableYearsAsync(CancellationToken cancellationToken = default) =>
        RememberAsync(nameof(ScorableYearsAsync), () => CountScorableYearsAsync(cancellationToken));

    private async Task<IReadOnlyList<int>> CountScorableYearsAsync(CancellationToken cancellationToken)
    {
        // Inhabitants may also come from a source that fills them (ELAN's registered population).
        var years = new HashSet<int>();
        foreach (var id in _catalog.Derived.Where(d => d.Id == ReferenceDistribution.PopulationIndicator && d.Denominator is null).Select(d => d.Numerator).Append(ReferenceDistribution.PopulationIndicator))
        {
            years.UnionWith((await _store.CountValuesAsync(id, cancellationToken).ConfigureAwait(false)).Keys);
        }

        return [.. years.OrderDescending()];
    }

    /// <summary>
    /// The year to show when none is asked for: the latest year with inhabitants for at least half as many areas
    /// as the best-covered year (a gemeente-only panel year does not count as the latest national year).
    /// </summary>
    public async Task<int?> DefaultYearAsync(CancellationToken cancellationToken = default)
    {
        var counts = await _store.CountValuesAsync(ReferenceDistribution.PopulationIndicator, cancellationToken).ConfigureAwait(false);
        if (counts.Count == 0)
        {
            return null;
        }

        var most = counts.Values.Max();
        return counts.Where(c => c.Value * 2 >= most).Max(c => c.Key);
    }

    /// <summary>The years that have values, newest first.</summary>
    public async Task<IReadOnlyList<int>> PeriodsAsync(CancellationToken cancellationToken = default) =>
        [.. (await _store.SummarizeAsync(cancellationToken).ConfigureAwait(false)).ValuesByPeriod.Keys.OrderDescending()];
}
