using System.Collections.Immutable;
using System.Globalization;
using Leefkracht.Core.Areas;

namespace Leefkracht.Core.Planner;

/// <summary>A buurt that may receive placements this year.</summary>
/// <param name="Area">The buurt.</param>
/// <param name="Households">Households H.</param>
/// <param name="Vulnerable">Vulnerable households V (before this year's placements).</param>
/// <param name="InflowVulnerableShare">
/// ℓ: the chance that the household a placement displaces from a social-rent vacancy would itself have been
/// vulnerable, so one placement adds 1 − ℓ vulnerable households in expectation.
/// </param>
/// <param name="Vacancies">Social-rent vacancies this year (expected).</param>
/// <param name="Capacity">The most placements the rules allow here.</param>
/// <param name="Excluded">Why the buurt takes none (a rule), if so.</param>
public sealed record PlacementCandidate(AreaKey Area, double Households, double Vulnerable, double InflowVulnerableShare, double Vacancies, int Capacity, string? Excluded = null)
{
    /// <summary>The vulnerable share now, v₀ = V / H.</summary>
    public double ShareBefore => Households > 0 ? Vulnerable / Households : 0;

    /// <summary>The rise of the share per placement, a = (1 − ℓ) / H (0 without households, as <see cref="ShareAfter"/>).</summary>
    public double RisePerPlacement => Households > 0 ? (1 - InflowVulnerableShare) / Households : 0;

    /// <summary>The vulnerable share after p placements: (V + (1 − ℓ)·p) / H (0 without households).</summary>
    public double ShareAfter(int placements) => Households > 0 ? (Vulnerable + ((1 - InflowVulnerableShare) * placements)) / Households : 0;
}

/// <summary>One year's placements to spread over candidate buurten.</summary>
/// <param name="Candidates">The buurten.</param>
/// <param name="Placements">Households to place.</param>
public sealed record PlacementProblem(ImmutableArray<PlacementCandidate> Candidates, int Placements)
{
    /// <summary>The capacity of all candidates together.</summary>
    public int TotalCapacity => Candidates.Sum(c => c.Capacity);

    /// <summary>What can be placed: min(placements, total capacity).</summary>
    public int Placeable => Math.Min(Placements, TotalCapacity);

    /// <summary>
    /// Checks what the planner relies on: placements and capacities not negative, finite numbers, and 0 ≤ ℓ ≤ 1
    /// (so a placement never lowers a buurt's share and its levels rise with its placements).
    /// </summary>
    /// <exception cref="ArgumentException">Every problem found, one per line, with the buurt it concerns.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (Placements < 0)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"placements: {Placements} is negative"));
        }

        foreach (var c in Candidates)
        {
            if (c.Capacity < 0)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{c.Area.Code}: capacity {c.Capacity} is negative"));
            }

            if (!double.IsFinite(c.Households) || !double.IsFinite(c.Vulnerable) || !double.IsFinite(c.Vacancies))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{c.Area.Code}: households {c.Households}, vulnerable {c.Vulnerable} and vacancies {c.Vacancies} must be finite"));
            }

            if (!(c.InflowVulnerableShare is >= 0 and <= 1))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{c.Area.Code}: inflow vulnerable share {c.InflowVulnerableShare} is outside [0, 1]"));
            }
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid placement problem:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }
    }
}

/// <summary>Why a buurt got what it got, in categories the explanation is written from.</summary>
public enum PlacementReason
{
    /// <summary>Received placements; its resulting share sets the plan's worst concentration (the bottleneck).</summary>
    AtWorstLevel,

    /// <summary>Received as many placements as the rules allow.</summary>
    AtCapacity,

    /// <summary>Received placements, below both its capacity and the worst level.</summary>
    Placed,

    /// <summary>Had room but got none: one placement would lift it above the plan's worst level.</summary>
    TooConcentrated,

    /// <summary>Got none although one more would not exceed the worst level (only a tie-break decided).</summary>
    NotNeeded,

    /// <summary>Excluded by a rule or without social-rent vacancies.</summary>
    NoCapacity,
}

/// <summary>A plan: placements per candidate (same order as the problem), its objectives and the reasoning.</summary>
/// <param name="Method">"vacancies" (naive) or "optimised".</param>
/// <param name="Placements">Placements per candidate.</param>
/// <param name="Requested">Placements asked for.</param>
/// <param name="WorstPlacedShare">
/// The primary objective: the highest resulting vulnerable share among the buurten that receive placements
/// (max over p &gt; 0 of (V + (1 − ℓ)p)/H); 0 when nothing is placed.
/// </param>
/// <param name="WorstShare">The highest resulting share among all candidates, placed or not.</param>
/// <param name="Disruption">
/// The second objective: Σ |p − n| against the vacancy-proportional plan n (twice the placements sent elsewhere):
/// the deviation from the corporations' ordinary letting.
/// </param>
/// <param name="Status">The solver's status (or "rule" for the naive plan).</param>
/// <param name="Reasons">Per candidate, why it got what it got.</param>
public sealed record PlacementPlan(
    string Method,
    ImmutableArray<int> Placements,
    int Requested,
    double WorstPlacedShare,
    double WorstShare,
    int Disruption,
    string Status,
    ImmutableArray<PlacementReason> Reasons)
{
    /// <summary>Households placed.</summary>
    public int Placed => Placements.Sum();

    /// <summary>Households that could not be placed (too little capacity).</summary>
    public int Refused => Requested - Placed;

    /// <summary>The number of buurten that receive placements.</summary>
    public int BuurtenUsed => Placements.Count(p => p > 0);
}
