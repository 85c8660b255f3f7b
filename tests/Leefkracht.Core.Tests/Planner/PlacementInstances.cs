using Leefkracht.Core.Areas;
using Leefkracht.Core.Planner;

namespace Leefkracht.Core.Tests.Planner;

/// <summary>Seeded random placement problems and a brute-force enumerator, shared by the optimiser's tests.</summary>
internal static class PlacementInstances
{
    /// <summary>A small random problem: up to five buurten, capacities up to four, up to ten placements.</summary>
    public static PlacementProblem Small(int seed)
    {
        var random = new Random(seed);
        var count = random.Next(1, 6);
        var candidates = Enumerable.Range(0, count).Select(i =>
        {
            var households = random.Next(20, 400);
            var vacancies = random.NextDouble() * 10;
            return Candidate(i, households, households * random.NextDouble() * 0.3, random.NextDouble() * 0.6, vacancies, random.Next(0, 5));
        });
        return new PlacementProblem([.. candidates], random.Next(0, 11));
    }

    /// <summary>
    /// A random problem drawn from few values so that the edge cases occur often: equal buurten (ties), no capacity,
    /// no vacancies, no households, ℓ = 0 and ℓ = 1 (placements that do not raise the share), and more placements
    /// than capacity.
    /// </summary>
    public static PlacementProblem WithEdgeCases(int seed, int maxBuurten, int maxCapacity, int maxPlacements)
    {
        var random = new Random(seed);
        T Pick<T>(params T[] values) => values[random.Next(values.Length)];
        var count = random.Next(1, maxBuurten + 1);
        var candidates = Enumerable.Range(0, count).Select(i =>
        {
            var households = Pick(0.0, 50, 100, 100, 200, random.Next(20, 400));
            var vulnerable = Pick(0.0, 10, 10, 20, households * random.NextDouble() * 0.3);
            var inflow = Pick(0.0, 0.5, 0.5, 1, random.NextDouble() * 0.6);
            var vacancies = Pick(0.0, 5, random.NextDouble() * 10);
            var capacity = Pick(0, random.Next(0, maxCapacity + 1), random.Next(0, maxCapacity + 1));
            return Candidate(i, households, vulnerable, inflow, vacancies, capacity);
        });
        return new PlacementProblem([.. candidates], random.Next(0, maxPlacements + 1));
    }

    /// <summary>A candidate with a generated buurt code (index <paramref name="i"/>).</summary>
    public static PlacementCandidate Candidate(int i, double households, double vulnerable, double inflow, double vacancies, int capacity) =>
        new(new AreaKey(AreaCode.Parse($"BU0001{i:0000}"), 2023), households, vulnerable, inflow, vacancies, capacity);

    /// <summary>Every way to place exactly <paramref name="total"/> within the capacities.</summary>
    public static IEnumerable<int[]> All(PlacementProblem problem, int total)
    {
        var n = problem.Candidates.Length;
        var current = new int[n];
        IEnumerable<int[]> Fill(int b, int left)
        {
            if (b == n)
            {
                if (left == 0)
                {
                    yield return [.. current];
                }

                yield break;
            }

            for (var p = 0; p <= Math.Min(left, problem.Candidates[b].Capacity); p++)
            {
                current[b] = p;
                foreach (var plan in Fill(b + 1, left - p))
                {
                    yield return plan;
                }
            }

            current[b] = 0;
        }

        return Fill(0, total);
    }

    /// <summary>Σ|p − n|.</summary>
    public static int Disruption(IReadOnlyList<int> plan, IReadOnlyList<int> naive) => plan.Zip(naive).Sum(x => Math.Abs(x.First - x.Second));
}
