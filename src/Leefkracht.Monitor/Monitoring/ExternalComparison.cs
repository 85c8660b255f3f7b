using Leefkracht.Core.Statistics;

namespace Leefkracht.Monitor.Monitoring;

/// <summary>How one of our measures relates to one external score over the same areas.</summary>
/// <param name="Ours">Our measure: <c>total</c> (the deviation) or a dimension's short name (<c>won</c>, <c>fys</c>, …).</param>
/// <param name="External">The external score's indicator.</param>
/// <param name="Areas">The number of areas with both.</param>
/// <param name="Pearson">Pearson's r.</param>
/// <param name="Spearman">Spearman's ρ.</param>
public sealed record ExternalCorrelation(string Ours, string External, int Areas, double Pearson, double Spearman);

/// <summary>One area's position on both scales, for the largest disagreements.</summary>
/// <param name="Area">The area.</param>
/// <param name="Deviation">Our deviation.</param>
/// <param name="External">The external score.</param>
/// <param name="RankDifference">Our rank minus the external rank among the compared areas (positive: we rank it higher).</param>
public sealed record ExternalDisagreement(AreaKey Area, double Deviation, double External, double RankDifference);

/// <summary>The comparison of our index with external scores.</summary>
/// <param name="Year">The year of our scores.</param>
/// <param name="ExternalYear">The year of the external scores.</param>
/// <param name="Scored">Our scores.</param>
/// <param name="Correlations">Every pair (our measure, external score).</param>
/// <param name="Disagreements">Per external score, the areas where the rankings differ most.</param>
public sealed record ExternalComparisonResult(
    int Year,
    int ExternalYear,
    ScoredYear Scored,
    IReadOnlyList<ExternalCorrelation> Correlations,
    IReadOnlyDictionary<string, IReadOnlyList<ExternalDisagreement>> Disagreements);

/// <summary>
/// Compares our livability index with another organisation's scores (the Rotterdam Wijkprofiel, a survey index):
/// rank and linear correlation of the total and of each dimension with each external score, over the areas that
/// have both, and the areas on which the two disagree most. The external year may differ from ours: its values are
/// carried onto our year's areas (<see cref="DivisionCarry"/>).
/// </summary>
public sealed class ExternalComparison(MonitorService monitor)
{
    /// <summary>The external-score indicators (catalog theme <c>wijkprofiel</c>, or any given ids) with values in that year.</summary>
    public async Task<IReadOnlyList<string>> ExternalIndicatorsAsync(int externalYear, AreaCode? within, CancellationToken cancellationToken = default)
    {
        var table = (await monitor.PrepareAsync(externalYear, cancellationToken).ConfigureAwait(false)).Table;
        return [.. monitor.Catalog.Catalog.Indicators
            .Where(i => i.Theme == "wijkprofiel" && table.HasIndicator(i.Id))
            .Where(i => within is null || Enumerable.Range(0, table.Areas.Length).Any(r => table.Areas[r].Code.IsWithin(within.Value) && !double.IsNaN(table.Column(i.Id)[r])))
            .Select(i => i.Id)];
    }

    /// <summary>Compares our scores of <paramref name="year"/> with <paramref name="externals"/> of <paramref name="externalYear"/>.</summary>
    public async Task<ExternalComparisonResult> CompareAsync(
        IReadOnlyList<string> externals,
        int externalYear,
        int year,
        AreaLevel level,
        AreaCode? within,
        LivabilityModel model,
        ReferenceChoice reference,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(externals);
        var (scored, areas) = await ScoredAreasAsync(year, level, within, model, reference, cancellationToken).ConfigureAwait(false);
        var externalTable = (await monitor.PrepareAsync(externalYear, cancellationToken).ConfigureAwait(false)).Table;
        var (carried, _) = await monitor.CarryAsync(externalTable, scored.Prepared.Table, cancellationToken).ConfigureAwait(false);
        var measures = Measures(model, areas);
        var columns = externals.Select(external =>
        {
            var column = carried.Column(external).ToArray();
            return (external, areas.Select(s => column[carried.RowOf(s.Area)]).ToArray());
        });
        return Correlate(year, externalYear, scored, areas, measures, columns);
    }

