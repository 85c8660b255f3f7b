using System.Globalization;
using Leefkracht.Core.Areas;
using Leefkracht.Core.Indicators;

namespace Leefkracht.Core.Indices;

/// <summary>One dimension's part in a change.</summary>
/// <param name="Dimension">The dimension.</param>
/// <param name="From">Its contribution in the first year.</param>
/// <param name="To">Its contribution in the second year.</param>
public sealed record DimensionChange(LivabilityDimension Dimension, double From, double To)
{
    /// <summary><see cref="To"/> − <see cref="From"/>; the dimension changes add up to the total change.</summary>
    public double Change => To - From;
}

/// <summary>One indicator's part in a change.</summary>
/// <param name="IndicatorId">The indicator.</param>
/// <param name="Dimension">Its dimension.</param>
/// <param name="FromValue">The value in the first year.</param>
/// <param name="ToValue">The value in the second year.</param>
/// <param name="FromContribution">Its contribution in the first year.</param>
/// <param name="ToContribution">Its contribution in the second year.</param>
public sealed record IndicatorChange(string IndicatorId, LivabilityDimension Dimension, double FromValue, double ToValue, double FromContribution, double ToContribution)
{
    /// <summary><see cref="ToContribution"/> − <see cref="FromContribution"/>.</summary>
    public double Change => ToContribution - FromContribution;
}

/// <summary>
/// How an area's livability changed between two years, on one reference and on the indicators it has in both
/// years — or why it cannot be compared.
/// </summary>
/// <param name="Area">The area (in the division of the second year).</param>
/// <param name="FromPeriod">The first year.</param>
/// <param name="ToPeriod">The second year.</param>
/// <param name="From">The first year's score on the common indicators.</param>
/// <param name="To">The second year's score on the common indicators.</param>
/// <param name="Change">To − From; <see langword="null"/> when not compared.</param>
/// <param name="ChangeClass">1 (sterk verslechterd) … 5 (geen verandering) … 9 (sterk verbeterd).</param>
/// <param name="Dimensions">Per dimension; the changes add up to <paramref name="Change"/>.</param>
/// <param name="Indicators">Per indicator, largest change first; they add up to <paramref name="Change"/>.</param>
/// <param name="OnlyInOneYear">Model indicators the area has in one of the two years only: left out of both.</param>
/// <param name="NotComparedReason">Why there is no change.</param>
public sealed record LivabilityTrend(
    AreaKey Area,
    int FromPeriod,
    int ToPeriod,
    LivabilityScore From,
    LivabilityScore To,
    double? Change,
    int? ChangeClass,
    IReadOnlyList<DimensionChange> Dimensions,
    IReadOnlyList<IndicatorChange> Indicators,
    IReadOnlyList<string> OnlyInOneYear,
    string? NotComparedReason)
{
    /// <summary>Whether the two years could be compared.</summary>
    public bool IsCompared => Change is not null;
}

/// <summary>
/// Livability change between two years that is real: both years are standardised against one reference (usually
/// the first year's, <see cref="ReferenceDistribution"/>) and restricted to the indicators the area has in both
/// years, so the change reflects changed values, not a changed reference, model coverage or data release.
/// </summary>
/// <remarks>
/// With both scores computed by <see cref="LivabilityIndex"/> on the same indicators and moments, the change ΔD =
/// D₂ − D₁ = Σ_D (C_D,2 − C_D,1) = Σᵢ (cᵢ,₂ − cᵢ,₁): it splits over dimensions and indicators exactly, as the
/// levels do. Its class uses the model's change scale (Leefbaarometer development classes: 1 sterk verslechterd,
/// 5 geen verandering, 9 sterk verbeterd). See docs/indices.md#trends.
/// </remarks>
public static class LivabilityTrends
{
    /// <summary>
    /// Compares two tables with the same rows (the first carried onto the second's areas, see <see cref="DivisionCarry"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The tables do not have the same rows.</exception>
    public static IReadOnlyList<LivabilityTrend> Compare(
        IndicatorTable from,
        IndicatorTable to,
        LivabilityModel model,
        StandardisationReference reference,
        Func<AreaKey, bool>? include = null)
    {
        LivabilityTrends.CheckArguments(from, to, model, reference);

        var ids = model.IndicatorIds.Where(reference.Moments.ContainsKey).ToList();
        var (maskedFrom, maskedTo, onlyOne) = MaskToCommon(from, to, ids);
        var fromScores = LivabilityIndex.Compute(maskedFrom, model, reference, include);
        var toScores = LivabilityIndex.Compute(maskedTo, model, reference, include);
        var trends = new List<LivabilityTrend>(fromScores.Count);
        for (var i = 0; i < fromScores.Count; i++)
        {
            var row = from.RowOf(fromScores[i].Area);
            trends.Add(Pair(fromScores[i], toScores[i], model, onlyOne[row]));
        }

        return trends;
    }

