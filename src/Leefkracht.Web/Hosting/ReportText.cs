using Leefkracht.Core.Text;

namespace Leefkracht.Web.Hosting;

/// <summary>
/// The words and numbers of the printed pages (the area report, the accountability view): their words in
/// ReportText.resx (Dutch) and ReportText.en.resx, read in the request's culture, and their numbers with Dutch or
/// English separators.
/// </summary>
internal static class ReportText
{
    // The app runs in globalization-invariant mode (no culture data): Dutch separators are spelled out here.
    private static readonly NumberFormatInfo Dutch = NumberFormatInfo.ReadOnly(new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = "." });

    /// <summary>The page's language in its <c>lang</c> attribute and links: the UI culture (request localization).</summary>
    public static string Language => Words.InEnglish ? "en" : "nl";

    /// <summary>The pages' words (<c>Area.*</c>, <c>Accountability.*</c>), in the request's language.</summary>
    public static Words Words { get; } = new(typeof(ReportText));

    /// <summary>Number separators for the UI culture's language.</summary>
    public static NumberFormatInfo Numbers => Words.InEnglish ? NumberFormatInfo.InvariantInfo : Dutch;

    /// <summary>A number with a typographic minus (−), or – when there is none.</summary>
    public static string Signed(double? value, string format, NumberFormatInfo numbers) =>
        value is { } x ? (x < 0 ? "−" + Math.Abs(x).ToString(format, numbers) : x.ToString(format, numbers)) : "–";
}
