using Leefkracht.Core.Areas;

namespace Leefkracht.Core.Leefbaarometer;

/// <summary>The kinds of unit the Leefbaarometer publishes scores for.</summary>
public enum LeefbaarometerUnit
{
    /// <summary>A four-digit postcode area (PC4).</summary>
    Postcode = 0,

    /// <summary>A CBS gemeente (<c>gm_code</c>).</summary>
    Gemeente = 1,

    /// <summary>A CBS wijk (<c>wk_code</c>).</summary>
    Wijk = 2,

    /// <summary>A CBS buurt (<c>bu_code</c>).</summary>
    Buurt = 3,

    /// <summary>A 100 m grid cell (<c>grid_id</c>).</summary>
    Grid = 4,
}

/// <summary>
/// The contributions of the Leefbaarometer's five dimensions to the deviation (<c>afw = fys + onv + soc + vrz + won</c>).
/// </summary>
/// <param name="Physical">Fysieke omgeving (<c>fys</c>).</param>
/// <param name="Nuisance">Overlast en onveiligheid (<c>onv</c>).</param>
/// <param name="Social">Sociale samenhang (<c>soc</c>).</param>
/// <param name="Amenities">Voorzieningen (<c>vrz</c>).</param>
/// <param name="Housing">Woningvoorraad (<c>won</c>).</param>
public sealed record LeefbaarometerDimensions(double Physical, double Nuisance, double Social, double Amenities, double Housing)
{
    /// <summary>The short names the Leefbaarometer's files use, in file order.</summary>
    public static IReadOnlyList<string> ShortNames { get; } = ["fys", "onv", "soc", "vrz", "won"];

    /// <summary>The contributions in file order (<see cref="ShortNames"/>).</summary>
    public IReadOnlyList<double> Values => [Physical, Nuisance, Social, Amenities, Housing];

    /// <summary>The sum of the contributions: the deviation they explain.</summary>
    public double Sum => Physical + Nuisance + Social + Amenities + Housing;
}

/// <summary>
/// One Leefbaarometer score as published: the score on the Leefbaarometer scale (<c>lbm</c>), its deviation from the
/// edition's fixed national reference (<c>afw</c>), the dimension contributions where the file has them, and the
/// official class (<c>kscore</c>) where the file has it.
/// </summary>
/// <param name="Unit">What kind of unit <paramref name="Code"/> names.</param>
/// <param name="Code">The unit's code as published (<c>3562</c>, <c>WK034403</c>, a grid id).</param>
/// <param name="Year">The year the score describes (<c>jaar</c>).</param>
/// <param name="Score">The score (<c>lbm</c>).</param>
/// <param name="Deviation">The deviation from the edition's reference (<c>afw</c>).</param>
/// <param name="Dimensions">The dimension contributions, or <see langword="null"/> when the file has none for this year.</param>
/// <param name="OfficialClass">The official class 1–9 (<c>kscore</c>), or <see langword="null"/> when the file has none.</param>
public sealed record LeefbaarometerScore(
    LeefbaarometerUnit Unit,
    string Code,
    int Year,
    double Score,
    double Deviation,
    LeefbaarometerDimensions? Dimensions,
    int? OfficialClass);

/// <summary>
/// A Leefbaarometer value of one of our areas in one year: published for the area itself, or carried from postcode
/// areas by address counts (<see cref="LeefbaarometerCarry"/>).
/// </summary>
/// <param name="Area">The area.</param>
/// <param name="Year">The year the score describes.</param>
/// <param name="Score">The score on the Leefbaarometer scale (the edition's reference plus <paramref name="Deviation"/>).</param>
/// <param name="Deviation">The deviation from the edition's reference.</param>
/// <param name="Dimensions">The dimension contributions, where the source has them.</param>
/// <param name="Reference">The edition's reference (<c>lbm − afw</c>).</param>
/// <param name="CarriedFrom">The unit the value was published for: <see cref="LeefbaarometerUnit.Postcode"/> when carried, else the area's own level.</param>
/// <param name="Coverage">The share of the area's addresses in postcode areas with a score (1 when published for the area itself).</param>
/// <param name="Purity">How much of the value comes from postcode areas that lie inside the area (1 when published for the area itself).</param>
/// <param name="Postcodes">The number of postcode areas the value was carried from (0 when published for the area itself).</param>
public sealed record LeefbaarometerValue(
    AreaKey Area,
    int Year,
    double Score,
    double Deviation,
    LeefbaarometerDimensions? Dimensions,
    double Reference,
    LeefbaarometerUnit CarriedFrom,
    double Coverage,
    double Purity,
    int Postcodes)
{
    /// <summary>The class on the derived bounds (<see cref="LeefbaarometerClasses"/>).</summary>
    public int Class => LeefbaarometerClasses.ClassOf(Deviation);
}
