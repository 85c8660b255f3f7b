namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>
/// When an agreement is late: the status the system gives an agreement that is planned or in progress, whose deadline
/// day has passed, and whose status nobody has set since that deadline. The badge shows what a person chose: once the
/// owner sets a status after the deadline (say "in progress"), that status shows and the system's "late" ends; the
/// passed deadline stays visible as a separate fact (<see cref="DeadlinePassed"/>). The rule is applied when an
/// agreement is read (the effective status) and recorded in its history when its status is next written
/// (<see cref="AgreementWorkflow.ChangeStatus"/>), so nothing has to run at midnight.
/// </summary>
public static class LateRule
{
    /// <summary>
    /// The status to show on <paramref name="today"/>: late when open past the deadline and nobody has set the status
    /// since the deadline day, else the stored one.
    /// </summary>
    public static AgreementStatus EffectiveStatus(Agreement agreement, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var actedSinceDeadline = agreement.StatusSetOn is { } setOn && setOn > agreement.Deadline;
        return agreement.Status is AgreementStatus.Planned or AgreementStatus.InProgress && today > agreement.Deadline && !actedSinceDeadline
            ? AgreementStatus.Late
            : agreement.Status;
    }

    /// <summary>
    /// Whether the deadline day lies behind <paramref name="today"/> for an agreement that is not finished (neither done
    /// nor not kept): shown beside whatever status it has, quieter than the "late" badge.
    /// </summary>
    public static bool DeadlinePassed(Agreement agreement, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return today > agreement.Deadline && agreement.Status is not (AgreementStatus.Done or AgreementStatus.NotKept);
    }

    /// <summary>Whole days past the deadline for an agreement that is late on <paramref name="today"/>, else 0.</summary>
    public static int DaysLate(Agreement agreement, DateOnly today) =>
        EffectiveStatus(agreement, today) == AgreementStatus.Late ? Math.Max(0, today.DayNumber - agreement.Deadline.DayNumber) : 0;
}
