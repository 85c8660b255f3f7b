using System.Text;
using Leefkracht.Core.Leefbaarometer;

namespace Leefkracht.Monitor.Monitoring;

/// <summary>The official Leefbaarometer of an area in words, beside our score (for <c>explain</c>).</summary>
public static class LeefbaarometerText
{
    private static readonly NumberFormatInfo Dutch = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", PercentDecimalSeparator = ",", PercentGroupSeparator = "." };

    /// <summary>Numbers as the language writes them (the app runs in globalization-invariant mode, so no culture data).</summary>
    public static NumberFormatInfo Numbers(string language) => language == "en" ? NumberFormatInfo.InvariantInfo : Dutch;

    /// <summary>
    /// A paragraph with the area's Leefbaarometer series, its class, source and how it reached the area, or an empty
    /// string when the area has none.
    /// </summary>
    public static string Paragraph(IReadOnlyList<LeefbaarometerValue> values, LeefbaarometerProvenance? provenance, string language)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0 || provenance is null)
        {
            return string.Empty;
        }

        var en = language == "en";
        var numbers = Numbers(language);
        var latest = values[^1];
        var series = string.Join(", ", values.Select(v => string.Create(numbers, $"{v.Year} {v.Score:0.000} ({v.Class})")));
        var text = new StringBuilder();
        text.AppendLine(en ? "Official Leefbaarometer (beside our score, not part of it):" : "Officiële Leefbaarometer (naast onze score, geen onderdeel ervan):");
        text.AppendLine(string.Create(numbers, $"  {latest.Year}: lbm {latest.Score:0.000}, afw {latest.Deviation:+0.000;−0.000}, {(en ? "class" : "klasse")} {latest.Class} {LeefbaarometerClasses.NameOf(latest.Class, language)} ({(en ? "derived class bounds, not official" : "afgeleide klassengrenzen, niet officieel")})"));
        text.AppendLine(string.Create(numbers, $"  {(en ? "Measurements" : "Metingen")}: {series}"));
        if (values.LastOrDefault(v => v.Dimensions is not null) is { Dimensions: { } d } withDimensions)
        {
            var parts = LeefbaarometerDimensions.ShortNames.Zip(d.Values, (name, value) => string.Create(numbers, $"{name} {value:+0.000;−0.000}"));
            text.AppendLine(string.Create(numbers, $"  {(en ? "Dimensions" : "Dimensies")} {withDimensions.Year}: {string.Join(", ", parts)}"));
        }

        var carry = provenance.Carry is { } c
            ? string.Create(numbers, $"{(en ? "carried from postcode areas by address counts" : "overgezet van postcodegebieden naar rato van adressen")} ({c}; {(en ? "coverage" : "dekking")} {latest.Coverage:P0}, {(en ? "purity" : "zuiverheid")} {latest.Purity:P0})")
            : en ? "as published for this area" : "zoals gepubliceerd voor dit gebied";
        text.AppendLine(string.Create(numbers, $"  {(en ? "Source" : "Bron")}: {provenance.Source} ({string.Join(", ", provenance.Files)}; {(en ? "reference" : "referentie")} lbm − afw = {provenance.Reference:0.000000}), {carry}."));
        return text.ToString();
    }
}
