using Leefkracht.Cli.Commands;
using Leefkracht.Core.Spatial;
using Leefkracht.Core.Statistics;
using Leefkracht.Data.Storage;

namespace Leefkracht.Cli;

/// <summary>What the spatial commands were asked for, after validation.</summary>
internal sealed record SpatialRequest(
    AreaLevel Level,
    int Year,
    IReadOnlyList<AreaCode> Gemeenten,
    WeightsRule Rule,
    PermutationOptions Permutations,
    PValueAdjustment Adjustment,
    double Alpha,
    string? Indicator);

/// <summary>The options the <c>spatial</c> subcommands share, and their validation.</summary>
internal sealed class SpatialOptions
{
    public Option<string?> Indicator { get; } = new("--indicator") { Description = "Indicator id, e.g. income_per_inhabitant or households_low_income_pct" };

    public Option<int?> Year { get; } = new("--year") { Description = "Year of the data (default: the latest year with inhabitants)" };

    public Option<string> Level { get; } = new("--level") { Description = "buurt (default), wijk or gemeente", DefaultValueFactory = _ => "buurt" };

    public Option<string[]> Gemeente { get; } = new("--gemeente")
    {
        Description = "Only the areas of these gemeenten (codes or names; repeat the option or separate with commas); default: the whole country",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string> Weights { get; } = new("--weights")
    {
        Description = "fuzzy (default: boundaries within --snap metres), queen or rook (spdep's rule: vertices within --snap), knn:K or band:METRES",
        DefaultValueFactory = _ => "fuzzy",
    };

    public Option<double> Snap { get; } = new("--snap")
    {
        Description = "Snap tolerance of queen/rook in metres: vertices this close count as shared",
        DefaultValueFactory = _ => WeightsRule.DefaultSnap,
    };

    public Option<bool> AttachIslands { get; } = new("--attach-islands") { Description = "Give areas without neighbours their nearest area as neighbour" };

    public Option<int> Permutations { get; } = new("--permutations")
    {
        Description = "Number of random permutations for pseudo p-values (0 = none)",
        DefaultValueFactory = _ => PermutationOptions.DefaultCount,
    };

    public Option<ulong> Seed { get; } = new("--seed") { Description = "Seed of the permutations (same seed, same result)", DefaultValueFactory = _ => PermutationOptions.DefaultSeed };

    public Option<string> Fdr { get; } = new("--fdr") { Description = "Multiple-testing correction of local p-values: bh (default), by or none", DefaultValueFactory = _ => "bh" };

    public Option<double> Alpha { get; } = new("--alpha") { Description = "Significance level for clusters and hot spots", DefaultValueFactory = _ => 0.05 };

    private bool _local;

    public void AddTo(Command command, bool indicator, bool permutations, bool local)
    {
        _local = local;
        if (indicator)
        {
            command.Options.Add(Indicator);
        }

        command.Options.Add(Year);
        command.Options.Add(Level);
        command.Options.Add(Gemeente);
        command.Options.Add(Weights);
        command.Options.Add(Snap);
        command.Options.Add(AttachIslands);
        if (permutations)
        {
            command.Options.Add(Permutations);
            command.Options.Add(Seed);
        }

        if (local)
        {
            command.Options.Add(Fdr);
            command.Options.Add(Alpha);
        }
    }

    /// <summary>Validates everything; on a problem writes what is wrong to stderr and returns null.</summary>
    public async Task<SpatialRequest?> ReadAsync(
        ParseResult result, CliEnvironment environment, IMonitorStore store, MonitorService monitor, bool needsIndicator, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var level = MonitorOptions.ParseLevel(result.GetValue(Level));
        if (level is null)
        {
            errors.Add(Texts.Instance.Format("spatial_level", result.GetValue(Level)));
        }

        if (!WeightsRule.TryParse(result.GetValue(Weights), result.GetValue(Snap), result.GetValue(AttachIslands), out var rule, out var weightsError))
        {
            errors.Add(Texts.Instance.Format("spatial_weights", weightsError));
        }

        var permutations = result.GetValue(Permutations);
        if (permutations is < 0 or > 1_000_000)
        {
            errors.Add(Texts.Instance.Format("spatial_permutations", permutations));
        }

        var adjustment = !_local ? PValueAdjustment.None : result.GetValue(Fdr)?.Trim().ToLowerInvariant() switch
        {
            "bh" or "fdr" => PValueAdjustment.BenjaminiHochberg,
            "by" => PValueAdjustment.BenjaminiYekutieli,
            "none" => PValueAdjustment.None,
            _ => (PValueAdjustment?)null,
        };
        if (adjustment is null)
        {
            errors.Add(Texts.Instance.Format("spatial_fdr", result.GetValue(Fdr)));
        }

        var alpha = _local ? result.GetValue(Alpha) : 0.05;
        if (!(alpha > 0 && alpha < 1))
        {
            errors.Add(Texts.Instance.Format("spatial_alpha", alpha.ToString(CultureInfo.InvariantCulture)));
        }

        var indicator = result.GetValue(Indicator)?.Trim();
        if (needsIndicator && string.IsNullOrEmpty(indicator))
        {
            errors.Add(Texts.Instance["spatial_indicator_required"]);
        }
        else if (needsIndicator && !monitor.Catalog.Catalog.TryGet(indicator!, out _) && !monitor.Catalog.Derived.Any(d => d.Id == indicator))
        {
            errors.Add(Texts.Instance.Format("spatial_indicator_unknown", indicator));
        }

        var gemeenten = new List<AreaCode>();
        foreach (var text in (result.GetValue(Gemeente) ?? []).SelectMany(g => g.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (await AreasCommand.ResolveGemeente(store, text, cancellationToken).ConfigureAwait(false) is { } code)
            {
                gemeenten.Add(code);
            }
            else
            {
                errors.Add(Texts.Instance.Format("spatial_gemeente", text));
            }
        }

        int? year = result.GetValue(Year);
        if (year is null && errors.Count == 0)
        {
            year = await monitor.DefaultYearAsync(cancellationToken).ConfigureAwait(false);
            if (year is null)
            {
                errors.Add(Texts.Instance["no_inhabited_year"]);
            }
        }

        foreach (var error in errors)
        {
            await environment.Error.WriteLineAsync(error).ConfigureAwait(false);
        }

        return errors.Count > 0
            ? null
            : new SpatialRequest(level!.Value, year!.Value, gemeenten, rule!, new PermutationOptions(permutations, result.GetValue(Seed)), adjustment!.Value, alpha, indicator);
    }
}
