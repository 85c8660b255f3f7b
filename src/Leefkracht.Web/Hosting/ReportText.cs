using Leefkracht.Core.Text;

namespace Leefkracht.Web.Hosting;

/// <summary>
/// The words and numbers of the printed pages (the area report, the accountability view): the one place where their
/// texts are chosen by language, so that moving them to resources changes this class and not the pages, and where
/// numbers get Dutch or English separators.
/// </summary>
internal static class ReportText
{
    // The app runs in globalization-invariant mode (no culture data): Dutch separators are spelled out here.
    private static readonly NumberFormatInfo Dutch = NumberFormatInfo.ReadOnly(new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = "." });

    /// <summary>The page's language in its <c>lang</c> attribute and links: the UI culture (request localization).</summary>
    public static string Language => Words.InEnglish ? "en" : "nl";

    /// <summary>The text in the UI culture's language (Dutch unless English).</summary>
    public static string Pick(string dutch, string english) => Words.InEnglish ? english : dutch;

    /// <summary>Number separators for the UI culture's language.</summary>
    public static NumberFormatInfo Numbers => Words.InEnglish ? NumberFormatInfo.InvariantInfo : Dutch;

    /// <summary>A number with a typographic minus (−), or – when there is none.</summary>
    public static string Signed(double? value, string format, NumberFormatInfo numbers) =>
        value is { } x ? (x < 0 ? "−" + Math.Abs(x).ToString(format, numbers) : x.ToString(format, numbers)) : "–";
}
