using Leefkracht.Core.Areas;
using Leefkracht.Core.Indicators;
using Leefkracht.Core.Indices;

namespace Leefkracht.Core.Tests.Indices;

public sealed class ResilienceIndexTests
{
    private static readonly ResilienceModel Model = new(
        Capacity: [new("income", 1, "r")],
        Pressure: [new("low_income", 2, "r"), new("bijstand", 1, "r")],
        ClassBounds: [-2, -1, 1, 2]);

    /// <summary>A gemeente and three buurten: (code, population, income, low income %, bijstand, corporation %).</summary>
    private static IndicatorTable Table(double lowIncomeOfFirst = 30)
    {
        var builder = new IndicatorTable.Builder(2019);
        void Row(string code, double population, double income, double lowIncome, double bijstand, double corporation)
        {
            var area = new AreaKey(AreaCode.Parse(code), 2019);
            builder.Set(area, "population", population).Set(area, "income", income).Set(area, "bijstand", bijstand).Set(area, "dwellings_corporation_pct", corporation);
            if (!double.IsNaN(lowIncome))
            {
                builder.Set(area, "low_income", lowIncome).Set(area, "households_low_income_pct", lowIncome);
            }
        }

        Row("GM0001", 6000, 30, 15, 40, 30);
        Row("BU00010001", 1000, 20, lowIncomeOfFirst, 80, 70);
        Row("BU00010002", 2000, 30, 15, 40, 20);
        Row("BU00010003", 3000, 35, 10, 25, 10);
        return builder.Build();
    }

    private static StandardisationReference Reference(IndicatorTable table) =>
        ReferenceDistribution.Compute(table, a => a.Code.Level == AreaLevel.Buurt, ["income", "low_income", "bijstand", "households_low_income_pct"], new ScoringRules(), "test");

    [Fact]
    public void Compute_ScoreIsCapacityMinusPressureAndThePartsAddUp()
    {
        var table = Table();
        var reference = Reference(table);

        var score = ResilienceIndex.Compute(table, Model, reference).Single(s => s.Area.Code.Value == "BU00010001");

        // C = z(income); P = (2·z(low income) + 1·z(bijstand)) / 3
        double Z(string id, double x) => (x - reference.Moments[id].Mean) / reference.Moments[id].StandardDeviation;
        var capacity = Z("income", 20);
        var pressure = ((2 * Z("low_income", 30)) + Z("bijstand", 80)) / 3;
        score.Capacity!.Value.ShouldBe(capacity, 1e-12);
        score.Pressure!.Value.ShouldBe(pressure, 1e-12);
        score.Score!.Value.ShouldBe(capacity - pressure, 1e-12);
        score.Contributions.Sum(c => c.Contribution).ShouldBe(score.Score!.Value, 1e-12);
        score.Class.ShouldBe(Model.ClassOf(score.Score!.Value));
    }

    [Fact]
    public void Compute_VulnerableShareLocationQuotientsAndCorporatiebuurt()
    {
        var table = Table();
        var reference = Reference(table);

        var scores = ResilienceIndex.Compute(table, Model, reference);
        var first = scores.Single(s => s.Area.Code.Value == "BU00010001");
        var second = scores.Single(s => s.Area.Code.Value == "BU00010002");

        // Reference mean share = (1000·30 + 2000·15 + 3000·10) / 6000 = 15
        first.VulnerableIndicator.ShouldBe("households_low_income_pct");
        first.LocationQuotientGemeente!.Value.ShouldBe(30.0 / 15, 1e-12);
        first.LocationQuotientCountry!.Value.ShouldBe(30.0 / 15, 1e-12);
        first.IsCorporatiebuurt.ShouldBeTrue(); // 70 % > two thirds
        second.IsCorporatiebuurt.ShouldBeFalse();
        second.LocationQuotientGemeente!.Value.ShouldBe(1, 1e-12);
    }

    [Fact]
    public void Compute_MissingPressureIndicator_RenormalisesOverThePresentOnes()
    {
        var table = Table(lowIncomeOfFirst: double.NaN);
        var reference = Reference(table);

        var score = ResilienceIndex.Compute(table, Model, reference).Single(s => s.Area.Code.Value == "BU00010001");

        // Only bijstand is left on the pressure side, with all of its weight
        var z = (80 - reference.Moments["bijstand"].Mean) / reference.Moments["bijstand"].StandardDeviation;
        score.Pressure!.Value.ShouldBe(z, 1e-12);
        score.VulnerableIndicator.ShouldBeNull(); // no headline share: the preferred shares are missing
    }

    [Fact]
    public void Compute_TooFewInhabitantsOrNoPressureFigures_GiveAReason()
    {
        var builder = new IndicatorTable.Builder(2019);
        var small = new AreaKey(AreaCode.Parse("BU00010009"), 2019);
        builder.Set(small, "population", 20).Set(small, "income", 30).Set(small, "low_income", 10);
        var table = Table();
        var reference = Reference(table);

        var tooSmall = ResilienceIndex.Compute(builder.Build(), Model, reference).Single();
        var noPressure = ResilienceIndex.Compute(table, Model with { Pressure = [new("not_measured", 1, "r")] }, reference).First(s => s.Area.Code.Level == AreaLevel.Buurt);

        tooSmall.Score.ShouldBeNull();
        // The reason is worded when shown, in the reader's language (the scores are remembered for every reader)
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new("en");
            tooSmall.NotScoredReason!.ToString().ShouldBe("too few inhabitants (20 < 50) for reliable shares");
            noPressure.NotScoredReason!.ToString().ShouldBe("no figures on vulnerable households (income, benefits, care) that the reference of 2019 can standardise");
            System.Globalization.CultureInfo.CurrentUICulture = new("nl");
            tooSmall.NotScoredReason!.ToString().ShouldBe("te weinig inwoners (20, minder dan 50) voor betrouwbare aandelen");
            noPressure.NotScoredReason!.ToString().ShouldBe("geen cijfers over kwetsbare huishoudens (inkomen, uitkeringen, zorg) die de referentie van 2019 kan standaardiseren");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }
}
