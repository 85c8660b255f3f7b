using System.Text.Json.Nodes;

namespace Leefkracht.Monitor.Models;

/// <summary>
/// Reads and writes the <c>yardstick</c> section of a model file: the fixed reference, indicator set, coefficients,
/// imputation and target scale of a calibrated model (see docs/indices.md#yardstick). Kept apart from
/// <see cref="ModelDocument"/> so that the rest of the model format does not depend on it.
/// </summary>
internal static class YardstickDocument
{
    /// <summary>Reads the section at <c>$.yardstick</c>; null when the model has none. Problems go to <paramref name="errors"/>.</summary>
    public static Yardstick? Read(JsonNode? node, IReadOnlyList<ModelDimension> dimensions, IndicatorCatalog catalog, List<string> errors)
    {
        if (node is null)
        {
            return null;
        }

        const string Root = "$.yardstick";
        double Number(JsonNode? value, string path)
        {
            if (value is JsonValue v && v.TryGetValue<double>(out var number) && double.IsFinite(number))
            {
                return number;
            }

            errors.Add($"{path}: a number is required");
            return 0;
        }

        string Text(JsonNode? value, string path)
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 0)
            {
                return text;
            }

            errors.Add($"{path}: a non-empty string is required");
            return string.Empty;
        }

        T Enum<T>(JsonNode? value, string path)
            where T : struct, System.Enum
        {
            var text = Text(value, path);
            if (text.Length > 0 && !System.Enum.TryParse<T>(text, out var parsed))
            {
                errors.Add($"{path}: '{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
            }

            return System.Enum.TryParse<T>(text, out var result) ? result : default;
        }

        var reference = node["reference"];
        var indicators = new List<YardstickIndicator>();
        var indicatorNodes = node["indicators"] as JsonArray ?? [];
        if (indicatorNodes.Count == 0)
        {
            errors.Add($"{Root}.indicators: at least one indicator is required");
        }

        for (var i = 0; i < indicatorNodes.Count; i++)
        {
            var item = indicatorNodes[i];
            var path = $"{Root}.indicators[{i}]";
            var id = Text(item?["id"], $"{path}.id");
            if (id.Length > 0 && !catalog.TryGet(id, out _))
            {
                errors.Add($"{path}.id: '{id}' is not in the indicator catalog");
            }

            if (indicators.Any(x => x.IndicatorId == id))
            {
                errors.Add($"{path}.id: '{id}' is used twice in the yardstick");
            }

            var sd = Number(item?["standardDeviation"], $"{path}.standardDeviation");
            if (sd <= 0)
            {
                errors.Add($"{path}.standardDeviation: must be positive");
            }

            TimeAlignment? alignment = null;
            if (item?["alignment"] is JsonObject a)
            {
                var byYear = new Dictionary<int, double>();
                foreach (var (year, factor) in (a["byYear"] as JsonObject) ?? [])
                {
                    if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
                    {
                        errors.Add($"{path}.alignment.byYear.{year}: the key must be a year");
                    }

                    byYear[y] = Number(factor, $"{path}.alignment.byYear.{year}");
                }

                alignment = new TimeAlignment(a["divide"] is JsonValue d && d.TryGetValue<bool>(out var divide) && divide, byYear);
            }

            indicators.Add(new YardstickIndicator(
                id,
                Enum<IndicatorTransform>(item?["transform"], $"{path}.transform"),
                item?["factor"] is null ? 1 : Number(item["factor"], $"{path}.factor"),
                Enum<LivabilityDimension>(item?["dimension"], $"{path}.dimension"),
                Number(item?["mean"], $"{path}.mean"),
                sd,
                Number(item?["coefficient"], $"{path}.coefficient"),
                Number(item?["standardError"], $"{path}.standardError"),
                alignment));
        }

        // The dimensions list what explanations show: exactly the indicators with a non-zero coefficient, with their signs.
        foreach (var (dimension, d) in dimensions.Select((d, i) => (d, i)))
        {
            foreach (var (indicator, i) in dimension.Indicators.Select((x, i) => (x, i)))
            {
                var match = indicators.FirstOrDefault(y => y.IndicatorId == indicator.IndicatorId);
                var sign = indicator.Direction == Direction.HigherIsBetter ? 1 : -1;
                if (match is null || match.Coefficient == 0 || Math.Sign(match.Coefficient) != sign || match.Dimension != dimension.Dimension)
                {
                    errors.Add($"$.dimensions[{d}].indicators[{i}]: '{indicator.IndicatorId}' must be a yardstick indicator of this dimension with a non-zero coefficient of the same direction");
                }
            }
        }

        foreach (var missing in indicators.Where(y => y.Coefficient != 0 && !dimensions.SelectMany(d => d.Indicators).Any(i => i.IndicatorId == y.IndicatorId)))
        {
            errors.Add($"$.dimensions: yardstick indicator '{missing.IndicatorId}' has a coefficient but is in no dimension");
        }

        var imputationNode = node["imputation"];
        var mean = ((imputationNode?["mean"] as JsonArray) ?? []).Select((v, i) => Number(v, $"{Root}.imputation.mean[{i}]")).ToList();
        var covariance = ((imputationNode?["covariance"] as JsonArray) ?? [])
            .Select((row, r) => (IReadOnlyList<double>)[.. ((row as JsonArray) ?? []).Select((v, c) => Number(v, $"{Root}.imputation.covariance[{r}][{c}]"))])
            .ToList();
        if (mean.Count != indicators.Count || covariance.Count != indicators.Count || covariance.Any(row => row.Count != indicators.Count))
        {
            errors.Add($"{Root}.imputation: the mean needs one entry and the covariance one row and column per yardstick indicator ({indicators.Count})");
        }

        TargetScale? target = null;
        if (node["target"] is JsonObject t)
        {
            var bands = ((t["residuals"] as JsonArray) ?? []).Select((b, i) =>
            {
                var path = $"{Root}.target.residuals[{i}]";
                return new ResidualBand(
                    Enum<AreaLevel>(b?["level"], $"{path}.level"),
                    Number(b?["minimumInhabitants"], $"{path}.minimumInhabitants"),
                    Number(b?["q025"], $"{path}.q025"),
                    Number(b?["q05"], $"{path}.q05"),
                    Number(b?["q50"], $"{path}.q50"),
                    Number(b?["q95"], $"{path}.q95"),
                    Number(b?["q975"], $"{path}.q975"));
            }).ToList();
            target = new TargetScale(Text(t["name"], $"{Root}.target.name"), Number(t["constant"], $"{Root}.target.constant"), (int)Number(t["latestMeasurement"], $"{Root}.target.latestMeasurement"), bands);
        }

        return new Yardstick(
            (int)Number(reference?["year"], $"{Root}.reference.year"),
            Text(reference?["description"], $"{Root}.reference.description"),
            Text(reference?["descriptionDutch"], $"{Root}.reference.descriptionDutch"),
            Number(node["intercept"], $"{Root}.intercept"),
            indicators,
            new ImputationModel(mean, covariance, imputationNode?["inflation"] is null ? 1 : Number(imputationNode["inflation"], $"{Root}.imputation.inflation")),
            target);
    }

    /// <summary>The section as JSON (the shape <see cref="Read"/> reads).</summary>
    public static JsonObject Write(Yardstick yardstick) => new()
    {
        ["reference"] = new JsonObject
        {
            ["year"] = yardstick.ReferenceYear,
            ["description"] = yardstick.ReferenceDescription,
            ["descriptionDutch"] = yardstick.ReferenceDescriptionDutch,
        },
        ["intercept"] = yardstick.Intercept,
        ["indicators"] = new JsonArray([.. yardstick.Indicators.Select(i =>
        {
            var item = new JsonObject
            {
                ["id"] = i.IndicatorId,
                ["transform"] = i.Transform.ToString(),
                ["factor"] = i.Factor,
                ["dimension"] = i.Dimension.ToString(),
                ["mean"] = i.Mean,
                ["standardDeviation"] = i.StandardDeviation,
                ["coefficient"] = i.Coefficient,
                ["standardError"] = i.StandardError,
            };
            if (i.Alignment is { } a)
            {
                item["alignment"] = new JsonObject
                {
                    ["divide"] = a.Divide,
                    ["byYear"] = new JsonObject(a.ByYear.OrderBy(p => p.Key).Select(p => KeyValuePair.Create(p.Key.ToString(CultureInfo.InvariantCulture), (JsonNode?)p.Value))),
                };
            }

            return (JsonNode?)item;
        })]),
        ["imputation"] = new JsonObject
        {
            ["inflation"] = yardstick.Imputation.Inflation,
            ["mean"] = new JsonArray([.. yardstick.Imputation.Mean.Select(v => (JsonNode?)v)]),
            ["covariance"] = new JsonArray([.. yardstick.Imputation.Covariance.Select(row => (JsonNode?)new JsonArray([.. row.Select(v => (JsonNode?)v)]))]),
        },
        ["target"] = yardstick.Target is not { } t ? null : new JsonObject
        {
            ["name"] = t.Name,
            ["constant"] = t.Constant,
            ["latestMeasurement"] = t.LatestMeasurement,
            ["residuals"] = new JsonArray([.. t.Residuals.Select(b => (JsonNode?)new JsonObject
            {
                ["level"] = b.Level.ToString(),
                ["minimumInhabitants"] = b.MinimumInhabitants,
                ["q025"] = b.Q025,
                ["q05"] = b.Q05,
                ["q50"] = b.Q50,
                ["q95"] = b.Q95,
                ["q975"] = b.Q975,
            })]),
        },
    };
}
