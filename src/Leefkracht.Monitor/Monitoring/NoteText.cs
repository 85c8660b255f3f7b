using System.Text;
using Leefkracht.Core.Text;

namespace Leefkracht.Monitor.Monitoring;

/// <summary>The wording and number formats the analyst's notes (explanations, trends, watchlists) share.</summary>
internal static class NoteText
{
    private static readonly NumberFormatInfo DutchNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    /// <summary>Decimal comma for Dutch, point for English: numbers follow the language of the words.</summary>
    public static NumberFormatInfo Numbers => Words.InEnglish ? NumberFormatInfo.InvariantInfo : DutchNumbers;

    /// <summary>
    /// A share as a percentage for the watchlist and the planner: "8,9 %" in Dutch, "8.9%" in English (the notes of
    /// <see cref="Value"/> keep "44 %" in both, as their snapshots hold them).
    /// </summary>
    public static string Percent(double share, string format) => (100 * share).ToString(format, Numbers) + (Words.InEnglish ? "%" : " %");

    /// <summary>"gemeente Utrecht", but "Wijk 01 West" rather than "wijk Wijk 01 West".</summary>
    public static string Labelled(AreaLevel level, string name)
    {
        var word = Level(level);
        return name.StartsWith(word, StringComparison.OrdinalIgnoreCase) ? name : $"{word} {name}";
    }

    /// <summary>The indicator's name in lower case, for use inside a sentence.</summary>
    public static string Name(string id, IndicatorCatalog catalog) => catalog[id].Name().ToLowerInvariant();

    /// <summary>The level as a word.</summary>
    public static string Level(AreaLevel level) => level switch
    {
        AreaLevel.Buurt => "buurt",
        AreaLevel.Wijk => "wijk",
        AreaLevel.Gemeente => "gemeente",
        _ => NoteWords.Words["Level.Country"],
    };

    /// <summary>A signed value with three decimals and a real minus sign: +0,123 / −0,045.</summary>
    public static string Signed(double value, NumberFormatInfo numbers) =>
        (value < 0 ? "−" : "+") + Math.Abs(value).ToString("0.000", numbers);

    /// <summary>A value in its unit: "44 %", "€ 352k", "0,9 km", "93,3 ‰".</summary>
    public static string Value(double value, IndicatorUnit unit, NumberFormatInfo numbers) => unit switch
    {
        IndicatorUnit.Percent => value.ToString("0.#", numbers) + " %",
        IndicatorUnit.ThousandEuro => "€ " + value.ToString("0.#", numbers) + "k",
        IndicatorUnit.Kilometre => value.ToString("0.0#", numbers) + " km",
        IndicatorUnit.PerThousandInhabitants => value.ToString("0.#", numbers) + " ‰",
        IndicatorUnit.PerSquareKilometre => value.ToString("#,##0", numbers) + " /km²",
        _ => value.ToString("#,##0.##", numbers),
    };

    /// <summary>The first line of a note: "Welgelegen, Den Hommel (BU03440111), buurt in Wijk 01 West, Utrecht — 2024".</summary>
    public static string Title(AreaKey area, ExplanationWriter.AreaNames names, string when)
    {
        var place = string.Join(", ", new[] { names.Wijk, names.Gemeente }.Where(n => n is not null));
        return $"{names.Area ?? area.Code.Value} ({area.Code}), {Level(area.Code.Level)}{(place.Length > 0 ? " in " + place : string.Empty)} — {when}";
    }

    /// <summary>A note with its <see cref="Title"/> and the blank line after it written.</summary>
    public static StringBuilder Begin(AreaKey area, ExplanationWriter.AreaNames names, string when) =>
        new StringBuilder().AppendLine(Title(area, names, when)).AppendLine();

    /// <summary>The closing caveat every note carries.</summary>
    public static string Caveat => NoteWords.Words["Caveat"];
}
