using System.Text;

namespace Leefkracht.Monitor.Monitoring;

/// <summary>
/// Writes a score's breakdown as an analyst's note, in Dutch or English: the verdict, the comparison with the
/// gemeente and the reference, the dimensions and indicators that move the score most (largest first, with the
/// area's value next to the reference and gemeente values), what is missing, and the caveat that the index
/// describes and does not explain causes.
/// </summary>
public static class ExplanationWriter
{
    /// <summary>Another organisation's score of the area.</summary>
    /// <param name="IndicatorId">The external-score indicator.</param>
    /// <param name="Period">Its year.</param>
    /// <param name="Value">The score.</param>
    public sealed record ExternalScore(string IndicatorId, int Period, double Value);

    /// <summary>The names the note uses for an area and its parents.</summary>
    /// <param name="Area">The area's name.</param>
    /// <param name="Wijk">The wijk's name (for a buurt).</param>
    /// <param name="Gemeente">The gemeente's name.</param>
    public sealed record AreaNames(string? Area, string? Wijk, string? Gemeente);

    /// <summary>Writes the note for <paramref name="area"/> in <paramref name="scored"/>.</summary>
    /// <param name="scored">The scored year.</param>
    /// <param name="area">The area.</param>
    /// <param name="names">The names of the area and its parents.</param>
    /// <param name="catalog">The indicator catalog (names, units).</param>
    /// <param name="language"><c>nl</c> or <c>en</c>.</param>
    /// <param name="externalScores">Other organisations' scores of the area (such as the Rotterdam Wijkprofiel), shown for comparison.</param>
    public static string Write(ScoredYear scored, AreaKey area, AreaNames names, IndicatorCatalog catalog, string language, IReadOnlyList<ExternalScore>? externalScores = null)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(catalog);
        var en = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var numbers = NoteText.Numbers(language);
        var score = scored.ScoreOf(area) ?? throw new ArgumentException($"{area} is not in the scored year", nameof(area));
        var table = scored.Prepared.Table;
        var text = new StringBuilder();
        text.AppendLine(NoteText.Title(area, names, scored.Period.ToString(CultureInfo.InvariantCulture), en));
        text.AppendLine();
        if (score.Deviation is not { } deviation)
        {
            text.AppendLine(en ? $"No livability score for {scored.Period}: {score.NotScoredReason}." : $"Geen leefbaarheidsscore voor {scored.Period}: {score.NotScoredReason}.");
            return text.ToString();
        }

        var className = scored.Model.Classes.NameOf(score.Class!.Value, language);
        var percentile = scored.PercentileOf(deviation);
        text.AppendLine(en
            ? $"Livability {scored.Period}: {className} (class {score.Class} of 9, score {score.Score!.Value.ToString("0", numbers)}), a deviation of {NoteText.Signed(deviation, numbers)} from the reference — {scored.Reference.DescriptionIn(language)}. That is better than {percentile.ToString("0", numbers)} % of the reference's inhabitants."
            : $"Leefbaarheid {scored.Period}: {className} (klasse {score.Class} van 9, score {score.Score!.Value.ToString("0", numbers)}), een afwijking van {NoteText.Signed(deviation, numbers)} ten opzichte van de referentie — {scored.Reference.DescriptionIn(language)}. Dat is beter dan {percentile.ToString("0", numbers)} % van de inwoners van de referentie.");
        if (score.Uncertainty is { } uncertainty)
        {
            var estimated = string.Join(", ", uncertainty.Estimated.Select(id => NoteText.Name(id, catalog, language)));
            text.AppendLine(en
                ? $"Estimated from the area's other indicators: {estimated}; 95 % interval of the deviation {NoteText.Signed(deviation - uncertainty.HalfWidth95, numbers)} to {NoteText.Signed(deviation + uncertainty.HalfWidth95, numbers)}."
                : $"Geschat uit de andere indicatoren van het gebied: {estimated}; 95 %-interval van de afwijking {NoteText.Signed(deviation - uncertainty.HalfWidth95, numbers)} tot {NoteText.Signed(deviation + uncertainty.HalfWidth95, numbers)}.");
        }

