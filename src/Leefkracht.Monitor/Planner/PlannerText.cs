using Leefkracht.Core.Planner;
using Leefkracht.Core.Text;
using Leefkracht.Monitor.Monitoring;

namespace Leefkracht.Monitor.Planner;

/// <summary>The planner's sentences (PlannerText.resx, Dutch; PlannerText.en.resx): the what-if label and the optimiser's reasoning.</summary>
public static class PlannerText
{
    private static readonly Words Words = new(typeof(PlannerText));

    /// <summary>The label every planner output carries.</summary>
    public static string WhatIf => Words["WhatIf"];

    /// <summary>The name of the run without interventions.</summary>
    public static string Baseline => Words["Baseline"];

    /// <summary>Why the optimiser placed where it did, compared with the naive plan.</summary>
    public static IReadOnlyList<string> Explain(AllocationRecord record, IReadOnlyDictionary<AreaCode, string?> names)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(names);
        var plan = record.Plan;
        var naive = record.Naive;
        var candidates = record.Problem.Candidates;
        string Name(int i) => names.GetValueOrDefault(candidates[i].Area.Code) is { } n ? $"{n} ({candidates[i].Area.Code})" : candidates[i].Area.Code.Value;
        string Pct(double share) => NoteText.Percent(share, "0.0");
        IEnumerable<int> With(PlacementReason reason) => Enumerable.Range(0, candidates.Length).Where(i => plan.Reasons[i] == reason);
        string List(IEnumerable<int> rows, int most = 5)
        {
            var all = rows.ToList();
            var shown = string.Join(", ", all.Take(most).Select(Name));
            return all.Count > most ? shown + Words.Format("AndMore", all.Count - most) : shown;
        }

        var lines = new List<string>();
        var worstNaive = Enumerable.Range(0, candidates.Length).Where(i => naive.Placements[i] > 0).MaxBy(i => candidates[i].ShareAfter(naive.Placements[i]));
        lines.Add(Words.Format("Optimised", plan.Placed, plan.Requested, plan.BuurtenUsed, Pct(plan.WorstPlacedShare)));
        lines.Add(Words.Format("Naive", naive.Placed, naive.BuurtenUsed, Pct(naive.WorstPlacedShare))
            + (candidates.Length > 0 && naive.Placed > 0
                ? Words.Format("NaiveWorst", Name(worstNaive), candidates[worstNaive].Vacancies.ToString("0", CultureInfo.InvariantCulture), Pct(candidates[worstNaive].ShareBefore))
                : "."));
        if (With(PlacementReason.AtWorstLevel).Any())
        {
            lines.Add(Words.Format("Bottleneck", List(With(PlacementReason.AtWorstLevel))));
        }

        var concentrated = With(PlacementReason.TooConcentrated).OrderByDescending(i => candidates[i].ShareBefore).ToList();
        if (concentrated.Count > 0)
        {
            lines.Add(Words.Format("TooConcentrated", concentrated.Count, Pct(plan.WorstPlacedShare), List(concentrated)));
        }

        var full = With(PlacementReason.AtCapacity).ToList();
        if (full.Count > 0)
        {
            lines.Add(Words.Format("AtCapacity", full.Count, List(full)));
        }

        var excluded = Enumerable.Range(0, candidates.Length).Where(i => candidates[i].Excluded is not null).ToList();
        if (excluded.Count > 0)
        {
            lines.Add(Words.Format("Excluded", List(excluded)));
        }

        lines.Add(Words.Format("Disruption", plan.Disruption / 2));
        if (plan.Refused > 0)
        {
            lines.Add(Words.Format("Refused", plan.Refused));
        }

        lines.Add(WhatIf);
        return lines;
    }
}
