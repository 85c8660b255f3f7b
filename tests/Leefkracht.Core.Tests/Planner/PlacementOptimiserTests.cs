using Leefkracht.Core.Areas;
using Leefkracht.Core.Planner;

namespace Leefkracht.Core.Tests.Planner;

public sealed class PlacementOptimiserTests
{
    [FsCheck.Xunit.Property(MaxTest = 150)]
    public void Optimise_SmallInstances_MatchesBruteForceOnBothObjectives(int seed)
    {
        // Given
        var problem = PlacementInstances.Small(seed);
        var naive = PlacementOptimiser.ProportionalToVacancies(problem);

        // When
        var plan = PlacementOptimiser.Optimise(problem);

        // Then: the lowest worst level over all allocations, and among those the least disruption
        var all = PlacementInstances.All(problem, problem.Placeable).ToList();
        all.ShouldNotBeEmpty();
        var best = all.Min(p => PlacementOptimiser.WorstPlaced(problem, p));
        plan.WorstPlacedShare.ShouldBe(best, 1e-9);
        var leastDisruption = all.Where(p => PlacementOptimiser.WorstPlaced(problem, p) <= best + 1e-12).Min(p => PlacementInstances.Disruption(p, naive));
        plan.Disruption.ShouldBe(leastDisruption);
        plan.Placed.ShouldBe(problem.Placeable);
        plan.Placements.Zip(problem.Candidates).ShouldAllBe(x => x.First >= 0 && x.First <= x.Second.Capacity);
    }

    [FsCheck.Xunit.Property(MaxTest = 150)]
    public void Optimise_NeverWorseThanTheNaivePlan(int seed)
    {
        var problem = PlacementInstances.Small(seed);

        var naive = PlacementOptimiser.Naive(problem);
        var plan = PlacementOptimiser.Optimise(problem);

        naive.Placed.ShouldBe(problem.Placeable);
        plan.WorstPlacedShare.ShouldBeLessThanOrEqualTo(naive.WorstPlacedShare + 1e-12);
        PlacementOptimiser.WorstPlaced(problem, PlacementOptimiser.WaterFill(problem, problem.Placeable)).ShouldBe(plan.WorstPlacedShare, 1e-9);
    }

    [Fact]
    public void Optimise_AvoidsTheConcentratedBuurtTheNaivePlanFills()
    {
        // Given: a buurt with many vacancies and 30 % vulnerable households, and two calmer buurten with room
        PlacementCandidate Candidate(string code, double households, double vulnerable, double vacancies, int capacity) =>
            new(new AreaKey(AreaCode.Parse(code), 2023), households, vulnerable, 0.2, vacancies, capacity);
        var problem = new PlacementProblem(
            [Candidate("BU00010001", 1000, 300, 80, 40), Candidate("BU00010002", 1000, 50, 10, 5), Candidate("BU00010003", 2000, 100, 20, 10)],
            15);

        // When
        var naive = PlacementOptimiser.Naive(problem);
        var plan = PlacementOptimiser.Optimise(problem);

        // Then: the naive plan puts most where the vacancies are; the optimiser uses the calm buurten first
        naive.Placements.ShouldBe([11, 1, 3]);
        plan.Placements.ShouldBe([0, 5, 10]);
        plan.WorstPlacedShare.ShouldBe((50 + (0.8 * 5)) / 1000.0, 1e-12);
        plan.Reasons[0].ShouldBe(PlacementReason.TooConcentrated);
        plan.Reasons[1].ShouldBe(PlacementReason.AtWorstLevel);
        plan.Disruption.ShouldBe(22);
        naive.WorstPlacedShare.ShouldBe((300 + (0.8 * 11)) / 1000.0, 1e-12);
    }

    [Fact]
    public void Optimise_TooLittleCapacity_PlacesWhatFitsAndReportsTheRest()
    {
        var problem = new PlacementProblem([new PlacementCandidate(new AreaKey(AreaCode.Parse("BU00010001"), 2023), 100, 10, 0.1, 4, 2)], 5);

        var plan = PlacementOptimiser.Optimise(problem);

        plan.Placed.ShouldBe(2);
        plan.Refused.ShouldBe(3);
    }
}
