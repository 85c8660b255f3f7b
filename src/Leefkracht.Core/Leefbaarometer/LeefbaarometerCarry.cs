using Leefkracht.Core.Areas;

namespace Leefkracht.Core.Leefbaarometer;

/// <summary>One cell of a postcode crosswalk: how many addresses of postcode area <paramref name="Postcode"/> lie in <paramref name="Area"/>.</summary>
/// <param name="Postcode">The four-digit postcode area.</param>
/// <param name="Area">The area of the target division.</param>
/// <param name="Addresses">The number of addresses.</param>
public readonly record struct PostcodeCell(string Postcode, AreaCode Area, double Addresses);

/// <summary>
/// Carries Leefbaarometer scores published per postcode area (PC4) to wijken and gemeenten by address counts.
/// </summary>
/// <remarks>
/// With a<sub>pT</sub> the addresses of PC4 p in area T and S<sub>Y</sub> the PC4s with a score in year Y:
/// <c>afw_T = Σ_{p∈S} a_pT · afw_p / Σ_{p∈S} a_pT</c> (the same for each dimension, so the dimensions still add up
/// to the deviation), <c>coverage_T = Σ_{p∈S} a_pT / Σ_p a_pT</c>, and a value only when the coverage is at least
/// <see cref="MinimumCoverage"/>; <c>lbm_T = reference + afw_T</c>. <c>purity_T = Σ_p a_pT · (a_pT / A_p) / Σ_p
/// a_pT</c> with A<sub>p</sub> all addresses of p says how much of T's value comes from postcode areas that lie
/// inside T (a small wijk may inherit the score of a PC4 that mostly lies elsewhere). Addresses are the weights
/// because the crosswalk splits a PC4 by addresses only; no inhabitants per PC4 × wijk cell exist.
/// </remarks>
public static class LeefbaarometerCarry
{
    /// <summary>The share of an area's addresses that must lie in scored postcode areas for the area to get a value.</summary>
    public const double MinimumCoverage = 0.5;

    /// <summary>
    /// The values of the areas of <paramref name="cells"/> (division <paramref name="divisionYear"/>) in the year of
    /// <paramref name="scores"/>, ordered by area code; areas below the minimum coverage get none.
    /// </summary>
    /// <param name="scores">One year's postcode scores of one edition.</param>
    /// <param name="reference">The edition's reference (<c>lbm − afw</c>).</param>
    /// <param name="cells">The postcode crosswalk into the target division (one level).</param>
    /// <param name="divisionYear">The division year of the target areas.</param>
    public static IReadOnlyList<LeefbaarometerValue> Carry(IReadOnlyList<LeefbaarometerScore> scores, double reference, IReadOnlyList<PostcodeCell> cells, int divisionYear)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(cells);
        if (scores.Select(s => s.Year).Distinct().Count() > 1 || scores.Any(s => s.Unit != LeefbaarometerUnit.Postcode))
        {
            throw new ArgumentException("carry one year of postcode scores at a time", nameof(scores));
        }

        var byPostcode = scores.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var postcodeTotals = cells.GroupBy(c => c.Postcode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Addresses), StringComparer.Ordinal);
        var values = new List<LeefbaarometerValue>();
        foreach (var area in cells.GroupBy(c => c.Area).OrderBy(g => g.Key))
        {
            var total = area.Sum(c => c.Addresses);
            var purity = area.Sum(c => postcodeTotals[c.Postcode] > 0 ? c.Addresses * (c.Addresses / postcodeTotals[c.Postcode]) : 0) / total;
            var scored = area.Where(c => byPostcode.ContainsKey(c.Postcode)).Select(c => (Cell: c, Score: byPostcode[c.Postcode])).ToList();
            var weight = scored.Sum(s => s.Cell.Addresses);
            if (total <= 0 || weight <= 0 || weight / total < MinimumCoverage)
            {
                continue;
            }

            var deviation = scored.Sum(s => s.Cell.Addresses * s.Score.Deviation) / weight;
            LeefbaarometerDimensions? dimensions = null;
            if (scored.All(s => s.Score.Dimensions is not null))
            {
                double Mean(Func<LeefbaarometerDimensions, double> part) => scored.Sum(s => s.Cell.Addresses * part(s.Score.Dimensions!)) / weight;
                dimensions = new LeefbaarometerDimensions(Mean(d => d.Physical), Mean(d => d.Nuisance), Mean(d => d.Social), Mean(d => d.Amenities), Mean(d => d.Housing));
            }

            values.Add(new LeefbaarometerValue(
                new AreaKey(area.Key, divisionYear),
                scored[0].Score.Year,
                reference + deviation,
                deviation,
                dimensions,
                reference,
                LeefbaarometerUnit.Postcode,
                weight / total,
                purity,
                scored.Count));
        }

        return values;
    }
}
