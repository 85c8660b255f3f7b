using Leefkracht.Core.Areas;
using Leefkracht.Core.Indicators;
using Leefkracht.Core.Indices;

namespace Leefkracht.Core.Tests.Indices;

/// <summary>Small models and tables written out by hand, so expected numbers can be checked on paper.</summary>
internal static class TestModels
{
    public static readonly ClassScale Classes = new([-1.2, -0.9, -0.6, -0.3, 0, 0.3, 0.6, 0.9], ClassScale.LeefbaarometerNames, ClassScale.LeefbaarometerNamesEnglish);

    public static readonly ClassScale Changes = new([-0.3, -0.2, -0.1, -0.04, 0.04, 0.1, 0.2, 0.3], ClassScale.ChangeNames, ClassScale.ChangeNamesEnglish);

    /// <summary>Two dimensions: housing (owner-occupied +, corporation −; weights 2 and 1) 0.4, safety (crimes −) 0.6.</summary>
    public static LivabilityModel TwoDimensions(ScoringRules? rules = null) => new(
        "test",
        1,
        "test model",
        "hand-set",
        [
            new ModelDimension(LivabilityDimension.Woningvoorraad, 0.4,
            [
                new ModelIndicator("owner", 2, Direction.HigherIsBetter, "r"),
                new ModelIndicator("corporation", 1, Direction.HigherIsWorse, "r"),
            ], "r"),
            new ModelDimension(LivabilityDimension.OverlastEnOnveiligheid, 0.6,
            [
                new ModelIndicator("crimes", 1, Direction.HigherIsWorse, "r"),
            ], "r"),
        ],
        Classes,
        Changes,
        rules ?? new ScoringRules(MinimumCoverage: 0.5, MinimumPopulation: 50, ZScoreLimit: 3, MinimumReferenceShare: 0.5));

    public static AreaKey Buurt(string code) => new(AreaCode.Parse(code), 2024);

    /// <summary>A table from rows of (code, population, owner, corporation, crimes); NaN for missing.</summary>
    public static IndicatorTable Table(params (string Code, double Population, double Owner, double Corporation, double Crimes)[] rows)
    {
        var builder = new IndicatorTable.Builder(2024);
        foreach (var (code, population, owner, corporation, crimes) in rows)
        {
            var area = Buurt(code);
            builder.AddArea(area);
            Set(builder, area, "population", population);
            Set(builder, area, "owner", owner);
            Set(builder, area, "corporation", corporation);
            Set(builder, area, "crimes", crimes);
        }

        return builder.Build();
    }

    private static void Set(IndicatorTable.Builder builder, AreaKey area, string id, double value)
    {
        if (!double.IsNaN(value))
        {
            builder.Set(area, id, value);
        }
    }
}
