namespace Leefkracht.Monitor.Monitoring;

/// <summary>
/// Writes an area's resilience as an analyst's note: the class, capacity against pressure, the vulnerable share with
/// its location quotients, the corporation share and flag, turnover, and the indicators behind it.
/// </summary>
public static class ResilienceWriter
{
    /// <summary>Writes the note for <paramref name="area"/>.</summary>
    public static string Write(ResilienceYear year, AreaKey area, ExplanationWriter.AreaNames names, IndicatorCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(catalog);
        var words = NoteWords.Words;
        var numbers = NoteText.Numbers;
        var score = year.Scores.FirstOrDefault(s => s.Area == area) ?? throw new ArgumentException($"{area} is not in {year.Period}", nameof(area));
        var text = NoteText.Begin(area, names, year.Period.ToString(CultureInfo.InvariantCulture));
        if (score.Score is { } value)
        {
            var className = ResilienceModel.NameOf(score.Class!.Value);
            text.AppendLine(words.Format("Resilience.Scored", year.Period, className, score.Class, NoteText.Signed(value, numbers), NoteText.Signed(score.Capacity!.Value, numbers), NoteText.Signed(score.Pressure!.Value, numbers), year.Reference.LocalDescription()));
        }
        else
        {
            text.AppendLine(words.Format("Resilience.NotScored", year.Period, score.NotScoredReason));
        }

        var facts = new List<string>();
        if (score.VulnerableIndicator is { } vulnerable && score.VulnerableShare is { } share)
        {
            var definition = catalog[vulnerable];
            var fact = $"{definition.Name()}: {NoteText.Value(share, definition.Unit, numbers)}";
            var quotients = new List<string>();
            if (score.LocationQuotientGemeente is { } g)
            {
                quotients.Add(g.ToString("0.00", numbers) + words["Resilience.AgainstGemeente"]);
            }

            if (score.LocationQuotientCountry is { } c)
            {
                quotients.Add(c.ToString("0.00", numbers) + words["Resilience.AgainstReference"]);
            }

            facts.Add(quotients.Count > 0 ? $"{fact} ({words["Resilience.LocationQuotient"]}{string.Join(", ", quotients)})" : fact);
        }

        if (score.CorporationShare is { } corporation)
        {
            facts.Add(words["Resilience.CorporationDwellings"] + NoteText.Value(corporation, IndicatorUnit.Percent, numbers)
                + (score.IsCorporatiebuurt ? words["Resilience.Corporatiebuurt"] : string.Empty));
        }

        if (score.Turnover is { } moved)
        {
            facts.Add(words["Resilience.MovedMoreThanOnce"] + NoteText.Value(moved, IndicatorUnit.Percent, numbers));
        }

        if (facts.Count > 0)
        {
            var sentence = string.Join("; ", facts);
            text.AppendLine(char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".");
        }

        if (score.Contributions.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(words["Resilience.WhereFrom"]);
            foreach (var part in score.Contributions.OrderByDescending(c => Math.Abs(c.Contribution)))
            {
                var definition = catalog[part.IndicatorId];
                var mean = year.Reference.Moments.TryGetValue(part.IndicatorId, out var moments) ? moments.Mean : double.NaN;
                text.AppendLine(CultureInfo.InvariantCulture, $"  {NoteText.Signed(part.Contribution, numbers)}  {definition.Name()}: {NoteText.Value(part.Value, definition.Unit, numbers)} ({words["Reference"]} {NoteText.Value(mean, definition.Unit, numbers)})");
            }
        }

        text.AppendLine();
        text.AppendLine(words["Resilience.About"] + NoteText.Caveat);
        return text.ToString();
    }
}
