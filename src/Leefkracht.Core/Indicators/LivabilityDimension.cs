namespace Leefkracht.Core.Indicators;

/// <summary>The five dimensions of the Leefbaarometer 3.0 (Leidelmeijer et al., 2022).</summary>
public enum LivabilityDimension
{
    /// <summary>Woningvoorraad: the housing stock.</summary>
    Woningvoorraad,

    /// <summary>Fysieke omgeving: the physical environment.</summary>
    FysiekeOmgeving,

    /// <summary>Voorzieningen: amenities.</summary>
    Voorzieningen,

    /// <summary>Sociale samenhang: social cohesion.</summary>
    SocialeSamenhang,

    /// <summary>Overlast en onveiligheid: nuisance and insecurity.</summary>
    OverlastEnOnveiligheid,
}
