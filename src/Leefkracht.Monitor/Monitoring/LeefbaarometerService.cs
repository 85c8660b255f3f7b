using Leefkracht.Core.Leefbaarometer;
using Leefkracht.Data.Storage;

namespace Leefkracht.Monitor.Monitoring;

/// <summary>Where a level's Leefbaarometer values come from, for every place that shows them.</summary>
/// <param name="Source">The source line (<see cref="LeefbaarometerEdition.Source"/>).</param>
/// <param name="Edition">The edition's name in the store (its reference to six decimals).</param>
/// <param name="Reference">The edition's reference, <c>lbm − afw</c>.</param>
/// <param name="Files">The imported files the values come from.</param>
/// <param name="Carry">How the values reached our areas: <see langword="null"/> when published for the areas themselves, else the crosswalk (for example <c>PC4 2018 → wijk 2024, pc6_huisnummer</c>).</param>
/// <param name="ClassBasis">That the class bounds are derived, not official (<see cref="LeefbaarometerClasses.Basis"/>).</param>
public sealed record LeefbaarometerProvenance(string Source, string Edition, double Reference, IReadOnlyList<string> Files, string? Carry, string ClassBasis);

/// <summary>The Leefbaarometer values of one level of one division, every measured year.</summary>
/// <param name="Level">The level.</param>
/// <param name="DivisionYear">The division year of the areas.</param>
/// <param name="Values">The values per area, oldest year first.</param>
/// <param name="Provenance">Where they come from.</param>
public sealed record LeefbaarometerLevel(AreaLevel Level, int DivisionYear, IReadOnlyDictionary<AreaCode, IReadOnlyList<LeefbaarometerValue>> Values, LeefbaarometerProvenance? Provenance)
{
    /// <summary>The measured years, oldest first.</summary>
    public IReadOnlyList<int> Years => [.. Values.Values.SelectMany(v => v.Select(x => x.Year)).Distinct().Order()];

    /// <summary>An area's values, oldest year first (empty when it has none).</summary>
    public IReadOnlyList<LeefbaarometerValue> Of(AreaCode code) => Values.GetValueOrDefault(code) ?? [];

    /// <summary>An area's value in one year, or its latest one.</summary>
    public LeefbaarometerValue? Of(AreaCode code, int? year) => year is { } y ? Of(code).FirstOrDefault(v => v.Year == y) : Of(code) is [.., var latest] ? latest : null;
}

/// <summary>
/// The Leefbaarometer (Ministerie van BZK) beside our index: the scores as published for buurten, wijken and
/// gemeenten, or carried from postcode areas to wijken and gemeenten by address counts
/// (<see cref="LeefbaarometerCarry"/>). They are shown with year and source and are never an input of our index.
/// </summary>
/// <remarks>
/// Postcode scores are carried with the postcode crosswalk into the areas' division; of the postcode divisions the
/// crosswalk offers, the one that holds the most of the file's postcodes is used (2018 for the LBM 3.0 PC4 file,
/// which keeps one set of postcodes for all its years). One edition is used per level: the one imported last.
/// </remarks>
public sealed class LeefbaarometerService(IMonitorStore store, MonitorService monitor)
{
    /// <summary>
    /// The values of a level of a division: read from the store's results when they hold them for the current
    /// Leefbaarometer data, otherwise computed and stored (<see cref="LeefbaarometerLevelFormat"/>); remembered until
    /// the data change. Kept under the version of the Leefbaarometer scores and postcode crosswalks alone
    /// (<see cref="DataScopes.Leefbaarometer"/>), the only data they are computed from, so an import of a KWB year keeps them.
    /// </summary>
    public Task<LeefbaarometerLevel> LevelAsync(AreaLevel level, int divisionYear, CancellationToken cancellationToken = default) =>
        level == AreaLevel.Land
            ? ComputeAsync(level, divisionYear, cancellationToken)
            : monitor.RememberStoredAsync(
                LevelKind,
                string.Create(CultureInfo.InvariantCulture, $"{level}:{divisionYear}:{LeefbaarometerLevelFormat.Version}"),
                [DataScopes.Leefbaarometer],
                () => ComputeAsync(level, divisionYear, cancellationToken),
                LeefbaarometerLevelFormat.Read,
                LeefbaarometerLevelFormat.Write,
                cancellationToken);

