namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>
/// When an agreement is late: its status is planned or in progress and the deadline day has passed. The rule is
/// applied when an agreement is read (the effective status) and recorded in its history when its status is next
/// written (<see cref="AgreementWorkflow.ChangeStatus"/>), so nothing has to run at midnight.
/// </summary>
public static class LateRule
{
    /// <summary>The status to show on <paramref name="today"/>: late when open past the deadline, else the stored one.</summary>
    public static AgreementStatus EffectiveStatus(Agreement agreement, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return agreement.Status is AgreementStatus.Planned or AgreementStatus.InProgress && today > agreement.Deadline
            ? AgreementStatus.Late
            : agreement.Status;
    }

    /// <summary>Whole days past the deadline for an agreement that is late on <paramref name="today"/>, else 0.</summary>
    public static int DaysLate(Agreement agreement, DateOnly today) =>
        EffectiveStatus(agreement, today) == AgreementStatus.Late ? Math.Max(0, today.DayNumber - agreement.Deadline.DayNumber) : 0;
}
