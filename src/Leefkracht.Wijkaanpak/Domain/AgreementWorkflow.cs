using System.Collections.Immutable;

namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>The outcome of a status change: the agreement and the history entries to record, or why not.</summary>
/// <param name="Agreement">The agreement with its new stored status (null when refused).</param>
/// <param name="History">The entries to append, oldest first.</param>
/// <param name="Error">Why the change is refused, or null.</param>
public sealed record StatusChangeOutcome(Agreement? Agreement, ImmutableArray<AgreementStatusChange> History, string? Error);

/// <summary>Which status changes are allowed, for agreements and initiatives.</summary>
/// <remarks>
/// Agreements: planned → in progress, done, not kept; in progress → done, not kept; late → in progress, done, not
/// kept; done → in progress (reopened); not kept is final. Late is never chosen: it follows from the clock.
/// Initiatives: submitted → under review, rejected; under review → accepted, rejected; accepted → done.
/// </remarks>
public static class AgreementWorkflow
{
    private static readonly Dictionary<AgreementStatus, AgreementStatus[]> AgreementMoves = new()
    {
        [AgreementStatus.Planned] = [AgreementStatus.InProgress, AgreementStatus.Done, AgreementStatus.NotKept],
        [AgreementStatus.InProgress] = [AgreementStatus.Done, AgreementStatus.NotKept],
        [AgreementStatus.Late] = [AgreementStatus.InProgress, AgreementStatus.Done, AgreementStatus.NotKept],
        [AgreementStatus.Done] = [AgreementStatus.InProgress],
        [AgreementStatus.NotKept] = [],
    };

    private static readonly Dictionary<InitiativeStatus, InitiativeStatus[]> InitiativeMoves = new()
    {
        [InitiativeStatus.Submitted] = [InitiativeStatus.UnderReview, InitiativeStatus.Rejected],
        [InitiativeStatus.UnderReview] = [InitiativeStatus.Accepted, InitiativeStatus.Rejected],
        [InitiativeStatus.Accepted] = [InitiativeStatus.Done],
        [InitiativeStatus.Rejected] = [],
        [InitiativeStatus.Done] = [],
    };

    /// <summary>Whether an agreement may go from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool IsAllowed(AgreementStatus from, AgreementStatus to) => AgreementMoves[from].Contains(to);

    /// <summary>Whether an initiative may go from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool IsAllowed(InitiativeStatus from, InitiativeStatus to) => InitiativeMoves[from].Contains(to);

    /// <summary>
    /// Changes an agreement's status on <paramref name="today"/>. When the agreement has become late since its
    /// status was last written, the history first gets a system entry (no account) "… → late" at
    /// <paramref name="now"/>, so the missed deadline stays on record whatever follows.
    /// </summary>
    public static StatusChangeOutcome ChangeStatus(Agreement agreement, AgreementStatus to, DateOnly today, DateTimeOffset now, long? accountId, string? comment)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var effective = LateRule.EffectiveStatus(agreement, today);
        if (to == AgreementStatus.Late)
        {
            return new StatusChangeOutcome(null, [], WorkflowText.LateCannotBeChosen);
        }

        if (!IsAllowed(effective, to))
        {
            return new StatusChangeOutcome(null, [], WorkflowText.AgreementCannotBecome(effective, to));
        }

        var history = ImmutableArray.CreateBuilder<AgreementStatusChange>();
        if (effective != agreement.Status)
        {
            history.Add(new AgreementStatusChange(agreement.Status, effective, now, null, AgreementStatusChange.DeadlinePassed));
        }

        history.Add(new AgreementStatusChange(effective, to, now, accountId, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()));
        return new StatusChangeOutcome(agreement with { Status = to, StatusSetOn = today }, history.ToImmutable(), null);
    }
}
