namespace Leefkracht.Data.Tests.Import.Text;

public sealed class CbsValueTests
{
    [Theory]
    [InlineData("537833", 537833.0)]
    [InlineData("     2.2", 2.2)]     // StatLine pads numbers in R exports
    [InlineData("1,8", 1.8)]          // decimal comma of ';'-separated exports
    [InlineData("87406.0", 87406.0)]
    [InlineData("-0.100", -0.1)]      // SES-WOA scores are negative below average
    [InlineData("1.234,5", 1234.5)]   // thousands dot, decimal comma
    [InlineData("1,234.5", 1234.5)]   // thousands comma, decimal dot
    public void Read_Number_ParsesTheValue(string cell, double expected)
    {
        CbsValue.Read(cell, out var value).ShouldBe(CellKind.Number);
        value.ShouldBe(expected, 1e-12);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("       .")]
    [InlineData("#N/B")]
    [InlineData("NA")]
    [InlineData("x")]
    public void Read_MissingMarker_IsMissing(string cell)
    {
        CbsValue.Read(cell, out var value).ShouldBe(CellKind.Missing);
        double.IsNaN(value).ShouldBeTrue();
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12a")]
    [InlineData("Infinity")]
    public void Read_Text_IsInvalid(string cell)
    {
        CbsValue.Read(cell, out _).ShouldBe(CellKind.Invalid);
    }
}