        if (scored.NowcastOf(score) is { } nowcast)
        {
            var expected = scored.Model.Classes.NameOf(nowcast.Class, language);
            text.AppendLine(en
                ? $"Expected Leefbaarometer class (estimate, not a measurement): {expected} (class {nowcast.Class}), {nowcast.Target} score {nowcast.Estimate.ToString("0.000", numbers)} with 90 % interval {nowcast.Low90.ToString("0.000", numbers)}–{nowcast.High90.ToString("0.000", numbers)} (classes {nowcast.ClassLow90}–{nowcast.ClassHigh90}); the latest measurement is of {nowcast.LatestMeasurement}, the class bounds are derived."
                : $"Verwachte Leefbaarometer-klasse (schatting, geen meting): {expected} (klasse {nowcast.Class}), {nowcast.Target}-score {nowcast.Estimate.ToString("0.000", numbers)} met 90 %-interval {nowcast.Low90.ToString("0.000", numbers)}–{nowcast.High90.ToString("0.000", numbers)} (klassen {nowcast.ClassLow90}–{nowcast.ClassHigh90}); de laatste meting is van {nowcast.LatestMeasurement}, de klassengrenzen zijn afgeleid.");
        }

        var comparisons = new List<string>();
        foreach (var parent in new[] { area.Code.Level == AreaLevel.Buurt ? area.Code.Parent : null, area.Code.Level != AreaLevel.Gemeente ? area.Code.Gemeente : null })
        {
            if (parent is { } p && scored.ScoreOf(new AreaKey(p, area.Year)) is { Deviation: { } d, Class: { } c })
            {
                var parentName = p.Level == AreaLevel.Wijk ? names.Wijk : names.Gemeente;
                comparisons.Add($"{NoteText.Labelled(p.Level, parentName ?? p.Value, en)} {NoteText.Signed(d, numbers)} ({scored.Model.Classes.NameOf(c, language)})");
            }
        }

        comparisons.Add(en ? "the reference average 0" : "het gemiddelde van de referentie 0");
        text.AppendLine((en ? "For comparison: " : "Ter vergelijking: ") + string.Join("; ", comparisons) + ".");

        var ranked = score.Dimensions.Where(d => d.Indicators.Count > 0).OrderByDescending(d => Math.Abs(d.Contribution)).ToList();
        var up = ranked.Where(d => d.Contribution > 0).Take(1).ToList();
        var down = ranked.Where(d => d.Contribution < 0).Take(1).ToList();
        if (up.Count > 0 || down.Count > 0)
        {
            var parts = new List<string>();
            if (up.Count > 0)
            {
                parts.Add(en
                    ? $"lifting the score most: {DimensionNames.Of(up[0].Dimension, language)} ({NoteText.Name(Top(up[0]), catalog, language)})"
                    : $"het meest omhoog trekt: {DimensionNames.Of(up[0].Dimension, language)} ({NoteText.Name(Top(up[0]), catalog, language)})");
            }

            if (down.Count > 0)
            {
                parts.Add(en
                    ? $"pulling it down most: {DimensionNames.Of(down[0].Dimension, language)} ({NoteText.Name(Top(down[0]), catalog, language)})"
                    : $"het meest omlaag trekt: {DimensionNames.Of(down[0].Dimension, language)} ({NoteText.Name(Top(down[0]), catalog, language)})");
            }

            var sentence = string.Join("; ", parts);
            text.AppendLine(char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".");
        }

        text.AppendLine();
        text.AppendLine(en ? "Where the score comes from (largest contributions first; the contributions add up to the deviation):" : "Waar de score vandaan komt (grootste bijdragen eerst; de bijdragen tellen op tot de afwijking):");
        var gemeenteRow = area.Code.Gemeente is { } gm && gm != area.Code ? table.RowOf(new AreaKey(gm, area.Year)) : -1;
        if (score.Constant != 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {NoteText.Signed(score.Constant, numbers)}  {(en ? "the model's constant" : "de constante van het model")}");
        }

