using System.Collections.Immutable;
using System.Globalization;
using Leefkracht.Core.Areas;
using Leefkracht.Core.Statistics;

namespace Leefkracht.Core.Planner;

/// <summary>A buurt at the end of a projected year (or at the start, for the base year).</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Composition">Dwellings and households.</param>
/// <param name="Placed">Households of target groups placed this year.</param>
/// <param name="Refused">Placements asked for that the rules or the vacancies did not allow.</param>
/// <param name="SocialVacancies">Social-rent vacancies this year.</param>
/// <param name="Movers">Households that moved out this year (turnover; demolitions not included).</param>
public sealed record BuurtYear(int Year, BuurtComposition Composition, double Placed, double Refused, double SocialVacancies, double Movers);

/// <summary>One buurt through the years; <c>Years[0]</c> is the base year.</summary>
/// <param name="Seed">Where it started.</param>
/// <param name="LettingLevel">k: the buurt's vulnerable share of inflow is min(1, rₛ·k) per segment s.</param>
/// <param name="Years">The base year and every projected year.</param>
public sealed record BuurtTrajectory(BuurtSeed Seed, double LettingLevel, ImmutableArray<BuurtYear> Years);

/// <summary>How one programme's placements were spread in one year.</summary>
/// <param name="Year">The year.</param>
/// <param name="Programme">Index of the programme in the scenario.</param>
/// <param name="Group">Its target group.</param>
/// <param name="Problem">The buurten, their state and capacity.</param>
/// <param name="Plan">The plan used.</param>
/// <param name="Naive">The naive plan for comparison.</param>
public sealed record AllocationRecord(int Year, int Programme, HouseholdGroup Group, PlacementProblem Problem, PlacementPlan Plan, PlacementPlan Naive);

/// <summary>A projected scenario in expected values.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Buurten">Every buurt's trajectory, in seed order.</param>
/// <param name="Allocations">The placement plans of every year and programme.</param>
public sealed record ProjectionResult(Scenario Scenario, ImmutableArray<BuurtTrajectory> Buurten, ImmutableArray<AllocationRecord> Allocations)
{
    /// <summary>The calendar years, base year first.</summary>
    public IReadOnlyList<int> Years => [.. Enumerable.Range(Scenario.BaseYear, Scenario.Years + 1)];
}

/// <summary>
/// The yearly projection of composition: stock changes, turnover, placements and who moves into the vacancies,
/// as expected values or as a seeded simulation.
/// </summary>
/// <remarks>
/// <para>
/// Start (year 0): households per segment Hₛ = ρ·Sₛ with ρ = households / dwellings; the buurt's vulnerable
/// households V are split over segments as Hₛ·min(1, rₛk), with k solved so that the parts add up to V (rₛ =
/// <see cref="PlannerParameters.RelativeVulnerability"/>). The vulnerable share of each segment's inflow is the same
/// min(1, rₛk): without interventions the buurt stays where it is in expectation (its letting pattern persists).
/// With <see cref="PlannerParameters.InflowFeedback"/> η &gt; 0 the inflow share becomes min(1, rₛk·(vₜ/v₀)^η).
/// </para>
/// <para>
/// Each year: (1) stock changes take effect (demolished households leave; converted and sold dwellings keep their
/// sitting households; new dwellings add ρ·n empty places); (2) placements are spread (explicitly, over the
/// vacancies or by the optimiser); (3) in every segment a share mₛ of each group moves out; (4) the vacancies
/// (movers plus new places) are let: in social rent placements first, up to the rules' capacity, then the rest with
/// vulnerable share ℓ = min(1, r·k)·(1 − priority), capped so that placements and vulnerable inflow together stay
/// within the maximum vulnerable inflow share; other segments with their own inflow share.
/// Households always equal ρ × dwellings in expectation: the vacancies are refilled, so only the mix changes.
/// </para>
/// <para>
/// The simulation draws movers and inflow binomially (households are whole) on one random stream per buurt and
/// replicate, <c>SeededRandom.For(seed, code × 10⁶ + replicate)</c>: a buurt's draws do not depend on which
/// thread ran it or on the other buurten. The placement plans are fixed in advance from the expected projection
/// (a plan is agreed before the year starts); the realised vacancies can refuse part of them.
/// </para>
/// </remarks>
public static class Projection
{
    private const int Social = (int)Segment.SocialRent;
    private const int G = PlannerDimensions.Groups;
    private const int S = PlannerDimensions.Segments;

