using System.Collections.Immutable;

namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>What permission decisions about a programme need: the programme and its coalition over time.</summary>
/// <param name="Programme">The programme.</param>
/// <param name="Coalition">Every membership, current and ended.</param>
public sealed record ProgrammeAccess(Programme Programme, ImmutableArray<CoalitionMember> Coalition)
{
    /// <summary>Whether the party takes part on <paramref name="day"/>.</summary>
    public bool IsActiveMember(long partyId, DateOnly day) => Coalition.Any(m => m.PartyId == partyId && m.IsActiveOn(day));

    /// <summary>Whether the party takes part now or took part before (a party that left still sees what it agreed to).</summary>
    public bool IsMember(long partyId, DateOnly day) => Coalition.Any(m => m.PartyId == partyId && m.From <= day);
}
