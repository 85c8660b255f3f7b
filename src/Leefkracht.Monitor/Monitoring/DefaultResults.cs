using Leefkracht.Data.Storage;
using Leefkracht.Monitor.Models;

namespace Leefkracht.Monitor.Monitoring;

/// <summary>
/// What the dashboard shows by default — the default year scored with the default model against the national
/// reference, and its resilience — and the step that stores it right after an import (issue 17), so that the first
/// profile a freshly started server is asked for reads the year's results instead of waiting for them.
/// </summary>
public static class DefaultResults
{
    /// <summary>The livability model the dashboard shows.</summary>
    public static LivabilityModel Model => ModelDocument.Default;

    /// <summary>The resilience model the dashboard shows.</summary>
    public static ResilienceModel Resilience => ResilienceModel.Default;

    /// <summary>
    /// Computes and stores the default year's prepared indicators, scores, resilience, the Leefbaarometer values of its
    /// areas and watchlists (the national one and each gemeente's), unless the store holds them for the current data already (then they are only read).
    /// Returns the year, or null when no year can be scored.
    /// </summary>
    /// <remarks>
    /// Called by the process that imported, after the import committed: the computation is the one a server's warm-up
    /// and first profiles would do, keyed the same way (<see cref="MonitorService.ScoreAsync"/>,
    /// <see cref="EarlyWarningService.WatchlistAsync"/>), so a server started afterwards (or running meanwhile, after
    /// it noticed the import) reads it.
    /// </remarks>
    /// <param name="store">The store just imported into.</param>
    /// <param name="stepDone">Told the name of each step when it is done (the CLI's phase timings).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static async Task<int?> StoreAsync(IMonitorStore store, Action<string>? stepDone = null, CancellationToken cancellationToken = default)
    {
        var monitor = new MonitorService(store);
        if (await monitor.DefaultYearAsync(cancellationToken).ConfigureAwait(false) is not { } year)
        {
            return null;
        }

        var scored = await monitor.ScoreAsync(year, Model, ReferenceChoice.National, cancellationToken).ConfigureAwait(false);
        await monitor.ResilienceAsync(year, Resilience, ReferenceChoice.National, cancellationToken).ConfigureAwait(false);
        stepDone?.Invoke("store scores and resilience");
        await new LeefbaarometerService(store, monitor).LevelsOfAsync(scored.Prepared.Table, cancellationToken).ConfigureAwait(false);
        stepDone?.Invoke("store Leefbaarometer levels");
        await new EarlyWarningService(monitor).StoreDashboardWatchlistsAsync(year, Model, cancellationToken).ConfigureAwait(false);
        stepDone?.Invoke("store watchlists");
        return year;
    }
}
