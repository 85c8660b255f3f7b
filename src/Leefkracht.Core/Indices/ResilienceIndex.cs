using Leefkracht.Core.Areas;
using Leefkracht.Core.Indicators;

namespace Leefkracht.Core.Indices;

/// <summary>One indicator of the resilience model.</summary>
/// <param name="IndicatorId">The catalog indicator.</param>
/// <param name="Weight">Relative weight within its side (capacity or pressure).</param>
/// <param name="Reason">Why it is there.</param>
public sealed record ResilienceIndicator(string IndicatorId, double Weight, string Reason);

/// <summary>
/// The resilience (veerkracht) model: the capacity of an area (indicators where more means more capacity) set
/// against the pressure of vulnerable households (indicators where more means more pressure), after the Aedes
/// study "Veerkracht in het corporatiebezit" (2018, 2020): livability comes under pressure where the share of
/// vulnerable households outgrows what the neighbourhood can carry.
/// </summary>
/// <param name="Capacity">Indicators of capacity.</param>
/// <param name="Pressure">Indicators of vulnerability and pressure (including turnover where measured).</param>
/// <param name="ClassBounds">Four ascending bounds for five classes.</param>
/// <param name="MinimumCoverage">Smallest share of each side's weight an area needs values for.</param>
/// <param name="MinimumPopulation">Fewest inhabitants an area must have: shares of a handful of households say little.</param>
public sealed record ResilienceModel(
    IReadOnlyList<ResilienceIndicator> Capacity,
    IReadOnlyList<ResilienceIndicator> Pressure,
    IReadOnlyList<double> ClassBounds,
    double MinimumCoverage = 0.3,
    double MinimumPopulation = 50)
{
    /// <summary>Every indicator the model uses.</summary>
    public IEnumerable<string> IndicatorIds => Capacity.Concat(Pressure).Select(i => i.IndicatorId);

    /// <summary>The documented default (docs/indices.md#resilience).</summary>
    public static ResilienceModel Default { get; } = new(
        Capacity:
        [
            new("households_highest_20pct_income_pct", 1.0, "Households in the national top-20 % of incomes: the economic capacity to carry the neighbourhood."),
            new("household_income_standardised", 1.0, "Average standardised household income."),
            new("labour_participation_pct", 1.0, "Net labour participation: people with work carry networks and routines into the neighbourhood."),
            new("employees_of_population_pct", 1.0, "Employees among all inhabitants (ELAN): the same capacity, measured where the KWB is not available."),
            new("dwellings_owner_occupied_pct", 0.5, "Owner-occupiers stay longer and invest in the area."),
            new("income_per_inhabitant", 0.5, "Average income per inhabitant, where the household figures are missing."),
        ],
        Pressure:
        [
            new("households_low_income_pct", 1.0, "Households with a low income (CBS)."),
            new("households_social_minimum_pct", 1.0, "Households at or below the social minimum: the core group of the Veerkracht study."),
            new("persons_low_income_pct", 1.0, "Persons in a low-income household (ELAN, Haaglanden)."),
            new("benefits_social_assistance_per_1000", 1.0, "People on social assistance (bijstand) per 1,000 inhabitants: far from the labour market."),
            new("welfare_benefit_pct", 1.0, "Share on welfare benefit (ELAN)."),
            new("benefits_disability_per_1000", 0.5, "People on disability benefit per 1,000 inhabitants."),
            new("wmo_clients_per_1000", 0.5, "Wmo (social support) clients per 1,000 inhabitants: care use in the neighbourhood."),
            new("youth_care_pct", 0.5, "Young people receiving youth care."),
            new("unemployment_benefit_pct", 0.5, "Persons on unemployment benefit (ELAN)."),
            new("wmo_users_pct", 0.5, "Persons with Wmo social support (ELAN): care use in the neighbourhood."),
            new("mental_health_care_pct", 0.5, "Persons with mental-health care costs (ELAN): the GGZ clients the Veerkracht study sees concentrating in corporation stock."),
            new("problematic_debt_pct", 0.5, "Persons in statutory debt restructuring (ELAN)."),
            new("health_insurance_defaulters_pct", 0.5, "Health-insurance defaulters (ELAN): payment problems."),
            new("moved_more_than_once_pct", 0.5, "Turnover: persons who moved more than once (ELAN); high turnover weakens social ties."),
        ],
        ClassBounds: [-2.0, -1.0, 1.0, 2.0]);

    /// <summary>The class (1–5) of a resilience score.</summary>
    public int ClassOf(double score) => ClassBounds.TakeWhile(b => score >= b).Count() + 1;

    /// <summary>The name of a class (1 zeer kwetsbaar … 5 zeer veerkrachtig) in the user's language.</summary>
    public static string NameOf(int @class) => IndexWords.Words[$"ResilienceClass{@class}"];
}

