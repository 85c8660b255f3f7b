using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Leefkracht.Core.Planner;

namespace Leefkracht.Monitor.Planner;

/// <summary>
/// The JSON shapes of the planner (docs/planner.md#json): what <c>--format json</c> prints and what the web page's
/// API will return. Every document carries <c>whatIf: true</c> and the label.
/// </summary>
public static class PlannerJson
{
    /// <summary>camelCase names, enums as camelCase strings, indented.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Parameters in the shape of a scenario document's <c>parameters</c> (docs/planner.md#scenario-files): the
    /// per-segment values keyed by segment name, so that the result can be put into a document as it is.
    /// </summary>
    public static JsonObject ParametersDocument(PlannerParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        JsonObject PerSegment(IReadOnlyList<double> values) =>
            new(PlannerDimensions.AllSegments.Select(s => KeyValuePair.Create(PlannerDimensions.JsonName(s), (JsonNode?)JsonValue.Create(values[(int)s]))));
        return new JsonObject
        {
            ["turnover"] = PerSegment(parameters.Turnover),
            ["relativeVulnerability"] = PerSegment(parameters.RelativeVulnerability),
            ["midRentShareOfOtherRent"] = parameters.MidRentShareOfOtherRent,
            ["tippingShare"] = parameters.TippingShare,
            ["inflowFeedback"] = parameters.InflowFeedback,
        };
    }

    /// <summary>A scenario run: label, summary per year, every buurt-year, assumptions.</summary>
    public static JsonObject Run(ScenarioRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new JsonObject
        {
            ["whatIf"] = true,
            ["label"] = PlannerText.WhatIf,
            ["scenario"] = run.Name,
            ["description"] = run.Spec.Description,
            ["baseYear"] = run.Scenario.BaseYear,
            ["years"] = run.Scenario.Years,
            ["seed"] = run.Seed,
            ["replicates"] = run.Replicates,
            ["resilienceReference"] = run.Reference,
            ["parameters"] = JsonSerializer.SerializeToNode(run.Scenario.Parameters, Options),
            ["rules"] = JsonSerializer.SerializeToNode(run.Scenario.Rules, Options),
            ["assumptions"] = JsonSerializer.SerializeToNode(run.Assumptions, Options),
            ["skipped"] = JsonSerializer.SerializeToNode(run.Skipped, Options),
            ["summary"] = JsonSerializer.SerializeToNode(run.Years, Options),
            ["placements"] = new JsonArray([.. run.Projection.Allocations.Select(a => (JsonNode?)Allocation(a))]),
            ["buurten"] = JsonSerializer.SerializeToNode(run.Buurten, Options),
        };
    }

    /// <summary>Several runs side by side: each run, and per buurt the final-year difference against the first.</summary>
    public static JsonObject Compare(IReadOnlyList<ScenarioRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var first = runs[0];
        var last = first.Years[^1].Year;
        var baseRows = first.InYear(last).ToDictionary(b => b.Code);
        return new JsonObject
        {
            ["whatIf"] = true,
            ["label"] = PlannerText.WhatIf,
            ["comparedWith"] = first.Name,
            ["year"] = last,
            ["runs"] = new JsonArray([.. runs.Select(r => (JsonNode?)Run(r))]),
            ["differences"] = new JsonArray([.. runs.Skip(1).Select(r => (JsonNode?)new JsonObject
            {
                ["scenario"] = r.Name,
                ["buurten"] = new JsonArray([.. r.InYear(last).Where(b => baseRows.ContainsKey(b.Code)).Select(b => (JsonNode?)new JsonObject
                {
                    ["code"] = b.Code,
                    ["name"] = b.Name,
                    ["vulnerableShare"] = b.VulnerableShare - baseRows[b.Code].VulnerableShare,
                    ["resilience"] = b.Resilience - baseRows[b.Code].Resilience,
                })]),
            })]),
        };
    }

    /// <summary>One optimisation: both plans, per buurt rows and the explanation.</summary>
    public static JsonNode Optimisation(OptimisationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var node = JsonSerializer.SerializeToNode(run, Options)!.AsObject();
        node.Insert(0, "whatIf", true);
        node.Insert(1, "label", PlannerText.WhatIf);
        return node;
    }

    private static JsonObject Allocation(AllocationRecord record) => new()
    {
        ["year"] = record.Year,
        ["group"] = PlannerDimensions.JsonName(record.Group),
        ["method"] = record.Plan.Method,
        ["requested"] = record.Plan.Requested,
        ["placed"] = record.Plan.Placed,
        ["worstPlacedShare"] = record.Plan.WorstPlacedShare,
        ["naiveWorstPlacedShare"] = record.Naive.WorstPlacedShare,
        ["disruption"] = record.Plan.Disruption,
        ["status"] = record.Plan.Status,
        ["buurten"] = new JsonObject([.. record.Problem.Candidates.Select((c, i) => (c, p: record.Plan.Placements[i])).Where(x => x.p > 0)
            .Select(x => KeyValuePair.Create(x.c.Area.Code.Value, (JsonNode?)x.p))]),
    };
}
