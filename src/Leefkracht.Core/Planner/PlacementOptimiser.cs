using Google.OrTools.LinearSolver;

namespace Leefkracht.Core.Planner;

/// <summary>
/// Spreads a year's placements over buurten: the naive plan ("where the vacancies are") and the optimised plan
/// (the lowest worst concentration, then the least disruption), solved as mixed-integer programs with SCIP through
/// Google OR-Tools.
/// </summary>
/// <remarks>
/// <para>
/// Notation per candidate b: households Hᵦ, vulnerable households Vᵦ, the vulnerable share of the inflow a placement
/// displaces ℓᵦ, capacity cᵦ (placements the rules allow), placements pᵦ ∈ {0…cᵦ}; the share after placement is
/// sᵦ(p) = (Vᵦ + (1 − ℓᵦ)p)/Hᵦ = v₀ᵦ + aᵦp.
/// </para>
/// <para>
/// Stage 1 minimises t = max over buurten with pᵦ &gt; 0 of sᵦ(pᵦ), the worst concentration a placement creates:
/// binaries yᵦ (receives placements), pᵦ ≤ cᵦyᵦ, pᵦ ≥ yᵦ, v₀ᵦyᵦ + aᵦpᵦ ≤ t (exact for binary yᵦ: with yᵦ = 0 also
/// pᵦ = 0), Σpᵦ = min(N, Σcᵦ). Buurten that are already concentrated are not counted unless a placement lands
/// there, so the plan is not held hostage by a buurt it leaves alone.
/// </para>
/// <para>
/// Stage 2 keeps t at its optimum t* — each buurt may then take at most uᵦ = max{k ≤ cᵦ : sᵦ(k) ≤ t*} — and
/// minimises the disruption Σ|pᵦ − nᵦ| against the naive plan n (dᵦ ≥ ±(pᵦ − nᵦ)); an integral problem (box
/// constraints and one equality).
/// </para>
/// <para>
/// The only constraints are per-buurt capacities, so the stage-1 optimum also equals the N-th smallest of the
/// placement levels sᵦ(k), k = 1…cᵦ (a greedy "water-filling"); that solution is the solver's starting hint and
/// guards against the solver's feasibility tolerance (1e-6) ever returning a worse plan.
/// </para>
/// </remarks>
public static class PlacementOptimiser
{
    /// <summary>Levels closer than this count as equal.</summary>
    public const double Tolerance = 1e-12;

    /// <summary>The naive plan: placements proportional to social-rent vacancies, capped by capacity, whole numbers by largest remainder.</summary>
    public static PlacementPlan Naive(PlacementProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var naive = ProportionalToVacancies(problem);
        return Evaluate(problem, "vacancies", naive, naive, "rule");
    }

    /// <summary>The optimised plan (two stages, see the remarks of <see cref="PlacementOptimiser"/>).</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="timeLimit">A limit per stage; the best plan found by then is returned with the solver's status.</param>
    public static PlacementPlan Optimise(PlacementProblem problem, TimeSpan? timeLimit = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var naive = ProportionalToVacancies(problem);
        var target = problem.Placeable;
        if (target == 0)
        {
            return Evaluate(problem, "optimised", naive, naive, "nothing to place");
        }

        var greedy = WaterFill(problem, target);
        var (stage1, status1) = SolveStage1(problem, target, greedy, timeLimit);
        var worst = WorstPlaced(problem, stage1);
        var greedyWorst = WorstPlaced(problem, greedy);
        if (greedyWorst < worst - Tolerance)
        {
            // Only the solver's tolerance can make this happen; the greedy level is exact.
            (stage1, worst, status1) = (greedy, greedyWorst, status1 + " (tolerance-corrected)");
        }

        var (stage2, status2) = SolveStage2(problem, target, worst, naive, stage1, timeLimit);
        return Evaluate(problem, "optimised", stage2, naive, status1 == status2 ? status1 : $"{status1}; {status2}");
    }

