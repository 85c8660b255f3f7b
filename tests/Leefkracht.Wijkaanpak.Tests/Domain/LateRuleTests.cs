namespace Leefkracht.Wijkaanpak.Tests.Domain;

public sealed class LateRuleTests
{
    private static readonly DateOnly Deadline = new(2024, 12, 31);

    [Theory]
    [InlineData(AgreementStatus.Planned)]
    [InlineData(AgreementStatus.InProgress)]
    public void EffectiveStatus_OpenAgreementAfterDeadline_IsLate(AgreementStatus status)
    {
        var agreement = Given.Agreement(status: status, deadline: Deadline);

        LateRule.EffectiveStatus(agreement, Deadline).ShouldBe(status, "the deadline day itself is not late");
        LateRule.EffectiveStatus(agreement, Deadline.AddDays(1)).ShouldBe(AgreementStatus.Late);
        LateRule.DaysLate(agreement, Deadline.AddDays(10)).ShouldBe(10);
    }

    [Theory]
    [InlineData(AgreementStatus.Done)]
    [InlineData(AgreementStatus.NotKept)]
    public void EffectiveStatus_ClosedAgreementAfterDeadline_StaysAsItIs(AgreementStatus status)
    {
        var agreement = Given.Agreement(status: status, deadline: Deadline);

        LateRule.EffectiveStatus(agreement, Deadline.AddDays(30)).ShouldBe(status);
        LateRule.DaysLate(agreement, Deadline.AddDays(30)).ShouldBe(0);
    }

    [Fact]
    public void EffectiveStatus_StatusSetByAPersonAfterTheDeadline_EndsLate_ButTheDeadlineStillShows()
    {
        // Given an agreement set in progress on its deadline day (nobody acted after it) and the same agreement set in
        // progress the day after
        var setOnDeadline = Given.Agreement(status: AgreementStatus.InProgress, deadline: Deadline) with { StatusSetOn = Deadline };
        var setAfter = setOnDeadline with { StatusSetOn = Deadline.AddDays(1) };
        var today = Deadline.AddDays(10);

        // Then the first is late (the system's status), the second shows what its owner chose, not late
        LateRule.EffectiveStatus(setOnDeadline, today).ShouldBe(AgreementStatus.Late);
        LateRule.EffectiveStatus(setAfter, today).ShouldBe(AgreementStatus.InProgress);
        LateRule.DaysLate(setAfter, today).ShouldBe(0);

        // And both still say the deadline has passed, which neither says on the deadline day itself
        LateRule.DeadlinePassed(setOnDeadline, today).ShouldBeTrue();
        LateRule.DeadlinePassed(setAfter, today).ShouldBeTrue();
        LateRule.DeadlinePassed(setAfter, Deadline).ShouldBeFalse();
    }

    [Fact]
    public void EffectiveStatus_DeadlineMovedPastTheLastChange_IsLateAgainWhenTheNewDeadlinePasses()
    {
        // Given an agreement set in progress after its first deadline, whose deadline was then moved a month on
        var moved = Given.Agreement(status: AgreementStatus.InProgress, deadline: Deadline.AddDays(31)) with { StatusSetOn = Deadline.AddDays(1) };

        // Then it is in progress until the new deadline, and late once that passes without anyone acting
        LateRule.EffectiveStatus(moved, Deadline.AddDays(31)).ShouldBe(AgreementStatus.InProgress);
        LateRule.EffectiveStatus(moved, Deadline.AddDays(32)).ShouldBe(AgreementStatus.Late);
    }

    [Theory]
    [InlineData(AgreementStatus.Done)]
    [InlineData(AgreementStatus.NotKept)]
    public void DeadlinePassed_FinishedAgreement_IsNotSaid(AgreementStatus status) =>
        LateRule.DeadlinePassed(Given.Agreement(status: status, deadline: Deadline), Deadline.AddDays(30)).ShouldBeFalse();
}
