

namespace Leefkracht.Web.Hosting;

/// <summary>The few sentences the server itself words (the rest comes from the monitor's writers).</summary>
internal static class UiText
{
    public static string Caveat(string language) => language == "en"
        ? "The index describes neighbourhoods statistically; it does not prove causes, and its indicators are not levers by themselves."
        : "De index beschrijft buurten statistisch; hij bewijst geen oorzaken, en de indicatoren zijn op zichzelf geen knoppen om aan te draaien.";

    /// <summary>The label of a nowcast: always an estimate, never a measurement.</summary>
    public static string NowcastLabel(string language) => language == "en"
        ? "expected Leefbaarometer class (estimate)"
        : "verwachte Leefbaarometer-klasse (schatting)";
}
