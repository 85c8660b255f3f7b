namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>A party's participation in a programme, from a date until an optional end date.</summary>
/// <param name="Id">The store's id.</param>
/// <param name="ProgrammeId">The programme.</param>
/// <param name="PartyId">The party.</param>
/// <param name="From">The first day it takes part.</param>
/// <param name="To">The last day it takes part, or null while it does.</param>
/// <param name="Version">The row version.</param>
public sealed record CoalitionMember(long Id, long ProgrammeId, long PartyId, DateOnly From, DateOnly? To, int Version)
{
    /// <summary>Whether the party takes part on <paramref name="day"/>.</summary>
    public bool IsActiveOn(DateOnly day) => From <= day && (To is null || day <= To);
}
