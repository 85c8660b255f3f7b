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
    /// <param name="externalScores">Other organisations' scores of the area (such as the Rotterdam Wijkprofiel), shown for comparison.</param>
    public static string Write(ScoredYear scored, AreaKey area, AreaNames names, IndicatorCatalog catalog, IReadOnlyList<ExternalScore>? externalScores = null)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(catalog);
        var words = NoteWords.Words;
        var numbers = NoteText.Numbers;
        var score = scored.ScoreOf(area) ?? throw new ArgumentException($"{area} is not in the scored year", nameof(area));
        var table = scored.Prepared.Table;
        var text = NoteText.Begin(area, names, scored.Period.ToString(CultureInfo.InvariantCulture));
        if (score.Deviation is not { } deviation)
        {
            text.AppendLine(words.Format("Explain.NotScored", scored.Period, score.NotScoredReason));
            return text.ToString();
        }

        var className = scored.Model.Classes.NameOf(score.Class!.Value);
        var percentile = scored.PercentileOf(deviation);
        text.AppendLine(words.Format(
            "Explain.Verdict", scored.Period, className, score.Class, score.Score!.Value.ToString("0", numbers), NoteText.Signed(deviation, numbers), scored.Reference.LocalDescription(), percentile.ToString("0", numbers)));
        if (score.Uncertainty is { } uncertainty)
        {
            var estimated = string.Join(", ", uncertainty.Estimated.Select(id => NoteText.Name(id, catalog)));
            text.AppendLine(words.Format(
                "Explain.Estimated", estimated, NoteText.Signed(deviation - uncertainty.HalfWidth95, numbers), NoteText.Signed(deviation + uncertainty.HalfWidth95, numbers)));
        }

        if (scored.NowcastOf(score) is { } nowcast)
        {
            var expected = scored.Model.Classes.NameOf(nowcast.Class);
            text.AppendLine(words.Format(
                "Explain.Nowcast",
                expected,
                nowcast.Class,
                nowcast.Target,
                nowcast.Estimate.ToString("0.000", numbers),
                nowcast.Low90.ToString("0.000", numbers),
                nowcast.High90.ToString("0.000", numbers),
                nowcast.ClassLow90,
                nowcast.ClassHigh90,
                nowcast.LatestMeasurement));
        }

        var comparisons = new List<string>();
        foreach (var parent in new[] { area.Code.Level == AreaLevel.Buurt ? area.Code.Parent : null, area.Code.Level != AreaLevel.Gemeente ? area.Code.Gemeente : null })
        {
            if (parent is { } p && scored.ScoreOf(new AreaKey(p, area.Year)) is { Deviation: { } d, Class: { } c })
            {
                var parentName = p.Level == AreaLevel.Wijk ? names.Wijk : names.Gemeente;
                comparisons.Add($"{NoteText.Labelled(p.Level, parentName ?? p.Value)} {NoteText.Signed(d, numbers)} ({scored.Model.Classes.NameOf(c)})");
            }
        }

        comparisons.Add(words["Explain.ReferenceAverage"]);
        text.AppendLine(words["ForComparison"] + string.Join("; ", comparisons) + ".");

        var ranked = score.Dimensions.Where(d => d.Indicators.Count > 0).OrderByDescending(d => Math.Abs(d.Contribution)).ToList();
        var up = ranked.Where(d => d.Contribution > 0).Take(1).ToList();
        var down = ranked.Where(d => d.Contribution < 0).Take(1).ToList();
        if (up.Count > 0 || down.Count > 0)
        {
            var parts = new List<string>();
            if (up.Count > 0)
            {
                parts.Add(words.Format("Explain.LiftsMost", DimensionNames.Of(up[0].Dimension), NoteText.Name(Top(up[0]), catalog)));
            }

            if (down.Count > 0)
            {
                parts.Add(words.Format("Explain.PullsDownMost", DimensionNames.Of(down[0].Dimension), NoteText.Name(Top(down[0]), catalog)));
            }

            var sentence = string.Join("; ", parts);
            text.AppendLine(char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".");
        }

        text.AppendLine();
        text.AppendLine(words["Explain.WhereFrom"]);
        var gemeenteRow = area.Code.Gemeente is { } gm && gm != area.Code ? table.RowOf(new AreaKey(gm, area.Year)) : -1;
        if (score.Constant != 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {NoteText.Signed(score.Constant, numbers)}  {words["Explain.Constant"]}");
        }

        foreach (var dimension in score.Dimensions.OrderByDescending(d => Math.Abs(d.Contribution)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {NoteText.Signed(dimension.Contribution, numbers)}  {DimensionNames.Of(dimension.Dimension)}{(dimension.Indicators.Count == 0 ? words["Explain.NoValues"] : string.Empty)}");
            foreach (var indicator in dimension.Indicators.OrderByDescending(i => Math.Abs(i.Contribution)))
            {
                var definition = catalog[indicator.IndicatorId];
                var gemeenteValue = gemeenteRow >= 0 ? table.Column(indicator.IndicatorId)[gemeenteRow] : double.NaN;
                var compare = $"{words["Reference"]} {NoteText.Value(indicator.ReferenceMean, definition.Unit, numbers)}";
                if (!double.IsNaN(gemeenteValue))
                {
                    compare += $", {names.Gemeente ?? "gemeente"} {NoteText.Value(gemeenteValue, definition.Unit, numbers)}";
                }

                var aggregated = indicator.Estimated
                    ? words["Explain.EstimatedIndicator"]
                    : scored.Prepared.Aggregated.Contains((area, indicator.IndicatorId)) ? words["Explain.FromBuurten"] : string.Empty;
                text.AppendLine(CultureInfo.InvariantCulture, $"      {NoteText.Signed(indicator.Contribution, numbers)}  {definition.Name()}: {NoteText.Value(indicator.Value, definition.Unit, numbers)} ({compare}{aggregated})");
            }
        }

        if (externalScores is { Count: > 0 })
        {
            text.AppendLine();
            var scores = string.Join("; ", externalScores.Select(e => $"{catalog[e.IndicatorId].Name()} {e.Period}: {e.Value.ToString("0", numbers)}"));
            // The measured agreement (docs/indices.md) is that of the hand-set model; for another model, 'leefkracht compare' measures it.
            var agreement = words[scored.Model.Yardstick is null ? "Explain.OtherIndices.HandSetAgreement" : "Explain.OtherIndices.CompareMeasures"];
            text.AppendLine(words.Format("Explain.OtherIndices", scores, agreement));
        }

        text.AppendLine();
        var missing = scored.Model.Dimensions
            .SelectMany(d => d.Indicators)
            .Where(i => scored.Reference.Moments.ContainsKey(i.IndicatorId) && !score.Dimensions.SelectMany(d => d.Indicators).Any(c => c.IndicatorId == i.IndicatorId))
            .Select(i => catalog[i.IndicatorId].Name())
            .ToList();
        var (share, unusable) = LivabilityIndex.ReferenceCoverage(scored.Model, scored.Reference);
        text.Append(words.Format("Explain.Coverage", score.Coverage.ToString("P0", numbers)));
        text.AppendLine(missing.Count > 0 ? words.Format("Explain.NoValueFor", string.Join(", ", missing)) : ".");
        if (unusable.Count > 0)
        {
            text.AppendLine(words.Format("Explain.Unusable", (1 - share).ToString("P0", numbers), string.Join(", ", unusable.Select(u => catalog[u].Name()))));
        }

        // The shipped models' methods in the reader's words; a user's model file names its own method, shown as written.
        var method = scored.Model.Method switch
        {
            "hand-set" => words["Model.Method.HandSet"],
            "calibrated" => words["Model.Method.Calibrated"],
            _ => scored.Model.Method,
        };
        text.AppendLine(CultureInfo.InvariantCulture, $"Model {scored.Model.Id} v{scored.Model.Version} ({method}). {NoteText.Caveat}");
        return text.ToString();
    }

    private static string Top(DimensionContribution dimension) =>
        dimension.Indicators.OrderByDescending(i => Math.Abs(i.Contribution)).First().IndicatorId;
}
