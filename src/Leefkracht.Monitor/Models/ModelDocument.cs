using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leefkracht.Data.Catalog;

namespace Leefkracht.Monitor.Models;

/// <summary>
/// Reads and writes livability weight models (<c>Models/*.json</c>). Validation reports every problem at once,
/// each with its JSON path, so a hand-edited model file can be fixed in one go.
/// </summary>
public static class ModelDocument
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The hand-set model shipped with Leefkracht (id <c>leefkracht-default</c>, the default before the calibrated model).</summary>
    public static LivabilityModel HandSet { get; } = LoadEmbedded("leefkracht-default.json");

    /// <summary>The model calibrated against the Leefbaarometer on a fixed yardstick (id <c>leefkracht-lbm-calibrated</c>): the default.</summary>
    public static LivabilityModel Calibrated { get; } = LoadEmbedded("leefkracht-lbm-calibrated.json");

    /// <summary>The default model: <see cref="Calibrated"/>.</summary>
    public static LivabilityModel Default => Calibrated;

    /// <summary>The models shipped with Leefkracht, by id.</summary>
    public static IReadOnlyList<LivabilityModel> Shipped { get; } = [Calibrated, HandSet];

    /// <summary>A shipped model by its id (<c>leefkracht-default</c>, <c>leefkracht-lbm-calibrated</c>), or else the model file at that path.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid model.</exception>
    public static LivabilityModel Resolve(string idOrPath)
    {
        ArgumentNullException.ThrowIfNull(idOrPath);
        return Shipped.FirstOrDefault(m => m.Id.Equals(idOrPath, StringComparison.OrdinalIgnoreCase)) ?? Read(idOrPath);
    }

    /// <summary>Reads a model file.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid model; the message lists every problem with its JSON path.</exception>
    public static LivabilityModel Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream, Path.GetFileName(path));
    }

    /// <summary>Parses a model and checks it against the indicator catalog.</summary>
    public static LivabilityModel Parse(Stream json, string name, IndicatorCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        catalog ??= CatalogDocument.Default.Catalog;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{name}: not valid JSON at line {exception.LineNumber + 1}: {exception.Message}", exception);
        }

        var errors = new List<string>();
        var model = Build(root as JsonObject ?? [], catalog, errors);
        return errors.Count == 0
            ? model
            : throw new InvalidDataException($"{name} is not a valid livability model:{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => "  " + e)));
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

    private static LivabilityModel Build(JsonObject root, IndicatorCatalog catalog, List<string> errors)
    {
        string Text(JsonNode? node, string path, bool required = true)
        {
            if (node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
            {
                return text;
            }

            if (required)
            {
                errors.Add($"{path}: a non-empty string is required");
            }

            return string.Empty;
        }

        double Number(JsonNode? node, string path, double? fallback = null)
        {
            if (node is JsonValue value && value.TryGetValue<double>(out var number) && double.IsFinite(number))
            {
                return number;
            }

            if (fallback is { } f && node is null)
            {
                return f;
            }

            errors.Add($"{path}: a number is required");
            return 0;
        }

        T Enum<T>(JsonNode? node, string path)
            where T : struct, System.Enum
        {
            var text = Text(node, path);
            if (text.Length > 0 && System.Enum.TryParse<T>(text, out var parsed))
            {
                return parsed;
            }

            if (text.Length > 0)
            {
                errors.Add($"{path}: '{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
            }

            return default;
        }

        IReadOnlyList<double> Bounds(JsonNode? node, string path)
        {
            var bounds = (node?["upperBounds"] as JsonArray)?.Select((b, i) => Number(b, $"{path}.upperBounds[{i}]")).ToList() ?? [];
            if (bounds.Count != 8)
            {
                errors.Add($"{path}.upperBounds: eight ascending bounds are required for nine classes, found {bounds.Count}");
            }
            else if (bounds.Zip(bounds.Skip(1)).Any(p => p.First >= p.Second))
            {
                errors.Add($"{path}.upperBounds: the bounds must ascend strictly");
            }

            return bounds;
        }

        var rulesNode = root["rules"];
        var rules = new ScoringRules(
            Number(rulesNode?["minimumCoverage"], "$.rules.minimumCoverage", 0.6),
            Number(rulesNode?["minimumPopulation"], "$.rules.minimumPopulation", 100),
            Number(rulesNode?["zScoreLimit"], "$.rules.zScoreLimit", 3.0),
            Number(rulesNode?["minimumReferenceShare"], "$.rules.minimumReferenceShare", 0.5),
            Number(rulesNode?["minimumReferenceCoverage"], "$.rules.minimumReferenceCoverage", 0.4));
        if (rules.MinimumCoverage is < 0 or > 1)
        {
            errors.Add("$.rules.minimumCoverage: must lie between 0 and 1");
        }

        if (rules.MinimumReferenceCoverage is < 0 or > 1)
        {
            errors.Add("$.rules.minimumReferenceCoverage: must lie between 0 and 1");
        }

        var dimensions = new List<ModelDimension>();
        var dimensionNodes = root["dimensions"] as JsonArray;
        if (dimensionNodes is null || dimensionNodes.Count == 0)
        {
            errors.Add("$.dimensions: at least one dimension is required");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var d = 0; d < (dimensionNodes?.Count ?? 0); d++)
        {
            var node = dimensionNodes![d];
            var path = $"$.dimensions[{d}]";
            var indicators = new List<ModelIndicator>();
            var indicatorNodes = node?["indicators"] as JsonArray;
            for (var i = 0; i < (indicatorNodes?.Count ?? 0); i++)
            {
                var item = indicatorNodes![i];
                var itemPath = $"{path}.indicators[{i}]";
                var id = Text(item?["id"], $"{itemPath}.id");
                if (id.Length > 0 && !catalog.TryGet(id, out _))
                {
                    errors.Add($"{itemPath}.id: '{id}' is not in the indicator catalog");
                }

                if (id.Length > 0 && !seen.Add(id))
                {
                    errors.Add($"{itemPath}.id: '{id}' is used twice in the model");
                }

                var weight = Number(item?["weight"], $"{itemPath}.weight");
                if (weight <= 0)
                {
                    errors.Add($"{itemPath}.weight: must be positive");
                }

                var direction = Enum<Direction>(item?["direction"], $"{itemPath}.direction");
                if (direction == Direction.Neutral && item?["direction"] is not null)
                {
                    errors.Add($"{itemPath}.direction: an indicator in a livability model must be HigherIsBetter or HigherIsWorse");
                }

                indicators.Add(new ModelIndicator(id, weight, direction, Text(item?["reason"], $"{itemPath}.reason")));
            }

            if (indicators.Count == 0)
            {
                errors.Add($"{path}.indicators: at least one indicator is required");
            }

            dimensions.Add(new ModelDimension(Enum<LivabilityDimension>(node?["dimension"], $"{path}.dimension"), Number(node?["weight"], $"{path}.weight"), indicators, Text(node?["reason"], $"{path}.reason")));
        }

        var total = dimensions.Sum(d => d.Weight);
        if (dimensions.Count > 0 && Math.Abs(total - 1) > 1e-9)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"$.dimensions[*].weight: the dimension weights must sum to 1, they sum to {total}"));
        }

        if (dimensions.Select(d => d.Dimension).Distinct().Count() != dimensions.Count)
        {
            errors.Add("$.dimensions[*].dimension: each dimension may occur once");
        }

        ModelFit? fit = null;
        if (root["fit"] is JsonObject fitNode)
        {
            fit = new ModelFit(
                Text(fitNode["target"], "$.fit.target"),
                (int)Number(fitNode["period"], "$.fit.period"),
                Text(fitNode["level"], "$.fit.level"),
                (int)Number(fitNode["observations"], "$.fit.observations"),
                Number(fitNode["lambda"], "$.fit.lambda"),
                (int)Number(fitNode["folds"], "$.fit.folds"),
                (int)Number(fitNode["seed"], "$.fit.seed"),
                Number(fitNode["rSquared"], "$.fit.rSquared"),
                Number(fitNode["rSquaredOutOfFold"], "$.fit.rSquaredOutOfFold"),
                [.. ((fitNode["coefficients"] as JsonArray) ?? []).Select((c, i) => new FittedCoefficient(
                    Text(c?["id"], $"$.fit.coefficients[{i}].id"),
                    Number(c?["perStandardDeviation"], $"$.fit.coefficients[{i}].perStandardDeviation"),
                    Number(c?["standardError"], $"$.fit.coefficients[{i}].standardError"),
                    Number(c?["perUnit"], $"$.fit.coefficients[{i}].perUnit")))]);
        }

        var version = Number(root["version"], "$.version");
        if (version < 1 || version != Math.Floor(version))
        {
            errors.Add("$.version: a positive whole number is required");
        }

        var yardstick = YardstickDocument.Read(root["yardstick"], dimensions, catalog, errors);
        return new LivabilityModel(
            Text(root["id"], "$.id"),
            (int)version,
            Text(root["description"], "$.description"),
            Text(root["method"], "$.method"),
            dimensions,
            new ClassScale(Bounds(root["classes"], "$.classes"), ClassScale.LeefbaarometerNames, ClassScale.LeefbaarometerNamesEnglish),
            new ClassScale(Bounds(root["changeClasses"], "$.changeClasses"), ClassScale.ChangeNames, ClassScale.ChangeNamesEnglish),
            rules,
            fit,
            yardstick);
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
