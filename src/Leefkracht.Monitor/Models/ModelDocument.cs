using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Documents;

namespace Leefkracht.Monitor.Models;

/// <summary>
/// Reads and writes livability weight models (<c>Models/*.json</c>). Validation reports every problem at once,
/// each with its JSON path, so a hand-edited model file can be fixed in one go.
/// </summary>
public static class ModelDocument
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The options of DocumentJson on the compile-time metadata of a model file (ModelJsonContext). Declared before the
    // models below, which are read with them.
    private static readonly JsonSerializerOptions DocumentOptions = DocumentJson.OptionsWith(ModelJsonContext.Default);

    // Each shipped model is read when it is first asked for: a command on the default model does not parse the other
    // one (parsing a model document is part of every CLI command's start; docs/benchmarks.md, "Start-up and JIT").
    private static readonly Lazy<LivabilityModel> HandSetModel = new(() => LoadEmbedded("leefkracht-default.json"));
    private static readonly Lazy<LivabilityModel> CalibratedModel = new(() => LoadEmbedded("leefkracht-lbm-calibrated.json"));

    /// <summary>The hand-set model shipped with Leefkracht (id <c>leefkracht-default</c>, the default before the calibrated model).</summary>
    public static LivabilityModel HandSet => HandSetModel.Value;

    /// <summary>The model calibrated against the Leefbaarometer on a fixed yardstick (id <c>leefkracht-lbm-calibrated</c>): the default.</summary>
    public static LivabilityModel Calibrated => CalibratedModel.Value;

    /// <summary>The default model: <see cref="Calibrated"/>.</summary>
    public static LivabilityModel Default => Calibrated;

    /// <summary>The models shipped with Leefkracht, by id.</summary>
    public static IReadOnlyList<LivabilityModel> Shipped => [Calibrated, HandSet];

    /// <summary>A shipped model by its id (<c>leefkracht-default</c>, <c>leefkracht-lbm-calibrated</c>), or else the model file at that path.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid model.</exception>
    public static LivabilityModel Resolve(string idOrPath)
    {
        ArgumentNullException.ThrowIfNull(idOrPath);
        return Shipped.FirstOrDefault(m => m.Id.Equals(idOrPath, StringComparison.OrdinalIgnoreCase)) ?? Read(idOrPath);
    }

    /// <summary>Reads a model file.</summary>
    /// <exception cref="DocumentException">The file is not a valid model; the message lists every problem with its JSON path.</exception>
    public static LivabilityModel Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream, Path.GetFileName(path));
    }

    /// <summary>Parses a model and checks it against the indicator catalog.</summary>
    /// <exception cref="DocumentException">The document is not a valid model; the message lists every problem with its JSON path.</exception>
    public static LivabilityModel Parse(Stream json, string name, IndicatorCatalog? catalog = null)
    {
        var heading = ModelWords.NotValid(name);
        var body = DocumentJson.Read<ModelBody>(json, name, heading, DocumentOptions) ?? new ModelBody(default, default, default, default, default, default, default, default, default, default);
        var checks = new DocumentChecks();
        var model = Build(body, catalog ?? CatalogDocument.Default.Catalog, checks);
        checks.ThrowIfAny(heading);
        return model;
    }

    /// <summary>Writes a model as indented JSON (the same shape <see cref="Parse"/> reads).</summary>
    public static string ToJson(LivabilityModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var root = new JsonObject
        {
            ["id"] = model.Id,
            ["version"] = model.Version,
            ["method"] = model.Method,
            ["description"] = model.Description,
            ["rules"] = new JsonObject
            {
                ["minimumCoverage"] = model.Rules.MinimumCoverage,
                ["minimumPopulation"] = model.Rules.MinimumPopulation,
                ["zScoreLimit"] = model.Rules.ZScoreLimit,
                ["minimumReferenceShare"] = model.Rules.MinimumReferenceShare,
                ["minimumReferenceCoverage"] = model.Rules.MinimumReferenceCoverage,
            },
            ["classes"] = new JsonObject { ["upperBounds"] = new JsonArray([.. model.Classes.UpperBounds.Select(b => (JsonNode?)b)]) },
            ["changeClasses"] = new JsonObject { ["upperBounds"] = new JsonArray([.. model.ChangeClasses.UpperBounds.Select(b => (JsonNode?)b)]) },
            ["dimensions"] = new JsonArray([.. model.Dimensions.Select(d => (JsonNode?)new JsonObject
            {
                ["dimension"] = d.Dimension.ToString(),
                ["weight"] = d.Weight,
                ["reason"] = d.Reason,
                ["indicators"] = new JsonArray([.. d.Indicators.Select(i => (JsonNode?)new JsonObject
                {
                    ["id"] = i.IndicatorId,
                    ["weight"] = i.Weight,
                    ["direction"] = i.Direction.ToString(),
                    ["reason"] = i.Reason,
                })]),
            })]),
        };
        if (model.Yardstick is { } yardstick)
        {
            root["yardstick"] = YardstickDocument.Write(yardstick);
        }

        if (model.Fit is { } fit)
        {
            root["fit"] = new JsonObject
            {
                ["target"] = fit.Target,
                ["period"] = fit.Period,
                ["level"] = fit.Level,
                ["observations"] = fit.Observations,
                ["lambda"] = fit.Lambda,
                ["folds"] = fit.Folds,
                ["seed"] = fit.Seed,
                ["rSquared"] = fit.RSquared,
                ["rSquaredOutOfFold"] = fit.RSquaredOutOfFold,
                ["coefficients"] = new JsonArray([.. fit.Coefficients.Select(c => (JsonNode?)new JsonObject
                {
                    ["id"] = c.IndicatorId,
                    ["perStandardDeviation"] = c.PerStandardDeviation,
                    ["standardError"] = c.StandardError,
                    ["perUnit"] = c.PerUnit,
                })]),
            };
        }

        return root.ToJsonString(Indented) + "\n";
    }

    private static LivabilityModel Build(ModelBody root, IndicatorCatalog catalog, DocumentChecks checks)
    {
        var rulesBody = root.Rules.Value ?? new ModelRulesBody(default, default, default, default, default);
        var rules = new ScoringRules(
            checks.Number(rulesBody.MinimumCoverage, "$.rules.minimumCoverage", 0.6),
            checks.Number(rulesBody.MinimumPopulation, "$.rules.minimumPopulation", 100),
            checks.Number(rulesBody.ZScoreLimit, "$.rules.zScoreLimit", 3.0),
            checks.Number(rulesBody.MinimumReferenceShare, "$.rules.minimumReferenceShare", 0.5),
            checks.Number(rulesBody.MinimumReferenceCoverage, "$.rules.minimumReferenceCoverage", 0.4));
        if (rules.MinimumCoverage is < 0 or > 1)
        {
            checks.Add(ModelWords.Problem("$.rules.minimumCoverage", "Model.Share"));
        }

        if (rules.MinimumReferenceCoverage is < 0 or > 1)
        {
            checks.Add(ModelWords.Problem("$.rules.minimumReferenceCoverage", "Model.Share"));
        }

        var dimensionItems = root.Dimensions.Value;
        if (dimensionItems.IsDefaultOrEmpty)
        {
            checks.Add(ModelWords.Problem("$.dimensions", "Model.NoDimension"));
            dimensionItems = [];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var dimensions = dimensionItems.Select((item, d) => Dimension(item.Value ?? DimensionBody.Empty, $"$.dimensions[{d}]", catalog, seen, checks)).ToList();
        var total = dimensions.Sum(d => d.Weight);
        if (dimensions.Count > 0 && Math.Abs(total - 1) > 1e-9)
        {
            checks.Add(ModelWords.Problem("$.dimensions[*].weight", "Model.WeightsSum", total.ToString("R", CultureInfo.InvariantCulture)));
        }

        if (dimensions.Select(d => d.Dimension).Distinct().Count() != dimensions.Count)
        {
            checks.Add(ModelWords.Problem("$.dimensions[*].dimension", "Model.DimensionTwice"));
        }

        var fit = root.Fit.Value is { } fitBody ? Fit(fitBody, checks) : null;
        var version = checks.Number(root.Version, "$.version");
        if (version < 1 || version != Math.Floor(version))
        {
            checks.Add(ModelWords.Problem("$.version", "Model.Version"));
        }

        var yardstick = root.Yardstick.IsMissing ? null : YardstickDocument.Read(checks.Body(root.Yardstick, "$.yardstick"), dimensions, catalog, checks);
        return new LivabilityModel(
            checks.Text(root.Id, "$.id"),
            (int)version,
            checks.Text(root.Description, "$.description"),
            checks.Text(root.Method, "$.method"),
            dimensions,
            new ClassScale(Bounds(root.Classes, "$.classes", checks), ClassScale.LeefbaarometerNames, ClassScale.LeefbaarometerNamesEnglish),
            new ClassScale(Bounds(root.ChangeClasses, "$.changeClasses", checks), ClassScale.ChangeNames, ClassScale.ChangeNamesEnglish),
            rules,
            fit,
            yardstick);
    }

    private static ModelDimension Dimension(DimensionBody item, string path, IndicatorCatalog catalog, HashSet<string> seen, DocumentChecks checks)
    {
        var indicatorItems = item.Indicators.Value.IsDefault ? [] : item.Indicators.Value;
        var indicators = indicatorItems.Select((indicator, i) => Indicator(indicator.Value ?? IndicatorBody.Empty, $"{path}.indicators[{i}]", catalog, seen, checks)).ToList();
        if (indicators.Count == 0)
        {
            checks.Add(ModelWords.Problem($"{path}.indicators", "Model.NoIndicator"));
        }

        return new ModelDimension(checks.Enum<LivabilityDimension>(item.Dimension, $"{path}.dimension"), checks.Number(item.Weight, $"{path}.weight"), indicators, checks.Text(item.Reason, $"{path}.reason"));
    }

    private static ModelIndicator Indicator(IndicatorBody item, string path, IndicatorCatalog catalog, HashSet<string> seen, DocumentChecks checks)
    {
        var id = checks.Text(item.Id, $"{path}.id");
        if (id.Length > 0 && !catalog.TryGet(id, out _))
        {
            checks.Add(ModelWords.Problem($"{path}.id", "Model.NotInCatalog", id));
        }

        if (id.Length > 0 && !seen.Add(id))
        {
            checks.Add(ModelWords.Problem($"{path}.id", "Model.IndicatorTwice", id));
        }

        var weight = checks.Number(item.Weight, $"{path}.weight");
        if (weight <= 0)
        {
            checks.Add(ModelWords.Problem($"{path}.weight", "Model.Positive"));
        }

        var direction = checks.Enum<Direction>(item.Direction, $"{path}.direction");
        if (direction == Direction.Neutral && !item.Direction.IsMissing)
        {
            checks.Add(ModelWords.Problem($"{path}.direction", "Model.Direction"));
        }

        return new ModelIndicator(id, weight, direction, checks.Text(item.Reason, $"{path}.reason"));
    }

    private static ModelFit Fit(FitBody fit, DocumentChecks checks) => new(
        checks.Text(fit.Target, "$.fit.target"),
        (int)checks.Number(fit.Period, "$.fit.period"),
        checks.Text(fit.Level, "$.fit.level"),
        (int)checks.Number(fit.Observations, "$.fit.observations"),
        checks.Number(fit.Lambda, "$.fit.lambda"),
        (int)checks.Number(fit.Folds, "$.fit.folds"),
        (int)checks.Number(fit.Seed, "$.fit.seed"),
        checks.Number(fit.RSquared, "$.fit.rSquared"),
        checks.Number(fit.RSquaredOutOfFold, "$.fit.rSquaredOutOfFold"),
        [.. (fit.Coefficients.Value.IsDefault ? [] : fit.Coefficients.Value).Select((c, i) => new FittedCoefficient(
            checks.Text(c.Value?.Id ?? default, $"$.fit.coefficients[{i}].id"),
            checks.Number(c.Value?.PerStandardDeviation ?? default, $"$.fit.coefficients[{i}].perStandardDeviation"),
            checks.Number(c.Value?.StandardError ?? default, $"$.fit.coefficients[{i}].standardError"),
            checks.Number(c.Value?.PerUnit ?? default, $"$.fit.coefficients[{i}].perUnit")))]);

    private static List<double> Bounds(Field<ClassesBody> field, string path, DocumentChecks checks)
    {
        var items = field.Value?.UpperBounds.Value ?? [];
        var bounds = (items.IsDefault ? [] : items).Select((b, i) => checks.Number(b, $"{path}.upperBounds[{i}]")).ToList();
        if (bounds.Count != 8)
        {
            checks.Add(ModelWords.Problem($"{path}.upperBounds", "Model.ClassBounds", bounds.Count));
        }
        else if (bounds.Zip(bounds.Skip(1)).Any(p => p.First >= p.Second))
        {
            checks.Add(ModelWords.Problem($"{path}.upperBounds", "Model.BoundsAscend"));
        }

        return bounds;
    }

    private static LivabilityModel LoadEmbedded(string file)
    {
        var name = "Leefkracht.Monitor.Models." + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded model {name} is missing from the build.");
        return Parse(stream, file);
    }

    /// <summary>Bytes of a model as UTF-8 JSON, for tests.</summary>
    internal static MemoryStream ToStream(string json) => new(Encoding.UTF8.GetBytes(json));
}
