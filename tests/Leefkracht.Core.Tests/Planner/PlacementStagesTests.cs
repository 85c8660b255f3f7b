using Google.OrTools.LinearSolver;
using Leefkracht.Core.Planner;

namespace Leefkracht.Core.Tests.Planner;

/// <summary>
/// The exact stages against independent references on many seeded instances: a threshold search over every
/// candidate level, brute force over every allocation, and the mixed-integer programs solved by SCIP
/// (<see cref="PlacementMip"/>, the optimiser's former implementation). A failure names its seed.
/// </summary>
public sealed class PlacementStagesTests
{
    private const int Instances = 1000;

    [Fact]
    public void LowestWorstLevel_EqualsTheSmallestCandidateLevelThatPassesTheSumTest()
    {
        for (var seed = 0; seed < Instances; seed++)
        {
            // Given: up to 30 buurten, capacities up to 20
            var problem = PlacementInstances.WithEdgeCases(seed, 30, 20, 200);
            var n = problem.Placeable;

            // When
            var level = PlacementOptimiser.LowestWorstLevel(problem, n);

            // Then: the first level, in increasing order of all sᵦ(k), at which Σ #{k : sᵦ(k) ≤ t} reaches N
            var candidates = problem.Candidates;
            var levels = candidates.SelectMany(c => Enumerable.Range(1, c.Capacity).Select(c.ShareAfter)).Distinct().Order();
            var expected = n == 0 ? 0 : levels.First(t => candidates.Sum(c => Enumerable.Range(1, c.Capacity).Count(k => c.ShareAfter(k) <= t)) >= n);
            level.ShouldBe(expected, $"seed {seed}");
            candidates.Sum(c => PlacementOptimiser.Room(c, level)).ShouldBeGreaterThanOrEqualTo(n, $"seed {seed}");
        }
    }

    [Fact]
    public void BothStages_SmallInstances_MatchBruteForce()
    {
        for (var seed = 0; seed < Instances; seed++)
        {
            // Given: up to five buurten, capacities up to four, up to twelve placements (sometimes more than fit)
            var problem = PlacementInstances.WithEdgeCases(seed, 5, 4, 12);
            var n = problem.Placeable;
            var naive = PlacementOptimiser.ProportionalToVacancies(problem);
            var all = PlacementInstances.All(problem, n).ToList();

            // When
            var level = PlacementOptimiser.LowestWorstLevel(problem, n);
            var plan = PlacementOptimiser.LeastDisruption(problem, n, level, naive);

            // Then: the lowest worst level of all allocations (the same doubles), and the least disruption under it
            var best = all.Min(p => PlacementOptimiser.WorstPlaced(problem, p));
            level.ShouldBe(best, $"seed {seed}");
            var underBest = all.Where(p => PlacementOptimiser.WorstPlaced(problem, p) <= best + PlacementOptimiser.Tolerance).ToList();
            PlacementInstances.Disruption(plan, naive).ShouldBe(underBest.Min(p => PlacementInstances.Disruption(p, naive)), $"seed {seed}");
            underBest.ShouldContain(p => p.SequenceEqual(plan), $"seed {seed}");
        }
    }

    [Fact]
    public void LeastDisruption_AnyReferencePlan_MatchesBruteForce()
    {
        for (var seed = 0; seed < Instances; seed++)
        {
            // Given: a reference plan that may place fewer or more than N (both directions of the repair)
            var problem = PlacementInstances.WithEdgeCases(seed, 5, 4, 12);
            var n = problem.Placeable;
            var random = new Random(seed);
            var reference = problem.Candidates.Select(_ => random.Next(0, 6)).ToArray();
            var level = PlacementOptimiser.LowestWorstLevel(problem, n);

            // When
            var plan = PlacementOptimiser.LeastDisruption(problem, n, level, reference);

            // Then
            var underLevel = PlacementInstances.All(problem, n).Where(p => PlacementOptimiser.WorstPlaced(problem, p) <= level + PlacementOptimiser.Tolerance);
            PlacementInstances.Disruption(plan, reference).ShouldBe(underLevel.Min(p => PlacementInstances.Disruption(p, reference)), $"seed {seed}");
            plan.Sum().ShouldBe(n, $"seed {seed}");
            PlacementOptimiser.WorstPlaced(problem, plan).ShouldBeLessThanOrEqualTo(level + PlacementOptimiser.Tolerance, $"seed {seed}");
        }
    }

