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
            _ => f.Signal.ToString(),
        })];
    }
}