    private static LivabilityTrend Pair(LivabilityScore from, LivabilityScore to, LivabilityModel model, IReadOnlyList<string> onlyOne)
    {
        string? reason = null;
        if (from.NotScoredReason is { } a)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"{from.Period}: {a}");
        }
        else if (to.NotScoredReason is { } b)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"{to.Period}: {b}");
        }

        if (reason is not null)
        {
            return new LivabilityTrend(to.Area, from.Period, to.Period, from, to, null, null, [], [], onlyOne, reason);
        }

        var dimensions = from.Dimensions.Zip(to.Dimensions, (f, t) => new DimensionChange(f.Dimension, f.Contribution, t.Contribution)).ToList();
        var indicators = new List<IndicatorChange>();
        foreach (var (f, t) in from.Dimensions.Zip(to.Dimensions))
        {
            foreach (var fi in f.Indicators)
            {
                var ti = t.Indicators.First(x => x.IndicatorId == fi.IndicatorId);
                indicators.Add(new IndicatorChange(fi.IndicatorId, f.Dimension, fi.Value, ti.Value, fi.Contribution, ti.Contribution));
            }
        }

        var change = to.Deviation!.Value - from.Deviation!.Value;
        return new LivabilityTrend(
            to.Area,
            from.Period,
            to.Period,
            from,
            to,
            change,
            model.ChangeClasses.ClassOf(change),
            dimensions,
            [.. indicators.OrderByDescending(i => Math.Abs(i.Change))],
            onlyOne,
            null);
    }

    /// <summary>The arguments of a comparison of two years (livability or resilience): none null, and two tables with the same rows.</summary>
    /// <exception cref="ArgumentException">The tables do not have the same rows.</exception>
    internal static void CheckArguments<TModel>(IndicatorTable from, IndicatorTable to, TModel model, StandardisationReference reference)
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reference);
        if (!from.Areas.SequenceEqual(to.Areas))
        {
            throw new ArgumentException("both tables must have the same rows in the same order", nameof(to));
        }
    }

    /// <summary>Both tables with every indicator blanked where the other year lacks it, and per row the indicators so dropped.</summary>
    internal static (IndicatorTable From, IndicatorTable To, List<string>[] OnlyInOneYear) MaskToCommon(IndicatorTable from, IndicatorTable to, IReadOnlyList<string> ids)
    {
        var onlyOne = new List<string>[from.Areas.Length];
        for (var row = 0; row < onlyOne.Length; row++)
        {
            onlyOne[row] = [];
        }

        var fromColumns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var toColumns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var f = from.Column(id).ToArray();
            var t = to.Column(id).ToArray();
            for (var row = 0; row < f.Length; row++)
            {
                if (double.IsNaN(f[row]) != double.IsNaN(t[row]))
                {
                    onlyOne[row].Add(id);
                    f[row] = double.NaN;
                    t[row] = double.NaN;
                }
            }

            fromColumns[id] = f;
            toColumns[id] = t;
        }

        return (from.WithColumns(fromColumns), to.WithColumns(toColumns), onlyOne);
    }
}
