using Leefkracht.Core.Areas;
using Leefkracht.Core.Indicators;
using Leefkracht.Core.Indices;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Storage;

namespace Leefkracht.Data.Monitoring;

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
public sealed record ScoredYear(int Period, LivabilityModel Model, StandardisationReference Reference, PreparedYear Prepared, IReadOnlyList<LivabilityScore> Scores)
{
    private readonly Dictionary<AreaKey, LivabilityScore> _byArea = Scores.ToDictionary(s => s.Area);

    /// <summary>The score of an area, if it is in the year.</summary>
    public LivabilityScore? ScoreOf(AreaKey area) => _byArea.GetValueOrDefault(area);

    /// <summary>The score of a code in whatever division the year holds it (latest division first).</summary>
    public LivabilityScore? ScoreOf(AreaCode code) => Scores.Where(s => s.Area.Code == code).OrderByDescending(s => s.Area.Year).FirstOrDefault();
}

/// <summary>
/// The shell around the pure monitor engine: loads a year from the store, prepares it (derived indicators,
/// aggregation), builds the reference and scores. The web API and the CLI both go through here.
/// </summary>
public sealed class MonitorService
{
    private readonly IMonitorStore _store;
    private readonly CatalogDocument _catalog;

    /// <summary>Creates the service over a store.</summary>
    public MonitorService(IMonitorStore store, CatalogDocument? catalog = null)
    {
        _store = store;
        _catalog = catalog ?? CatalogDocument.Default;
    }

    /// <summary>The catalog in use.</summary>
    public CatalogDocument Catalog => _catalog;

    /// <summary>Loads and prepares a year: derived indicators, then wijk/gemeente gaps from buurten, then derived again for the filled parents.</summary>
    public async Task<PreparedYear> PrepareAsync(int period, CancellationToken cancellationToken = default)
    {
        var table = await _store.LoadPeriodAsync(period, null, cancellationToken).ConfigureAwait(false);
        table = DerivedIndicator.Apply(table, _catalog.Derived);
        var (aggregated, filled) = Aggregation.FillFromBuurten(table, _catalog.Catalog);
        return new PreparedYear(DerivedIndicator.Apply(aggregated, _catalog.Derived), filled);
    }

    /// <summary>Scores every area of a year against the chosen reference.</summary>
    public async Task<ScoredYear> ScoreAsync(int period, LivabilityModel model, ReferenceChoice reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reference);
        var prepared = await PrepareAsync(period, cancellationToken).ConfigureAwait(false);
        var standard = await ReferenceAsync(prepared, model, reference, cancellationToken).ConfigureAwait(false);
        return new ScoredYear(period, model, standard, prepared, LivabilityIndex.Compute(prepared.Table, model, standard));
    }

    /// <summary>The standardisation reference for a prepared year.</summary>
    public async Task<StandardisationReference> ReferenceAsync(PreparedYear prepared, LivabilityModel model, ReferenceChoice reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(model);
        var ids = model.IndicatorIds.ToList();
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

    /// <summary>The years that have values, newest first.</summary>
    public async Task<IReadOnlyList<int>> PeriodsAsync(CancellationToken cancellationToken = default) =>
        [.. (await _store.SummarizeAsync(cancellationToken).ConfigureAwait(false)).ValuesByPeriod.Keys.OrderDescending()];
}
