using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leefkracht.Core.Planner;
using Leefkracht.Data.Documents;
using Leefkracht.Monitor.Planner;
using Leefkracht.Web.Monitor;
using Microsoft.AspNetCore.Mvc;

namespace Leefkracht.Web.Planner;

/// <summary>Options of a scenario run.</summary>
/// <param name="Lang">nl (default) or en: the what-if label and the baseline's name.</param>
/// <param name="Seed">With a seed, a seeded simulation adds 5th–95th percentile spreads.</param>
/// <param name="Replicates">Simulated replicates with a seed (1–50, default 20).</param>
public sealed record PlannerRunRequest([FromQuery] string? Lang, [FromQuery] QueryInteger? Seed, [FromQuery] QueryInteger? Replicates);

/// <summary>The planning context of a gemeente.</summary>
/// <param name="Gemeente">Code (GM0344) or name (Utrecht).</param>
/// <param name="Lang">nl (default) or en.</param>
public sealed record PlannerContextRequest([FromQuery] string? Gemeente, [FromQuery] string? Lang);

/// <summary>
/// The planner (docs/planner.md): run a scenario document against its baseline, compare scenarios, optimise one
/// year's placements. Every answer is a what-if, not a forecast, and says so (<c>whatIf</c>, <c>label</c>).
/// </summary>
public static class PlannerApi
{
    private const string ScenarioHelp = "A scenario document as in docs/planner.md#scenario-files (the format of docs/planner/*.json and `leefkracht scenario run`).";

