using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leefkracht.Data.Documents;
using Leefkracht.Web.Monitor;

namespace Leefkracht.Web.Planner;

/// <summary>
/// The body of <c>POST /api/v1/planner/optimise</c>, for the API description: the handler reads the JSON itself, so
/// that every bad field is reported with its path.
/// </summary>
/// <param name="Gemeente">Code (GM0344) or name (Utrecht).</param>
/// <param name="Placements">Placements to spread in one year (1–10,000).</param>
/// <param name="Cap">The share of a buurt's social-rent vacancies that may go to placements (0–1, default 0.5).</param>
/// <param name="ExcludeAbove">No placements where the vulnerable share is already at or above this (0–1, optional).</param>
/// <param name="Year">The year whose state is used (default: the base year of GET /context, the latest in which most of its buurten have a resilience score).</param>
public sealed record OptimiseBody(string Gemeente, int Placements, double? Cap, double? ExcludeAbove, int? Year);

/// <summary>The body of <c>POST /api/v1/planner/compare</c>: 2–4 scenario documents; the first is the reference.</summary>
/// <param name="Scenarios">Scenario documents (docs/planner.md#scenario-files).</param>
public sealed record CompareBody(IReadOnlyList<JsonObject> Scenarios);

/// <summary>What the planner page needs to start on a gemeente.</summary>
/// <param name="Gemeente">The gemeente.</param>
/// <param name="BaseYear">The suggested base year: the latest in which most of its buurten have a resilience score (else tenure figures).</param>
/// <param name="Years">Every year with buurten of the gemeente (any of them can be a base year).</param>
/// <param name="Buurten">Buurten of the gemeente in the base year.</param>
/// <param name="Limits">How much one request may ask for.</param>
/// <param name="Label">The what-if label.</param>
/// <param name="Parameters">The model's default assumptions, in the shape of a scenario document's <c>parameters</c>.</param>
public sealed record PlannerContextDto(AreaRefDto Gemeente, int BaseYear, IReadOnlyList<int> Years, int Buurten, PlannerLimitsDto Limits, string Label, JsonObject Parameters);

/// <summary>The bounds of one planner request.</summary>
public sealed record PlannerLimitsDto(int MaxYears, int MaxGemeenten, int MaxBuurten, int MaxReplicates, int MinScenarios, int MaxScenarios, int MaxPlacements);

/// <summary>A worked example of docs/planner/.</summary>
/// <param name="File">Its file name.</param>
/// <param name="Name">The scenario's name.</param>
/// <param name="Description">Its description.</param>
/// <param name="Document">The scenario document itself.</param>
public sealed record PlannerExampleDto(string File, string? Name, string? Description, JsonObject Document);

/// <summary>The body of <c>POST /api/v1/planner/optimise</c> as written (<see cref="OptimiseBody"/> describes it for the API).</summary>
internal sealed record OptimiseDocument(Field<string> Gemeente, Field<double> Placements, Field<double> Cap, Field<double> ExcludeAbove, Field<double> Year) : DocumentBody;

/// <summary>The body of <c>POST /api/v1/planner/compare</c> as written: each scenario is read by <c>ScenarioDocument</c> on its own.</summary>
internal sealed record CompareDocument(Field<ImmutableArray<JsonElement>> Scenarios) : DocumentBody;
