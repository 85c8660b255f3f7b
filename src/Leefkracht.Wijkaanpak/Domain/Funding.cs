namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>A funding stream: money a party puts into a programme.</summary>
/// <param name="Id">The store's id.</param>
/// <param name="ProgrammeId">The programme.</param>
/// <param name="FunderPartyId">The party that pays.</param>
/// <param name="AmountCents">The amount in euro cents (whole numbers: money is never a double).</param>
/// <param name="From">The first day of the period.</param>
/// <param name="To">The last day of the period.</param>
/// <param name="Purpose">What it pays for.</param>
/// <param name="Version">The row version.</param>
public sealed record Funding(long Id, long ProgrammeId, long FunderPartyId, long AmountCents, DateOnly From, DateOnly To, string Purpose, int Version);
