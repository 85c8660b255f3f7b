namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>One entry of an agreement's status history.</summary>
/// <param name="From">The status before.</param>
/// <param name="To">The status after.</param>
/// <param name="At">When.</param>
/// <param name="AccountId">Who, or null for the system (the deadline passed).</param>
/// <param name="Comment">
/// Why, if said: a person's own words, or for the system's entry the language-neutral <see cref="DeadlinePassed"/>,
/// which readers word in their language (<see cref="WorkflowText.HistoryComment"/>).
/// </param>
public sealed record AgreementStatusChange(AgreementStatus From, AgreementStatus To, DateTimeOffset At, long? AccountId, string? Comment)
{
    /// <summary>The code the system stores as its comment when it marks an agreement late: the deadline passed.</summary>
    public const string DeadlinePassed = "deadline_passed";

    /// <summary>What stores written before the code held instead of <see cref="DeadlinePassed"/>: English words.</summary>
    public const string DeadlinePassedBeforeCodes = "deadline passed";

    /// <summary>Whether this is the system's late mark.</summary>
    public bool IsDeadlinePassed => AccountId is null && Comment == DeadlinePassed;

    /// <summary>
    /// The entry as a store reads it: the system's English comment of older stores becomes the code, so every reader
    /// sees one form (read-side, no migration: the stored rows stay as they were written).
    /// </summary>
    public static AgreementStatusChange Read(AgreementStatus from, AgreementStatus to, DateTimeOffset at, long? accountId, string? comment) =>
        new(from, to, at, accountId, accountId is null && comment == DeadlinePassedBeforeCodes ? DeadlinePassed : comment);
}
