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
    public static string Write(TrendYears trends, AreaKey area, ExplanationWriter.AreaNames names, IndicatorCatalog catalog, string language)
    {
        ArgumentNullException.ThrowIfNull(trends);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(catalog);
        var en = NoteText.IsEnglish(language);
        var numbers = NoteText.Numbers(language);
        var trend = trends.Trends.FirstOrDefault(t => t.Area == area) ?? throw new ArgumentException($"{area} is not in {trends.ToPeriod}", nameof(area));
        var text = new StringBuilder();
        text.AppendLine(NoteText.Title(area, names, string.Create(CultureInfo.InvariantCulture, $"{trends.FromPeriod} → {trends.ToPeriod}"), en));
        text.AppendLine();
        if (trend.Change is not { } change)
        {
            text.AppendLine(en
                ? $"No comparison of {trends.FromPeriod} with {trends.ToPeriod}: {trend.NotComparedReason}."
                : $"Geen vergelijking van {trends.FromPeriod} met {trends.ToPeriod}: {trend.NotComparedReason}.");
            AppendLineage(text, trends, area, en, numbers);
            return text.ToString();
        }

        var className = trends.Model.ChangeClasses.NameOf(trend.ChangeClass!.Value, language);
        var commonCount = trend.Indicators.Count;
        text.AppendLine(en
            ? $"Livability {trends.FromPeriod} → {trends.ToPeriod}: {className} (change class {trend.ChangeClass} of 9), {NoteText.Signed(change, numbers)}: from {NoteText.Signed(trend.From.Deviation!.Value, numbers)} to {NoteText.Signed(trend.To.Deviation!.Value, numbers)}, both against one reference — {trends.Reference.DescriptionIn(language)} — and on the {commonCount} indicators known in both years."
            : $"Leefbaarheid {trends.FromPeriod} → {trends.ToPeriod}: {className} (veranderklasse {trend.ChangeClass} van 9), {NoteText.Signed(change, numbers)}: van {NoteText.Signed(trend.From.Deviation!.Value, numbers)} naar {NoteText.Signed(trend.To.Deviation!.Value, numbers)}, beide tegen één referentie — {trends.Reference.DescriptionIn(language)} — en op de {commonCount} indicatoren die in beide jaren bekend zijn.");
        var comparisons = new List<string>();
        foreach (var parent in new[] { area.Code.Level == AreaLevel.Buurt ? area.Code.Parent : null, area.Code.Level != AreaLevel.Gemeente ? area.Code.Gemeente : null })
        {
            if (parent is { } p && trends.Trends.FirstOrDefault(t => t.Area == new AreaKey(p, area.Year)) is { Change: { } c, ChangeClass: { } k })
            {
                var parentName = p.Level == AreaLevel.Wijk ? names.Wijk : names.Gemeente;
                comparisons.Add($"{NoteText.Labelled(p.Level, parentName ?? p.Value, en)} {NoteText.Signed(c, numbers)} ({trends.Model.ChangeClasses.NameOf(k, language)})");
            }
        }

        if (comparisons.Count > 0)
        {
            text.AppendLine((en ? "For comparison: " : "Ter vergelijking: ") + string.Join("; ", comparisons) + ".");
        }

        text.AppendLine();
        text.AppendLine(en ? "What changed (largest first; the changes add up to the total):" : "Wat veranderde (grootste eerst; de veranderingen tellen op tot het totaal):");
        foreach (var dimension in trend.Dimensions.Where(d => trend.Indicators.Any(i => i.Dimension == d.Dimension)).OrderByDescending(d => Math.Abs(d.Change)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {NoteText.Signed(dimension.Change, numbers)}  {DimensionNames.Of(dimension.Dimension, language)} ({NoteText.Signed(dimension.From, numbers)} → {NoteText.Signed(dimension.To, numbers)})");
            foreach (var indicator in trend.Indicators.Where(i => i.Dimension == dimension.Dimension))
            {
                var definition = catalog[indicator.IndicatorId];
                text.AppendLine(CultureInfo.InvariantCulture, $"      {NoteText.Signed(indicator.Change, numbers)}  {definition.Name(language)}: {NoteText.Value(indicator.FromValue, definition.Unit, numbers)} → {NoteText.Value(indicator.ToValue, definition.Unit, numbers)}");
            }
        }

        text.AppendLine();
        if (trend.OnlyInOneYear.Count > 0)
        {
            var list = string.Join(", ", trend.OnlyInOneYear.Select(id => catalog[id].Name(language)));
            text.AppendLine(en
                ? $"Not compared, because known in only one of the two years: {list}."
                : $"Niet vergeleken, omdat ze maar in één van de twee jaren bekend zijn: {list}.");
        }

        AppendLineage(text, trends, area, en, numbers);
        text.AppendLine(en
            ? $"Model {trends.Model.Id} v{trends.Model.Version}. A change describes; it does not show what caused it. " + NoteText.Caveat(en)
            : $"Model {trends.Model.Id} v{trends.Model.Version}. Een verandering beschrijft; ze laat niet zien wat haar veroorzaakte. " + NoteText.Caveat(en));
        return text.ToString();
    }

    private static void AppendLineage(StringBuilder text, TrendYears trends, AreaKey area, bool en, NumberFormatInfo numbers)
    {
        if (trends.Lineage.TryGetValue(area, out var lineage) && lineage.ThroughCrosswalk)
        {
            var sources = string.Join(", ", lineage.Sources.Select(s => $"{s.Source.Code} ({(100 * s.Share).ToString("0", numbers)} %)"));
            var division = lineage.Sources.Count > 0 ? lineage.Sources[0].Source.Year : trends.FromPeriod;
            text.AppendLine(en
                ? $"This area was re-divided between the {division} and {area.Year} divisions: its {trends.FromPeriod} figures were rebuilt from the addresses it took over (VNG grenswijzigingen): {sources}."
                : $"Dit gebied is tussen de indeling van {division} en die van {area.Year} gewijzigd: de cijfers van {trends.FromPeriod} zijn omgerekend naar de adressen die het overnam (VNG-grenswijzigingen): {sources}.");
        }
    }
}
