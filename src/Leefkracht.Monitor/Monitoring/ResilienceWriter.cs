using System.Text;

namespace Leefkracht.Monitor.Monitoring;

/// <summary>
/// Writes an area's resilience as an analyst's note: the class, capacity against pressure, the vulnerable share with
/// its location quotients, the corporation share and flag, turnover, and the indicators behind it.
/// </summary>
public static class ResilienceWriter
{
    /// <summary>Writes the note for <paramref name="area"/>.</summary>
    public static string Write(ResilienceYear year, AreaKey area, ExplanationWriter.AreaNames names, IndicatorCatalog catalog, string language)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(catalog);
        var en = NoteText.IsEnglish(language);
        var numbers = NoteText.Numbers(language);
        var score = year.Scores.FirstOrDefault(s => s.Area == area) ?? throw new ArgumentException($"{area} is not in {year.Period}", nameof(area));
        var text = new StringBuilder();
        text.AppendLine(NoteText.Title(area, names, year.Period.ToString(CultureInfo.InvariantCulture), en));
        text.AppendLine();
        if (score.Score is { } value)
        {
            var className = ResilienceModel.NameOf(score.Class!.Value, language);
            text.AppendLine(en
                ? $"Resilience {year.Period}: {className} (class {score.Class} of 5), {NoteText.Signed(value, numbers)}: capacity {NoteText.Signed(score.Capacity!.Value, numbers)} against pressure of vulnerable households {NoteText.Signed(score.Pressure!.Value, numbers)} (standard scores against {year.Reference.DescriptionIn(language)})."
                : $"Veerkracht {year.Period}: {className} (klasse {score.Class} van 5), {NoteText.Signed(value, numbers)}: draagkracht {NoteText.Signed(score.Capacity!.Value, numbers)} tegenover druk van kwetsbare huishoudens {NoteText.Signed(score.Pressure!.Value, numbers)} (standaardscores ten opzichte van {year.Reference.DescriptionIn(language)}).");
        }
        else
        {
            text.AppendLine(en ? $"No resilience score for {year.Period}: {score.NotScoredReason}." : $"Geen veerkrachtscore voor {year.Period}: {score.NotScoredReason}.");
        }

        var facts = new List<string>();
        if (score.VulnerableIndicator is { } vulnerable && score.VulnerableShare is { } share)
        {
            var definition = catalog[vulnerable];
            var fact = $"{definition.Name(language)}: {NoteText.Value(share, definition.Unit, numbers)}";
            var quotients = new List<string>();
            if (score.LocationQuotientGemeente is { } g)
            {
                quotients.Add(g.ToString("0.00", numbers) + (en ? " against the gemeente" : " ten opzichte van de gemeente"));
            }

            if (score.LocationQuotientCountry is { } c)
            {
                quotients.Add(c.ToString("0.00", numbers) + (en ? " against the reference" : " ten opzichte van de referentie"));
            }

            facts.Add(quotients.Count > 0 ? $"{fact} ({(en ? "location quotient " : "locatiequotiënt ")}{string.Join(", ", quotients)})" : fact);
        }

        if (score.CorporationShare is { } corporation)
        {
            facts.Add((en ? "corporation dwellings " : "corporatiewoningen ") + NoteText.Value(corporation, IndicatorUnit.Percent, numbers)
                + (score.IsCorporatiebuurt ? (en ? " — a corporatiebuurt (more than two thirds)" : " — een corporatiebuurt (meer dan twee derde)") : string.Empty));
        }

        if (score.Turnover is { } moved)
        {
            facts.Add((en ? "moved more than once " : "meer dan eens verhuisd ") + NoteText.Value(moved, IndicatorUnit.Percent, numbers));
        }

        if (facts.Count > 0)
        {
            var sentence = string.Join("; ", facts);
            text.AppendLine(char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".");
        }

        if (score.Contributions.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(en ? "Where the score comes from (+ capacity, − pressure; largest first; the parts add up to the score):" : "Waar de score vandaan komt (+ draagkracht, − druk; grootste eerst; de delen tellen op tot de score):");
            foreach (var part in score.Contributions.OrderByDescending(c => Math.Abs(c.Contribution)))
            {
                var definition = catalog[part.IndicatorId];
                var mean = year.Reference.Moments.TryGetValue(part.IndicatorId, out var moments) ? moments.Mean : double.NaN;
                text.AppendLine(CultureInfo.InvariantCulture, $"  {NoteText.Signed(part.Contribution, numbers)}  {definition.Name(language)}: {NoteText.Value(part.Value, definition.Unit, numbers)} ({(en ? "reference" : "referentie")} {NoteText.Value(mean, definition.Unit, numbers)})");
            }
        }

        text.AppendLine();
        text.AppendLine(en
            ? "Resilience after the Aedes study 'Veerkracht in het corporatiebezit' (2018, 2020): where the share of vulnerable households outgrows what a neighbourhood can carry, livability comes under pressure. " + NoteText.Caveat(en)
            : "Veerkracht naar de Aedes-studie 'Veerkracht in het corporatiebezit' (2018, 2020): waar het aandeel kwetsbare huishoudens groter wordt dan wat een buurt kan dragen, komt de leefbaarheid onder druk. " + NoteText.Caveat(en));
        return text.ToString();
    }
}
