namespace Leefkracht.Core.Planner;

/// <summary>
/// Spreads a year's placements over buurten: the naive plan ("where the vacancies are") and the optimised plan
/// (the lowest worst concentration, then the least disruption), both stages solved exactly by combinatorial
/// algorithms that exploit the problem's only constraints (per-buurt capacities and one total).
/// </summary>
/// <remarks>
/// <para>
/// Notation per candidate b: households Hᵦ, vulnerable households Vᵦ, the vulnerable share of the inflow a placement
/// displaces ℓᵦ ∈ [0, 1], capacity cᵦ (placements the rules allow), placements pᵦ ∈ {0…cᵦ}; the share after
/// placement is sᵦ(p) = (Vᵦ + (1 − ℓᵦ)p)/Hᵦ, non-decreasing in p. N = min(placements, Σcᵦ) are placed.
/// </para>
/// <para>
/// Stage 1 minimises t = max over buurten with pᵦ &gt; 0 of sᵦ(pᵦ), the worst concentration a placement creates.
/// Buurten that are already concentrated are not counted unless a placement lands there, so the plan is not held
/// hostage by a buurt it leaves alone. Because sᵦ rises with p, a plan has worst level ≤ t exactly when every buurt
/// takes at most uᵦ(t) = #{k ∈ 1…cᵦ : sᵦ(k) ≤ t}, so t is attainable exactly when Σuᵦ(t) ≥ N (a sum test). The
/// optimum t* is the smallest such t, which is one of the finitely many candidate levels sᵦ(k) — the N-th smallest
/// of them. <see cref="LowestWorstLevel"/> finds it by a threshold search in sorted order ("water-filling": take the
/// lowest next level of any buurt, N times), in O((B + N) log B), with the same floating-point levels the plan is
/// judged by (no solver tolerance).
/// </para>
/// <para>
/// Stage 2 keeps the worst level at t* — each buurt may then take at most uᵦ = uᵦ(t*) — and minimises the
/// disruption Σ|pᵦ − nᵦ| against the naive plan n. Clamp first: qᵦ = min(nᵦ, uᵦ). For every feasible pᵦ ∈ [0, uᵦ],
/// |pᵦ − nᵦ| = |qᵦ − nᵦ| + |pᵦ − qᵦ| (either qᵦ = nᵦ, or qᵦ = uᵦ &lt; nᵦ and pᵦ ≤ uᵦ), so the disruption is at
/// least Σ|qᵦ − nᵦ| + |N − Σqᵦ|, and <see cref="LeastDisruption"/> attains that bound by only adding to (or only
/// taking from) q until the total is N — possible because Σuᵦ ≥ N. Among the equally disruptive plans it adds where
/// the resulting level is lowest (and takes where it is highest), index as the last tie-break.
/// </para>
/// <para>
/// Why no solver: both stages used to be mixed-integer programs solved by SCIP through OR-Tools, stage 1 with binaries
/// yᵦ (pᵦ ≤ cᵦyᵦ, pᵦ ≥ yᵦ, v₀ᵦyᵦ + aᵦpᵦ ≤ t). Its LP relaxation is weak, so SCIP spent ~12 s of the national
/// problem proving optimality even with the water-filling plan as its starting hint; a bound would not remove that
/// proof, the argument above is the proof. The threshold search is also exact where SCIP is only within its 1e-6
/// feasibility tolerance. The tests keep that formulation (<c>PlacementMip</c>) and check both stages against it and
/// against brute force. Floating point: correctly rounded arithmetic is monotone, so the computed sᵦ(k) rise with k
/// as the exact ones do; stage 2 treats levels within <see cref="Tolerance"/> of t* as equal, as before.
/// </para>
/// </remarks>
public static class PlacementOptimiser
{
    /// <summary>Levels closer than this count as equal (rounding: the same share reached along different sums).</summary>
    public const double Tolerance = 1e-12;

    /// <summary>The naive plan: placements proportional to social-rent vacancies, capped by capacity, whole numbers by largest remainder.</summary>
    /// <exception cref="ArgumentException">The problem is not valid (see <see cref="PlacementProblem.Validate"/>).</exception>
    public static PlacementPlan Naive(PlacementProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.Validate();
        var naive = ProportionalToVacancies(problem);
        return Evaluate(problem, "vacancies", naive, naive, "rule");
    }

