namespace Leefkracht.Web.Monitor;

/// <summary>
/// Computes the default year's results in the background after start-up, so that the first visitor does not wait
/// for a national year to be scored. It only warms: the results land in the monitor's memo through the same calls a
/// request makes, and nothing here keeps or invalidates anything.
/// </summary>
internal sealed class CacheWarmer(DataVersion version, DashboardMonitor dashboard, MapGeometryLoader geometry, ILogger<CacheWarmer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            StartupTimings.Mark("warm: start");
            await version.RefreshAsync(stoppingToken).ConfigureAwait(false);
            StartupTimings.Mark("warm: version");
            await dashboard.AreasAsync().ConfigureAwait(false);
            StartupTimings.Mark("warm: areas");
            if ((await dashboard.YearsAsync().ConfigureAwait(false)).Default is { } year)
            {
                var scored = await dashboard.ScoresAsync(year).ConfigureAwait(false);
                StartupTimings.Mark("warm: scores");
                await dashboard.ResilienceAsync(year).ConfigureAwait(false);
                StartupTimings.Mark("warm: resilience");

                // A profile shows its area's Leefbaarometer series: stored by the import, read here before the map's
                // geometry so that a profile asked right after start-up does not queue behind it.
                await dashboard.Leefbaarometer.LevelsOfAsync(scored.Prepared.Table, stoppingToken).ConfigureAwait(false);
                StartupTimings.Mark("warm: leefbaarometer");
                await geometry.LoadAsync(Core.Areas.AreaLevel.Gemeente, year, MapDetail.Low).ConfigureAwait(false);
                StartupTimings.Mark("warm: geom gemeente");
                await geometry.LoadAsync(Core.Areas.AreaLevel.Buurt, year, MapDetail.Low).ConfigureAwait(false);
                StartupTimings.Mark("warm: geom buurt");

                // The national watchlist compares the year with up to six earlier ones; the monitor remembers those
                // trends, so every gemeente's watchlist (asked for by each profile) is then a matter of milliseconds.
                await dashboard.WatchlistAsync(year).ConfigureAwait(false);
                StartupTimings.Mark("warm: watchlist");
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Warming is an optimisation: a request computes what is missing and reports its own errors.
            logger.LogWarning(exception, "warming the caches failed");
        }
    }

    /// <summary>
    /// Lets the results computed by requests finish being stored (<see cref="Leefkracht.Monitor.Monitoring.MonitorService.WritesInBackground"/>)
    /// before the store is closed, so that the next start reads them.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await dashboard.Monitor.StoredAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Not stored: the next process that needs the result computes it again.
            logger.LogWarning(exception, "storing a computed result failed");
        }
    }
}
