namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>The signed-in account a decision is about.</summary>
/// <param name="AccountId">The account's id.</param>
/// <param name="Name">The account's display name (for the audit trail).</param>
/// <param name="PartyId">The party the account belongs to.</param>
/// <param name="Role">The account's role.</param>
public sealed record Actor(long AccountId, string Name, long PartyId, Role Role);
