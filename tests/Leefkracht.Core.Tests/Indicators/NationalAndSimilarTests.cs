using Leefkracht.Core.Areas;
using Leefkracht.Core.Indicators;

namespace Leefkracht.Core.Tests.Indicators;

/// <summary>The country's value of an indicator (<see cref="Aggregation.National"/>) and the areas most like one (<see cref="SimilarAreas"/>).</summary>
public sealed class NationalAndSimilarTests
{
    private static readonly IndicatorCatalog Catalog = new(
        [
            new("population", "Aantal inwoners", "Inhabitants", IndicatorUnit.Count, "bevolking", null, Direction.Neutral, "CBS", "a_inw"),
            new("households", "Huishoudens", "Households", IndicatorUnit.Count, "huishoudens", null, Direction.Neutral, "CBS", "a_hh"),
            new("household_size", "Gemiddelde huishoudensgrootte", "Average household size", IndicatorUnit.Count, "huishoudens", null, Direction.Neutral, "CBS", "g_hhgro"),
            new("share", "Aandeel", "Share", IndicatorUnit.Percent, "wonen", null, Direction.Neutral, "CBS", "p_x"),
        ],
        []);

    private static readonly AreaKey GemeenteA = new(AreaCode.Parse("GM0001"), 2024);
    private static readonly AreaKey GemeenteB = new(AreaCode.Parse("GM0002"), 2024);
    private static readonly AreaKey OtherDivision = new(AreaCode.Parse("GM0003"), 2023);

    [Fact]
    public void National_WithoutACountryRow_SumsCountsAndWeighsRatesAndAveragesByPopulation()
    {
        // Given two gemeenten of 2024 (1,000 and 3,000 inhabitants in 500 and 1,000 households) and one of another
        // division that must not count
        var table = new IndicatorTable.Builder(2024)
            .Set(GemeenteA, "population", 1000).Set(GemeenteA, "share", 10).Set(GemeenteA, "households", 500).Set(GemeenteA, "household_size", 2)
            .Set(GemeenteB, "population", 3000).Set(GemeenteB, "share", 30).Set(GemeenteB, "households", 1000).Set(GemeenteB, "household_size", 3)
            .Set(OtherDivision, "population", 99_000).Set(OtherDivision, "share", 90)
            .Build();

        // Then a count is the sum, a share the population-weighted mean, and the household size (a CBS g_ average per
        // household) the household-weighted mean: (500 × 2 + 1,000 × 3) / 1,500 persons per household, not summed and
        // not the inhabitant-weighted 2.75
        Aggregation.National(table, Catalog, "population", 2024).ShouldBe(4000);
        Aggregation.National(table, Catalog, "share", 2024).ShouldBe(25, 1e-9);
        Aggregation.National(table, Catalog, "household_size", 2024).ShouldBe(4000.0 / 1500, 1e-9);
    }

    [Fact]
    public void National_PrefersTheCountrysOwnRow_AndGivesNothingWhenTooFewInhabitantsHaveAValue()
    {
        var nederland = new AreaKey(AreaCode.Nederland, 2024);
        var withRow = new IndicatorTable.Builder(2024)
            .Set(nederland, "population", 4000).Set(nederland, "share", 21)
            .Set(GemeenteA, "population", 1000).Set(GemeenteA, "share", 10)
            .Set(GemeenteB, "population", 3000).Set(GemeenteB, "share", 30)
            .Build();
        Aggregation.National(withRow, Catalog, "share", 2024).ShouldBe(21);

        // Only a quarter of the inhabitants live in a gemeente with a value: below the 80 % the fill rules ask
        var thin = new IndicatorTable.Builder(2024)
            .Set(GemeenteA, "population", 1000).Set(GemeenteA, "share", 10)
            .Set(GemeenteB, "population", 3000)
            .Build();
        double.IsNaN(Aggregation.National(thin, Catalog, "share", 2024)).ShouldBeTrue();
        double.IsNaN(Aggregation.National(thin, Catalog, "unknown", 2024)).ShouldBeTrue();
    }

    [Fact]
    public void Similar_RanksTheAreasOfTheLevelByTheirStandardisedDistance_AndNeedsTheRequiredVariables()
    {
        // Given five wijken: W1 the one compared, W2 nearly the same, W3 a little different, W4 far off, W5 without
        // an owner-occupied share (required) and a buurt just like W1 (another level)
        var builder = new IndicatorTable.Builder(2024);
        void Add(string code, double population, double density, double? owned)
        {
            var key = new AreaKey(AreaCode.Parse(code), 2024);
            builder.Set(key, "population", population).Set(key, "address_density", density);
            if (owned is { } o)
            {
                builder.Set(key, "dwellings_owner_occupied_pct", o);
            }
        }

        Add("WK000101", 20_000, 3500, 20);
        Add("WK000102", 21_000, 3400, 22);
        Add("WK000103", 15_000, 2500, 35);
        Add("WK000104", 2_000, 300, 85);
        Add("WK000105", 20_000, 3500, null);
        Add("BU00010101", 20_000, 3500, 20);
        var table = builder.Build();
        var w1 = new AreaKey(AreaCode.Parse("WK000101"), 2024);

        // When the three most like W1 are asked
        var similar = SimilarAreas.Find(table, w1, 3);

        // Then they are the other wijken with every required variable, nearest first
        similar.Select(s => s.Area.Code.Value).ShouldBe(["WK000102", "WK000103", "WK000104"]);
        similar.Select(s => s.Distance).ShouldBeInOrder(SortDirection.Ascending);
        similar[0].Distance.ShouldBeGreaterThan(0);

        // And an area without a required variable has no similar areas
        SimilarAreas.Find(table, new AreaKey(AreaCode.Parse("WK000105"), 2024), 3).ShouldBeEmpty();
    }
}
