using Leefkracht.Core.Text;

namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>
/// Why a status change is refused, in the user's language (WorkflowText.resx, Dutch; WorkflowText.en.resx): the
/// refusals reach the person who tried the change, through the API's problem details.
/// </summary>
public static class WorkflowText
{
    private static readonly Words Words = new(typeof(WorkflowText));

    /// <summary>"Late" was chosen: it only follows from the clock.</summary>
    public static string LateCannotBeChosen => Words["LateCannotBeChosen"];

    /// <summary>An agreement may not go from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static string AgreementCannotBecome(AgreementStatus from, AgreementStatus to) =>
        Words.Format("AgreementCannotBecome", Words["Agreement." + from.Code()], Words["Agreement." + to.Code()]);

    /// <summary>The comment of a history entry to show: the system's late mark in words, a person's comment as written.</summary>
    public static string? HistoryComment(AgreementStatusChange change) =>
        change?.IsDeadlinePassed == true ? Words["DeadlinePassed"] : change?.Comment;

    /// <summary>An initiative may not go from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static string InitiativeCannotBecome(InitiativeStatus from, InitiativeStatus to) =>
        Words.Format("InitiativeCannotBecome", Words["Initiative." + from.Code()], Words["Initiative." + to.Code()]);
}
