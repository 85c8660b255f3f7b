using Google.OrTools.LinearSolver;
using Leefkracht.Core.Planner;

namespace Leefkracht.Core.Tests.Planner;

/// <summary>
/// The optimiser's two stages as the mixed-integer programs it used to solve with SCIP (through OR-Tools), without
/// the water-filling hint or tolerance correction: an independent reference for the exact algorithms.
/// </summary>
internal static class PlacementMip
{
    /// <summary>SCIP's default feasibility tolerance: the MIP's levels can be off by this much.</summary>
    public const double SolverTolerance = 1e-6;

    /// <summary>
    /// Stage 1: minimise t with binaries y (receives placements), p ≤ cy, p ≥ y, s₀y + ap ≤ t (exact for binary y:
    /// with y = 0 also p = 0), Σp = N.
    /// </summary>
    public static (Solver.ResultStatus Status, double Level, int[] Placements) LowestWorstLevel(PlacementProblem problem, int placements)
    {
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("the SCIP solver of OR-Tools is not available");
        var candidates = problem.Candidates;
        var t = solver.MakeNumVar(0, double.PositiveInfinity, "t");
        var p = new Variable[candidates.Length];
        var sum = new LinearExpr();
        for (var b = 0; b < candidates.Length; b++)
        {
            var c = candidates[b];
            p[b] = solver.MakeIntVar(0, c.Capacity, $"p{b}");
            var used = solver.MakeBoolVar($"y{b}");
            solver.Add(p[b] <= c.Capacity * used);
            solver.Add(p[b] >= used);
            solver.Add((c.ShareBefore * used) + (c.RisePerPlacement * p[b]) <= t);
            sum += p[b];
        }

        solver.Add(sum == placements);
        solver.Minimize(t);
        var status = solver.Solve();
        return status == Solver.ResultStatus.OPTIMAL ? (status, t.SolutionValue(), Read(p)) : (status, double.NaN, []);
    }

    /// <summary>
    /// Stage 2: with every buurt limited to the placements that keep it at or below <paramref name="level"/>,
    /// minimise Σd with d ≥ ±(p − n), Σp = N.
    /// </summary>
    public static (Solver.ResultStatus Status, int Disruption, int[] Placements) LeastDisruption(PlacementProblem problem, int placements, double level, IReadOnlyList<int> naive)
    {
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("the SCIP solver of OR-Tools is not available");
        var candidates = problem.Candidates;
        var p = new Variable[candidates.Length];
        var sum = new LinearExpr();
        var disruption = new LinearExpr();
        for (var b = 0; b < candidates.Length; b++)
        {
            p[b] = solver.MakeIntVar(0, PlacementOptimiser.Room(candidates[b], level), $"p{b}");
            var deviation = solver.MakeNumVar(0, double.PositiveInfinity, $"d{b}");
            solver.Add(deviation >= p[b] - naive[b]);
            solver.Add(deviation >= naive[b] - p[b]);
            sum += p[b];
            disruption += deviation;
        }

        solver.Add(sum == placements);
        solver.Minimize(disruption);
        var status = solver.Solve();
        return status == Solver.ResultStatus.OPTIMAL ? (status, (int)Math.Round(solver.Objective().Value()), Read(p)) : (status, -1, []);
    }

    private static int[] Read(Variable[] p) => [.. p.Select(v => (int)Math.Round(v.SolutionValue()))];
}
