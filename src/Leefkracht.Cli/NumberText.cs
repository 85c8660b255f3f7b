using Leefkracht.Core.Indicators;

namespace Leefkracht.Cli;

/// <summary>Formats indicator values for people: Dutch decimal comma by default, units spelled out.</summary>
internal static class NumberText
{
    private static readonly NumberFormatInfo DutchNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    public static string Format(double value, IndicatorUnit unit, Texts texts)
    {
        var format = unit switch
        {
            IndicatorUnit.Count when value == Math.Floor(value) => "#,##0",
            IndicatorUnit.Code => "0",
            _ => "#,##0.##",
        };
        var numbers = texts.Language == "en" ? NumberFormatInfo.InvariantInfo : DutchNumbers;
        return value.ToString(format, numbers);
    }

    public static string Unit(IndicatorUnit unit, Texts texts) => (unit, texts.Language) switch
    {
        (IndicatorUnit.Count, "en") => "number",
        (IndicatorUnit.Count, _) => "aantal",
        (IndicatorUnit.Percent, _) => "%",
        (IndicatorUnit.ThousandEuro, "en") => "× €1,000",
        (IndicatorUnit.ThousandEuro, _) => "× € 1.000",
        (IndicatorUnit.PerThousandInhabitants, "en") => "per 1,000 inhabitants",
        (IndicatorUnit.PerThousandInhabitants, _) => "per 1.000 inwoners",
        (IndicatorUnit.PerSquareKilometre, _) => "per km²",
        (IndicatorUnit.PerHousehold, "en") => "per household",
        (IndicatorUnit.PerHousehold, _) => "per huishouden",
        (IndicatorUnit.Kilometre, _) => "km",
        (IndicatorUnit.Hectare, _) => "ha",
        (IndicatorUnit.KilowattHour, _) => "kWh",
        (IndicatorUnit.CubicMetre, _) => "m³",
        (IndicatorUnit.Score, _) => "score",
        (IndicatorUnit.Code, _) => "code",
        _ => unit.ToString(),
    };

    /// <summary>A signed value with three decimals: +0,123 / −0,045.</summary>
    public static string Signed(double value, Texts texts)
    {
        var numbers = texts.Language == "en" ? NumberFormatInfo.InvariantInfo : DutchNumbers;
        var text = Math.Abs(value).ToString("0.000", numbers);
        return (value < 0 ? "−" : "+") + text;
    }

    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