    /// <summary>The kind of the stored Leefbaarometer levels in the store's results.</summary>
    public const string LevelKind = "leefbaarometer-level";

    /// <summary>
    /// Reads, or computes and stores, the values of every level and division of a year's areas (gemeenten, wijken and
    /// buurten): what the profiles of the year show beside their scores. Called after an import and by the web's warm-up.
    /// </summary>
    public async Task LevelsOfAsync(IndicatorTable table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var (level, division) in table.Areas.Where(a => a.Code.Level != AreaLevel.Land).Select(a => (a.Code.Level, a.Year)).Distinct().Order())
        {
            await LevelAsync(level, division, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One area's values, oldest year first.</summary>
    public async Task<(IReadOnlyList<LeefbaarometerValue> Values, LeefbaarometerProvenance? Provenance)> OfAsync(AreaKey area, CancellationToken cancellationToken = default)
    {
        var level = await LevelAsync(area.Code.Level, area.Year, cancellationToken).ConfigureAwait(false);
        return (level.Of(area.Code), level.Provenance);
    }

    private async Task<LeefbaarometerLevel> ComputeAsync(AreaLevel level, int divisionYear, CancellationToken cancellationToken)
    {
        var empty = new LeefbaarometerLevel(level, divisionYear, new Dictionary<AreaCode, IReadOnlyList<LeefbaarometerValue>>(), null);
        if (level == AreaLevel.Land)
        {
            return empty;
        }

        var own = LatestEdition(await store.LoadLeefbaarometerAsync((LeefbaarometerUnit)(int)level, null, cancellationToken).ConfigureAwait(false));
        if (own.Count > 0)
        {
            var values = own
                .Where(s => AreaCode.TryParse(s.Score.Code, out _))
                .Select(s => new LeefbaarometerValue(new AreaKey(AreaCode.Parse(s.Score.Code), divisionYear), s.Score.Year, s.Score.Score, s.Score.Deviation, s.Score.Dimensions, s.Reference, s.Score.Unit, 1, 1, 0))
                .GroupBy(v => v.Area.Code)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<LeefbaarometerValue>)[.. g.OrderBy(v => v.Year)]);
            return new LeefbaarometerLevel(level, divisionYear, values, await ProvenanceAsync(own, null, cancellationToken).ConfigureAwait(false));
        }

        if (level == AreaLevel.Buurt)
        {
            return empty;
        }

        var postcodes = LatestEdition(await store.LoadLeefbaarometerAsync(LeefbaarometerUnit.Postcode, null, cancellationToken).ConfigureAwait(false));
        var pairs = (await store.LoadPostcodeCrosswalkYearsAsync(level, cancellationToken).ConfigureAwait(false)).Where(p => p.To == divisionYear).ToList();
        if (postcodes.Count == 0 || pairs.Count == 0)
        {
            return empty;
        }

        var variant = await CrosswalkAsync(level, pairs, postcodes, cancellationToken).ConfigureAwait(false);
        var cells = variant.Select(l => new PostcodeCell(l.Postcode, l.To, l.Addresses)).ToList();
        var reference = postcodes[0].Reference;
        var carried = postcodes
            .GroupBy(s => s.Score.Year)
            .OrderBy(g => g.Key)
            .SelectMany(g => LeefbaarometerCarry.Carry([.. g.Select(s => s.Score)], reference, cells, divisionYear))
            .GroupBy(v => v.Area.Code)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<LeefbaarometerValue>)[.. g.OrderBy(v => v.Year)]);
        var first = variant[0];
        var carry = string.Create(CultureInfo.InvariantCulture, $"PC4 {first.FromYear} → {level.ToString().ToLowerInvariant()} {first.ToYear}, {first.Variant}");
        return new LeefbaarometerLevel(level, divisionYear, carried, await ProvenanceAsync(postcodes, carry, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The postcode series of the edition imported last, for the watchlist's backtest: every PC4 area with at least
    /// <see cref="FallRiskBacktest.MinimumAddresses"/> addresses in the postcode → gemeente crosswalk (empty when the
    /// store holds no postcode scores or no crosswalk).
    /// </summary>
    public Task<IReadOnlyList<LeefbaarometerSeries>> PostcodeSeriesAsync(CancellationToken cancellationToken = default) =>
        monitor.RememberAsync(nameof(PostcodeSeriesAsync), async () =>
        {
            var postcodes = LatestEdition(await store.LoadLeefbaarometerAsync(LeefbaarometerUnit.Postcode, null, cancellationToken).ConfigureAwait(false));
            var pairs = await store.LoadPostcodeCrosswalkYearsAsync(AreaLevel.Gemeente, cancellationToken).ConfigureAwait(false);
            if (postcodes.Count == 0 || pairs.Count == 0)
            {
                return (IReadOnlyList<LeefbaarometerSeries>)[];
            }

            var addresses = (await CrosswalkAsync(AreaLevel.Gemeente, pairs, postcodes, cancellationToken).ConfigureAwait(false))
                .GroupBy(l => l.Postcode, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(l => l.Addresses), StringComparer.Ordinal);
            return [.. postcodes
                .Where(s => addresses.GetValueOrDefault(s.Score.Code) >= FallRiskBacktest.MinimumAddresses)
                .GroupBy(s => s.Score.Code, StringComparer.Ordinal)
                .Select(g => new LeefbaarometerSeries(g.Key, g.ToDictionary(s => s.Score.Year, s => s.Score.Deviation)))];
        });

    /// <summary>The watchlist's backtest on the postcode series (remembered until the data change; null without a series).</summary>
    public Task<FallBacktest?> BacktestAsync(CancellationToken cancellationToken = default) =>
        monitor.RememberAsync(nameof(BacktestAsync), async () =>
        {
            var series = await PostcodeSeriesAsync(cancellationToken).ConfigureAwait(false);
            return FallRiskBacktest.Cases(series, FallRiskBacktest.TrainingYear).Count == 0 ? null : (FallBacktest?)FallRiskBacktest.Run(series);
        });

    /// <summary>
    /// Of the postcode divisions the crosswalk offers, the links of the one that holds the most of the file's
    /// postcodes, in one address variant (a crosswalk may count all addresses and, separately, dwellings only).
    /// </summary>
    private async Task<IReadOnlyList<PostcodeLink>> CrosswalkAsync(AreaLevel level, IReadOnlyList<(int From, int To)> pairs, List<StoredLeefbaarometerScore> postcodes, CancellationToken cancellationToken)
    {
        var codes = postcodes.Select(s => s.Score.Code).ToHashSet(StringComparer.Ordinal);
        (IReadOnlyList<PostcodeLink> Links, int Held) best = ([], -1);
        foreach (var (from, to) in pairs.OrderByDescending(p => p.To).ThenByDescending(p => p.From))
        {
            var links = await store.LoadPostcodeCrosswalkAsync(level, from, to, cancellationToken).ConfigureAwait(false);
            var held = links.Select(l => l.Postcode).Where(codes.Contains).Distinct(StringComparer.Ordinal).Count();
            if (held > best.Held)
            {
                best = (links, held);
            }
        }

        return [.. best.Links.GroupBy(l => l.Variant, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First()];
    }

    /// <summary>The scores of the edition imported last.</summary>
    private static List<StoredLeefbaarometerScore> LatestEdition(IReadOnlyList<StoredLeefbaarometerScore> scores)
    {
        var edition = scores.MaxBy(s => s.ImportId)?.Edition;
        return [.. scores.Where(s => s.Edition == edition)];
    }

    private async Task<LeefbaarometerProvenance> ProvenanceAsync(List<StoredLeefbaarometerScore> scores, string? carry, CancellationToken cancellationToken)
    {
        var ids = scores.Select(s => s.ImportId).ToHashSet();
        var files = (await store.ListImportsAsync(cancellationToken).ConfigureAwait(false)).Where(i => ids.Contains(i.Id)).Select(i => i.FileName).Distinct(StringComparer.Ordinal).ToList();
        return new LeefbaarometerProvenance(LeefbaarometerEdition.Source, scores[0].Edition, scores[0].Reference, files, carry, LeefbaarometerClasses.Basis);
    }
}
