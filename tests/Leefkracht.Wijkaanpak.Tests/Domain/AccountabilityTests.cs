using static Leefkracht.Wijkaanpak.Tests.Domain.Given;

namespace Leefkracht.Wijkaanpak.Tests.Domain;

public sealed class AccountabilityTests
{
    [Theory]
    [InlineData(40.0, 35.0, 30.0, Movement.TowardTarget)]   // lower is better here: the target is below the start
    [InlineData(40.0, 45.0, 30.0, Movement.AwayFromTarget)]
    [InlineData(40.0, 29.0, 30.0, Movement.Reached)]
    [InlineData(40.0, 40.0, 30.0, Movement.Unchanged)]
    [InlineData(60.0, 65.0, 70.0, Movement.TowardTarget)]   // higher is better
    [InlineData(60.0, 55.0, 70.0, Movement.AwayFromTarget)]
    [InlineData(60.0, 70.0, 70.0, Movement.Reached)]
    public void Classify_DirectionFollowsTheTarget(double baseline, double latest, double target, Movement expected) =>
        IndicatorMovement.Classify(baseline, latest, target).ShouldBe(expected);

    [Fact]
    public void Classify_MissingValue_IsUnknown()
    {
        IndicatorMovement.Classify(null, 3, 5).ShouldBe(Movement.Unknown);
        IndicatorMovement.Classify(3, double.NaN, 5).ShouldBe(Movement.Unknown);
    }

    [Fact]
    public void Baseline_StartYearElseNearestEarlierElseFirstLater()
    {
        YearValue[] series = [new(2019, 1), new(2021, 2), new(2024, 3)];

        IndicatorMovement.Baseline(series, 2021).ShouldBe(new YearValue(2021, 2));
        IndicatorMovement.Baseline(series, 2023).ShouldBe(new YearValue(2021, 2));
        IndicatorMovement.Baseline(series, 2018).ShouldBe(new YearValue(2019, 1));
        IndicatorMovement.Latest(series).ShouldBe(new YearValue(2024, 3));
    }

    [Fact]
    public void Build_ShowsWhatIsLateAndByWhomWithTheIndicatorsMovement()
    {
        // Given two late agreements of the corporation, one open and one done agreement of the gemeente
        var today = new DateOnly(2025, 2, 1);
        var unsafeTarget = new IndicatorTarget("feels_unsafe_pct", 30);
        Agreement[] agreements =
        [
            Agreement(owner: Gemeente, status: AgreementStatus.Done, deadline: new DateOnly(2024, 6, 1)) with { Id = 1 },
            Agreement(owner: Corporatie, deadline: new DateOnly(2025, 1, 1), indicators: unsafeTarget) with { Id = 2 },
            Agreement(owner: Corporatie, status: AgreementStatus.InProgress, deadline: new DateOnly(2024, 12, 1)) with { Id = 3 },
            Agreement(owner: Gemeente, status: AgreementStatus.InProgress, deadline: new DateOnly(2025, 6, 1)) with { Id = 4 },
        ];
        var series = Series(("feels_unsafe_pct", 2022, 41), ("feels_unsafe_pct", 2023, 40), ("feels_unsafe_pct", 2025, 36));

        // When the view is built
        var view = Accountability.Build(Programme(), agreements, series, today);

        // Then the late ones come first, most days late first, and are counted against the corporation
        view.Agreements.Select(a => a.Agreement.Id).ShouldBe([3, 2, 4, 1]);
        view.Agreements[0].DaysLate.ShouldBe(62);
        view.Counts[AgreementStatus.Late].ShouldBe(2);
        view.Counts[AgreementStatus.Done].ShouldBe(1);
        view.LateByParty.ShouldBe([new LateByParty(Corporatie, 2)]);

        // and the linked indicator moved from the start year (2023: 40) toward its target of 30
        var progress = view.Agreements[1].Indicators.ShouldHaveSingleItem();
        progress.Baseline.ShouldBe(new YearValue(2023, 40));
        progress.Latest.ShouldBe(new YearValue(2025, 36));
        progress.Movement.ShouldBe(Movement.TowardTarget);
        view.Goals.ShouldHaveSingleItem().Movement.ShouldBe(Movement.TowardTarget);
    }
}