    /// <summary>The optimised plan (two exact stages, see the remarks of <see cref="PlacementOptimiser"/>).</summary>
    /// <exception cref="ArgumentException">The problem is not valid (see <see cref="PlacementProblem.Validate"/>).</exception>
    public static PlacementPlan Optimise(PlacementProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.Validate();
        var naive = ProportionalToVacancies(problem);
        var target = problem.Placeable;
        if (target == 0)
        {
            return Evaluate(problem, "optimised", naive, naive, "nothing to place");
        }

        var level = LowestWorstLevel(problem, target);
        var plan = LeastDisruption(problem, target, level, naive);
        return Evaluate(problem, "optimised", plan, naive, "optimal");
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

    /// <summary>The N smallest placement levels sᵦ(k), taken in increasing order: a plan with the lowest worst level (stage 1).</summary>
    public static int[] WaterFill(PlacementProblem problem, int placements)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return WaterFill(problem, placements, out _);
    }

    /// <summary>
    /// Stage 1: the lowest worst level t* at which <paramref name="placements"/> fit — the smallest candidate level
    /// sᵦ(k) with Σ <see cref="Room"/>(t) ≥ N, i.e. the N-th smallest candidate level (0 when nothing is placed).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">More placements than the total capacity.</exception>
    public static double LowestWorstLevel(PlacementProblem problem, int placements)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentOutOfRangeException.ThrowIfNegative(placements);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(placements, problem.TotalCapacity);
        WaterFill(problem, placements, out var level);
        return level;
    }

    /// <summary>uᵦ(t): how many placements a candidate can take while its share stays at or below <paramref name="level"/> (within <see cref="Tolerance"/>), at most its capacity.</summary>
    public static int Room(PlacementCandidate candidate, double level)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var room = 0;
        while (room < candidate.Capacity && candidate.ShareAfter(room + 1) <= level + Tolerance)
        {
            room++;
        }

        return room;
    }

    /// <summary>
    /// Stage 2: among the plans of <paramref name="placements"/> whose worst level is at most <paramref name="level"/>,
    /// one with the least disruption Σ|pᵦ − nᵦ| against <paramref name="naive"/> (proof in the remarks of
    /// <see cref="PlacementOptimiser"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The placements do not fit under the level.</exception>
    public static int[] LeastDisruption(PlacementProblem problem, int placements, double level, IReadOnlyList<int> naive)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(naive);
        var candidates = problem.Candidates;
        var room = candidates.Select(c => Room(c, level)).ToArray();
        if (room.Sum() < placements)
        {
            throw new ArgumentException($"{placements} placements do not fit under the level {level:R} ({room.Sum()} do)", nameof(level));
        }

        var plan = new int[candidates.Length];
        for (var b = 0; b < candidates.Length; b++)
        {
            plan[b] = Math.Clamp(naive[b], 0, room[b]);
        }

        var missing = placements - plan.Sum();
        if (missing > 0)
        {
            // Each added placement costs one unit of disruption wherever it goes: fill the lowest levels first.
            var queue = new PriorityQueue<int, (double Level, int Index)>();
            for (var b = 0; b < candidates.Length; b++)
            {
                if (plan[b] < room[b])
                {
                    queue.Enqueue(b, (candidates[b].ShareAfter(plan[b] + 1), b));
                }
            }

            for (; missing > 0 && queue.TryDequeue(out var b, out _); missing--)
            {
                plan[b]++;
                if (plan[b] < room[b])
                {
                    queue.Enqueue(b, (candidates[b].ShareAfter(plan[b] + 1), b));
                }
            }
        }
        else if (missing < 0)
        {
            // Only when the naive plan places more than N (rounding): take from the highest levels first.
            var queue = new PriorityQueue<int, (double Level, int Index)>(Comparer<(double Level, int Index)>.Create((x, y) => y.CompareTo(x)));
            for (var b = 0; b < candidates.Length; b++)
            {
                if (plan[b] > 0)
                {
                    queue.Enqueue(b, (candidates[b].ShareAfter(plan[b]), b));
                }
            }

            for (; missing < 0 && queue.TryDequeue(out var b, out _); missing++)
            {
                plan[b]--;
                if (plan[b] > 0)
                {
                    queue.Enqueue(b, (candidates[b].ShareAfter(plan[b]), b));
                }
            }
        }

        return plan;
    }

    private static int[] WaterFill(PlacementProblem problem, int placements, out double level)
    {
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

        // A buurt's levels rise with its placements, so the queue yields all candidate levels in increasing order.
        level = 0;
        for (var n = 0; n < placements && queue.TryDequeue(out var b, out var next); n++)
        {
            result[b]++;
            level = Math.Max(level, next.Level);
            if (result[b] < candidates[b].Capacity)
            {
                queue.Enqueue(b, (candidates[b].ShareAfter(result[b] + 1), b));
            }
        }

        return result;
    }
}
