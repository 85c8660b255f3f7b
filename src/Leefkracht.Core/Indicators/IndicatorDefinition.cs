using Leefkracht.Core.Text;

namespace Leefkracht.Core.Indicators;

/// <summary>A canonical indicator of the catalog.</summary>
/// <param name="Id">Stable identifier, for example <c>dwellings_corporation_pct</c>.</param>
/// <param name="NameNl">Dutch name as shown to users.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Unit">Unit of the stored values.</param>
/// <param name="Theme">CBS theme (bevolking, wonen, inkomen, …) used to group indicators.</param>
/// <param name="Dimension">Leefbaarometer dimension the indicator informs, if any.</param>
/// <param name="Direction">Whether higher values are better or worse for livability.</param>
/// <param name="Source">Publisher and table, for example "CBS Kerncijfers wijken en buurten".</param>
/// <param name="KwbCode">The short code in CBS's <c>kwb-YYYY</c> files, when there is one.</param>
/// <param name="Range">Plausible values; an imported value outside it is an error (a wrong unit, usually).</param>
public sealed record IndicatorDefinition(
    string Id,
    string NameNl,
    string NameEn,
    IndicatorUnit Unit,
    string Theme,
    LivabilityDimension? Dimension,
    Direction Direction,
    string Source,
    string? KwbCode,
    ValueRange? Range = null)
{
    /// <summary>The name in the user's language (<see cref="Words.InEnglish"/>; Dutch otherwise).</summary>
    public string Name() => Words.InEnglish ? NameEn : NameNl;
}