    /// <summary>Projects a scenario in expected values.</summary>
    public static ProjectionResult Run(IReadOnlyList<BuurtSeed> seeds, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(scenario);
        var engine = new Engine(seeds, scenario, null, null);
        var trajectories = engine.Run();
        return new ProjectionResult(scenario, trajectories, [.. engine.Allocations]);
    }

    /// <summary>
    /// Simulates <paramref name="replicates"/> seeded runs of a scenario with the placement plans of its expected
    /// projection; replicate r of any buurt depends only on the seed, the buurt and r.
    /// </summary>
    public static IReadOnlyList<ImmutableArray<BuurtTrajectory>> Simulate(IReadOnlyList<BuurtSeed> seeds, ProjectionResult expected, ulong seed, int replicates)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(replicates);
        var results = new ImmutableArray<BuurtTrajectory>[replicates];
        Parallel.For(0, replicates, r =>
        {
            var random = seeds.Select(s => SeededRandom.For(seed, StreamOf(s.Area.Code, r))).ToArray();
            results[r] = new Engine(seeds, expected.Scenario, random, expected.Allocations).Run();
        });
        return results;
    }

    /// <summary>The random stream of a buurt in a replicate: its code's digits × 10⁶ + the replicate.</summary>
    public static ulong StreamOf(AreaCode code, int replicate)
    {
        var digits = ulong.Parse(code.Value.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture);
        return (digits * 1_000_000UL) + (ulong)replicate;
    }

    /// <summary>The base-year composition of a seed and its letting level k.</summary>
    public static (BuurtComposition Composition, double LettingLevel) Initial(BuurtSeed seed, PlannerParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(parameters);
        var rho = seed.Occupancy;
        var inSegment = seed.Dwellings.Select(d => d * rho).ToArray();
        var r = parameters.RelativeVulnerability;
        double VulnerableAt(double k) => inSegment.Select((h, s) => h * Math.Min(1, r[s] * k)).Sum();

        // V(k) rises monotonically from 0 to the households of segments with r > 0 (reached at k = 1 / min r).
        var high = 1 / r.Where(x => x > 0).Min();
        var target = Math.Min(seed.VulnerableHouseholds, VulnerableAt(high));
        var low = 0.0;
        for (var i = 0; i < 100 && high - low > 1e-15; i++)
        {
            var mid = (low + high) / 2;
            if (VulnerableAt(mid) < target)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        var k = (low + high) / 2;
        var households = new double[S * G];
        for (var s = 0; s < S; s++)
        {
            var vulnerable = inSegment[s] * Math.Min(1, r[s] * k);
            households[(s * G) + (int)HouseholdGroup.Vulnerable] = vulnerable;
            households[(s * G) + (int)HouseholdGroup.Other] = inSegment[s] - vulnerable;
        }

        return (new BuurtComposition(seed.Dwellings, [.. households]), k);
    }

    /// <summary>The state of all buurten during one run (expected or one simulated replicate).</summary>
    private sealed class Engine
    {
        private readonly IReadOnlyList<BuurtSeed> _seeds;
        private readonly Scenario _scenario;
        private readonly PlannerParameters _p;
        private readonly SeededRandom[]? _random;
        private readonly ImmutableArray<AllocationRecord>? _fixedPlans;
        private readonly Dictionary<AreaCode, int> _index;
        private readonly double[] _stock;
        private readonly double[] _households;
        private readonly double[] _rho;
        private readonly double[] _letting;
        private readonly double[] _startShare;

        public Engine(IReadOnlyList<BuurtSeed> seeds, Scenario scenario, SeededRandom[]? random, ImmutableArray<AllocationRecord>? fixedPlans)
        {
            _seeds = seeds;
            _scenario = scenario;
            _p = scenario.Parameters;
            _random = random;
            _fixedPlans = fixedPlans;
            _index = seeds.Select((s, i) => (s.Area.Code, i)).ToDictionary(x => x.Code, x => x.i);
            _stock = new double[seeds.Count * S];
            _households = new double[seeds.Count * S * G];
            _rho = new double[seeds.Count];
            _letting = new double[seeds.Count];
            _startShare = new double[seeds.Count];
            for (var b = 0; b < seeds.Count; b++)
            {
                var (composition, k) = Initial(seeds[b], _p);
                composition.Dwellings.CopyTo(_stock, b * S);
                for (var i = 0; i < S * G; i++)
                {
                    _households[(b * S * G) + i] = Stochastic ? Math.Round(composition.Households[i]) : composition.Households[i];
                }

                _rho[b] = seeds[b].Occupancy;
                _letting[b] = k;
                _startShare[b] = Snapshot(b).VulnerableShare;
            }
        }

        public List<AllocationRecord> Allocations { get; } = [];

        private bool Stochastic => _random is not null;

        public ImmutableArray<BuurtTrajectory> Run()
        {
            var n = _seeds.Count;
            var years = Enumerable.Range(0, n).Select(b => new List<BuurtYear> { new(_scenario.BaseYear, Snapshot(b), 0, 0, 0, 0) }).ToArray();
            var changes = _scenario.StockChanges.Where(c => _index.ContainsKey(c.Buurt)).ToLookup(c => c.Year);
            var newPlaces = new double[n * S];
            var placements = new double[n * G];
            for (var year = _scenario.BaseYear + 1; year <= _scenario.BaseYear + _scenario.Years; year++)
            {
                Array.Clear(newPlaces);
                Array.Clear(placements);
                foreach (var change in changes[year].OrderBy(c => c.Kind == StockChangeKind.Build))
                {
                    Apply(change, newPlaces);
                }

                Allocate(year, newPlaces, placements);
                for (var b = 0; b < n; b++)
                {
                    years[b].Add(Step(b, year, newPlaces, placements));
                }
            }

            return [.. Enumerable.Range(0, n).Select(b => new BuurtTrajectory(_seeds[b], _letting[b], [.. years[b]]))];
        }

        private BuurtComposition Snapshot(int b) =>
            new([.. _stock.AsSpan(b * S, S)], [.. _households.AsSpan(b * S * G, S * G)]);

        private ref double H(int b, int segment, int group) => ref _households[(b * S * G) + (segment * G) + group];

        private double InSegment(int b, int segment)
        {
            var total = 0.0;
            for (var g = 0; g < G; g++)
            {
                total += H(b, segment, g);
            }

            return total;
        }

        private double Share(int b)
        {
            double all = 0, other = 0;
            for (var s = 0; s < S; s++)
            {
                all += InSegment(b, s);
                other += H(b, s, (int)HouseholdGroup.Other);
            }

            return all > 0 ? (all - other) / all : 0;
        }

        /// <summary>The vulnerable share of a segment's inflow: min(1, rₛ·k·(vₜ/v₀)^η).</summary>
        private double InflowShare(int b, int segment)
        {
            var feedback = _p.InflowFeedback > 0 && _startShare[b] > 0 ? Math.Pow(Share(b) / _startShare[b], _p.InflowFeedback) : 1.0;
            return Math.Min(1, _p.RelativeVulnerability[segment] * _letting[b] * feedback);
        }

        private void Apply(StockChange change, double[] newPlaces)
        {
            var b = _index[change.Buurt];
            var from = (int)change.Segment;
            ref var stock = ref _stock[(b * S) + from];
            if (change.Kind == StockChangeKind.Build)
            {
                stock += change.Dwellings;
                newPlaces[(b * S) + from] += Whole(change.Dwellings * _rho[b]);
                return;
            }

            var dwellings = Math.Min(change.Dwellings, stock);
            if (dwellings <= 0)
            {
                return;
            }

            // The households living in the dwellings concerned: the segment's mix, in proportion.
            var leaving = Split(b, from, Whole(InSegment(b, from) * dwellings / stock));
            stock -= dwellings;
            for (var g = 0; g < G; g++)
            {
                H(b, from, g) -= leaving[g];
                if (change.Kind != StockChangeKind.Demolish)
                {
                    H(b, (int)change.To, g) += leaving[g];
                }
            }

            if (change.Kind != StockChangeKind.Demolish)
            {
                _stock[(b * S) + (int)change.To] += dwellings;
            }
        }

        private void Allocate(int year, double[] newPlaces, double[] placements)
        {
            var rules = _scenario.Rules;
            var placedThisYear = new double[_seeds.Count];
            for (var i = 0; i < _scenario.Placements.Length; i++)
            {
                var programme = _scenario.Placements[i];
                if (!programme.IsActive(year))
                {
                    continue;
                }

                if (programme.Method == AllocationMethod.Explicit)
                {
                    foreach (var (code, count) in programme.Explicit)
                    {
                        if (_index.TryGetValue(code, out var b))
                        {
                            placements[(b * G) + (int)programme.Group] += count;
                            placedThisYear[b] += count;
                        }
                    }

                    continue;
                }

                PlacementPlan plan;
                PlacementProblem problem;
                if (_fixedPlans is { } plans)
                {
                    var record = plans.First(a => a.Year == year && a.Programme == i);
                    (problem, plan) = (record.Problem, record.Plan);
                }
                else
                {
                    problem = Problem(programme, newPlaces, placedThisYear, rules);
                    var naive = PlacementOptimiser.Naive(problem);
                    plan = programme.Method == AllocationMethod.Optimised ? PlacementOptimiser.Optimise(problem) : naive;
                    Allocations.Add(new AllocationRecord(year, i, programme.Group, problem, plan, naive));
                }

                for (var c = 0; c < problem.Candidates.Length; c++)
                {
                    var b = _index[problem.Candidates[c].Area.Code];
                    placements[(b * G) + (int)programme.Group] += plan.Placements[c];
                    placedThisYear[b] += plan.Placements[c];
                }
            }
        }

        private PlacementProblem Problem(PlacementProgramme programme, double[] newPlaces, double[] placedThisYear, AllocationRules rules)
        {
            var candidates = ImmutableArray.CreateBuilder<PlacementCandidate>();
            foreach (var code in programme.Pool)
            {
                if (!_index.TryGetValue(code, out var b))
                {
                    continue;
                }

                var households = 0.0;
                for (var s = 0; s < S; s++)
                {
                    households += InSegment(b, s);
                }

                var inflow = InflowShare(b, Social) * (1 - rules.PriorityShare);
                var vulnerable = (Share(b) * households) + ((1 - inflow) * placedThisYear[b]);
                var vacancies = (_p.Turnover[Social] * InSegment(b, Social)) + newPlaces[(b * S) + Social];
                var capacity = Math.Max(0, rules.CapacityOf(vacancies) - (int)Math.Ceiling(placedThisYear[b] - 1e-9));
                string? excluded = null;
                if (rules.ExcludeAboveShare is { } limit && households > 0 && vulnerable / households >= limit)
                {
                    excluded = string.Create(CultureInfo.InvariantCulture, $"vulnerable share {vulnerable / households:P1} ≥ {limit:P1}");
                    capacity = 0;
                }

                candidates.Add(new PlacementCandidate(_seeds[b].Area, households, vulnerable, inflow, vacancies, capacity, excluded));
            }

            return new PlacementProblem(candidates.ToImmutable(), programme.PerYear);
        }

        private BuurtYear Step(int b, int year, double[] newPlaces, double[] placements)
        {
            var rules = _scenario.Rules;
            var inflow = new double[S];
            for (var s = 0; s < S; s++)
            {
                inflow[s] = InflowShare(b, s);
            }

            // Turnover: a share mₛ of every group moves out; their places and the new ones are this year's vacancies.
            var vacancies = new double[S];
            var movers = 0.0;
            for (var s = 0; s < S; s++)
            {
                for (var g = 0; g < G; g++)
                {
                    var moving = Take(b, H(b, s, g), _p.Turnover[s]);
                    H(b, s, g) -= moving;
                    vacancies[s] += moving;
                }

                movers += vacancies[s];
                vacancies[s] += newPlaces[(b * S) + s];
            }

            // Social rent: placements first, within the rules' capacity; then the regular inflow.
            var socialVacancies = vacancies[Social];
            var wanted = 0.0;
            foreach (var group in PlannerDimensions.TargetGroups)
            {
                wanted += placements[(b * G) + (int)group];
            }

            var room = Stochastic ? rules.CapacityOf(socialVacancies) : Math.Min(rules.MaxPlacementShare, rules.MaxVulnerableInflowShare) * socialVacancies;
            var placed = Math.Min(wanted, room);
            var left = placed;
            foreach (var group in PlannerDimensions.TargetGroups)
            {
                var asked = placements[(b * G) + (int)group];
                var share = Stochastic ? Math.Min(asked, left) : (wanted > 0 ? asked * placed / wanted : 0);
                H(b, Social, (int)group) += share;
                left -= share;
            }

            var regular = socialVacancies - placed;
            var vulnerableLimit = Math.Max(0, (rules.MaxVulnerableInflowShare * socialVacancies) - placed);
            var vulnerable = Math.Min(Take(b, regular, inflow[Social] * (1 - rules.PriorityShare)), Stochastic ? Math.Floor(vulnerableLimit + 1e-9) : vulnerableLimit);
            H(b, Social, (int)HouseholdGroup.Vulnerable) += vulnerable;
            H(b, Social, (int)HouseholdGroup.Other) += regular - vulnerable;
            for (var s = 0; s < S; s++)
            {
                if (s == Social)
                {
                    continue;
                }

                var v = Take(b, vacancies[s], inflow[s]);
                H(b, s, (int)HouseholdGroup.Vulnerable) += v;
                H(b, s, (int)HouseholdGroup.Other) += vacancies[s] - v;
            }

            return new BuurtYear(year, Snapshot(b), placed, wanted - placed, socialVacancies, movers);
        }

        /// <summary>n·p in expectation; a binomial draw in a simulation.</summary>
        private double Take(int b, double n, double p) =>
            _random is { } random ? Draws.Binomial((long)Math.Round(n), p, ref random[b]) : n * p;

        private double Whole(double x) => Stochastic ? Math.Round(x) : x;

        /// <summary>Divides n households of a segment over its groups in proportion (multinomially in a simulation).</summary>
        private double[] Split(int b, int segment, double n)
        {
            var parts = new double[G];
            var total = InSegment(b, segment);
            if (total <= 0)
            {
                return parts;
            }

            n = Math.Min(n, total);
            for (var g = 0; g < G && n > 0; g++)
            {
                var h = H(b, segment, g);
                var part = Math.Min(h, total <= h ? n : Take(b, n, h / total));
                parts[g] = part;
                n -= part;
                total -= h;
            }

            // Independent draws can leave a few households over (or ask the last group for more than it has): fill up in group order.
            for (var g = 0; g < G && n > 0; g++)
            {
                var extra = Math.Min(n, H(b, segment, g) - parts[g]);
                parts[g] += extra;
                n -= extra;
            }

            return parts;
        }
    }
}
