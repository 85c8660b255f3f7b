namespace Leefkracht.Wijkaanpak.Tests.Domain;

public sealed class AgreementWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2025, 3, 1);

    [Theory]
    [InlineData(AgreementStatus.Planned, AgreementStatus.InProgress, true)]
    [InlineData(AgreementStatus.Planned, AgreementStatus.Done, true)]
    [InlineData(AgreementStatus.InProgress, AgreementStatus.Planned, false)]
    [InlineData(AgreementStatus.Done, AgreementStatus.InProgress, true)]
    [InlineData(AgreementStatus.Done, AgreementStatus.NotKept, false)]
    [InlineData(AgreementStatus.NotKept, AgreementStatus.InProgress, false)]
    [InlineData(AgreementStatus.Late, AgreementStatus.Done, true)]
    public void IsAllowed_FollowsTheDocumentedTransitions(AgreementStatus from, AgreementStatus to, bool allowed) =>
        AgreementWorkflow.IsAllowed(from, to).ShouldBe(allowed);

    [Fact]
    public void ChangeStatus_BeforeDeadline_RecordsOneEntry()
    {
        var agreement = Given.Agreement(deadline: Today.AddDays(5));

        var outcome = AgreementWorkflow.ChangeStatus(agreement, AgreementStatus.InProgress, Today, Now, 7, " begonnen ");

        outcome.Error.ShouldBeNull();
        outcome.Agreement!.Status.ShouldBe(AgreementStatus.InProgress);
        outcome.History.ShouldBe([new AgreementStatusChange(AgreementStatus.Planned, AgreementStatus.InProgress, Now, 7, "begonnen")]);
    }

    [Fact]
    public void ChangeStatus_AfterDeadline_RecordsTheMissedDeadlineFirst()
    {
        // Given an agreement still planned a week after its deadline
        var agreement = Given.Agreement(deadline: Today.AddDays(-7));

        // When its owner reports it done
        var outcome = AgreementWorkflow.ChangeStatus(agreement, AgreementStatus.Done, Today, Now, 7, null);

        // Then the history says it was late (by the system) before it was done
        outcome.History.Length.ShouldBe(2);
        outcome.History[0].ShouldBe(new AgreementStatusChange(AgreementStatus.Planned, AgreementStatus.Late, Now, null, AgreementStatusChange.DeadlinePassed));
        outcome.History[1].ShouldBe(new AgreementStatusChange(AgreementStatus.Late, AgreementStatus.Done, Now, 7, null));
        outcome.Agreement!.Status.ShouldBe(AgreementStatus.Done);
    }

    [Fact]
    public void ChangeStatus_InProgressAfterDeadline_IsWhatTheAgreementThenShows()
    {
        // Given an agreement still planned a week after its deadline: late
        var agreement = Given.Agreement(deadline: Today.AddDays(-7));
        LateRule.EffectiveStatus(agreement, Today).ShouldBe(AgreementStatus.Late);

        // When its owner sets it in progress
        var outcome = AgreementWorkflow.ChangeStatus(agreement, AgreementStatus.InProgress, Today, Now, 7, null);

        // Then the history keeps the missed deadline, and the agreement shows in progress from then on, also later
        outcome.History.Select(h => h.To).ShouldBe([AgreementStatus.Late, AgreementStatus.InProgress]);
        outcome.Agreement!.StatusSetOn.ShouldBe(Today);
        LateRule.EffectiveStatus(outcome.Agreement, Today).ShouldBe(AgreementStatus.InProgress);
        LateRule.EffectiveStatus(outcome.Agreement, Today.AddDays(30)).ShouldBe(AgreementStatus.InProgress);
    }

    [Fact]
    public void ChangeStatus_ToLate_IsRefused()
    {
        var outcome = AgreementWorkflow.ChangeStatus(Given.Agreement(), AgreementStatus.Late, Today, Now, 7, null);

        outcome.Agreement.ShouldBeNull();
        outcome.Error.ShouldNotBeNull().ShouldContain("deadline");
    }

    [Fact]
    public void ChangeStatus_FromNotKept_IsRefused()
    {
        // The refusal reaches the person who tried, in their language, with the statuses in words
        using (UiLanguage.Dutch())
        {
            AgreementWorkflow.ChangeStatus(Given.Agreement(status: AgreementStatus.NotKept), AgreementStatus.Done, Today, Now, 7, null)
                .Error.ShouldBe("een afspraak die ‘niet nagekomen’ is, kan niet ‘gedaan’ worden");
        }

        using (UiLanguage.English())
        {
            AgreementWorkflow.ChangeStatus(Given.Agreement(status: AgreementStatus.NotKept), AgreementStatus.Done, Today, Now, 7, null)
                .Error.ShouldBe("an agreement that is ‘not kept’ cannot become ‘done’");
        }
    }

    [Theory]
    [InlineData(InitiativeStatus.Submitted, InitiativeStatus.UnderReview, true)]
    [InlineData(InitiativeStatus.Submitted, InitiativeStatus.Accepted, false)]
    [InlineData(InitiativeStatus.Accepted, InitiativeStatus.Done, true)]
    [InlineData(InitiativeStatus.Rejected, InitiativeStatus.UnderReview, false)]
    public void IsAllowed_Initiatives(InitiativeStatus from, InitiativeStatus to, bool allowed) =>
        AgreementWorkflow.IsAllowed(from, to).ShouldBe(allowed);
}