    public static RouteGroupBuilder MapPlannerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/planner").WithTags("Planner");
        api.MapGet("/examples", GetExamples).WithName("GetPlannerExamples").WithSummary("The worked example scenarios of docs/planner/ (Utrecht 2023–2033)");
        api.MapGet("/context", GetContext).WithName("GetPlannerContext")
            .WithSummary("What planning a gemeente starts from: the suggested base year, the years with buurten, and the limits of one request");
        api.MapPost("/run", Run).WithName("RunScenario").RequireHeavyLimit()
            .WithSummary("Project a scenario document and its baseline (the same area and parameters without interventions): per buurt and year, and per year")
            .WithDescription(ScenarioHelp + " Invalid fields give 400 with `errors` keyed by their JSON path; an unknown gemeente gives 404.")
            .Accepts<JsonObject>("application/json");
        api.MapPost("/compare", Compare).WithName("CompareScenarios").RequireHeavyLimit()
            .WithSummary("Project 2–4 scenario documents side by side; per buurt the final-year difference against the first")
            .WithDescription("Body: {\"scenarios\": [document, …]} with the same base year and number of years. " + ScenarioHelp)
            .Accepts<CompareBody>("application/json");
        api.MapPost("/optimise", Optimise).WithName("OptimisePlacements").RequireHeavyLimit()
            .WithSummary("Spread one year's placements over a gemeente's buurten: the optimised plan against the naive one (where the vacancies are), with the reasoning")
            .Accepts<OptimiseBody>("application/json");
        return api;
    }

    internal static Ok<PlannerExampleDto[]> GetExamples() =>
        TypedResults.Ok(PlannerExamples.All.Select(e => new PlannerExampleDto(
            e.File, e.Document["name"]?.GetValue<string>(), e.Document["description"]?.GetValue<string>(), e.Document)).ToArray());

    internal static async Task<Results<Ok<PlannerContextDto>, ValidationProblem, ProblemHttpResult>> GetContext(
        [AsParameters] PlannerContextRequest request, DashboardMonitor dashboard, PlannerRunner runner)
    {
        var errors = new RequestErrors();
        errors.Language(request.Lang);
        if (string.IsNullOrWhiteSpace(request.Gemeente))
        {
            errors.Add("gemeente", ProblemText.Words["Planner.GemeenteRequired"]);
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var areas = await dashboard.AreasAsync();
        if (areas.FindGemeente(request.Gemeente!) is not { } gemeente)
        {
            return Problems.NotFound(ProblemText.Words.Format("Gemeente", request.Gemeente));
        }

        var years = await YearsWithBuurtenAsync(dashboard, areas, gemeente);
        if (years.Count == 0 || await runner.BaseYearAsync(gemeente, years) is not { } baseYear)
        {
            return Problems.NotFound(ProblemText.Words.Format("Planner.NoBuurten", gemeente, areas.NameOf(gemeente)));
        }
        return TypedResults.Ok(new PlannerContextDto(
            new AreaRefDto(gemeente.Value, areas.NameOf(gemeente)), baseYear, years, BuurtenOf(areas, gemeente, baseYear), Limits, PlannerText.WhatIf,
            PlannerJson.ParametersDocument(PlannerParameters.Default)));
    }

    internal static async Task<Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> Run(
        [AsParameters] PlannerRunRequest query, HttpRequest request, DashboardMonitor dashboard, PlannerRunner runner)
    {
        var errors = new RequestErrors();
        errors.Language(query.Lang);
        var seed = string.IsNullOrWhiteSpace(query.Seed?.Text) ? (ulong?)null : (ulong)errors.Number(query.Seed, 0, 0, int.MaxValue, "seed");
        var replicates = seed is null ? 1 : errors.Number(query.Replicates, 20, 1, PlannerLimits.MaxReplicates, "replicates");
        var body = await ReadBodyAsync(request, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (spec, unknown) = await CheckAsync(body!, "$", replicates, dashboard, errors);
        if (unknown is not null)
        {
            return unknown;
        }

        if (errors.Any)
        {
            return errors.ToProblem(ProblemText.Words["Title.Planner.Invalid"]);
        }

        var (ran, result) = await runner.TryRunAsync(async service =>
        {
            try
            {
                var run = await service.RunAsync(spec!, new RunOptions(Seed: seed, Replicates: replicates), request.HttpContext.RequestAborted);
                var baseline = await runner.BaselineAsync(spec!, PlannerText.Baseline);
                return (Run: (ScenarioRun?)run, Baseline: (ScenarioRun?)baseline, Invalid: (ValidationProblem?)null);
            }
            catch (DocumentException exception)
            {
                return (Run: null, Baseline: null, Invalid: FromScenario(exception, "$"));
            }
        }, request.HttpContext.RequestAborted);
        if (!ran)
        {
            return Busy();
        }

        var (scenarioRun, baseline, invalid) = result;
        if (invalid is not null)
        {
            return invalid;
        }

        var json = PlannerJson.Run(scenarioRun!);
        json["baseline"] = new JsonObject
        {
            ["scenario"] = baseline!.Name,
            ["summary"] = JsonSerializer.SerializeToNode(baseline.Years, PlannerJson.Options),
            ["buurten"] = JsonSerializer.SerializeToNode(baseline.Buurten, PlannerJson.Options),
        };
        return TypedResults.Ok(json);
    }

    internal static async Task<Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> Compare(
        [AsParameters] LanguageRequest query, HttpRequest request, DashboardMonitor dashboard, PlannerRunner runner)
    {
        var errors = new RequestErrors();
        errors.Language(query.Lang);
        var body = await ReadBodyAsync(request, errors);
        var documents = body is null ? [] : ScenarioList(body, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var specs = new List<ScenarioSpec>();
        for (var i = 0; i < documents.Count; i++)
        {
            var (spec, unknown) = await CheckAsync(documents[i], $"$.scenarios[{i}]", 1, dashboard, errors);
            if (unknown is not null)
            {
                return unknown;
            }

            if (spec is not null)
            {
                specs.Add(spec);
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem(ProblemText.Words["Title.Planner.InvalidAll"]);
        }

        for (var i = 1; i < specs.Count; i++)
        {
            if (specs[i].BaseYear != specs[0].BaseYear)
            {
                errors.Add($"$.scenarios[{i}].baseYear", ProblemText.Words.Format("Planner.BaseYearsDiffer", specs[i].BaseYear, specs[0].BaseYear));
            }

            if (specs[i].Years != specs[0].Years)
            {
                errors.Add($"$.scenarios[{i}].years", ProblemText.Words.Format("Planner.YearsDiffer", specs[i].Years, specs[0].Years));
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem(ProblemText.Words["Title.Planner.NotComparable"]);
        }

        var (ran, result) = await runner.TryRunAsync(async service =>
        {
            var runs = new List<ScenarioRun>();
            for (var i = 0; i < specs.Count; i++)
            {
                try
                {
                    runs.Add(await service.RunAsync(specs[i], cancellationToken: request.HttpContext.RequestAborted));
                }
                catch (DocumentException exception)
                {
                    return (Runs: runs, Invalid: FromScenario(exception, $"$.scenarios[{i}]"));
                }
            }

            return (Runs: runs, Invalid: (ValidationProblem?)null);
        }, request.HttpContext.RequestAborted);
        if (!ran)
        {
            return Busy();
        }

        return result.Invalid is { } invalid ? invalid : TypedResults.Ok(PlannerJson.Compare(result.Runs));
    }

    internal static async Task<Results<Ok<JsonNode>, ValidationProblem, ProblemHttpResult>> Optimise(
        [AsParameters] LanguageRequest query, HttpRequest request, DashboardMonitor dashboard, PlannerRunner runner)
    {
        var errors = new RequestErrors();
        errors.Language(query.Lang);
        var body = await ReadBodyAsync(request, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var root = ReadBody<OptimiseDocument>(body!, errors);
        var fields = new DocumentChecks();
        var gemeenteText = root?.Gemeente.Value?.Trim() ?? string.Empty;
        if (root is not null && gemeenteText.Length == 0)
        {
            fields.Add(DocumentWords.Problem("$.gemeente", "Document.Text"));
        }

        var placements = root is null ? 0 : fields.WholeNumber(root.Placements, "$.placements", null, 1, PlannerLimits.MaxPlacements);
        var cap = Share(root?.Cap ?? default, "$.cap", fields) ?? new AllocationRules().MaxPlacementShare;
        var exclude = Share(root?.ExcludeAbove ?? default, "$.excludeAbove", fields);
        int? year = root is null || root.Year.IsMissing ? null : fields.WholeNumber(root.Year, "$.year", null, 1990, 2100);
        if (root is not null)
        {
            fields.Unknown(root, "$");
        }

        AddProblems(errors, fields.Problems, "$");
        if (errors.Any)
        {
            return errors.ToProblem(ProblemText.Words["Title.Planner.OptimiseInvalid"]);
        }

        var areas = await dashboard.AreasAsync();
        if (areas.FindGemeente(gemeenteText) is not { } gemeente)
        {
            return Problems.NotFound(ProblemText.Words.Format("Planner.GemeenteAt", "$.gemeente", gemeenteText));
        }

        if (year is { } y && BuurtenOf(areas, gemeente, y) == 0)
        {
            errors.Add("$.year", ProblemText.Words.Format("Planner.NoBuurtenInYear", gemeente, areas.NameOf(gemeente), y));
            return errors.ToProblem(ProblemText.Words["Title.Planner.OptimiseInvalid"]);
        }

        // Without a year, the same base year as the planner page (GET /context), so that the API and the page agree.
        year ??= await runner.BaseYearAsync(gemeente, await YearsWithBuurtenAsync(dashboard, areas, gemeente));

        var (ran, result) = await runner.TryRunAsync(async service =>
        {
            try
            {
                var run = await service.OptimiseAsync([gemeente], placements, new AllocationRules(cap, 1.0, exclude), year, null, request.HttpContext.RequestAborted);
                return (Run: (OptimisationRun?)run, Invalid: (ValidationProblem?)null);
            }
            catch (DocumentException exception)
            {
                // The service checks an internal scenario; its paths point into that, so the whole request is named.
                var invalid = new RequestErrors();
                foreach (var p in ProblemsOf(exception))
                {
                    invalid.Add("$", p.Message, p.Code);
                }

                return (Run: null, Invalid: invalid.ToProblem(ProblemText.Words["Title.Planner.OptimiseDoesNotFit"]));
            }
        }, request.HttpContext.RequestAborted);
        if (!ran)
        {
            return Busy();
        }

        return result.Invalid is { } problem ? problem : TypedResults.Ok(PlannerJson.Optimisation(result.Run!));
    }

    private static readonly PlannerLimitsDto Limits = new(
        PlannerLimits.MaxYears, PlannerLimits.MaxGemeenten, PlannerLimits.MaxBuurten, PlannerLimits.MaxReplicates,
        PlannerLimits.MinScenarios, PlannerLimits.MaxScenarios, PlannerLimits.MaxPlacements);

    /// <summary>The scorable years in which the gemeente has buurten, oldest first.</summary>
    private static async Task<List<int>> YearsWithBuurtenAsync(DashboardMonitor dashboard, AreaIndex areas, AreaCode gemeente) =>
        [.. (await dashboard.YearsAsync()).Scorable.Where(y => BuurtenOf(areas, gemeente, y) > 0).Order()];

    private static int BuurtenOf(AreaIndex areas, AreaCode gemeente, int year) =>
        areas.Search(null, AreaLevel.Buurt, gemeente, year, int.MaxValue).Count;

    private static ProblemHttpResult Busy() => Problems.Unavailable(ProblemText.Words["Planner.Busy"]);

    /// <summary>
    /// Parses one scenario document and checks it against the store and the limits: every bad field goes to
    /// <paramref name="errors"/> keyed by its JSON path (under <paramref name="prefix"/>); a gemeente the store does
    /// not know is a 404.
    /// </summary>
    private static async Task<(ScenarioSpec? Spec, ProblemHttpResult? NotFound)> CheckAsync(ReadOnlyMemory<byte> document, string prefix, int replicates, DashboardMonitor dashboard, RequestErrors errors)
    {
        ScenarioSpec spec;
        try
        {
            spec = ScenarioDocument.Parse(document, "scenario");
        }
        catch (DocumentException exception)
        {
            AddScenarioErrors(errors, exception, prefix);
            return (null, null);
        }

        var before = errors.Count;
        var areas = await dashboard.AreasAsync();
        var years = await dashboard.YearsAsync();
        for (var i = 0; i < spec.Gemeenten.Length; i++)
        {
            if (areas.Latest(spec.Gemeenten[i]) is null)
            {
                return (null, Problems.NotFound(ProblemText.Words.Format("Planner.NotAGemeente", $"{prefix}.area.gemeenten[{i}]", spec.Gemeenten[i])));
            }
        }

        if (!years.Scorable.Contains(spec.BaseYear))
        {
            errors.Add(prefix + ".baseYear", ProblemText.Words.Format("Planner.BaseYear", spec.BaseYear, string.Join(", ", years.Scorable.Order())));
        }

        if (spec.Years > PlannerLimits.MaxYears)
        {
            errors.Add(prefix + ".years", ProblemText.Words.Format("Planner.TooManyYears", spec.Years, PlannerLimits.MaxYears));
        }

        if (spec.Gemeenten.Length > PlannerLimits.MaxGemeenten)
        {
            errors.Add(prefix + ".area.gemeenten", ProblemText.Words.Format("Planner.TooManyGemeenten", spec.Gemeenten.Length, PlannerLimits.MaxGemeenten));
        }

        var buurten = spec.Gemeenten.Sum(g => BuurtenOf(areas, g, spec.BaseYear)) + spec.Buurten.Length;
        if (buurten > PlannerLimits.MaxBuurten)
        {
            errors.Add(prefix + ".area", ProblemText.Words.Format("Planner.TooManyBuurten", buurten, PlannerLimits.MaxBuurten));
        }
        else if ((long)buurten * (spec.Years + 1) * replicates > PlannerLimits.MaxBuurtYears)
        {
            errors.Add(prefix, ProblemText.Words.Format("Planner.TooMuchWork", buurten, spec.Years + 1, replicates, PlannerLimits.MaxBuurtYears));
        }

        return (errors.Count > before ? null : spec, null);
    }

    private static ValidationProblem FromScenario(DocumentException exception, string prefix)
    {
        var errors = new RequestErrors();
        AddScenarioErrors(errors, exception, prefix);
        return errors.ToProblem(ProblemText.Words["Title.Planner.DoesNotFit"]);
    }

    private static void AddScenarioErrors(RequestErrors errors, DocumentException exception, string prefix) =>
        AddProblems(errors, ProblemsOf(exception), prefix);

    /// <summary>Each problem keyed by its path, moved under <paramref name="prefix"/> (<c>$.scenarios[1]</c>).</summary>
    private static void AddProblems(RequestErrors errors, IEnumerable<DocumentProblem> problems, string prefix)
    {
        foreach (var problem in problems)
        {
            errors.Add(prefix + problem.Path[1..], problem.Message, problem.Code);
        }
    }

    /// <summary>The problems of an exception; a message alone (no paths) is a problem of the whole document.</summary>
    private static ImmutableArray<DocumentProblem> ProblemsOf(DocumentException exception) =>
        exception.Problems.IsEmpty ? [new DocumentProblem("$", exception.Message)] : exception.Problems;

    /// <summary>The request body, at most <see cref="PlannerLimits.MaxBodyBytes"/>; null (and an error) when too large or empty.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, RequestErrors errors)
    {
        if (request.ContentLength > PlannerLimits.MaxBodyBytes)
        {
            errors.Add("$", ProblemText.Words["Planner.TooLarge"]);
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > PlannerLimits.MaxBodyBytes)
            {
                errors.Add("$", ProblemText.Words["Planner.TooLarge"]);
                return null;
            }
        }

        if (buffer.Length == 0)
        {
            errors.Add("$", ProblemText.Words["Planner.BodyRequired"]);
            return null;
        }

        return buffer.ToArray();
    }

    /// <summary>The documents of <c>{"scenarios": [ … ]}</c>, each as UTF-8 JSON for <see cref="ScenarioDocument.Parse(ReadOnlyMemory{byte}, string)"/>.</summary>
    private static List<byte[]> ScenarioList(byte[] body, RequestErrors errors)
    {
        if (ReadBody<CompareDocument>(body, errors) is not { } root)
        {
            return [];
        }

        var scenarios = root.Scenarios.Value;
        if (!root.Scenarios.HasValue || scenarios.Length < PlannerLimits.MinScenarios || scenarios.Length > PlannerLimits.MaxScenarios)
        {
            errors.Add("$.scenarios", ProblemText.Words.Format("Planner.ScenarioCount", PlannerLimits.MinScenarios, PlannerLimits.MaxScenarios));
            return [];
        }

        var checks = new DocumentChecks();
        checks.Unknown(root, "$");
        AddProblems(errors, checks.Problems, "$");
        return [.. scenarios.Select(d => Encoding.UTF8.GetBytes(d.GetRawText()))];
    }

    /// <summary>A JSON body as its document record; null, and the problems in <paramref name="errors"/>, when it is not JSON, not an object, or repeats a field.</summary>
    private static T? ReadBody<T>(byte[] body, RequestErrors errors)
        where T : DocumentBody
    {
        try
        {
            if (DocumentJson.Read<T>(body, "request", "The request body is not valid:") is { } root)
            {
                return root;
            }

            var problem = DocumentWords.Problem("$", "Document.Object");
            errors.Add(problem.Path, problem.Message, problem.Code);
        }
        catch (DocumentException exception)
        {
            AddProblems(errors, exception.Problems, "$");
        }

        return null;
    }

    /// <summary>An optional share in (0, 1].</summary>
    private static double? Share(Field<double> field, string path, DocumentChecks checks)
    {
        if (field.IsMissing)
        {
            return null;
        }

        if (field.HasValue && field.Value > 0 && field.Value <= 1)
        {
            return field.Value;
        }

        checks.Add(new DocumentProblem(path, ProblemText.Words.Format("Planner.Share", field.Json), "Planner.Share"));
        return null;
    }
}
