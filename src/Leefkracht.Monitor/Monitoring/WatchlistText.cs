namespace Leefkracht.Monitor.Monitoring;

/// <summary>The reasons of a watchlist entry in words, in Dutch or English.</summary>
public static class WatchlistText
{
    /// <summary>One sentence per rule that fired.</summary>
    public static IReadOnlyList<string> Reasons(WatchlistEntry entry, IndicatorCatalog catalog, string? vulnerableIndicator, string language)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(catalog);
        var en = NoteText.IsEnglish(language);
        var numbers = NoteText.Numbers(language);
        var s = entry.Signals;
        string Signed(double v) => NoteText.Signed(v, numbers);
        var share = vulnerableIndicator is not null && catalog.TryGet(vulnerableIndicator, out var definition) ? definition.Name(language).ToLowerInvariant() : en ? "vulnerable share" : "aandeel kwetsbare huishoudens";
        return [.. entry.Findings.Select(f => f.Signal switch
        {
            WarningSignal.NearTippingPoint => en
                ? $"just above the weak/sufficient boundary ({Signed(f.Value)})"
                : $"net boven de grens zwak/voldoende ({Signed(f.Value)})",
            WarningSignal.NearTippingPointAndDeclining => en
                ? $"just above the weak/sufficient boundary ({Signed(f.Value)}) and declining ({Signed(s.Change!.Value)} since {s.FromPeriod})"
                : $"net boven de grens zwak/voldoende ({Signed(f.Value)}) en dalend ({Signed(s.Change!.Value)} sinds {s.FromPeriod})",
            WarningSignal.BelowTippingPointAndDeclining => en
                ? $"below the weak/sufficient boundary ({Signed(f.Value)}) and still declining ({Signed(s.Change!.Value)} since {s.FromPeriod})"
                : $"onder de grens zwak/voldoende ({Signed(f.Value)}) en verder dalend ({Signed(s.Change!.Value)} sinds {s.FromPeriod})",
            WarningSignal.Declining => en
                ? $"livability clearly declined: {Signed(f.Value)} since {s.FromPeriod}"
                : $"leefbaarheid duidelijk verslechterd: {Signed(f.Value)} sinds {s.FromPeriod}",
            WarningSignal.RisingVulnerableShare => en
                ? $"{share} rose by {f.Value.ToString("0.0", numbers)} points to {s.VulnerableShare?.ToString("0.#", numbers)} %"
                : $"{share} steeg met {f.Value.ToString("0.0", numbers)} procentpunt naar {s.VulnerableShare?.ToString("0.#", numbers)} %",
            WarningSignal.CorporatiebuurtDeclining => en
                ? $"a corporatiebuurt (more than two thirds corporation dwellings) whose livability declines ({Signed(f.Value)})"
                : $"corporatiebuurt (meer dan twee derde corporatiewoningen) met dalende leefbaarheid ({Signed(f.Value)})",
            WarningSignal.ResilienceFalling => en
                ? $"resilience fell by {Math.Abs(f.Value).ToString("0.00", numbers)}"
                : $"veerkracht daalde met {Math.Abs(f.Value).ToString("0.00", numbers)}",
            _ => f.Signal.ToString(),
        })];
    }
}
