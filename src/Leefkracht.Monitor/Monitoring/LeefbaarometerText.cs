using System.Text;
using Leefkracht.Core.Leefbaarometer;

namespace Leefkracht.Monitor.Monitoring;

/// <summary>The official Leefbaarometer of an area in words, beside our score (for <c>explain</c> and the profile).</summary>
public static class LeefbaarometerText
{
    /// <summary>
    /// A paragraph with the area's Leefbaarometer series, its class, source and how it reached the area, or an empty
    /// string when the area has none.
    /// </summary>
    public static string Paragraph(IReadOnlyList<LeefbaarometerValue> values, LeefbaarometerProvenance? provenance)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0 || provenance is null)
        {
            return string.Empty;
        }

        var words = NoteWords.Words;
        var numbers = NoteText.Numbers;
        var latest = values[^1];
        var series = string.Join(", ", values.Select(v => string.Create(numbers, $"{v.Year} {v.Score:0.000} ({v.Class})")));
        var text = new StringBuilder();
        text.AppendLine(words["Lbm.Heading"]);
        text.Append("  ").AppendLine(words.Format("Lbm.Latest", latest.Year, latest.Score.ToString("0.000", numbers), latest.Deviation.ToString("+0.000;−0.000", numbers), latest.Class, LeefbaarometerClasses.NameOf(latest.Class)));
        text.Append("  ").AppendLine(words.Format("Lbm.Measurements", series));
        if (values.LastOrDefault(v => v.Dimensions is not null) is { Dimensions: { } d } withDimensions)
        {
            var parts = LeefbaarometerDimensions.ShortNames.Zip(d.Values, (name, value) => string.Create(numbers, $"{name} {value:+0.000;−0.000}"));
            text.Append("  ").AppendLine(words.Format("Lbm.Dimensions", withDimensions.Year, string.Join(", ", parts)));
        }

        text.Append("  ").AppendLine(words.Format("Lbm.Source", provenance.Source, string.Join(", ", provenance.Files), provenance.Reference.ToString("0.000000", numbers), Carried(provenance, latest)));
        return text.ToString();
    }

    /// <summary>How the value reached the area: carried from postcode areas (with coverage and purity) or published for it.</summary>
    public static string Carried(LeefbaarometerProvenance provenance, LeefbaarometerValue latest)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        ArgumentNullException.ThrowIfNull(latest);
        var numbers = NoteText.Numbers;
        return provenance.Carry is { } carry
            ? NoteWords.Words.Format("Lbm.Carried", carry, latest.Coverage.ToString("P0", numbers), latest.Purity.ToString("P0", numbers))
            : NoteWords.Words["Lbm.Published"];
    }
}
