using Leefkracht.Core.Indices;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Storage;

namespace Leefkracht.Web.Monitor;

/// <summary>
/// Builds an area's history: its score in every year on one reference (the national buurten of a base year, so that
/// the years are on one scale), and its stored indicator values per year. Shared by the API and the printed report.
/// </summary>
internal sealed class HistoryBuilder(DashboardMonitor dashboard)
{
    /// <summary>The history of <paramref name="code"/> scored on <paramref name="baseYear"/>'s reference, or null when the area is unknown.</summary>
    public async Task<AreaHistoryDto?> BuildAsync(AreaCode code, int baseYear)
    {
        var areas = await dashboard.AreasAsync();
        if (areas.Latest(code) is null)
        {
            return null;
        }

        var catalog = CatalogDocument.Default.Catalog;
        var observations = await dashboard.Store.LoadObservationsAsync(code);
        var years = await dashboard.YearsAsync();
        var points = new List<HistoryPointDto>();
        var missing = new List<MissingYearDto>();
        foreach (var year in years.Scorable.Order())
        {
            var scores = await dashboard.HistoryScoresAsync(year, baseYear);
            if (scores.Where(s => s.Area.Code == code).MaxBy(s => s.Area.Year) is not { } score)
            {
                missing.Add(new MissingYearDto(year, NotInDivision, UiText.Words["History.NotInDivision"]));
                continue;
            }

            var (reasonCode, reason) = score.IsScored ? (null, null) : WhyNotScored(score, observations);
            points.Add(new HistoryPointDto(year, Dtos.Round(score.Deviation), score.Class, Math.Round(score.Coverage, 3), Dtos.Dimensions(score), reason, reasonCode));
            if (reasonCode is not null)
            {
                missing.Add(new MissingYearDto(year, reasonCode, reason!));
            }
        }

        var series = observations
            .Where(o => catalog.TryGet(o.IndicatorId, out _))
            .GroupBy(o => o.IndicatorId)
            .Select(g => new IndicatorSeriesDto(g.Key, catalog[g.Key].Name(), Dtos.UnitName(catalog[g.Key].Unit),
                [.. g.GroupBy(o => o.Period).Select(p => p.MaxBy(o => o.Area.Year)!).OrderBy(o => o.Period).Select(o => new YearValueDto(o.Period, Math.Round(o.Value, 4)))]))
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var reference = await dashboard.HistoryReferenceAsync(baseYear);
        return new AreaHistoryDto(code.Value, areas.NameOf(code), reference.LocalDescription(), points, series, missing);
    }

    /// <summary>The area is not in that year's division: its code did not exist (the boundaries were drawn differently).</summary>
    public const string NotInDivision = "notInDivision";

    /// <summary>
    /// Why a year has no score, as a code and in the user's language, from the facts the scoring rules look at (the
    /// engine's own sentence is for the command line and in English): inhabitants unknown or too few, or too few values.
    /// </summary>
    private static (string Code, string Text) WhyNotScored(LivabilityScore score, IReadOnlyList<StoredObservation> observations)
    {
        var rules = DashboardMonitor.Model.Rules;
        var words = UiText.Words;
        var inhabitants = observations
            .Where(o => o.IndicatorId == ReferenceDistribution.PopulationIndicator && o.Period == score.Period)
            .MaxBy(o => o.Area.Year);
        if (inhabitants is null)
        {
            return ("noInhabitants", words["History.NoInhabitants"]);
        }

        if (inhabitants.Value < rules.MinimumPopulation)
        {
            return ("fewInhabitants", words.Format("History.FewInhabitants", Math.Round(inhabitants.Value), rules.MinimumPopulation));
        }

        return score.Coverage < rules.MinimumCoverage
            ? ("lowCoverage", words.Format("History.LowCoverage", Math.Round(score.Coverage * 100), Math.Round(rules.MinimumCoverage * 100)))
            : ("referenceTooThin", words["History.ReferenceTooThin"]);
    }
}
