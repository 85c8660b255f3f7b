using System.Collections.Immutable;
using Leefkracht.Core.Areas;
using Leefkracht.Core.Indicators;

namespace Leefkracht.Core.Planner;

/// <summary>
/// A buurt's starting point: its dwellings by segment, its households and how many of them are vulnerable, with
/// the assumptions made where the data had gaps.
/// </summary>
/// <param name="Area">The buurt.</param>
/// <param name="Dwellings">Dwellings per segment (order of <see cref="Segment"/>).</param>
/// <param name="Households">Households.</param>
/// <param name="VulnerableHouseholds">Vulnerable households.</param>
/// <param name="VulnerableSource">The indicator the vulnerable households come from, or <c>steady-state</c>.</param>
/// <param name="Assumptions">What was assumed for this buurt, in words.</param>
public sealed record BuurtSeed(
    AreaKey Area,
    ImmutableArray<double> Dwellings,
    double Households,
    double VulnerableHouseholds,
    string VulnerableSource,
    ImmutableArray<string> Assumptions)
{
    /// <summary>All dwellings.</summary>
    public double TotalDwellings => Dwellings.Sum();

    /// <summary>Households per dwelling ρ (students and shared homes make it above 1, vacancy below 1).</summary>
    public double Occupancy => TotalDwellings > 0 ? Households / TotalDwellings : 1.0;

    /// <summary>The vulnerable share of households v₀.</summary>
    public double VulnerableShare => Households > 0 ? VulnerableHouseholds / Households : 0;
}

/// <summary>Builds <see cref="BuurtSeed"/>s from a prepared year of indicators.</summary>
/// <remarks>
/// Stock: dwellings × the tenure shares (owner-occupied, corporation, other landlords; unknown ownership spread
/// proportionally); social rent = corporation stock; other landlords split into mid and private rent by
/// <see cref="PlannerParameters.MidRentShareOfOtherRent"/>. Where a buurt lacks a figure: dwellings = households ×
/// the gemeente's dwellings per household; a missing corporation share = rented × the gemeente's corporation share
/// of rented dwellings (else 69 %, the national share); missing tenure = the gemeente's. Vulnerable households: the
/// first of households with a low income, at the social minimum, persons with a low income (shares), or persons on
/// social assistance per household (capped at 95 %); without any, the buurt's steady state at
/// <see cref="DefaultSocialRentVulnerableShare"/> of social-rent households.
/// </remarks>
public static class PlannerSeeding
{
    /// <summary>Without a vulnerable figure: the vulnerable share assumed among social-rent households.</summary>
    public const double DefaultSocialRentVulnerableShare = 0.25;

    /// <summary>Corporation share of rented dwellings where neither buurt nor gemeente has one (national, about 69 %).</summary>
    public const double NationalCorporationShareOfRented = 0.69;

    /// <summary>Tenure where neither buurt nor gemeente has one: owner-occupied, corporation, other landlords (national, roughly).</summary>
    public static IReadOnlyList<double> NationalTenure { get; } = [0.57, 0.29, 0.14];

    /// <summary>Share indicators that measure the vulnerable share of households directly, in order of preference.</summary>
    public static IReadOnlyList<string> VulnerableShareIndicators { get; } = ["households_low_income_pct", "households_social_minimum_pct", "persons_low_income_pct"];

    /// <summary>The count of persons on social assistance, used per household where no share is published.</summary>
    public const string SocialAssistanceIndicator = "benefits_social_assistance";

