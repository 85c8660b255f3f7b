using Leefkracht.Core.Indicators;
using Leefkracht.Core.Text;

namespace Leefkracht.Cli;

/// <summary>Formats indicator values for people: Dutch decimal comma by default, units spelled out.</summary>
internal static class NumberText
{
    private static readonly NumberFormatInfo DutchNumbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        PercentDecimalSeparator = ",",
        PercentGroupSeparator = ".",
        PercentPositivePattern = 0, // "8,9 %": Dutch writes a space before the percent sign
        PercentNegativePattern = 0,
    };

    private static readonly NumberFormatInfo EnglishNumbers = new()
    {
        PercentPositivePattern = 1, // "8.9%": English does not
        PercentNegativePattern = 1,
    };

    /// <summary>Decimal comma for Dutch, point for English: numbers follow the language of the words.</summary>
    private static NumberFormatInfo Numbers => Words.InEnglish ? EnglishNumbers : DutchNumbers;

    public static string Format(double value, IndicatorUnit unit)
    {
        var format = unit switch
        {
            IndicatorUnit.Count when value == Math.Floor(value) => "#,##0",
            IndicatorUnit.Code => "0",
            _ => "#,##0.##",
        };
        var numbers = Numbers;
        return value.ToString(format, numbers);
    }

    public static string Unit(IndicatorUnit unit, Texts texts) => unit switch
    {
        IndicatorUnit.Count or IndicatorUnit.ThousandEuro or IndicatorUnit.PerThousandInhabitants or IndicatorUnit.PerHousehold => texts[$"unit.{unit}"],
        IndicatorUnit.Percent => "%",
        IndicatorUnit.PerSquareKilometre => "per km²",
        IndicatorUnit.Kilometre => "km",
        IndicatorUnit.Hectare => "ha",
        IndicatorUnit.KilowattHour => "kWh",
        IndicatorUnit.CubicMetre => "m³",
        IndicatorUnit.Score => "score",
        IndicatorUnit.Code => "code",
        _ => unit.ToString(),
    };

    /// <summary>A signed value with three decimals: +0,123 / −0,045.</summary>
    public static string Signed(double value)
    {
        var numbers = Numbers;
        var text = Math.Abs(value).ToString("0.000", numbers);
        return (value < 0 ? "−" : "+") + text;
    }

    /// <summary>A share as a percentage with <paramref name="decimals"/> decimals: Dutch "8,9 %", English "8.9%".</summary>
    public static string Percent(double share, int decimals) => share.ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), Numbers);

    /// <summary>A plain number in the language's decimal separator, with a .NET custom <paramref name="format"/> such as <c>0.0</c>.</summary>
    public static string Number(double value, string format) => value.ToString(format, Numbers);

    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
