namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>An organisation that takes part in programmes.</summary>
/// <param name="Id">The store's id.</param>
/// <param name="Name">The organisation's name.</param>
/// <param name="Type">Its kind.</param>
public sealed record Party(long Id, string Name, PartyType Type);
