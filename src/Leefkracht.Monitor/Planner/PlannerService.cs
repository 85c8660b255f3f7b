using System.Collections.Immutable;
using Leefkracht.Core.Planner;
using Leefkracht.Data.Documents;
using Leefkracht.Data.Storage;
using Leefkracht.Monitor.Monitoring;

namespace Leefkracht.Monitor.Planner;

/// <summary>Options of a scenario run.</summary>
/// <param name="Years">Overrides the scenario's number of years.</param>
/// <param name="Seed">With a seed, a seeded simulation adds spreads.</param>
/// <param name="Replicates">Simulated replicates.</param>
public sealed record RunOptions(int? Years = null, ulong? Seed = null, int Replicates = 200);

/// <summary>
/// The shell around the pure planner: resolves a scenario file against the store (areas, the "weakest" buurten,
/// seeds), projects it, and puts the monitor's resilience index on every projected year. The CLI and the web page
/// both go through here; every result is a what-if, not a forecast.
/// </summary>
public sealed class PlannerService
{
    private readonly IMonitorStore _store;
    private readonly MonitorService _monitor;
    private readonly Func<int, CancellationToken, Task<ResilienceYear>> _resilience;

    /// <summary>Creates the service over a store.</summary>
    /// <param name="store">The store.</param>
    /// <param name="resilience">
    /// Where a base year's resilience (national reference, default model) comes from; by default it is computed.
    /// The web app passes its cache: the year is the same for every run, and preparing it is most of a run's work.
    /// </param>
    public PlannerService(IMonitorStore store, Func<int, CancellationToken, Task<ResilienceYear>>? resilience = null)
    {
        _store = store;
        _monitor = new MonitorService(store);
        _resilience = resilience ?? ((year, cancellationToken) => _monitor.ResilienceAsync(year, ResilienceModel.Default, ReferenceChoice.National, cancellationToken));
    }

    /// <summary>Projects a scenario (and simulates it when a seed is given).</summary>
    /// <exception cref="DocumentException">The scenario does not fit the data (unknown buurten, …); every problem with its JSON path.</exception>
    public async Task<ScenarioRun> RunAsync(ScenarioSpec spec, RunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new RunOptions();
        if (options.Years is { } years)
        {
            spec = spec with { Years = years };
        }

        var resolved = await ResolveAsync(spec, cancellationToken).ConfigureAwait(false);
        var projection = Projection.Run(resolved.Seeds, resolved.Scenario);
        IReadOnlyList<ImmutableArray<BuurtTrajectory>> replicates = options.Seed is { } seed
            ? Projection.Simulate(resolved.Seeds, projection, seed, options.Replicates)
            : [];
        return Report(spec, resolved, projection, replicates, options.Seed);
    }

