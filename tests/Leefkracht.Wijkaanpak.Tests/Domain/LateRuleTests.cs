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
}
