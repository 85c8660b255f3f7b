using Leefkracht.Core.Text;

namespace Leefkracht.Web.Hosting;

/// <summary>
/// The sentences the server itself words (the rest comes from the monitor's writers): UiText.resx (Dutch) and
/// UiText.en.resx, in the request's culture (request localization: <c>?lang=</c>, the culture cookie, Accept-Language).
/// </summary>
internal static class UiText
{
    /// <summary>The words, in the request's language.</summary>
    public static Words Words { get; } = new(typeof(UiText));

    /// <summary>The caveat every answer about scores carries.</summary>
    public static string Caveat => Words["Caveat"];

    /// <summary>The label of a nowcast: always an estimate, never a measurement.</summary>
    public static string NowcastLabel => Words["NowcastLabel"];
}
