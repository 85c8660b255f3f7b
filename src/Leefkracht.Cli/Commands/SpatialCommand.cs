using System.Collections.Immutable;
using Leefkracht.Core.Spatial;
using Leefkracht.Core.Statistics;
using Leefkracht.Data.Storage;
using Leefkracht.Monitor.Spatial;

namespace Leefkracht.Cli.Commands;

/// <summary>
/// <c>leefkracht spatial weights|moran|lisa|gistar</c>: spatial weights and spatial autocorrelation of an indicator
/// (docs/spatial.md).
/// </summary>
internal static class SpatialCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var command = new Command("spatial", "Spatial weights, Moran's I, local Moran (LISA) clusters and Getis-Ord Gi* hot spots");
        command.Subcommands.Add(Subcommand(environment, global, "weights", "Neighbours of every area: contiguity (queen/rook with snap), k nearest or distance band", indicator: false, RunWeights));
        command.Subcommands.Add(Subcommand(environment, global, "moran", "Global Moran's I of an indicator: is it spatially clustered?", indicator: true, RunMoran));
        command.Subcommands.Add(Subcommand(environment, global, "lisa", "Local Moran's I per area: clusters HH/LL and outliers HL/LH with permutation p-values and FDR", indicator: true, RunLisa));
        command.Subcommands.Add(Subcommand(environment, global, "gistar", "Getis-Ord Gi* per area: hot and cold spots with permutation p-values and FDR", indicator: true, RunGiStar));
        return command;
    }

    private delegate Task<int> Runner(Context context, CancellationToken cancellationToken);

    /// <summary>What a subcommand works with.</summary>
    private sealed record Context(
        CliEnvironment Environment, Texts Texts, IMonitorStore Store, SpatialDataService Spatial, SpatialRequest Request, OutputFormat Format);

    private static Command Subcommand(CliEnvironment environment, GlobalOptions global, string name, string description, bool indicator, Runner run)
    {
        var options = new SpatialOptions();
        var format = Output.FormatOption();
        var command = new Command(name, description) { format };
        var local = name is "lisa" or "gistar";
        options.AddTo(command, indicator, permutations: indicator, local);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var opened = global.Open(result, environment);
            var (store, monitor, texts) = opened;
            if (await options.ReadAsync(result, environment, store, monitor, indicator, cancellationToken).ConfigureAwait(false) is not { } request)
            {
                return ExitCodes.InvalidInput;
            }

            PhaseTimings.Mark("open the store, options");
            var context = new Context(environment, texts, store, new SpatialDataService(store, monitor), request, result.GetValue(format));
            return await run(context, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunWeights(Context context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var layer = await context.Spatial.LoadNeighboursAsync(request.Level, request.Year, request.Gemeenten, request.Rule, cancellationToken).ConfigureAwait(false);
        if (layer is null || layer.Areas.Length < 2)
        {
            return await NoBoundaries(context).ConfigureAwait(false);
        }

        var weights = layer.Neighbours.ForAll();
        var names = await ScoreCommand.Names(context.Store, context.Request.Level, cancellationToken).ConfigureAwait(false);
        if (context.Format == OutputFormat.Table)
        {
            var cardinalities = Enumerable.Range(0, weights.Count).Select(weights.CardinalityOf).ToArray();
            Output.Write(context.Environment.Out, OutputFormat.Table, [context.Texts["spatial.what"], context.Texts["value"]],
            [
                [context.Texts["spatial.areas"], weights.Count],
                [context.Texts["spatial.rule"], request.Rule.ToString()],
                [context.Texts["spatial.boundary_year"], layer.BoundaryYear],
                [context.Texts["spatial.links"], weights.LinkCount],
                [context.Texts["spatial.mean_neighbours"], Math.Round(cardinalities.Average(), 2).ToString(CultureInfo.InvariantCulture)],
                [context.Texts["spatial.min_max_neighbours"], $"{cardinalities.Min()} – {cardinalities.Max()}"],
                [context.Texts["spatial.symmetric"], weights.IsSymmetric() ? context.Texts["yes"] : context.Texts["no"]],
                [context.Texts["spatial.islands"], weights.Islands.Length == 0
                    ? "0"
                    : $"{weights.Islands.Length}: " + string.Join(", ", weights.Islands.Take(12).Select(i => $"{layer.Areas[i].Code} {names.GetValueOrDefault(layer.Areas[i])}".Trim())) + (weights.Islands.Length > 12 ? ", …" : string.Empty)],
            ]);
            return ExitCodes.Success;
        }

        Output.Write(context.Environment.Out, context.Format, ["code", "name", "division", "neighbour_count", "neighbours"],
            Enumerable.Range(0, weights.Count).Select(i => (IReadOnlyList<object?>)[
                layer.Areas[i].Code.Value, names.GetValueOrDefault(layer.Areas[i]), layer.Areas[i].Year, weights.CardinalityOf(i),
                string.Join(' ', weights.NeighboursOf(i).ToArray().Select(j => layer.Areas[j].Code.Value))]));
        return ExitCodes.Success;
    }

    private static async Task<int> RunMoran(Context context, CancellationToken cancellationToken)
    {
        if (await LoadAsync(context, cancellationToken).ConfigureAwait(false) is not { } input)
        {
            return ExitCodes.InvalidInput;
        }

        var request = context.Request;
        var moran = GlobalMoran.Compute(input.Data.Values, input.Weights, request.Permutations.Count, request.Permutations.Seed);
        string[] columns = ["indicator", "year", "areas", "weights", "I", "expected", "variance_normality", "variance_randomisation",
            "z_normality", "z_randomisation", "p_normality", "p_randomisation", "permutations", "p_permutation", "seed"];
        object?[] row = [request.Indicator, request.Year, moran.Areas, request.Rule.ToString(), moran.I, moran.Expected, moran.VarianceNormality,
            moran.VarianceRandomisation, moran.ZNormality, moran.ZRandomisation, moran.PNormality, moran.PRandomisation,
            moran.Permutations, moran.Permutations > 0 ? moran.PPermutation : null, request.Permutations.Seed];
        if (context.Format == OutputFormat.Table)
        {
            Output.Write(context.Environment.Out, OutputFormat.Table, [context.Texts["spatial.what"], context.Texts["value"]],
                columns.Zip(row).Select(x => (IReadOnlyList<object?>)[x.First, x.Second is double d ? d.ToString("G6", CultureInfo.InvariantCulture) : x.Second]));
            await Footer(context, input).ConfigureAwait(false);
            context.Environment.Out.MarkupLine(Markup.Escape(context.Texts.Format(moran.ZRandomisation > 0 ? "spatial.moran_positive" : "spatial.moran_negative", moran.I.ToString("0.000", CultureInfo.InvariantCulture))));
        }
        else
        {
            Output.Write(context.Environment.Out, context.Format, columns, [row]);
        }

        return ExitCodes.Success;
    }

    private static async Task<int> RunLisa(Context context, CancellationToken cancellationToken)
    {
        if (await LoadAsync(context, cancellationToken).ConfigureAwait(false) is not { } input)
        {
            return ExitCodes.InvalidInput;
        }

        var request = context.Request;
        var lisa = LocalMoran.Compute(input.Data.Values, input.Weights, request.Permutations);
        PhaseTimings.Mark("local Moran");
        var (p, q, names, areas, machine) = await LocalOutputAsync(context, input, lisa.PseudoP, lisa.P, cancellationToken).ConfigureAwait(false);
        PhaseTimings.Mark("names");
        string[] columns = machine
            ? ["code", "name", "value", "I", "expected", "variance", "z", "p_normal", "p_permutation", "q", "quadrant", "cluster", "neighbours"]
            : [context.Texts["code"], context.Texts["name"], context.Texts["value"], "I", "z", "p", "q", context.Texts["spatial.cluster"]];
        var rows = Enumerable.Range(0, areas.Length).Select(i =>
        {
            var cluster = ClusterOf(lisa, q, i, request.Alpha, input.Weights);
            return machine
                ? (IReadOnlyList<object?>)[areas[i].Code.Value, names.GetValueOrDefault(areas[i]), input.Data.Values[i], lisa.I[i], lisa.Expected[i], lisa.Variance[i],
                    Finite(lisa.Z[i]), Finite(lisa.P[i]), Finite(lisa.PseudoP[i]), Finite(q[i]), QuadrantCode(lisa.Quadrant[i]), cluster, input.Weights.CardinalityOf(i)]
                : [areas[i].Code.Value, names.GetValueOrDefault(areas[i]), Round(input.Data.Values[i]), Round(lisa.I[i]), Round(lisa.Z[i]), Round(p[i]), Round(q[i]), context.Texts["spatial.cluster." + cluster]];
        }).ToList();
        Output.Write(context.Environment.Out, context.Format, columns, rows);
        if (!machine)
        {
            await Footer(context, input).ConfigureAwait(false);
            var counts = Enumerable.Range(0, areas.Length).Select(i => ClusterOf(lisa, q, i, request.Alpha, input.Weights)).CountBy(c => c).ToDictionary();
            context.Environment.Out.MarkupLine(Markup.Escape(context.Texts.Format("spatial.lisa_summary",
                counts.GetValueOrDefault("HH"), counts.GetValueOrDefault("LL"), counts.GetValueOrDefault("HL"), counts.GetValueOrDefault("LH"),
                counts.GetValueOrDefault("ns"), request.Alpha.ToString(CultureInfo.InvariantCulture), AdjustmentName(request.Adjustment))));
        }

        PhaseTimings.Mark("output");
        return ExitCodes.Success;
    }

    private static async Task<int> RunGiStar(Context context, CancellationToken cancellationToken)
    {
        if (await LoadAsync(context, cancellationToken).ConfigureAwait(false) is not { } input)
        {
            return ExitCodes.InvalidInput;
        }

        var request = context.Request;
        var g = GetisOrd.Compute(input.Data.Values, input.Weights.WithSelf(), request.Permutations);
        var (p, q, names, areas, machine) = await LocalOutputAsync(context, input, g.PseudoP, g.P, cancellationToken).ConfigureAwait(false);
        string[] columns = machine
            ? ["code", "name", "value", "G", "z", "p_normal", "p_permutation", "q", "spot", "neighbours"]
            : [context.Texts["code"], context.Texts["name"], context.Texts["value"], "z", "p", "q", context.Texts["spatial.spot"]];
        string SpotOf(int i) => double.IsNaN(g.Z[i]) ? "island" : q[i] <= request.Alpha ? (g.Z[i] > 0 ? "hot" : "cold") : "ns";
        var rows = Enumerable.Range(0, areas.Length).Select(i => machine
            ? (IReadOnlyList<object?>)[areas[i].Code.Value, names.GetValueOrDefault(areas[i]), input.Data.Values[i], g.G[i], Finite(g.Z[i]), Finite(g.P[i]),
                Finite(g.PseudoP[i]), Finite(q[i]), SpotOf(i), input.Weights.CardinalityOf(i)]
            : [areas[i].Code.Value, names.GetValueOrDefault(areas[i]), Round(input.Data.Values[i]), Round(g.Z[i]), Round(p[i]), Round(q[i]), context.Texts["spatial.spot." + SpotOf(i)]]).ToList();
        Output.Write(context.Environment.Out, context.Format, columns, rows);
        if (!machine)
        {
            await Footer(context, input).ConfigureAwait(false);
            var counts = Enumerable.Range(0, areas.Length).Select(SpotOf).CountBy(c => c).ToDictionary();
            context.Environment.Out.MarkupLine(Markup.Escape(context.Texts.Format("spatial.gistar_summary",
                counts.GetValueOrDefault("hot"), counts.GetValueOrDefault("cold"), counts.GetValueOrDefault("ns"),
                request.Alpha.ToString(CultureInfo.InvariantCulture), AdjustmentName(request.Adjustment))));
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// What the local statistics print with: the p-values used (permutation ones when permutations ran), their FDR
    /// adjustment, area names, the areas, and whether the output is for machines.
    /// </summary>
    private static async Task<(double[] P, double[] Q, Dictionary<AreaKey, string?> Names, ImmutableArray<AreaKey> Areas, bool Machine)> LocalOutputAsync(
        Context context, Input input, double[] permutationP, double[] normalP, CancellationToken cancellationToken)
    {
        var p = context.Request.Permutations.Count > 0 ? permutationP : normalP;
        var names = await ScoreCommand.Names(context.Store, context.Request.Level, cancellationToken).ConfigureAwait(false);
        return (p, MultipleTesting.Adjust(p, context.Request.Adjustment), names, input.Data.Areas, context.Format != OutputFormat.Table);
    }

    /// <summary>An indicator with its binary weights, and the weights row-standardised.</summary>
    private sealed record Input(IndicatorWeights Data, SpatialWeights Weights);

    private static async Task<Input?> LoadAsync(Context context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var data = await context.Spatial.LoadIndicatorWeightsAsync(request.Indicator!, request.Level, request.Year, request.Gemeenten, request.Rule, cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            await NoBoundaries(context).ConfigureAwait(false);
            return null;
        }

        if (data.Values.Length < 4)
        {
            await context.Environment.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{request.Indicator} has a value for {data.Values.Length} of {data.Values.Length + data.WithoutValue.Count} {Level(request)} polygons in {request.Year}{Where(request)}: at least 4 are needed")).ConfigureAwait(false);
            return null;
        }

        if (data.Values.All(v => v == data.Values[0]))
        {
            await context.Environment.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{request.Indicator} is {data.Values[0]} in all {data.Values.Length} areas in {request.Year}{Where(request)}: without variation there is no spatial pattern to test")).ConfigureAwait(false);
            return null;
        }

        PhaseTimings.Mark("neighbours and values");
        return new Input(data, data.Weights.RowStandardised());
    }

    private static async Task<int> NoBoundaries(Context context)
    {
        var request = context.Request;
        await context.Environment.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"no {Level(request)} boundaries within {SpatialDataService.MaxYearDistance} years of {request.Year}{Where(request)} in the database: import a boundary file of that level first")).ConfigureAwait(false);
        return ExitCodes.InvalidInput;
    }

    private static Task Footer(Context context, Input input)
    {
        var request = context.Request;
        context.Environment.Out.MarkupLine(Markup.Escape(context.Texts.Format("spatial.footer",
            input.Data.Values.Length, input.Data.WithoutValue.Count, request.Rule.ToString(), input.Data.BoundaryYear,
            input.Weights.Islands.Length, request.Permutations.Count, request.Permutations.Seed)));
        return Task.CompletedTask;
    }

    private static string ClusterOf(LocalMoranResult lisa, double[] q, int i, double alpha, SpatialWeights weights) =>
        weights.CardinalityOf(i) == 0 ? "island" : q[i] <= alpha ? QuadrantCode(lisa.Quadrant[i]) : "ns";

    private static string QuadrantCode(LisaQuadrant quadrant) => quadrant switch
    {
        LisaQuadrant.HighHigh => "HH",
        LisaQuadrant.LowLow => "LL",
        LisaQuadrant.HighLow => "HL",
        _ => "LH",
    };

    private static string AdjustmentName(PValueAdjustment adjustment) => adjustment switch
    {
        PValueAdjustment.BenjaminiHochberg => "FDR Benjamini-Hochberg",
        PValueAdjustment.BenjaminiYekutieli => "FDR Benjamini-Yekutieli",
        _ => "none",
    };

    private static string Level(SpatialRequest request) => request.Level.ToString().ToLowerInvariant();

    private static string Where(SpatialRequest request) => request.Gemeenten.Count == 0 ? string.Empty : " in " + string.Join(", ", request.Gemeenten);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static string Round(double value) => double.IsFinite(value) ? value.ToString("0.####", CultureInfo.InvariantCulture) : "–";
}
