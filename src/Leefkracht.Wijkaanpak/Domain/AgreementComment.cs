namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>A comment on an agreement (appended, never edited).</summary>
/// <param name="Id">The store's id.</param>
/// <param name="AgreementId">The agreement.</param>
/// <param name="AccountId">Who wrote it.</param>
/// <param name="PartyId">The party the writer belonged to then.</param>
/// <param name="Text">The comment.</param>
/// <param name="At">When.</param>
public sealed record AgreementComment(long Id, long AgreementId, long AccountId, long PartyId, string Text, DateTimeOffset At);
