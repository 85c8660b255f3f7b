namespace Leefkracht.Fetch.Tests;

/// <summary>
/// The one rule every StatLine fetch finds a named gemeente by, on gemeenten as CBS names them in the 2024 division
/// (the bundled KWB 2024 selection), and in 2018, when Haren still existed.
/// </summary>
public sealed class GemeenteNamesTests
{
    private static readonly GemeenteName[] Division2024 =
    [
        new("GM0014", "Groningen"),
        new("GM0344", "Utrecht"),
        new("GM0373", "Bergen (NH.)"),
        new("GM0518", "'s-Gravenhage"),
        new("GM0603", "Rijswijk (ZH.)"),
        new("GM0748", "Bergen op Zoom"),
        new("GM0796", "'s-Hertogenbosch"),
        new("GM0893", "Bergen (L.)"),
    ];

    [Theory]
    [InlineData("Utrecht", "GM0344")]
    [InlineData("  UTRECHT ", "GM0344")]
    [InlineData("'s-Gravenhage", "GM0518")]
    [InlineData("s Gravenhage", "GM0518")]
    [InlineData("Den Haag", "GM0518")]
    [InlineData("The Hague", "GM0518")]
    [InlineData("Den Bosch", "GM0796")]
    [InlineData("Rijswijk", "GM0603")]
    [InlineData("Bergen (L.)", "GM0893")]
    [InlineData("bergen l", "GM0893")]
    [InlineData("Bergen op Zoom", "GM0748")]
    [InlineData("Haren", "GM0014")]
    public void AName_LeadsToOneGemeente(string name, string code)
    {
        var choice = GemeenteNames.Choose(Division2024, name);

        choice.Found.ShouldNotBeNull().Code.ShouldBe(code);
        choice.Candidates.ShouldBeEmpty();
    }

    /// <summary>A merged gemeente is found by its own name in a year it existed, before its successor.</summary>
    [Fact]
    public void AMergedGemeente_IsItselfInTheYearsItExisted()
    {
        GemeenteName[] division2018 = [new("GM0014", "Groningen"), new("GM0017", "Haren")];

        GemeenteNames.Choose(division2018, "Haren").Found.ShouldBe(new GemeenteName("GM0017", "Haren"));
    }

    [Fact]
    public void ANameOfTwoGemeenten_IsAmbiguous_AndNamesBoth()
    {
        var choice = GemeenteNames.Choose(Division2024, "Bergen");

        choice.Found.ShouldBeNull();
        choice.Ambiguous.ShouldBeTrue();
        choice.Candidates.Select(c => c.ToString()).ShouldBe(["Bergen (NH.) (GM0373)", "Bergen (L.) (GM0893)"]);
    }

    [Fact]
    public void AnUnknownName_SuggestsTheNamesThatContainIt_OrNone()
    {
        var part = GemeenteNames.Choose(Division2024, "Gravenhage");
        var nothing = GemeenteNames.Choose(Division2024, "Amsterdam");

        part.Found.ShouldBeNull();
        part.Ambiguous.ShouldBeFalse();
        part.Candidates.ShouldBe([new GemeenteName("GM0518", "'s-Gravenhage")]);
        nothing.Found.ShouldBeNull();
        nothing.Candidates.ShouldBeEmpty();
    }
}
