using System.Collections.Frozen;

namespace Leefkracht.Cli;

/// <summary>The planner commands' words in Dutch (default) and English, kept apart from <see cref="Texts"/> so the planner can grow on its own.</summary>
internal static class PlannerTexts
{
    private static readonly FrozenDictionary<string, (string Nl, string En)> Words = new Dictionary<string, (string, string)>
    {
        ["vacancies"] = ("Vrijkomend (sociaal)", "Vacancies (social)"),
        ["capacity"] = ("Ruimte", "Capacity"),
        ["share_now"] = ("Kwetsbaar nu", "Vulnerable now"),
        ["naive"] = ("Naïef → aandeel", "Naive → share"),
        ["optimised"] = ("Geoptimaliseerd → aandeel", "Optimised → share"),
        ["reason"] = ("Waarom", "Why"),
        ["reason.atWorstLevel"] = ("knelpunt: bepaalt het slechtste niveau", "bottleneck: sets the worst level"),
        ["reason.atCapacity"] = ("vol: zoveel als de regels toestaan", "full: as many as the rules allow"),
        ["reason.placed"] = ("geplaatst", "placed"),
        ["reason.tooConcentrated"] = ("geen: zou boven het niveau komen", "none: would exceed the level"),
        ["reason.notNeeded"] = ("geen: niet nodig", "none: not needed"),
        ["reason.noCapacity"] = ("geen ruimte of uitgesloten", "no room or excluded"),
        ["optimize_footer"] = ("Plaatsingen in {0}: {1} van {2} buurten krijgen er in een van beide plannen (--format csv toont alle buurten). Aandeel = kwetsbare huishoudens na plaatsing.", "Placements in {0}: {1} of {2} buurten receive some in either plan (--format csv lists every buurt). Share = vulnerable households after placement."),
        ["dwellings"] = ("Woningen", "Dwellings"),
        ["households"] = ("Huishoudens", "Households"),
        ["vulnerable"] = ("Kwetsbaar", "Vulnerable"),
        ["highest"] = ("Hoogste buurt", "Highest buurt"),
        ["above_tipping"] = ("Buurten ≥ {0}", "Buurten ≥ {0}"),
        ["mean_resilience"] = ("Gem. veerkracht", "Mean resilience"),
        ["very_vulnerable"] = ("Zeer kwetsbaar", "Very vulnerable"),
        ["placed"] = ("Geplaatst", "Placed"),
        ["refused"] = ("geweigerd", "refused"),
        ["share_in"] = ("Kwetsbaar {0}", "Vulnerable {0}"),
        ["resilience_in"] = ("Veerkracht {0}", "Resilience {0}"),
        ["placed_total"] = ("Geplaatst totaal", "Placed in total"),
        ["run_footer"] = ("De {0} van {1} buurten met de grootste verandering (--format csv toont alle buurten en jaren). Tussen haakjes met --seed: 5e–95e percentiel. Veerkracht: de index van de monitor, referentie {2}.", "The {0} of {1} buurten that change most (--format csv lists every buurt and year). In brackets with --seed: 5th–95th percentile. Resilience: the monitor's index, reference {2}."),
        ["compare_footer"] = ("{0}: kwetsbaar aandeel / veerkracht van de {1} buurten die het meest afwijken van '{2}'.", "{0}: vulnerable share / resilience of the {1} buurten that differ most from '{2}'."),
        ["chart_written"] = ("Grafiek geschreven naar {0}", "Chart written to {0}"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Get(string key, Texts texts) =>
        Words.TryGetValue(key, out var word) ? (texts.Language == "en" ? word.En : word.Nl) : key;

    public static string Format(string key, Texts texts, params object?[] args) => string.Format(CultureInfo.InvariantCulture, Get(key, texts), args);
}
