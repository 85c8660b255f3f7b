using Leefkracht.Core.Areas;

namespace Leefkracht.Core.Tests.Areas;

public sealed class AreaCodeTests
{
    [Theory]
    [InlineData("GM0344", AreaLevel.Gemeente)]
    [InlineData("WK034401", AreaLevel.Wijk)]
    [InlineData("BU03440101", AreaLevel.Buurt)]
    [InlineData("BU0363AE01", AreaLevel.Buurt)]
    [InlineData("WK0363AA", AreaLevel.Wijk)]
    [InlineData("NL00", AreaLevel.Land)]
    public void Parse_ValidCode_HasLevel(string text, AreaLevel expected)
    {
        // When
        var code = AreaCode.Parse(text);

        // Then
        code.Level.ShouldBe(expected);
        code.Value.ShouldBe(text);
    }

    [Fact]
    public void Parse_PaddedLowerCase_IsNormalised()
    {
        // StatLine pads codes to the width of the dimension: "GM0363    ".
        AreaCode.Parse("  gm0363    ").Value.ShouldBe("GM0363");
    }

    [Theory]
    [InlineData("", "empty area code", "lege gebiedscode")]
    [InlineData("XX0344", "must start with GM, WK or BU", "een code begint met GM, WK of BU")]
    [InlineData("BU034401", "expected BU followed by 8 characters", "verwacht BU gevolgd door 8 tekens")]
    [InlineData("GM03A4", "must be four digits", "moet uit vier cijfers bestaan")]
    [InlineData("WK0344-1", "is not a letter or digit", "is geen letter of cijfer")]
    public void TryParse_InvalidCode_ExplainsWhy_InTheUsersLanguage(string text, string english, string dutch)
    {
        // The reason is in the user's language (AreaWords.resx): Dutch unless the UI culture says English
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("nl");
            AreaCode.TryParse(text, out _, out var inDutch).ShouldBeFalse();
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
            AreaCode.TryParse(text, out _, out var inEnglish).ShouldBeFalse();

            inDutch!.ShouldContain(dutch);
            inEnglish!.ShouldContain(english);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Parent_OfBuurt_WalksUpToTheCountry()
    {
        // Given
        var buurt = AreaCode.Parse("BU03440101");

        // Then
        buurt.Parent.ShouldBe(AreaCode.Parse("WK034401"));
        buurt.Parent!.Value.Parent.ShouldBe(AreaCode.Parse("GM0344"));
        buurt.Gemeente.ShouldBe(AreaCode.Parse("GM0344"));
        AreaCode.Parse("GM0344").Parent.ShouldBe(AreaCode.Nederland);
        AreaCode.Nederland.Parent.ShouldBeNull();
        buurt.IsWithin(AreaCode.Parse("WK034401")).ShouldBeTrue();
        buurt.IsWithin(AreaCode.Parse("WK034402")).ShouldBeFalse();
        buurt.IsWithin(AreaCode.Nederland).ShouldBeTrue();
    }
}
