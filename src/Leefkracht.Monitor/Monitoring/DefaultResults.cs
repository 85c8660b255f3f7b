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
    /// Computes and stores the default year's prepared indicators, scores and resilience, unless the store holds them
    /// for the current data already (then they are only read). Returns the year, or null when no year can be scored.
    /// </summary>
    /// <remarks>
    /// Called by the process that imported, after the import committed: the computation is the one a server's warm-up
    /// would do, keyed the same way (<see cref="MonitorService.ScoreAsync"/>), so a server started afterwards (or
    /// running meanwhile, after it noticed the import) reads it. The watchlists are not computed here: see
    /// docs/benchmarks.md, "Scores and resilience stored".
    /// </remarks>
    public static async Task<int?> StoreAsync(IMonitorStore store, CancellationToken cancellationToken = default)
    {
        var monitor = new MonitorService(store);
        if (await monitor.DefaultYearAsync(cancellationToken).ConfigureAwait(false) is not { } year)
        {
            return null;
        }

        await monitor.ScoreAsync(year, Model, ReferenceChoice.National, cancellationToken).ConfigureAwait(false);
        await monitor.ResilienceAsync(year, Resilience, ReferenceChoice.National, cancellationToken).ConfigureAwait(false);
        return year;
    }
}
