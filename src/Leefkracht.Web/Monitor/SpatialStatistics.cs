using System.Collections.Immutable;
using Leefkracht.Core.Spatial;
using Leefkracht.Core.Statistics;
using Leefkracht.Monitor.Spatial;

namespace Leefkracht.Web.Monitor;

/// <summary>What a spatial statistic is computed on.</summary>
/// <param name="Variable"><c>livability</c> (the total score) or an indicator id.</param>
/// <param name="Level">The level.</param>
/// <param name="Year">The year of the data.</param>
/// <param name="Gemeente">Only this gemeente's areas, or the whole country.</param>
internal sealed record SpatialQuery(string Variable, AreaLevel Level, int Year, AreaCode? Gemeente)
{
    public const string Livability = "livability";

    public string CacheKey => $"{Variable}:{(int)Level}:{Year}:{Gemeente?.Value ?? "NL"}";
}

/// <summary>The values of a spatial query on the areas that have one, with their row-standardised weights.</summary>
/// <param name="BoundaryYear">The division year the neighbours come from.</param>
/// <param name="Areas">The areas with a value, in area-code order.</param>
/// <param name="Values">One value per area.</param>
/// <param name="Weights">The default rule's weights over <paramref name="Areas"/>, row-standardised.</param>
internal sealed record SpatialInputData(int BoundaryYear, ImmutableArray<AreaKey> Areas, double[] Values, SpatialWeights Weights);

/// <summary>
/// Global Moran's I, LISA and Gi* on the store's data, with the defaults of <c>leefkracht spatial</c>: fuzzy
/// contiguity (5 m), 999 conditional permutations with a fixed seed, Benjamini-Hochberg FDR, α = 0.05.
/// </summary>
internal sealed class SpatialStatistics(DashboardMonitor dashboard)
{
    public const double Alpha = 0.05;

    private static readonly PermutationOptions Permutations = new();

    private readonly SpatialDataService _spatial = new(dashboard.Store, dashboard.Monitor);

    /// <summary>The values by code: the livability deviation, or an indicator (derived and aggregated included).</summary>
    public async Task<IReadOnlyDictionary<AreaCode, double>> ValuesAsync(string variable, AreaLevel level, int year)
    {
        if (variable == SpatialQuery.Livability)
        {
            var scored = await dashboard.ScoresAsync(year).ConfigureAwait(false);
            var byCode = new Dictionary<AreaCode, double>();
            foreach (var score in scored.Scores.Where(s => s.Area.Code.Level == level && s.IsScored).OrderByDescending(s => s.Area.Year))
            {
                byCode.TryAdd(score.Area.Code, score.Deviation!.Value);
            }

            return byCode;
        }

        return await dashboard.RememberAsync($"values:{variable}:{(int)level}:{year}", () => _spatial.ValuesByCodeAsync(variable, level, year)).ConfigureAwait(false);
    }

    /// <summary>
    /// The input, or a reason why there is none. The neighbours are the division's prepared lists, stored in the store's
    /// results like the CLI's (<see cref="SpatialDataService.LoadNeighboursAsync"/>): no polygons are read or intersected
    /// once they are stored, and the weights equal those built from the polygons of the areas with a value.
    /// </summary>
    public Task<(SpatialInputData? Data, string? Problem)> InputAsync(SpatialQuery query) =>
        dashboard.RememberAsync("spatial-input:" + query.CacheKey, async () =>
        {
            var values = await ValuesAsync(query.Variable, query.Level, query.Year).ConfigureAwait(false);
            var data = await _spatial.LoadWeightsAsync(values, query.Level, query.Year, query.Gemeente is { } g ? [g] : [], WeightsRule.Default).ConfigureAwait(false);
            if (data is null)
            {
                return ((SpatialInputData?)null, (string?)$"no {Dtos.LevelName(query.Level)} boundaries within {SpatialDataService.MaxYearDistance} years of {query.Year} in the database");
            }

            if (data.Values.Length < 4)
            {
                return (null, $"{query.Variable} has a value for {data.Values.Length} {Dtos.LevelName(query.Level)} polygons in {query.Year}: at least 4 are needed");
            }

            if (data.Values.All(v => v == data.Values[0]))
            {
                return (null, $"{query.Variable} is the same in every area: without variation there is no spatial pattern");
            }

            return (new SpatialInputData(data.BoundaryYear, data.Areas, data.Values, data.Weights.RowStandardised()), null);
        });