    /// <summary>
    /// One year's placements over the buurten of gemeenten, naive against optimised, on the state of
    /// <paramref name="year"/> (default: the latest year with tenure figures for their buurten).
    /// </summary>
    public async Task<OptimisationRun> OptimiseAsync(
        IReadOnlyList<AreaCode> gemeenten, int placements, AllocationRules rules, int? year = null, PlannerParameters? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gemeenten);
        ArgumentNullException.ThrowIfNull(rules);
        var baseYear = year ?? await BaseYearAsync(gemeenten, cancellationToken).ConfigureAwait(false)
            ?? throw new DocumentException(ScenarioWords.Problem("$", "Data.NoBaseYear", string.Join(", ", gemeenten)).Message);
        var spec = new ScenarioSpec(
            "optimise", string.Empty, baseYear, 1, [.. gemeenten], [], parameters ?? PlannerParameters.Default, rules, [],
            [new PlacementSpec(HouseholdGroup.Statushouder, placements, AllocationMethod.Optimised, baseYear + 1, baseYear + 1, new BuurtSelector([], null, "$"), ImmutableDictionary<AreaCode, int>.Empty, "--placements")]);
        var resolved = await ResolveAsync(spec, cancellationToken).ConfigureAwait(false);
        var record = Projection.Run(resolved.Seeds, resolved.Scenario).Allocations.Single();
        var rows = record.Problem.Candidates.Select((c, i) => new PlacementRow(
            c.Area.Code.Value,
            resolved.Names.GetValueOrDefault(c.Area.Code),
            c.Households,
            c.Vacancies,
            c.Capacity,
            c.ShareBefore,
            record.Naive.Placements[i],
            c.ShareAfter(record.Naive.Placements[i]),
            record.Plan.Placements[i],
            c.ShareAfter(record.Plan.Placements[i]),
            PlannerDimensions.JsonName(record.Plan.Reasons[i]),
            c.Excluded)).ToList();
        return new OptimisationRun(baseYear, [.. gemeenten.Select(g => g.Value)], placements, record.Naive, record.Plan, rows, PlannerText.Explain(record, resolved.Names));
    }

    /// <summary>
    /// The base year to plan gemeenten from: the latest year in which at least half of their buurten have tenure
    /// figures, else the latest year with any of their buurten; null when none has.
    /// </summary>
    public async Task<int?> BaseYearAsync(IReadOnlyList<AreaCode> gemeenten, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gemeenten);
        var fallback = (int?)null;
        foreach (var period in await _monitor.PeriodsAsync(cancellationToken).ConfigureAwait(false))
        {
            var table = await _store.LoadPeriodAsync(period, AreaLevel.Buurt, cancellationToken).ConfigureAwait(false);
            var rows = table.Areas.Select((a, i) => (a, i)).Where(x => x.a.Code.Gemeente is { } g && gemeenten.Contains(g)).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            fallback ??= period;
            var owner = table.Column("dwellings_owner_occupied_pct").ToArray();
            if (rows.Count(x => !double.IsNaN(owner[x.i])) * 2 >= rows.Count)
            {
                return period;
            }
        }

        return fallback;
    }

    private sealed record Resolved(
        Scenario Scenario,
        IReadOnlyList<BuurtSeed> Seeds,
        IndicatorTable Table,
        ResilienceYear Resilience,
        IReadOnlyDictionary<AreaCode, string?> Names,
        IReadOnlyList<string> Skipped);

    private async Task<Resolved> ResolveAsync(ScenarioSpec spec, CancellationToken cancellationToken)
    {
        var errors = new DocumentChecks();
        var resilience = await _resilience(spec.BaseYear, cancellationToken).ConfigureAwait(false);
        var table = resilience.Prepared.Table;
        var buurtRows = table.Areas.Where(a => a.Code.Level == AreaLevel.Buurt).ToList();
        var scope = new List<AreaKey>();
        for (var i = 0; i < spec.Gemeenten.Length; i++)
        {
            var inGemeente = buurtRows.Where(a => a.Code.Gemeente == spec.Gemeenten[i]).ToList();
            if (inGemeente.Count == 0)
            {
                errors.Add(ScenarioWords.Problem($"$.area.gemeenten[{i}]", "Data.GemeenteWithoutBuurten", spec.Gemeenten[i], spec.BaseYear));
            }

            scope.AddRange(inGemeente);
        }

        for (var i = 0; i < spec.Buurten.Length; i++)
        {
            var found = buurtRows.Where(a => a.Code == spec.Buurten[i]).ToList();
            if (found.Count == 0)
            {
                errors.Add(ScenarioWords.Problem($"$.area.buurten[{i}]", "Data.BuurtWithoutData", spec.Buurten[i], spec.BaseYear));
            }

            scope.AddRange(found.Where(f => !scope.Contains(f)));
        }

        var (seeds, skipped) = PlannerSeeding.FromTable(table, scope.OrderBy(a => a.Code).ThenByDescending(a => a.Year).DistinctBy(a => a.Code), spec.Parameters);
        var inScope = seeds.Select(s => s.Area.Code).ToHashSet();
        var scores = resilience.Scores.Where(s => inScope.Contains(s.Area.Code) && s.Score is not null).OrderBy(s => s.Score).Select(s => s.Area.Code).ToList();

        ImmutableArray<AreaCode> Select(BuurtSelector where)
        {
            if (where.Weakest is { } n)
            {
                if (scores.Count < n)
                {
                    errors.Add(ScenarioWords.Problem($"{where.Path}.weakest", "Data.TooFewScores", scores.Count, spec.BaseYear));
                }

                return [.. scores.Take(n)];
            }

            if (where.IsWholeArea)
            {
                return [.. seeds.Select(s => s.Area.Code)];
            }

            for (var i = 0; i < where.Buurten.Length; i++)
            {
                if (!inScope.Contains(where.Buurten[i]))
                {
                    errors.Add(ScenarioWords.Problem($"{where.Path}.buurten[{i}]", "Data.NotInArea", where.Buurten[i]));
                }
            }

            return where.Buurten;
        }

        var changes = new List<StockChange>();
        foreach (var change in spec.Stock)
        {
            var buurten = Select(change.Where);
            var perBuurt = SplitEvenly(change.Dwellings, buurten.Length);
            for (var b = 0; b < buurten.Length; b++)
            {
                var perYear = SplitEvenly(perBuurt[b], change.OverYears);
                for (var y = 0; y < change.OverYears; y++)
                {
                    if (perYear[y] > 0)
                    {
                        changes.Add(new StockChange(change.Kind, buurten[b], change.Year + y, change.Segment, change.To, perYear[y]));
                    }
                }
            }
        }

        var programmes = new List<PlacementProgramme>();
        foreach (var placement in spec.Placements)
        {
            foreach (var code in placement.Explicit.Keys.Where(c => !inScope.Contains(c)))
            {
                errors.Add(ScenarioWords.Problem($"{placement.Path}.explicit.{code}", "Data.ExplicitNotInArea"));
            }

            programmes.Add(new PlacementProgramme(placement.Group, placement.PerYear, placement.FromYear, placement.ToYear, placement.Method, Select(placement.Pool), placement.Explicit));
        }

        if (seeds.Count == 0 && !errors.Any)
        {
            errors.Add(ScenarioWords.Problem("$.area", "Data.NoHouseholds", spec.BaseYear));
        }

        errors.ThrowIfAny(ScenarioWords.DoesNotFit(spec.Name));

        var gemeenten = seeds.Select(s => s.Area.Code.Gemeente).OfType<AreaCode>().ToHashSet();
        var names = (await _store.LoadAreasAsync(new AreaQuery(Year: spec.BaseYear), cancellationToken).ConfigureAwait(false))
            .Where(a => inScope.Contains(a.Code) || gemeenten.Contains(a.Code))
            .GroupBy(a => a.Code)
            .ToDictionary(g => g.Key, g => g.First().Name);

        // Resilience is computed on the scope's rows only (with their gemeenten, for the location quotients): the same scores, less work.
        var scopeTable = table.Where(a => inScope.Contains(a.Code) || (a.Code.Level != AreaLevel.Buurt && a.Code.Gemeente is { } g && gemeenten.Contains(g)));
        var scenario = new Scenario(spec.Name, spec.BaseYear, spec.Years, spec.Parameters, [.. changes], [.. programmes], spec.Rules);
        return new Resolved(scenario, seeds, scopeTable, resilience, names, [.. skipped.Select(s => $"{s.Area.Code}: {s.Reason}")]);
    }

    /// <summary>n split into k whole parts that differ by at most one (the first parts get the remainder).</summary>
    public static int[] SplitEvenly(int n, int k) =>
        k <= 0 ? [] : [.. Enumerable.Range(0, k).Select(i => (n / k) + (i < n % k ? 1 : 0))];

    private static ScenarioRun Report(ScenarioSpec spec, Resolved resolved, ProjectionResult projection, IReadOnlyList<ImmutableArray<BuurtTrajectory>> replicates, ulong? seed)
    {
        var parameters = resolved.Scenario.Parameters;
        var model = resolved.Resilience.Model;
        var reference = resolved.Resilience.Reference;
        var yearCount = resolved.Scenario.Years + 1;
        var scored = resolved.Table.Areas.Any(a => a.Code.Level == AreaLevel.Buurt) && reference.Moments.Count > 0;

        Dictionary<AreaCode, ResilienceScore> Resilience(IReadOnlyList<BuurtTrajectory> buurten, int t)
        {
            var table = ProjectedIndicators.Apply(resolved.Table, buurten, t, parameters);
            return ResilienceIndex.Compute(table, model, reference).Where(s => s.Area.Code.Level == AreaLevel.Buurt).ToDictionary(s => s.Area.Code);
        }

        var expected = Enumerable.Range(0, yearCount).Select(t => scored ? Resilience(projection.Buurten, t) : []).ToList();

        // Spreads: every replicate's vulnerable share and resilience per buurt and year.
        var spreadShare = new Dictionary<(AreaCode, int), List<double>>();
        var spreadScore = new Dictionary<(AreaCode, int), List<double>>();
        foreach (var replicate in replicates)
        {
            for (var t = 0; t < yearCount; t++)
            {
                var scores = scored ? Resilience(replicate, t) : [];
                foreach (var trajectory in replicate)
                {
                    var key = (trajectory.Seed.Area.Code, t);
                    Add(spreadShare, key, trajectory.Years[t].Composition.VulnerableShare);
                    if (scores.TryGetValue(trajectory.Seed.Area.Code, out var s) && s.Score is { } score)
                    {
                        Add(spreadScore, key, score);
                    }
                }
            }
        }

        var rows = new List<BuurtOutcome>();
        foreach (var trajectory in projection.Buurten)
        {
            var code = trajectory.Seed.Area.Code;
            for (var t = 0; t < yearCount; t++)
            {
                var year = trajectory.Years[t];
                var c = year.Composition;
                var score = expected[t].GetValueOrDefault(code);
                rows.Add(new BuurtOutcome(
                    code.Value,
                    resolved.Names.GetValueOrDefault(code),
                    year.Year,
                    c.TotalDwellings,
                    c.TotalHouseholds,
                    c.VulnerableShare,
                    c.ShareOf(Segment.SocialRent),
                    c.ShareOf(Segment.MidRent),
                    c.ShareOf(Segment.PrivateRent),
                    c.ShareOf(Segment.OwnerOccupied),
                    PlannerDimensions.TargetGroups.Sum(c.OfGroup),
                    year.Placed,
                    year.Refused,
                    score?.Score,
                    score?.Class,
                    SpreadOf(spreadShare, (code, t)),
                    SpreadOf(spreadScore, (code, t))));
            }
        }

        var summaries = rows.GroupBy(r => r.Year).Select(g => new YearSummary(
            g.Key,
            g.Sum(r => r.Dwellings),
            g.Sum(r => r.Households),
            g.Sum(r => r.Households * r.VulnerableShare) / g.Sum(r => r.Households),
            g.Max(r => r.VulnerableShare),
            g.Count(r => r.VulnerableShare >= parameters.TippingShare),
            g.Any(r => r.Resilience is not null) ? g.Where(r => r.Resilience is not null).Average(r => r.Resilience!.Value) : null,
            g.Count(r => r.ResilienceClass == 1),
            g.Sum(r => r.Placed),
            g.Sum(r => r.Refused))).ToList();
        var assumptions = resolved.Seeds.SelectMany(s => s.Assumptions.Select(a => a.Split(':')[0]))
            .Concat(resolved.Seeds.Select(s => "vulnerable households from " + s.VulnerableSource))
            .GroupBy(a => a)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} × {g.Key}"))
            .ToList();
        return new ScenarioRun(spec.Name, spec, resolved.Scenario, projection, rows, summaries, seed, replicates.Count, reference.Description, assumptions, resolved.Skipped);
    }

    private static void Add(Dictionary<(AreaCode, int), List<double>> values, (AreaCode, int) key, double value)
    {
        if (!values.TryGetValue(key, out var list))
        {
            values[key] = list = [];
        }

        list.Add(value);
    }

    private static Spread? SpreadOf(Dictionary<(AreaCode, int), List<double>> values, (AreaCode, int) key)
    {
        if (!values.TryGetValue(key, out var list) || list.Count == 0)
        {
            return null;
        }

        list.Sort();
        double Quantile(double q) => list[(int)Math.Clamp(Math.Round(q * (list.Count - 1)), 0, list.Count - 1)];
        return new Spread(list.Average(), Quantile(0.05), Quantile(0.95));
    }
}