        foreach (var dimension in score.Dimensions.OrderByDescending(d => Math.Abs(d.Contribution)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {NoteText.Signed(dimension.Contribution, numbers)}  {DimensionNames.Of(dimension.Dimension, language)}{(dimension.Indicators.Count == 0 ? (en ? " (no values)" : " (geen waarden)") : string.Empty)}");
            foreach (var indicator in dimension.Indicators.OrderByDescending(i => Math.Abs(i.Contribution)))
            {
                var definition = catalog[indicator.IndicatorId];
                var gemeenteValue = gemeenteRow >= 0 ? table.Column(indicator.IndicatorId)[gemeenteRow] : double.NaN;
                var compare = en ? $"reference {NoteText.Value(indicator.ReferenceMean, definition.Unit, numbers)}" : $"referentie {NoteText.Value(indicator.ReferenceMean, definition.Unit, numbers)}";
                if (!double.IsNaN(gemeenteValue))
                {
                    compare += $", {names.Gemeente ?? "gemeente"} {NoteText.Value(gemeenteValue, definition.Unit, numbers)}";
                }

                var aggregated = indicator.Estimated
                    ? (en ? ", estimated from the other indicators" : ", geschat uit de andere indicatoren")
                    : scored.Prepared.Aggregated.Contains((area, indicator.IndicatorId)) ? (en ? ", from its buurten" : ", berekend uit de buurten") : string.Empty;
                text.AppendLine(CultureInfo.InvariantCulture, $"      {NoteText.Signed(indicator.Contribution, numbers)}  {definition.Name(language)}: {NoteText.Value(indicator.Value, definition.Unit, numbers)} ({compare}{aggregated})");
            }
        }

        if (externalScores is { Count: > 0 })
        {
            text.AppendLine();
            var scores = string.Join("; ", externalScores.Select(e => $"{catalog[e.IndicatorId].Name(language)} {e.Period}: {e.Value.ToString("0", numbers)}"));
            // The measured agreement (docs/indices.md) is that of the hand-set model; for another model, 'leefkracht compare' measures it.
            var agreement = scored.Model.Yardstick is null
                ? (en ? " Across Rotterdam's buurten our 2024 index and the Wijkprofiel 2016 indices rank areas alike (Spearman 0.78–0.85, see docs/indices.md)." : " Over de Rotterdamse buurten ordenen onze index van 2024 en de Wijkprofiel-indices van 2016 de gebieden vergelijkbaar (Spearman 0,78–0,85, zie docs/indices.md).")
                : (en ? " 'leefkracht compare' measures how this model and the Wijkprofiel rank Rotterdam's areas." : " 'leefkracht compare' meet hoe dit model en het Wijkprofiel de Rotterdamse gebieden ordenen.");
            text.AppendLine(en
                ? $"Other indices of this area: {scores} (Wijkprofiel: 100 = the Rotterdam average of 2014).{agreement}"
                : $"Andere indices van dit gebied: {scores} (Wijkprofiel: 100 = het Rotterdamse gemiddelde van 2014).{agreement}");
        }

        text.AppendLine();
        var missing = scored.Model.Dimensions
            .SelectMany(d => d.Indicators)
            .Where(i => scored.Reference.Moments.ContainsKey(i.IndicatorId) && !score.Dimensions.SelectMany(d => d.Indicators).Any(c => c.IndicatorId == i.IndicatorId))
            .Select(i => catalog[i.IndicatorId].Name(language))
            .ToList();
        var (share, unusable) = LivabilityIndex.ReferenceCoverage(scored.Model, scored.Reference);
        text.Append(en ? $"Coverage {score.Coverage.ToString("P0", numbers)} of the model's weight" : $"Dekking {score.Coverage.ToString("P0", numbers)} van het gewicht van het model");
        text.AppendLine(missing.Count > 0 ? (en ? $"; no value for: {string.Join(", ", missing)}." : $"; geen waarde voor: {string.Join(", ", missing)}.") : ".");
        if (unusable.Count > 0)
        {
            text.AppendLine(en
                ? $"Not used, because the reference has too few values ({(1 - share).ToString("P0", numbers)} of the model's weight): {string.Join(", ", unusable.Select(u => catalog[u].Name(language)))}."
                : $"Niet gebruikt omdat de referentie te weinig waarden heeft ({(1 - share).ToString("P0", numbers)} van het gewicht): {string.Join(", ", unusable.Select(u => catalog[u].Name(language)))}.");
        }

        text.AppendLine(en
            ? $"Model {scored.Model.Id} v{scored.Model.Version} ({scored.Model.Method}). " + NoteText.Caveat(en)
            : $"Model {scored.Model.Id} v{scored.Model.Version} ({scored.Model.Method}). " + NoteText.Caveat(en));
        return text.ToString();
    }

    private static string Top(DimensionContribution dimension) =>
        dimension.Indicators.OrderByDescending(i => Math.Abs(i.Contribution)).First().IndicatorId;
}