    public Task<(MoranDto? Result, string? Problem)> MoranAsync(SpatialQuery query) =>
        dashboard.RememberAsync("moran:" + query.CacheKey, async () =>
        {
            var (input, problem) = await InputAsync(query).ConfigureAwait(false);
            if (input is null)
            {
                return ((MoranDto?)null, problem);
            }

            var moran = GlobalMoran.Compute(input.Values, input.Weights, Permutations.Count, Permutations.Seed);
            return (new MoranDto(query.Variable, query.Year, Dtos.LevelName(query.Level), moran.Areas, input.BoundaryYear, WeightsRule.Default.ToString(),
                moran.I, moran.Expected, moran.ZRandomisation, moran.PRandomisation, moran.Permutations, moran.Permutations > 0 ? moran.PPermutation : null), (string?)null);
        });

    /// <summary>LISA (<paramref name="statistic"/> = lisa) or Gi* (gistar) per area.</summary>
    public Task<(LocalStatisticsDto? Result, string? Problem)> LocalAsync(SpatialQuery query, string statistic) =>
        dashboard.RememberAsync($"local:{statistic}:" + query.CacheKey, async () =>
        {
            var (input, problem) = await InputAsync(query).ConfigureAwait(false);
            if (input is null)
            {
                return ((LocalStatisticsDto?)null, problem);
            }

            var areas = await dashboard.AreasAsync().ConfigureAwait(false);
            var n = input.Values.Length;
            double[] stat, z, p;
            Func<int, double[], string> category;
            if (statistic == "gistar")
            {
                var g = GetisOrd.Compute(input.Values, input.Weights.WithSelf(), Permutations);
                (stat, z, p) = (g.G, g.Z, g.PseudoP);
                category = (i, q) => double.IsNaN(g.Z[i]) ? "island" : q[i] <= Alpha ? (g.Z[i] > 0 ? "hot" : "cold") : "ns";
            }
            else
            {
                var lisa = LocalMoran.Compute(input.Values, input.Weights, Permutations);
                (stat, z, p) = (lisa.I, lisa.Z, lisa.PseudoP);
                category = (i, q) => input.Weights.CardinalityOf(i) == 0 ? "island" : q[i] <= Alpha ? Quadrant(lisa.Quadrant[i]) : "ns";
            }

            var adjusted = MultipleTesting.Adjust(p, PValueAdjustment.BenjaminiHochberg);
            var rows = Enumerable.Range(0, n).Select(i => new LocalRowDto(
                input.Areas[i].Code.Value, areas.NameOf(input.Areas[i]), Math.Round(input.Values[i], 4), Math.Round(stat[i], 6),
                Finite(z[i]), Finite(p[i]), Finite(adjusted[i]), category(i, adjusted))).ToList();
            var counts = rows.CountBy(r => r.Category).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
            return (new LocalStatisticsDto(query.Variable, statistic, query.Year, Dtos.LevelName(query.Level), input.BoundaryYear, WeightsRule.Default.ToString(),
                Permutations.Count, Alpha, counts, rows), (string?)null);
        });

    private static string Quadrant(LisaQuadrant quadrant) => quadrant switch
    {
        LisaQuadrant.HighHigh => "HH",
        LisaQuadrant.LowLow => "LL",
        LisaQuadrant.HighLow => "HL",
        _ => "LH",
    };

    private static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 6) : null;
}
