using System.Collections.Immutable;
using Leefkracht.Core.Areas;
using Leefkracht.Core.Indicators;

namespace Leefkracht.Core.Tests.Indicators;

public sealed class DivisionCarryTests
{
    private static readonly AreaKey OldA = new(AreaCode.Parse("WK000101"), 2016);
    private static readonly AreaKey OldB = new(AreaCode.Parse("WK000102"), 2016);
    private static readonly AreaKey OldC = new(AreaCode.Parse("WK000103"), 2016);
    private static readonly AreaKey NewC = new(AreaCode.Parse("WK000103"), 2017);
    private static readonly AreaKey NewD = new(AreaCode.Parse("WK000104"), 2017);
    private static readonly AreaKey NewE = new(AreaCode.Parse("WK000105"), 2017);

    /// <summary>2016: A (rate 10, 1,000 inhabitants), B (rate 20, 500), C (rate 30, 800, unchanged); 2017: D takes 30 of A's 100 addresses and all 10 of B's, E the other 70 of A's.</summary>
    private static (IndicatorTable Table, IReadOnlyDictionary<AreaKey, CarryLineage> Lineage) Carry(double rateOfB = 20)
    {
        var source = new IndicatorTable.Builder(2016)
            .Set(OldA, "rate", 10).Set(OldA, "population", 1000)
            .Set(OldB, "rate", rateOfB).Set(OldB, "population", 500)
            .Set(OldC, "rate", 30).Set(OldC, "population", 800)
            .Build();
        var cells = new Dictionary<(int, int), IReadOnlyList<CrosswalkCell>>
        {
            [(2016, 2017)] =
            [
                new(OldA.Code, NewD.Code, 30),
                new(OldB.Code, NewD.Code, 10),
                new(OldA.Code, NewE.Code, 70),
            ],
        };
        return DivisionCarry.Align(source, [NewC, NewD, NewE], cells, id => id == "population");
    }

    [Fact]
    public void Align_RateOfARedividedArea_IsTheAddressWeightedMeanOfItsSources()
    {
        // When
        var (table, lineage) = Carry();

        // Then: D = (30·10 + 10·20) / 40 = 12.5; E = A's rate
        table.Value(NewD, "rate").ShouldBe(12.5, 1e-12);
        table.Value(NewE, "rate").ShouldBe(10, 1e-12);
        lineage[NewD].ThroughCrosswalk.ShouldBeTrue();
        lineage[NewD].Sources.ShouldBe([(OldA, 0.75), (OldB, 0.25)]);
    }

    [Fact]
    public void Align_CountOfARedividedArea_IsApportionedByAddresses()
    {
        var (table, _) = Carry();

        // D = 1000 · 30/100 + 500 · 10/10 = 800; E = 1000 · 70/100 = 700; the total is kept
        table.Value(NewD, "population").ShouldBe(800, 1e-9);
        table.Value(NewE, "population").ShouldBe(700, 1e-9);
    }

    [Fact]
    public void Align_UnchangedCode_IsTakenAsItIs()
    {
        var (table, lineage) = Carry();

        table.Value(NewC, "rate").ShouldBe(30);
        table.Value(NewC, "population").ShouldBe(800);
        lineage[NewC].ThroughCrosswalk.ShouldBeFalse();
        lineage[NewC].Sources.ShouldBe([(OldC, 1.0)]);
    }

    [Fact]
    public void Align_SourcesWithValuesBelowTheMinimumShare_GiveNoValue()
    {
        // Given: B has no rate: its 10 addresses are 25 % of D, so only 75 % of D is covered (< 80 %)
        var (table, _) = Carry(rateOfB: double.NaN);

        double.IsNaN(table.Value(NewD, "rate")).ShouldBeTrue();
        table.Value(NewE, "rate").ShouldBe(10);
    }

    [Fact]
    public void Align_AreaUnknownInTheSource_HasNoValues()
    {
        var stranger = new AreaKey(AreaCode.Parse("WK000199"), 2017);
        var source = new IndicatorTable.Builder(2016).Set(OldA, "rate", 10).Build();

        var (table, lineage) = DivisionCarry.Align(source, ImmutableArray.Create(stranger), new Dictionary<(int, int), IReadOnlyList<CrosswalkCell>>(), _ => false);

        double.IsNaN(table.Value(stranger, "rate")).ShouldBeTrue();
        lineage.ContainsKey(stranger).ShouldBeFalse();
    }
}