/// <summary>One indicator's part in a resilience score.</summary>
/// <param name="IndicatorId">The indicator.</param>
/// <param name="Value">The area's value.</param>
/// <param name="StandardScore">(x − μ) / σ against the reference (not direction-adjusted), clipped to ±3.</param>
/// <param name="Contribution">Its signed part in the score: + for capacity, − for pressure.</param>
public sealed record ResilienceContribution(string IndicatorId, double Value, double StandardScore, double Contribution);

/// <summary>
/// An area's resilience: capacity minus pressure in standard-score units, the vulnerable share with its location
/// quotients, the corporation share and flag, and turnover where measured.
/// </summary>
/// <param name="Area">The area.</param>
/// <param name="Period">The year.</param>
/// <param name="Score">Capacity − pressure; <see langword="null"/> when not scored.</param>
/// <param name="Class">1 (zeer kwetsbaar) … 5 (zeer veerkrachtig).</param>
/// <param name="Capacity">The capacity side (weighted mean standard score).</param>
/// <param name="Pressure">The pressure side (weighted mean standard score).</param>
/// <param name="Contributions">Indicator parts; they add up to <paramref name="Score"/>.</param>
/// <param name="VulnerableIndicator">The indicator used as the headline vulnerable share.</param>
/// <param name="VulnerableShare">Its value.</param>
/// <param name="LocationQuotientGemeente">Vulnerable share ÷ the gemeente's.</param>
/// <param name="LocationQuotientCountry">Vulnerable share ÷ the reference's (population-weighted).</param>
/// <param name="CorporationShare">Share of dwellings owned by housing corporations.</param>
/// <param name="IsCorporatiebuurt">More than two thirds of the dwellings owned by corporations.</param>
/// <param name="Turnover">Share of persons that moved more than once, where measured.</param>
/// <param name="NotScoredReason">Why there is no score, worded in the user's language when shown.</param>
public sealed record ResilienceScore(
    AreaKey Area,
    int Period,
    double? Score,
    int? Class,
    double? Capacity,
    double? Pressure,
    IReadOnlyList<ResilienceContribution> Contributions,
    string? VulnerableIndicator,
    double? VulnerableShare,
    double? LocationQuotientGemeente,
    double? LocationQuotientCountry,
    double? CorporationShare,
    bool IsCorporatiebuurt,
    double? Turnover,
    ScoreGap? NotScoredReason);

/// <summary>
/// Computes resilience (veerkracht) per area.
/// </summary>
/// <remarks>
/// Capacity C = Σ wᵢzᵢ / Σ wᵢ over the capacity indicators the area has, pressure P likewise over the pressure
/// indicators, zᵢ = (xᵢ − μᵢ)/σᵢ against the population-weighted reference (clipped to ±3); the score R = C − P, so
/// each indicator's part is +wᵢzᵢ/Σw (capacity) or −wᵢzᵢ/Σw (pressure) and the parts add up to R.
/// Location quotient LQ = p_area / p_reference (Isard 1960; see docs/indices.md#resilience); the corporatiebuurt
/// flag follows the Aedes definition: more than 2/3 of the dwellings owned by corporations.
/// </remarks>
public static class ResilienceIndex
{
    /// <summary>The share of corporation dwellings above which an area is a corporatiebuurt (Aedes: two thirds).</summary>
    public const double CorporatiebuurtThreshold = 200.0 / 3.0;

    private static readonly string[] VulnerableHeadline = ["households_low_income_pct", "persons_low_income_pct", "households_social_minimum_pct", "benefits_social_assistance_per_1000", "welfare_benefit_pct"];

