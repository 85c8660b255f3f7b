using Leefkracht.Core.Planner;

namespace Leefkracht.Monitor.Planner;

/// <summary>The planner's sentences in Dutch (default) and English: the what-if label and the optimiser's reasoning.</summary>
public static class PlannerText
{
    /// <summary>The label every planner output carries.</summary>
    public static string WhatIf(string language) => English(language)
        ? "What-if scenario, not a forecast: a projection under the stated assumptions (docs/planner.md)."
        : "Wat-als-scenario, geen voorspelling: een doorrekening onder de genoemde aannames (docs/planner.md).";

    /// <summary>Why the optimiser placed where it did, compared with the naive plan.</summary>
    public static IReadOnlyList<string> Explain(AllocationRecord record, IReadOnlyDictionary<AreaCode, string?> names, string language)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(names);
        var en = English(language);
        var plan = record.Plan;
        var naive = record.Naive;
        var candidates = record.Problem.Candidates;
        string Name(int i) => names.GetValueOrDefault(candidates[i].Area.Code) is { } n ? $"{n} ({candidates[i].Area.Code})" : candidates[i].Area.Code.Value;
        string Pct(double share) => (100 * share).ToString("0.0", CultureInfo.InvariantCulture) + " %";
        IEnumerable<int> With(PlacementReason reason) => Enumerable.Range(0, candidates.Length).Where(i => plan.Reasons[i] == reason);
        string List(IEnumerable<int> rows, int most = 5)
        {
            var all = rows.ToList();
            var shown = string.Join(", ", all.Take(most).Select(Name));
            return all.Count > most ? shown + (en ? $" and {all.Count - most} more" : $" en nog {all.Count - most}") : shown;
        }

        var lines = new List<string>();
        var worstNaive = Enumerable.Range(0, candidates.Length).Where(i => naive.Placements[i] > 0).MaxBy(i => candidates[i].ShareAfter(naive.Placements[i]));
        lines.Add(en
            ? $"Optimised ({plan.Status}): {plan.Placed} of {plan.Requested} placements over {plan.BuurtenUsed} buurten; no buurt that receives placements ends above {Pct(plan.WorstPlacedShare)} vulnerable households."
            : $"Geoptimaliseerd ({plan.Status}): {plan.Placed} van {plan.Requested} plaatsingen over {plan.BuurtenUsed} buurten; geen buurt die plaatsingen krijgt komt boven {Pct(plan.WorstPlacedShare)} kwetsbare huishoudens.");
        lines.Add(en
            ? $"Naive (where the vacancies are): {naive.Placed} placements over {naive.BuurtenUsed} buurten; the worst ends at {Pct(naive.WorstPlacedShare)}" + (candidates.Length > 0 && naive.Placed > 0 ? $" in {Name(worstNaive)}, which has {candidates[worstNaive].Vacancies:0} social-rent vacancies and already {Pct(candidates[worstNaive].ShareBefore)}." : ".")
            : $"Naïef (waar de vrijkomende woningen zijn): {naive.Placed} plaatsingen over {naive.BuurtenUsed} buurten; de slechtste komt op {Pct(naive.WorstPlacedShare)}" + (candidates.Length > 0 && naive.Placed > 0 ? $" in {Name(worstNaive)}, met {candidates[worstNaive].Vacancies:0} vrijkomende sociale huurwoningen en al {Pct(candidates[worstNaive].ShareBefore)}." : "."));
        if (With(PlacementReason.AtWorstLevel).Any())
        {
            lines.Add(en
                ? $"The bottleneck: {List(With(PlacementReason.AtWorstLevel))} reach that level; placing fewer there would push another buurt higher."
                : $"Het knelpunt: {List(With(PlacementReason.AtWorstLevel))} komen op dat niveau; minder plaatsen daar duwt een andere buurt hoger.");
        }

        var concentrated = With(PlacementReason.TooConcentrated).OrderByDescending(i => candidates[i].ShareBefore).ToList();
        if (concentrated.Count > 0)
        {
            lines.Add(en
                ? $"{concentrated.Count} buurten with vacancies get none because even one placement would lift them above {Pct(plan.WorstPlacedShare)}: {List(concentrated)}."
                : $"{concentrated.Count} buurten met vrijkomende woningen krijgen er geen, omdat één plaatsing ze al boven {Pct(plan.WorstPlacedShare)} tilt: {List(concentrated)}.");
        }

        var full = With(PlacementReason.AtCapacity).ToList();
        if (full.Count > 0)
        {
            lines.Add(en
                ? $"{full.Count} buurten take as many as the rules allow (capacity = vacancies × the maximum placement share): {List(full)}."
                : $"{full.Count} buurten krijgen zoveel als de regels toestaan (capaciteit = vrijkomende woningen × het maximale aandeel plaatsingen): {List(full)}.");
        }

        var excluded = Enumerable.Range(0, candidates.Length).Where(i => candidates[i].Excluded is not null).ToList();
        if (excluded.Count > 0)
        {
            lines.Add(en ? $"Excluded by a rule: {List(excluded)}." : $"Uitgesloten door een regel: {List(excluded)}.");
        }

        lines.Add(en
            ? $"Disruption Σ|p − n| = {plan.Disruption}: {plan.Disruption / 2} placements go elsewhere than the vacancies alone would send them (the second objective, minimised once the worst level is fixed)."
            : $"Verstoring Σ|p − n| = {plan.Disruption}: {plan.Disruption / 2} plaatsingen gaan ergens anders heen dan de vrijkomende woningen alleen ze zouden sturen (de tweede doelstelling, geminimaliseerd nadat het slechtste niveau vastligt).");
        if (plan.Refused > 0)
        {
            lines.Add(en
                ? $"{plan.Refused} placements find no room within the rules in these buurten."
                : $"{plan.Refused} plaatsingen vinden binnen de regels geen ruimte in deze buurten.");
        }

        lines.Add(WhatIf(language));
        return lines;
    }

    private static bool English(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
}
