using Leefkracht.Core.Text;

namespace Leefkracht.Web.Monitor;

/// <summary>
/// What every catalogue indicator measures, in a sentence or two: IndicatorDefinitions.resx (Dutch) and
/// IndicatorDefinitions.en.resx, keyed by the indicator's id. They follow the definitions CBS publishes with its
/// Kerncijfers wijken en buurten ("Toelichting variabelen", and the StatLine table the catalogue links), the RIVM
/// Gezondheidsmonitor, the ELAN wijkprofielen and Rotterdam's Wijkprofiel; derived indicators state their formula.
/// </summary>
internal static class IndicatorDefinitions
{
    private static readonly Words Words = new(typeof(IndicatorDefinitions));

    /// <summary>The definition of <paramref name="indicatorId"/> in the request's language, or null when none is written.</summary>
    public static string? Of(string indicatorId) => Words.Find(indicatorId);
}