    /// <summary>Scores every area of the table (or those <paramref name="include"/> selects).</summary>
    public static IReadOnlyList<ResilienceScore> Compute(IndicatorTable table, ResilienceModel model, StandardisationReference reference, Func<AreaKey, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reference);
        var capacity = Plan(table, model.Capacity, reference);
        var pressure = Plan(table, model.Pressure, reference);
        var corporation = table.Column("dwellings_corporation_pct");
        var turnover = table.Column("moved_more_than_once_pct");
        var headlines = VulnerableHeadline.Where(table.HasIndicator).Select(id => (Id: id, Values: table.Column(id).ToArray())).ToList();
        var population = table.Column(ReferenceDistribution.PopulationIndicator);
        var scores = new List<ResilienceScore>(table.Areas.Length);
        for (var row = 0; row < table.Areas.Length; row++)
        {
            var area = table.Areas[row];
            if (include is not null && !include(area))
            {
                continue;
            }

            var contributions = new List<ResilienceContribution>();
            var (c, cCoverage) = Side(capacity, row, +1, contributions);
            var (p, pCoverage) = Side(pressure, row, -1, contributions);
            // The headline share is the first of the preferred indicators this area has a value for.
            var (headline, vulnerable) = headlines.FirstOrDefault(h => !double.IsNaN(h.Values[row]));
            double? share = headline is null ? null : vulnerable[row];
            double? lqGemeente = null;
            double? lqCountry = null;
            if (share is { } s && headline is not null)
            {
                if (area.Code.Gemeente is { } gm && gm != area.Code && table.RowOf(new AreaKey(gm, area.Year)) is var g and >= 0 && vulnerable[g] > 0)
                {
                    lqGemeente = s / vulnerable[g];
                }

                if (reference.Moments.TryGetValue(headline, out var moments) && moments.Mean > 0)
                {
                    lqCountry = s / moments.Mean;
                }
            }

            double? corporationShare = double.IsNaN(corporation[row]) ? null : corporation[row];
            double? moved = double.IsNaN(turnover[row]) ? null : turnover[row];
            ScoreGap? reason = null;
            if (!(population[row] >= model.MinimumPopulation))
            {
                reason = double.IsNaN(population[row])
                    ? ScoreGap.Of("InhabitantsUnknown", table.Period)
                    : ScoreGap.Of("TooFewInhabitants", population[row], model.MinimumPopulation);
            }
            else if (pCoverage < model.MinimumCoverage)
            {
                reason = pressure.Length == 0 ? ScoreGap.Of("NoPressureFigures", reference.Period) : ScoreGap.Of("TooFewPressureFigures", pCoverage);
            }
            else if (cCoverage < model.MinimumCoverage)
            {
                reason = ScoreGap.Of("TooFewCapacityFigures", cCoverage);
            }

            var score = reason is null ? c - p : (double?)null;
            scores.Add(new ResilienceScore(
                area,
                table.Period,
                score,
                score is { } r ? model.ClassOf(r) : null,
                reason is null ? c : null,
                reason is null ? p : null,
                reason is null ? contributions : [],
                share is null ? null : headline,
                share,
                lqGemeente,
                lqCountry,
                corporationShare,
                corporationShare > CorporatiebuurtThreshold,
                moved,
                reason));
        }

        return scores;
    }

    private static (double Mean, double Coverage) Side(PlannedIndicator[] side, int row, int sign, List<ResilienceContribution> contributions)
    {
        var total = side.Sum(i => i.Weight);
        var present = 0.0;
        foreach (var indicator in side)
        {
            if (!double.IsNaN(indicator.Values[row]))
            {
                present += indicator.Weight;
            }
        }

        if (present == 0)
        {
            return (0, 0);
        }

        var mean = 0.0;
        foreach (var indicator in side)
        {
            var value = indicator.Values[row];
            if (double.IsNaN(value))
            {
                continue;
            }

            var z = Math.Clamp((value - indicator.Mean) / indicator.StandardDeviation, -3, 3);
            var part = indicator.Weight / present * z;
            mean += part;
            contributions.Add(new ResilienceContribution(indicator.Id, value, z, sign * part));
        }

        return (mean, present / total);
    }

    private static PlannedIndicator[] Plan(IndicatorTable table, IReadOnlyList<ResilienceIndicator> indicators, StandardisationReference reference) =>
        [.. indicators
            .Where(i => reference.Moments.ContainsKey(i.IndicatorId))
            .Select(i => new PlannedIndicator(i.IndicatorId, i.Weight, reference.Moments[i.IndicatorId].Mean, reference.Moments[i.IndicatorId].StandardDeviation, table.Column(i.IndicatorId).ToArray()))];

    private sealed record PlannedIndicator(string Id, double Weight, double Mean, double StandardDeviation, double[] Values);
}

/// <summary>Resilience in two years on one reference and on the indicators an area has in both (as <see cref="LivabilityTrends"/> does for livability).</summary>
public static class ResilienceTrends
{
    /// <summary>Both years' scores of every row of two tables with the same rows.</summary>
    /// <exception cref="ArgumentException">The tables do not have the same rows.</exception>
    public static IReadOnlyList<(ResilienceScore From, ResilienceScore To)> Compare(IndicatorTable from, IndicatorTable to, ResilienceModel model, StandardisationReference reference)
    {
        LivabilityTrends.CheckArguments(from, to, model, reference);

        var (maskedFrom, maskedTo, _) = LivabilityTrends.MaskToCommon(from, to, [.. model.IndicatorIds.Where(reference.Moments.ContainsKey)]);
        return [.. ResilienceIndex.Compute(maskedFrom, model, reference).Zip(ResilienceIndex.Compute(maskedTo, model, reference))];
    }
}
