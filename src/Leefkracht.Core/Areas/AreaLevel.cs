namespace Leefkracht.Core.Areas;

/// <summary>
/// The levels of the CBS regional division (gebiedsindeling), from coarse to fine.
/// </summary>
public enum AreaLevel
{
    /// <summary>The whole country (code <c>NL00</c>).</summary>
    Land = 0,

    /// <summary>A municipality, code <c>GM</c> + 4 digits.</summary>
    Gemeente = 1,

    /// <summary>A district, code <c>WK</c> + gemeente (4) + wijk (2).</summary>
    Wijk = 2,

    /// <summary>A neighbourhood, code <c>BU</c> + gemeente (4) + wijk (2) + buurt (2).</summary>
    Buurt = 3,
}
