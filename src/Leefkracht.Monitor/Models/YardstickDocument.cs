using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Leefkracht.Data.Documents;

namespace Leefkracht.Monitor.Models;

/// <summary>
/// Reads and writes the <c>yardstick</c> section of a model file: the fixed reference, indicator set, coefficients,
/// imputation and target scale of a calibrated model (see docs/indices.md#yardstick). Kept apart from
/// <see cref="ModelDocument"/> so that the rest of the model format does not depend on it.
/// </summary>
internal static class YardstickDocument
{
    /// <summary>Reads the section at <c>$.yardstick</c>; null when it is not an object. Problems go to <paramref name="checks"/>, each with its JSON path.</summary>
    public static Yardstick? Read(YardstickBody? node, IReadOnlyList<ModelDimension> dimensions, IndicatorCatalog catalog, DocumentChecks checks)
    {
        if (node is null)
        {
            return null;
        }

        const string Root = "$.yardstick";
        var indicators = new List<YardstickIndicator>();
        var indicatorItems = node.Indicators.Value.IsDefault ? [] : node.Indicators.Value;
        if (indicatorItems.Length == 0)
        {
            checks.Add(ModelWords.Problem($"{Root}.indicators", "Model.NoIndicator"));
        }

        for (var i = 0; i < indicatorItems.Length; i++)
        {
            var item = indicatorItems[i].Value ?? YardstickIndicatorBody.Empty;
            var path = $"{Root}.indicators[{i}]";
            var id = checks.Text(item.Id, $"{path}.id");
            if (id.Length > 0 && !catalog.TryGet(id, out _))
            {
                checks.Add(ModelWords.Problem($"{path}.id", "Model.NotInCatalog", id));
            }

            if (indicators.Any(x => x.IndicatorId == id))
            {
                checks.Add(ModelWords.Problem($"{path}.id", "Yardstick.IndicatorTwice", id));
            }

            var sd = checks.Number(item.StandardDeviation, $"{path}.standardDeviation");
            if (sd <= 0)
            {
                checks.Add(ModelWords.Problem($"{path}.standardDeviation", "Model.Positive"));
            }

            TimeAlignment? alignment = null;
            if (item.Alignment.Value is { } a)
            {
                var byYear = new Dictionary<int, double>();
                foreach (var (year, factor) in a.ByYear.Value ?? new Dictionary<string, Field<double>>())
                {
                    if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
                    {
                        checks.Add(ModelWords.Problem($"{path}.alignment.byYear.{year}", "Yardstick.YearKey"));
                    }

                    byYear[y] = checks.Number(factor, $"{path}.alignment.byYear.{year}");
                }

                alignment = new TimeAlignment(a.Divide is { HasValue: true, Value: true }, byYear);
            }

            indicators.Add(new YardstickIndicator(
                id,
                checks.Enum<IndicatorTransform>(item.Transform, $"{path}.transform"),
                checks.Number(item.Factor, $"{path}.factor", 1),
                checks.Enum<LivabilityDimension>(item.Dimension, $"{path}.dimension"),
                checks.Number(item.Mean, $"{path}.mean"),
                sd,
                checks.Number(item.Coefficient, $"{path}.coefficient"),
                checks.Number(item.StandardError, $"{path}.standardError"),
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
                    checks.Add(ModelWords.Problem($"$.dimensions[{d}].indicators[{i}]", "Yardstick.NotInYardstick", indicator.IndicatorId));
                }
            }
        }

        foreach (var missing in indicators.Where(y => y.Coefficient != 0 && !dimensions.SelectMany(d => d.Indicators).Any(i => i.IndicatorId == y.IndicatorId)))
        {
            checks.Add(ModelWords.Problem("$.dimensions", "Yardstick.InNoDimension", missing.IndicatorId));
        }

        var imputation = node.Imputation.Value;
        var mean = Numbers(imputation?.Mean ?? default).Select((v, i) => checks.Number(v, $"{Root}.imputation.mean[{i}]")).ToList();
        var covariance = (imputation is { Covariance.Value.IsDefault: false } ? imputation.Covariance.Value : [])
            .Select((row, r) => (IReadOnlyList<double>)[.. Numbers(row).Select((v, c) => checks.Number(v, $"{Root}.imputation.covariance[{r}][{c}]"))])
            .ToList();
        if (mean.Count != indicators.Count || covariance.Count != indicators.Count || covariance.Any(row => row.Count != indicators.Count))
        {
            checks.Add(ModelWords.Problem($"{Root}.imputation", "Yardstick.Imputation", indicators.Count));
        }

        TargetScale? target = null;
        if (node.Target.Value is { } t)
        {
            var bandItems = t.Residuals.Value.IsDefault ? [] : t.Residuals.Value;
            var bands = bandItems.Select((item, i) =>
            {
                var b = item.Value ?? ResidualBandBody.Empty;
                var path = $"{Root}.target.residuals[{i}]";
                return new ResidualBand(
                    checks.Enum<AreaLevel>(b.Level, $"{path}.level"),
                    checks.Number(b.MinimumInhabitants, $"{path}.minimumInhabitants"),
                    checks.Number(b.Q025, $"{path}.q025"),
                    checks.Number(b.Q05, $"{path}.q05"),
                    checks.Number(b.Q50, $"{path}.q50"),
                    checks.Number(b.Q95, $"{path}.q95"),
                    checks.Number(b.Q975, $"{path}.q975"));
            }).ToList();
            target = new TargetScale(checks.Text(t.Name, $"{Root}.target.name"), checks.Number(t.Constant, $"{Root}.target.constant"), (int)checks.Number(t.LatestMeasurement, $"{Root}.target.latestMeasurement"), bands);
        }

        var reference = node.Reference.Value ?? new YardstickReferenceBody(default, default, default);
        return new Yardstick(
            (int)checks.Number(reference.Year, $"{Root}.reference.year"),
            checks.Text(reference.Description, $"{Root}.reference.description"),
            checks.Text(reference.DescriptionDutch, $"{Root}.reference.descriptionDutch"),
            checks.Number(node.Intercept, $"{Root}.intercept"),
            indicators,
            new ImputationModel(mean, covariance, checks.Number(imputation?.Inflation ?? default, $"{Root}.imputation.inflation", 1)),
            target);
    }

    // The numbers of an array field; none when it is missing or not an array (the size check then names the section).
    private static ImmutableArray<Field<double>> Numbers(Field<ImmutableArray<Field<double>>> field) =>
        field.Value.IsDefault ? [] : field.Value;

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
