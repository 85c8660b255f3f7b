namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>The kind of organisation a party is.</summary>
public enum PartyType
{
    /// <summary>The municipality.</summary>
    Gemeente,

    /// <summary>A housing corporation.</summary>
    Corporatie,

    /// <summary>A care organisation.</summary>
    Zorg,

    /// <summary>A welfare organisation.</summary>
    Welzijn,

    /// <summary>The police.</summary>
    Politie,

    /// <summary>Residents (a residents' platform or association).</summary>
    Bewoners,
}
