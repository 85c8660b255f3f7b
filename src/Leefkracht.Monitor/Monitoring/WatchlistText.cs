namespace Leefkracht.Monitor.Monitoring;

/// <summary>The reasons of a watchlist entry in words, in Dutch or English.</summary>
public static class WatchlistText
{
    /// <summary>One sentence per rule that fired.</summary>
    public static IReadOnlyList<string> Reasons(WatchlistEntry entry, IndicatorCatalog catalog, string? vulnerableIndicator)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(catalog);
        var words = NoteWords.Words;
        var numbers = NoteText.Numbers;
        var s = entry.Signals;
        string Signed(double v) => NoteText.Signed(v, numbers);
        var share = vulnerableIndicator is not null && catalog.TryGet(vulnerableIndicator, out var definition) ? definition.Name().ToLowerInvariant() : words["Watch.VulnerableShare"];
        return [.. entry.Findings.Select(f => f.Signal switch
        {
            WarningSignal.NearTippingPoint => words.Format("Watch.NearTippingPoint", Signed(f.Value)),
            WarningSignal.NearTippingPointAndDeclining => words.Format("Watch.NearTippingPointAndDeclining", Signed(f.Value), Signed(s.Change!.Value), s.FromPeriod),
            WarningSignal.BelowTippingPointAndDeclining => words.Format("Watch.BelowTippingPointAndDeclining", Signed(f.Value), Signed(s.Change!.Value), s.FromPeriod),
            WarningSignal.Declining => words.Format("Watch.Declining", Signed(f.Value), s.FromPeriod),
            WarningSignal.RisingVulnerableShare => words.Format("Watch.RisingVulnerableShare", share, f.Value.ToString("0.0", numbers), s.VulnerableShare?.ToString("0.#", numbers)),
            WarningSignal.CorporatiebuurtDeclining => words.Format("Watch.CorporatiebuurtDeclining", Signed(f.Value)),
            WarningSignal.ResilienceFalling => words.Format("Watch.ResilienceFalling", Math.Abs(f.Value).ToString("0.00", numbers)),
            WarningSignal.ZwakOrWorse => words.Format("Watch.ZwakOrWorse", Signed(f.Value)),
            _ => f.Signal.ToString(),
        })];
    }

    /// <summary>The risk column's name: what the number means.</summary>
    public static string RiskLabel => NoteWords.Words["Watch.RiskLabel"];

    /// <summary>
    /// What the risk means, when an area is listed, and how it did in the backtest on the Leefbaarometer — including,
    /// plainly, whether it beats the naive rule "lowest current score".
    /// </summary>
    public static IReadOnlyList<string> Basis(FallRiskModel model, FallBacktest? backtest)
    {
        ArgumentNullException.ThrowIfNull(model);
        var words = NoteWords.Words;
        var numbers = NoteText.Numbers;
        string Percent(double v) => NoteText.Percent(v, "0.#");
        var lines = new List<string> { words.Format("Watch.RiskDefinition", Percent(model.ListThreshold), FallRiskModel.ListMultiple.ToString(numbers), Percent(model.BaseRate)) };
        if (backtest is null)
        {
            lines.Add(words["Watch.NoBacktest"]);
            return lines;
        }

        var (first, last) = (FallRiskBacktest.TestYears[0], FallRiskBacktest.TestYears[^1]);
        var k = FallRiskBacktest.Ks[1];
        int Hits(string ranking, int year) => backtest.Of(ranking, "fall", year).At(k).Hits;
        lines.Add(words.Format(
            "Watch.RiskBacktest", k, Hits("model", first), first, first + FallRiskBacktest.Horizon, Hits("model", last), last, last + FallRiskBacktest.Horizon,
            Hits("lowest-score", first), Hits("lowest-score", last), Percent(backtest.Of("model", "fall", first).BaseRate), Percent(backtest.Of("model", "fall", last).BaseRate)));
        lines.Add(words[backtest.BeatsLowestScore ? "Watch.Better" : "Watch.NotBetter"]);
        return lines;
    }
}
