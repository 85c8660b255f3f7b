using System.Text.Json;
using Leefkracht.Core.Planner;
using Leefkracht.Monitor.Planner;
using Leefkracht.Web.Monitor;

namespace Leefkracht.Web.Planner;

/// <summary>
/// How much work one planner request may ask for. A run costs about buurten × years × replicates resilience rows,
/// and a request holds the planner's single slot while it runs, so these bound how long others wait.
/// </summary>
internal static class PlannerLimits
{
    public const int MaxYears = 30;
    public const int MaxGemeenten = 3;
    public const int MaxBuurten = 1000;
    public const int MaxReplicates = 50;
    public const int MinScenarios = 2;
    public const int MaxScenarios = 4;
    public const int MaxPlacements = 10_000;
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>A run of Utrecht (111 buurten) over 30 years with 50 replicates, not much more.</summary>
    public const int MaxBuurtYears = 200_000;
}

/// <summary>
/// Runs planner work one request at a time. A run is a second or two of CPU on a two-core server; letting them queue
/// (and answering 503 when the queue is long) keeps the dashboard's other requests quick. Base-year resilience comes
/// from <see cref="DashboardMonitor"/>, and so do baselines, which depend only on the scope, parameters and years.
/// </summary>
internal sealed class PlannerRunner(DashboardMonitor dashboard) : IDisposable
{
    private static readonly TimeSpan QueueLimit = TimeSpan.FromSeconds(30);
    private static readonly string DefaultParameters = JsonSerializer.Serialize(PlannerParameters.Default, PlannerJson.Options);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public PlannerService Service { get; } = new(dashboard.Store, (year, _) => dashboard.ResilienceAsync(year));

    public void Dispose() => _gate.Dispose();

    /// <summary>Runs <paramref name="work"/> in the planner's slot; false when the slot stayed busy too long.</summary>
    public async Task<(bool Ran, T? Result)> TryRunAsync<T>(Func<PlannerService, Task<T>> work, CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(QueueLimit, cancellationToken).ConfigureAwait(false))
        {
            return (false, default);
        }

        try
        {
            return (true, await work(Service).ConfigureAwait(false));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The scenario without interventions (the rule of <see cref="Scenario.Baseline"/>). Baselines of whole gemeenten
    /// with the default parameters are kept per data version: there are few of them, and the page asks for them often.
    /// </summary>
    public Task<ScenarioRun> BaselineAsync(ScenarioSpec spec, string name)
    {
        var baseline = spec with { Name = name, Description = string.Empty, Stock = [], Placements = [], Rules = new AllocationRules() };
        if (!spec.Buurten.IsEmpty || JsonSerializer.Serialize(spec.Parameters, PlannerJson.Options) != DefaultParameters)
        {
            return Service.RunAsync(baseline);
        }

        var key = string.Join('|', "planner-baseline", name, spec.BaseYear, spec.Years, string.Join(',', spec.Gemeenten));
        return dashboard.RememberAsync(key, () => Service.RunAsync(baseline));
    }

    /// <summary>
    /// The year to plan a gemeente from, once per data version: the latest of <paramref name="years"/> in which at
    /// least half of its buurten have a resilience score (so the page can show resilience), else the service's choice
    /// (<see cref="PlannerService.BaseYearAsync"/>: the latest year with tenure figures).
    /// </summary>
    public Task<int?> BaseYearAsync(AreaCode gemeente, IReadOnlyList<int> years) =>
        dashboard.RememberAsync("planner-base-year:" + gemeente.Value, async () =>
        {
            foreach (var year in years.OrderDescending())
            {
                var buurten = (await dashboard.ResilienceAsync(year).ConfigureAwait(false)).Scores
                    .Where(s => s.Area.Code.Level == AreaLevel.Buurt && s.Area.Code.Gemeente == gemeente).ToList();
                if (buurten.Count > 0 && buurten.Count(s => s.Score is not null) * 2 >= buurten.Count)
                {
                    return year;
                }
            }

            return await Service.BaseYearAsync([gemeente]).ConfigureAwait(false);
        });
}