    /// <summary>Seeds the given buurten; those without households or dwellings are returned with a reason instead.</summary>
    public static (IReadOnlyList<BuurtSeed> Seeds, IReadOnlyList<(AreaKey Area, string Reason)> Skipped) FromTable(
        IndicatorTable table, IEnumerable<AreaKey> buurten, PlannerParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(buurten);
        ArgumentNullException.ThrowIfNull(parameters);
        var seeds = new List<BuurtSeed>();
        var skipped = new List<(AreaKey, string)>();
        foreach (var area in buurten)
        {
            var assumptions = new List<string>();
            double Get(AreaKey key, string id) => table.Value(key, id);
            var gemeente = area.Code.Gemeente is { } gm ? new AreaKey(gm, area.Year) : area;
            var households = Get(area, "households");
            var dwellings = Get(area, "dwellings");
            var perHousehold = Get(gemeente, "dwellings") / Get(gemeente, "households");
            if (double.IsNaN(dwellings) && households > 0)
            {
                dwellings = double.IsFinite(perHousehold) && perHousehold > 0 ? households * perHousehold : households;
                assumptions.Add(double.IsFinite(perHousehold) ? $"dwellings = households × the gemeente's {perHousehold:0.###} dwellings per household" : "dwellings = households");
            }

            if (double.IsNaN(households) && dwellings > 0)
            {
                households = double.IsFinite(perHousehold) && perHousehold > 0 ? dwellings / perHousehold : dwellings;
                assumptions.Add("households = dwellings ÷ the gemeente's dwellings per household");
            }

            if (!(households > 0) || !(dwellings > 0))
            {
                skipped.Add((area, "no households or dwellings"));
                continue;
            }

            var tenure = Tenure(table, area, gemeente, assumptions);
            var other = tenure[2];
            var stock = ImmutableArray.Create(
                tenure[1] * dwellings,
                other * parameters.MidRentShareOfOtherRent * dwellings,
                other * (1 - parameters.MidRentShareOfOtherRent) * dwellings,
                tenure[0] * dwellings);
            var (vulnerable, source) = Vulnerable(table, area, households, stock, parameters);
            if (source == "steady-state")
            {
                assumptions.Add($"no figure on vulnerable households: {DefaultSocialRentVulnerableShare:P0} of social-rent households and the relative shares elsewhere");
            }

            seeds.Add(new BuurtSeed(area, stock, households, vulnerable, source, [.. assumptions]));
        }

        return (seeds, skipped);
    }

    private static double[] Tenure(IndicatorTable table, AreaKey area, AreaKey gemeente, List<string> assumptions)
    {
        double Share(AreaKey key, string id) => table.Value(key, id) / 100;
        var owner = Share(area, "dwellings_owner_occupied_pct");
        var corporation = Share(area, "dwellings_corporation_pct");
        var other = Share(area, "dwellings_other_landlord_pct");
        if (double.IsNaN(owner))
        {
            owner = Share(gemeente, "dwellings_owner_occupied_pct");
            corporation = Share(gemeente, "dwellings_corporation_pct");
            other = Share(gemeente, "dwellings_other_landlord_pct");
            assumptions.Add(double.IsNaN(owner) ? "tenure: national shares" : "tenure: the gemeente's shares");
            if (double.IsNaN(owner))
            {
                return [.. NationalTenure];
            }
        }

        if (double.IsNaN(corporation) || double.IsNaN(other))
        {
            var gemeenteCorporation = Share(gemeente, "dwellings_corporation_pct");
            var gemeenteOther = Share(gemeente, "dwellings_other_landlord_pct");
            var ofRented = gemeenteCorporation + gemeenteOther > 0 ? gemeenteCorporation / (gemeenteCorporation + gemeenteOther) : double.NaN;
            if (double.IsNaN(ofRented))
            {
                ofRented = NationalCorporationShareOfRented;
                assumptions.Add($"corporation share of rented dwellings: national {NationalCorporationShareOfRented:P0}");
            }
            else
            {
                assumptions.Add($"corporation share of rented dwellings: the gemeente's {ofRented:P0}");
            }

            var rented = Math.Max(0, 1 - owner);
            corporation = rented * ofRented;
            other = rented - corporation;
        }

        // Unknown ownership and rounding: scale the three shares to add up to 1.
        var total = owner + corporation + other;
        return total > 0 ? [owner / total, corporation / total, other / total] : [.. NationalTenure];
    }

    private static (double Vulnerable, string Source) Vulnerable(IndicatorTable table, AreaKey area, double households, ImmutableArray<double> stock, PlannerParameters parameters)
    {
        foreach (var id in VulnerableShareIndicators)
        {
            var share = table.Value(area, id);
            if (!double.IsNaN(share))
            {
                return (Math.Clamp(share / 100, 0, 0.95) * households, id);
            }
        }

        var assistance = table.Value(area, SocialAssistanceIndicator);
        if (!double.IsNaN(assistance))
        {
            return (Math.Min(assistance, 0.95 * households), SocialAssistanceIndicator);
        }

        // Steady state: social-rent households at the default share, the other segments in proportion.
        var dwellings = stock.Sum();
        var vulnerable = 0.0;
        for (var s = 0; s < PlannerDimensions.Segments; s++)
        {
            vulnerable += households * stock[s] / dwellings * Math.Min(1, parameters.RelativeVulnerability[s] * DefaultSocialRentVulnerableShare);
        }

        return (vulnerable, "steady-state");
    }
}