    [Fact]
    public void BothStages_MatchThePureMipFormulation()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            // Given: up to twelve buurten, capacities up to eight
            var problem = PlacementInstances.WithEdgeCases(seed, 12, 8, 60);
            var n = problem.Placeable;
            var naive = PlacementOptimiser.ProportionalToVacancies(problem);

            // When
            var level = PlacementOptimiser.LowestWorstLevel(problem, n);
            var plan = PlacementOptimiser.LeastDisruption(problem, n, level, naive);
            var (status1, mipLevel, mipPlan) = PlacementMip.LowestWorstLevel(problem, n);
            var (status2, mipDisruption, _) = PlacementMip.LeastDisruption(problem, n, level, naive);

            // Then: SCIP finds the same level (up to its feasibility tolerance) and no integer plan beats the exact one
            status1.ShouldBe(Solver.ResultStatus.OPTIMAL, $"seed {seed}");
            mipLevel.ShouldBe(level, PlacementMip.SolverTolerance, $"seed {seed}");
            PlacementOptimiser.WorstPlaced(problem, mipPlan).ShouldBeGreaterThanOrEqualTo(level, $"seed {seed}");
            PlacementOptimiser.WorstPlaced(problem, mipPlan).ShouldBe(level, PlacementMip.SolverTolerance, $"seed {seed}");
            status2.ShouldBe(Solver.ResultStatus.OPTIMAL, $"seed {seed}");
            PlacementInstances.Disruption(plan, naive).ShouldBe(mipDisruption, $"seed {seed}");
        }
    }

    [Fact]
    public void Optimise_IdenticalBuurten_SpreadsEvenlyAndPicksTheSamePlanEveryTime()
    {
        // Given: four equal buurten (every level ties) and a naive plan that already spreads evenly
        var problem = new PlacementProblem([.. Enumerable.Range(0, 4).Select(i => PlacementInstances.Candidate(i, 100, 10, 0.5, 4, 3))], 6);

        // When
        var first = PlacementOptimiser.Optimise(problem);
        var second = PlacementOptimiser.Optimise(problem);

        // Then: two buurten take two, two take one; the naive plan is already optimal, so nothing is disrupted
        first.Placements.Order().ShouldBe([1, 1, 2, 2]);
        first.WorstPlacedShare.ShouldBe((10 + (0.5 * 2)) / 100.0);
        first.Disruption.ShouldBe(0);
        second.Placements.ShouldBe(first.Placements);
    }

    [Fact]
    public void Optimise_InvalidInputs_ThrowsOneErrorNamingEveryProblem()
    {
        // Given: a negative capacity (no allocation exists; SCIP calls it infeasible), ℓ above 1, and NaN households
        var problem = new PlacementProblem(
            [
                PlacementInstances.Candidate(0, 100, 10, 0.2, 4, -1),
                PlacementInstances.Candidate(1, 100, 10, 1.5, 4, 2),
                PlacementInstances.Candidate(2, double.NaN, 10, 0.2, 4, 2),
            ],
            -3);

        // When
        var error = Should.Throw<ArgumentException>(() => PlacementOptimiser.Optimise(problem));

        // Then
        error.Message.ShouldBe(
            """
            invalid placement problem:
            placements: -3 is negative
            BU00010000: capacity -1 is negative
            BU00010001: inflow vulnerable share 1.5 is outside [0, 1]
            BU00010002: households NaN, vulnerable 10 and vacancies 4 must be finite
            """.ReplaceLineEndings(Environment.NewLine));
        Should.Throw<ArgumentException>(() => PlacementOptimiser.Naive(problem));
        PlacementMip.LowestWorstLevel(problem with { Placements = 1, Candidates = [problem.Candidates[0]] }, 1).Status.ShouldBe(Solver.ResultStatus.INFEASIBLE);
    }

    [Fact]
    public void Stages_AskedForTheImpossible_ThrowClearly()
    {
        // Given: room for three placements; at the level of the first placement only one fits
        var problem = new PlacementProblem([PlacementInstances.Candidate(0, 100, 10, 0.2, 4, 2), PlacementInstances.Candidate(1, 200, 10, 0.2, 4, 1)], 3);
        var level = PlacementOptimiser.LowestWorstLevel(problem, 1);

        // Then
        Should.Throw<ArgumentOutOfRangeException>(() => PlacementOptimiser.LowestWorstLevel(problem, 4));
        Should.Throw<ArgumentException>(() => PlacementOptimiser.LeastDisruption(problem, 3, level, [0, 0])).Message.ShouldStartWith("3 placements do not fit under the level");
    }
}