    /// <summary>A plan's objectives and reasons, given placements per candidate and the naive plan (for the disruption).</summary>
    public static PlacementPlan Evaluate(PlacementProblem problem, string method, IReadOnlyList<int> placements, IReadOnlyList<int> naive, string status)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(placements);
        ArgumentNullException.ThrowIfNull(naive);
        var candidates = problem.Candidates;
        var worstPlaced = WorstPlaced(problem, placements);
        var worst = 0.0;
        var disruption = 0;
        var reasons = new PlacementReason[candidates.Length];
        for (var b = 0; b < candidates.Length; b++)
        {
            var c = candidates[b];
            var p = placements[b];
            worst = Math.Max(worst, c.ShareAfter(p));
            disruption += Math.Abs(p - naive[b]);
            reasons[b] = c.Capacity == 0 ? PlacementReason.NoCapacity
                : p > 0 && c.ShareAfter(p) >= worstPlaced - Tolerance ? PlacementReason.AtWorstLevel
                : p >= c.Capacity ? PlacementReason.AtCapacity
                : p > 0 ? PlacementReason.Placed
                : c.ShareAfter(1) > worstPlaced + Tolerance ? PlacementReason.TooConcentrated
                : PlacementReason.NotNeeded;
        }

        return new PlacementPlan(method, [.. placements], problem.Placements, worstPlaced, worst, disruption, status, [.. reasons]);
    }

    /// <summary>The highest share after placement among candidates that receive any (0 when none do).</summary>
    public static double WorstPlaced(PlacementProblem problem, IReadOnlyList<int> placements)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(placements);
        var worst = 0.0;
        for (var b = 0; b < problem.Candidates.Length; b++)
        {
            if (placements[b] > 0)
            {
                worst = Math.Max(worst, problem.Candidates[b].ShareAfter(placements[b]));
            }
        }

        return worst;
    }

    /// <summary>Placements proportional to vacancies, capped at capacity (overflow redistributed), rounded by largest remainder.</summary>
    public static int[] ProportionalToVacancies(PlacementProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var candidates = problem.Candidates;
        var exact = new double[candidates.Length];
        var open = Enumerable.Range(0, candidates.Length).Where(b => candidates[b].Capacity > 0 && candidates[b].Vacancies > 0).ToHashSet();
        var remaining = (double)problem.Placeable;
        while (open.Count > 0 && remaining > 0)
        {
            var total = open.Sum(b => candidates[b].Vacancies);
            var capped = open.Where(b => remaining * candidates[b].Vacancies / total > candidates[b].Capacity).ToList();
            if (capped.Count == 0)
            {
                foreach (var b in open)
                {
                    exact[b] = remaining * candidates[b].Vacancies / total;
                }

                break;
            }

            foreach (var b in capped)
            {
                exact[b] = candidates[b].Capacity;
                remaining -= candidates[b].Capacity;
                open.Remove(b);
            }
        }

        var whole = exact.Select(x => (int)Math.Floor(x + 1e-9)).ToArray();
        var missing = problem.Placeable - whole.Sum();
        foreach (var b in Enumerable.Range(0, candidates.Length)
            .Where(b => whole[b] < candidates[b].Capacity && candidates[b].Vacancies > 0)
            .OrderByDescending(b => exact[b] - whole[b])
            .ThenByDescending(b => candidates[b].Vacancies)
            .ThenBy(b => b))
        {
            if (missing <= 0)
            {
                break;
            }

            whole[b]++;
            missing--;
        }

        return whole;
    }

    /// <summary>The N smallest placement levels sᵦ(k): optimal for stage 1 under per-buurt capacities only.</summary>
    public static int[] WaterFill(PlacementProblem problem, int placements)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var candidates = problem.Candidates;
        var result = new int[candidates.Length];
        var queue = new PriorityQueue<int, (double Level, int Index)>();
        for (var b = 0; b < candidates.Length; b++)
        {
            if (candidates[b].Capacity > 0)
            {
                queue.Enqueue(b, (candidates[b].ShareAfter(1), b));
            }
        }

        for (var n = 0; n < placements && queue.TryDequeue(out var b, out _); n++)
        {
            result[b]++;
            if (result[b] < candidates[b].Capacity)
            {
                queue.Enqueue(b, (candidates[b].ShareAfter(result[b] + 1), b));
            }
        }

        return result;
    }

    private static (int[] Placements, string Status) SolveStage1(PlacementProblem problem, int target, int[] hint, TimeSpan? timeLimit)
    {
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("the SCIP solver of OR-Tools is not available");
        if (timeLimit is { } limit)
        {
            solver.SetTimeLimit((long)limit.TotalMilliseconds);
        }

        var candidates = problem.Candidates;
        var t = solver.MakeNumVar(0, double.PositiveInfinity, "t");
        var p = new Variable?[candidates.Length];
        var sum = new LinearExpr();
        var hintVariables = new List<Variable>();
        var hintValues = new List<double>();
        for (var b = 0; b < candidates.Length; b++)
        {
            var c = candidates[b];
            if (c.Capacity == 0)
            {
                continue;
            }

            var placed = solver.MakeIntVar(0, c.Capacity, $"p{b}");
            var used = solver.MakeBoolVar($"y{b}");
            p[b] = placed;
            solver.Add(placed <= c.Capacity * used);
            solver.Add(placed >= used);
            solver.Add((c.ShareBefore * used) + (c.RisePerPlacement * placed) <= t);
            sum += placed;
            hintVariables.Add(placed);
            hintValues.Add(hint[b]);
            hintVariables.Add(used);
            hintValues.Add(hint[b] > 0 ? 1 : 0);
        }

        solver.Add(sum == target);
        solver.SetHint([.. hintVariables], [.. hintValues]);
        solver.Minimize(t);
        var status = solver.Solve();
        return (Read(p, status, hint), StatusText(status));
    }

    private static (int[] Placements, string Status) SolveStage2(PlacementProblem problem, int target, double worst, int[] naive, int[] start, TimeSpan? timeLimit)
    {
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("the SCIP solver of OR-Tools is not available");
        if (timeLimit is { } limit)
        {
            solver.SetTimeLimit((long)limit.TotalMilliseconds);
        }

        var candidates = problem.Candidates;
        var p = new Variable?[candidates.Length];
        var sum = new LinearExpr();
        var disruption = new LinearExpr();
        for (var b = 0; b < candidates.Length; b++)
        {
            var c = candidates[b];
            var upper = 0;
            while (upper < c.Capacity && c.ShareAfter(upper + 1) <= worst + Tolerance)
            {
                upper++;
            }

            // A buurt the naive plan uses but that may take nothing now still adds its naive placements to the disruption.
            if (upper == 0)
            {
                disruption += naive[b];
                continue;
            }

            var placed = solver.MakeIntVar(0, upper, $"p{b}");
            var deviation = solver.MakeNumVar(0, double.PositiveInfinity, $"d{b}");
            p[b] = placed;
            solver.Add(deviation >= placed - naive[b]);
            solver.Add(deviation >= naive[b] - placed);
            sum += placed;
            disruption += deviation;
        }

        solver.Add(sum == target);
        solver.Minimize(disruption);
        var status = solver.Solve();
        return (Read(p, status, start), StatusText(status));
    }

    private static int[] Read(Variable?[] p, Solver.ResultStatus status, int[] fallback) =>
        status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE
            ? [.. p.Select(v => v is null ? 0 : (int)Math.Round(v.SolutionValue()))]
            : fallback;

    private static string StatusText(Solver.ResultStatus status) => status switch
    {
        Solver.ResultStatus.OPTIMAL => "optimal",
        Solver.ResultStatus.FEASIBLE => "feasible (time limit)",
        _ => $"solver {status.ToString().ToLowerInvariant()}, starting plan kept",
    };
}
