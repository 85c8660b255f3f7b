namespace Leefkracht.Core.Indicators;

/// <summary>The unit an indicator's values are stored in (after any scale factor of the source column).</summary>
public enum IndicatorUnit
{
    /// <summary>A number of people, households, dwellings, …</summary>
    Count,

    /// <summary>A percentage, 0–100.</summary>
    Percent,

    /// <summary>Thousands of euros (CBS: "x 1 000 euro").</summary>
    ThousandEuro,

    /// <summary>Per 1,000 inhabitants.</summary>
    PerThousandInhabitants,

    /// <summary>Per square kilometre.</summary>
    PerSquareKilometre,

    /// <summary>Per household.</summary>
    PerHousehold,

    /// <summary>Distance in kilometres.</summary>
    Kilometre,

    /// <summary>Surface in hectares.</summary>
    Hectare,

    /// <summary>Kilowatt-hours per year.</summary>
    KilowattHour,

    /// <summary>Cubic metres per year.</summary>
    CubicMetre,

    /// <summary>A dimensionless score or class (for example stedelijkheid 1–5, SES-WOA).</summary>
    Score,

    /// <summary>A numeric code (for example the most frequent postcode); never aggregated.</summary>
    Code,
}
