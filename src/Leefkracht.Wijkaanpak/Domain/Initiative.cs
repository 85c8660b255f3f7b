namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>An initiative residents submit to a programme.</summary>
/// <param name="Id">The store's id.</param>
/// <param name="ProgrammeId">The programme.</param>
/// <param name="Title">A short title.</param>
/// <param name="Description">What is proposed.</param>
/// <param name="SubmittedBy">The account that submitted it.</param>
/// <param name="SubmittedAt">When.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Note">The programme's note on the last status change.</param>
/// <param name="Version">The row version.</param>
public sealed record Initiative(long Id, long ProgrammeId, string Title, string Description, long SubmittedBy, DateTimeOffset SubmittedAt, InitiativeStatus Status, string? Note, int Version);
