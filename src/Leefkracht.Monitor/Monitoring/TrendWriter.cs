using System.Text;

namespace Leefkracht.Monitor.Monitoring;

/// <summary>
/// Writes an area's livability change between two years as an analyst's note: the verdict with its change class,
/// both levels on the one reference, the parents' change for comparison, what changed most (dimensions, then
/// indicators with both values), what could not be compared, how a re-divided area was followed, and the caveat.
/// </summary>
public static class TrendWriter
{
    /// <summary>Writes the note for <paramref name="area"/>.</summary>
    public static string Write(TrendYears trends, AreaKey area, ExplanationWriter.AreaNames names, IndicatorCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(trends);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(catalog);
        var words = NoteWords.Words;
        var numbers = NoteText.Numbers;
        var trend = trends.Trends.FirstOrDefault(t => t.Area == area) ?? throw new ArgumentException($"{area} is not in {trends.ToPeriod}", nameof(area));
        var text = NoteText.Begin(area, names, string.Create(CultureInfo.InvariantCulture, $"{trends.FromPeriod} → {trends.ToPeriod}"));
        if (trend.Change is not { } change)
        {
            text.AppendLine(words.Format("Trend.NotCompared", trends.FromPeriod, trends.ToPeriod, trend.NotComparedReason));
            AppendLineage(text, trends, area, numbers);
            return text.ToString();
        }

        var className = trends.Model.ChangeClasses.NameOf(trend.ChangeClass!.Value);
        var commonCount = trend.Indicators.Count;
        text.AppendLine(words.Format(
            "Trend.Verdict", trends.FromPeriod, trends.ToPeriod, className, trend.ChangeClass, NoteText.Signed(change, numbers), NoteText.Signed(trend.From.Deviation!.Value, numbers),
            NoteText.Signed(trend.To.Deviation!.Value, numbers), trends.Reference.LocalDescription(), commonCount));
        var comparisons = new List<string>();
        foreach (var parent in new[] { area.Code.Level == AreaLevel.Buurt ? area.Code.Parent : null, area.Code.Level != AreaLevel.Gemeente ? area.Code.Gemeente : null })
        {
            if (parent is { } p && trends.Trends.FirstOrDefault(t => t.Area == new AreaKey(p, area.Year)) is { Change: { } c, ChangeClass: { } k })
            {
                var parentName = p.Level == AreaLevel.Wijk ? names.Wijk : names.Gemeente;
                comparisons.Add($"{NoteText.Labelled(p.Level, parentName ?? p.Value)} {NoteText.Signed(c, numbers)} ({trends.Model.ChangeClasses.NameOf(k)})");
            }
        }

        if (comparisons.Count > 0)
        {
            text.AppendLine(words["ForComparison"] + string.Join("; ", comparisons) + ".");
        }

        text.AppendLine();
        text.AppendLine(words["Trend.WhatChanged"]);
        foreach (var dimension in trend.Dimensions.Where(d => trend.Indicators.Any(i => i.Dimension == d.Dimension)).OrderByDescending(d => Math.Abs(d.Change)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {NoteText.Signed(dimension.Change, numbers)}  {DimensionNames.Of(dimension.Dimension)} ({NoteText.Signed(dimension.From, numbers)} → {NoteText.Signed(dimension.To, numbers)})");
            foreach (var indicator in trend.Indicators.Where(i => i.Dimension == dimension.Dimension))
            {
                var definition = catalog[indicator.IndicatorId];
                text.AppendLine(CultureInfo.InvariantCulture, $"      {NoteText.Signed(indicator.Change, numbers)}  {definition.Name()}: {NoteText.Value(indicator.FromValue, definition.Unit, numbers)} → {NoteText.Value(indicator.ToValue, definition.Unit, numbers)}");
            }
        }

        text.AppendLine();
        if (trend.OnlyInOneYear.Count > 0)
        {
            var list = string.Join(", ", trend.OnlyInOneYear.Select(id => catalog[id].Name()));
            text.AppendLine(words.Format("Trend.OnlyInOneYear", list));
        }

        AppendLineage(text, trends, area, numbers);
        text.AppendLine(CultureInfo.InvariantCulture, $"Model {trends.Model.Id} v{trends.Model.Version}. {words["Trend.Describes"]}{NoteText.Caveat}");
        return text.ToString();
    }

    private static void AppendLineage(StringBuilder text, TrendYears trends, AreaKey area, NumberFormatInfo numbers)
    {
        if (trends.Lineage.TryGetValue(area, out var lineage) && lineage.ThroughCrosswalk)
        {
            var sources = string.Join(", ", lineage.Sources.Select(s => $"{s.Source.Code} ({(100 * s.Share).ToString("0", numbers)} %)"));
            var division = lineage.Sources.Count > 0 ? lineage.Sources[0].Source.Year : trends.FromPeriod;
            text.AppendLine(NoteWords.Words.Format("Trend.Redivided", division, area.Year, trends.FromPeriod, sources));
        }
    }
}
