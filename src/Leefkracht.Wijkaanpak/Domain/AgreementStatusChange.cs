namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>One entry of an agreement's status history.</summary>
/// <param name="From">The status before.</param>
/// <param name="To">The status after.</param>
/// <param name="At">When.</param>
/// <param name="AccountId">Who, or null for the system (the deadline passed).</param>
/// <param name="Comment">Why, if said.</param>
public sealed record AgreementStatusChange(AgreementStatus From, AgreementStatus To, DateTimeOffset At, long? AccountId, string? Comment);