    /// <summary>
    /// Compares our scores of <paramref name="year"/> with the official Leefbaarometer of <paramref name="leefbaarometerYear"/>
    /// (its deviation <c>leefbaarometer</c> and, where measured, its dimensions <c>leefbaarometer_fys</c> …) on the
    /// areas of <paramref name="level"/> that have both.
    /// </summary>
    public async Task<ExternalComparisonResult> CompareWithLeefbaarometerAsync(
        LeefbaarometerService leefbaarometer,
        int leefbaarometerYear,
        int year,
        AreaLevel level,
        AreaCode? within,
        LivabilityModel model,
        ReferenceChoice reference,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leefbaarometer);
        var (scored, areas) = await ScoredAreasAsync(year, level, within, model, reference, cancellationToken).ConfigureAwait(false);
        var official = new Dictionary<AreaKey, Core.Leefbaarometer.LeefbaarometerValue>();
        foreach (var division in areas.Select(a => a.Area.Year).Distinct())
        {
            var values = await leefbaarometer.LevelAsync(level, division, cancellationToken).ConfigureAwait(false);
            foreach (var area in areas.Where(a => a.Area.Year == division))
            {
                if (values.Of(area.Area.Code, leefbaarometerYear) is { } value)
                {
                    official[area.Area] = value;
                }
            }
        }

        var measures = Measures(model, areas);
        var columns = new List<(string, double[])> { ("leefbaarometer", [.. areas.Select(a => official.TryGetValue(a.Area, out var v) ? v.Deviation : double.NaN)]) };
        if (official.Values.Any(v => v.Dimensions is not null))
        {
            columns.AddRange(Core.Leefbaarometer.LeefbaarometerDimensions.ShortNames.Select((name, d) => ("leefbaarometer_" + name,
                areas.Select(a => official.TryGetValue(a.Area, out var v) && v.Dimensions is { } dims ? dims.Values[d] : double.NaN).ToArray())));
        }

        return Correlate(year, leefbaarometerYear, scored, areas, measures, columns);
    }

    /// <summary>Our scores of <paramref name="year"/> and the scored areas of <paramref name="level"/> (those within <paramref name="within"/> when given) that a comparison covers.</summary>
    private async Task<(ScoredYear Scored, List<LivabilityScore> Areas)> ScoredAreasAsync(
        int year, AreaLevel level, AreaCode? within, LivabilityModel model, ReferenceChoice reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var scored = await monitor.ScoreAsync(year, model, reference, cancellationToken).ConfigureAwait(false);
        return (scored, scored.Scores.Where(s => s.IsScored && s.Area.Code.Level == level && (within is null || s.Area.Code.IsWithin(within.Value))).ToList());
    }

    private static List<(string Name, double[] Values)> Measures(LivabilityModel model, List<LivabilityScore> areas)
    {
        var measures = new List<(string Name, double[] Values)> { ("total", [.. areas.Select(s => s.Deviation!.Value)]) };
        measures.AddRange(model.Dimensions.Select(d => (DimensionNames.ShortName(d.Dimension), areas.Select(s => s.ContributionOf(d.Dimension)).ToArray())));
        return measures;
    }

    private static ExternalComparisonResult Correlate(int year, int externalYear, ScoredYear scored, List<LivabilityScore> areas, List<(string Name, double[] Values)> measures, IEnumerable<(string Name, double[] Values)> externals)
    {
        var correlations = new List<ExternalCorrelation>();
        var disagreements = new Dictionary<string, IReadOnlyList<ExternalDisagreement>>(StringComparer.Ordinal);
        foreach (var (external, values) in externals)
        {
            var paired = values.Count(v => !double.IsNaN(v));
            foreach (var (name, ours) in measures)
            {
                correlations.Add(new ExternalCorrelation(name, external, paired, Correlation.Pearson(ours, values), Correlation.Spearman(ours, values)));
            }

            var complete = Enumerable.Range(0, areas.Count).Where(i => !double.IsNaN(values[i])).ToList();
            var ourRanks = Correlation.Ranks([.. complete.Select(i => measures[0].Values[i])]);
            var theirRanks = Correlation.Ranks([.. complete.Select(i => values[i])]);
            disagreements[external] = [.. complete
                .Select((i, k) => new ExternalDisagreement(areas[i].Area, measures[0].Values[i], values[i], ourRanks[k] - theirRanks[k]))
                .OrderByDescending(d => Math.Abs(d.RankDifference))
                .Take(5)];
        }

        return new ExternalComparisonResult(year, externalYear, scored, correlations, disagreements);
    }
}
