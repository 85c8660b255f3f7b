namespace Leefkracht.Monitor.Tests.Monitoring;

/// <summary>The watchlist and its backtest on the real panels of the sample.</summary>
public sealed class EarlyWarningTests(SampleStore sample)
{
    private static BacktestResult? _backtest;

    private async Task<BacktestResult> BacktestAsync()
    {
        if (_backtest is null)
        {
            await using var store = sample.Open();
            _backtest = await new EarlyWarningService(new MonitorService(store)).BacktestAsync(ModelDocument.HandSet, TestContext.Current.CancellationToken);
        }

        return _backtest;
    }

    [Fact]
    public async Task Backtest_ThreePanels_WithHonestCounts()
    {
        var backtest = await BacktestAsync();

        backtest.Panels.Select(p => p.Panel.Split(' ')[0]).ShouldBe(["Heerlen", "Haaglanden", "Good"]);
        backtest.Panels.Select(p => p.Cases.Count).ShouldBe([77, 643, 34256]);
        foreach (var panel in backtest.Panels)
        {
            foreach (var result in panel.Rules.Concat(panel.Tipping))
            {
                result.TruePositives.ShouldBeLessThanOrEqualTo(result.Flagged);
                result.TruePositives.ShouldBeLessThanOrEqualTo(result.Declines);
                var judged = result.Cases == panel.Cases.Count ? panel.Cases : [.. panel.Cases.Where(c => c.OutcomePeriod == panel.TestPeriod)];
                result.Declines.ShouldBe(judged.Count(c => result.Name.Contains("falls below", StringComparison.Ordinal) ? c.Tipped : c.Declined));
            }

            panel.TransferAuc.ShouldBeInRange(0.55, 0.8); // a model from the other panels ranks this one better than chance
        }
    }

    [Fact]
    public async Task Backtest_DefaultModel_IsTheFitOnAllPanels()
    {
        // The coefficients in EarlyWarningModel.Default were copied from this fit; when the data or the panels change,
        // this test says so.
        var backtest = await BacktestAsync();

        var pooled = backtest.PooledModel!;
        var defaults = EarlyWarningModel.Default.Fit;
        pooled.Intercept.ShouldBe(defaults.Intercept, 5e-4);
        for (var j = 0; j < defaults.Coefficients.Count; j++)
        {
            pooled.Coefficients[j].ShouldBe(defaults.Coefficients[j], 5e-4);
        }

        backtest.PooledCases.ShouldBe(backtest.Panels.Sum(p => p.Cases.Count));
    }

    [Fact]
    public async Task Watchlist_Heerlen2018_NamesTheAreasWithTheirReasons()
    {
        await using var store = sample.Open();
        var monitor = new MonitorService(store);

        var watchlist = await new EarlyWarningService(monitor).WatchlistAsync(2018, null, AreaCode.Parse("GM0917"), null, ModelDocument.HandSet, TestContext.Current.CancellationToken);

        watchlist.FromPeriod.ShouldBe(2017);
        watchlist.Signals.Count.ShouldBe(78); // the scored ones of the 57 buurten, 23 wijken and the gemeente
        watchlist.Entries.Count.ShouldBeGreaterThan(0);
        watchlist.Entries.ShouldAllBe(e => e.Findings.Count > 0 && e.Signals.Area.Code.Gemeente == AreaCode.Parse("GM0917"));
        watchlist.Entries.Select(e => e.Risk).ShouldBeInOrder(SortDirection.Descending);
        foreach (var entry in watchlist.Entries)
        {
            var reasons = WatchlistText.Reasons(entry, monitor.Catalog.Catalog, "households_low_income_pct");
            reasons.Count.ShouldBe(entry.Findings.Count);
            reasons.ShouldAllBe(r => r.Length > 20);
        }
    }
}
