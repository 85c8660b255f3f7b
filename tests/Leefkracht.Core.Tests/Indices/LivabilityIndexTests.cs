using Leefkracht.Core.Indicators;
using Leefkracht.Core.Indices;

namespace Leefkracht.Core.Tests.Indices;

public sealed class LivabilityIndexTests
{
    [Fact]
    public void Reference_PopulationWeighted_MatchesHandComputation()
    {
        // Given: owner-occupied 40 % (1,000 inhabitants) and 80 % (3,000 inhabitants)
        var table = TestModels.Table(("BU00000001", 1000, 40, 10, 50), ("BU00000002", 3000, 80, 5, 30));

        // When
        var reference = ReferenceDistribution.National(table, ["owner"], new ScoringRules());

        // Then: μ = (1000·40 + 3000·80) / 4000 = 70; σ² = (1000·900 + 3000·100) / 4000 = 300
        reference.Moments["owner"].Mean.ShouldBe(70, 1e-12);
        reference.Moments["owner"].StandardDeviation.ShouldBe(Math.Sqrt(300), 1e-12);
        reference.Moments["owner"].PopulationShare.ShouldBe(1);
    }

    [Fact]
    public void Compute_AreaWithAllIndicators_ContributionsAreWeightTimesStandardScore()
    {
        // Given: reference = the areas themselves
        var table = TestModels.Table(("BU00000001", 1000, 40, 10, 50), ("BU00000002", 3000, 80, 5, 30));
        var model = TestModels.TwoDimensions();
        var reference = ReferenceDistribution.National(table, model.IndicatorIds, model.Rules);

        // When
        var score = LivabilityIndex.Compute(table, model, reference)[0];

        // Then: owner z = (40 − 70)/√300; corporation z = −(10 − 6.25)/σ; crimes z = −(50 − 35)/σ
        var owner = reference.Moments["owner"];
        var corporation = reference.Moments["corporation"];
        var crimes = reference.Moments["crimes"];
        var zOwner = (40 - owner.Mean) / owner.StandardDeviation;
        var zCorporation = -(10 - corporation.Mean) / corporation.StandardDeviation;
        var zCrimes = -(50 - crimes.Mean) / crimes.StandardDeviation;
        var expected = (0.4 * ((2.0 / 3 * zOwner) + (1.0 / 3 * zCorporation))) + (0.6 * zCrimes);
        score.Deviation!.Value.ShouldBe(expected, 1e-12);
        score.Dimensions[0].Indicators.Single(i => i.IndicatorId == "owner").Weight.ShouldBe(0.4 * 2 / 3, 1e-15);
        score.Coverage.ShouldBe(1);
    }

    [Fact]
    public void Compute_MissingIndicator_RenormalisesWithinItsDimension()
    {
        // Given: the first area lacks the corporation share
        var table = TestModels.Table(("BU00000001", 1000, 40, double.NaN, 50), ("BU00000002", 3000, 80, 5, 30), ("BU00000003", 2000, 60, 20, 40));
        var model = TestModels.TwoDimensions();
        var reference = ReferenceDistribution.National(table, model.IndicatorIds, model.Rules);

        // When
        var score = LivabilityIndex.Compute(table, model, reference)[0];

        // Then: the owner share carries the whole housing weight; coverage = 0.4·(2/3) + 0.6·1
        var housing = score.Dimensions.Single(d => d.Dimension == LivabilityDimension.Woningvoorraad);
        housing.Indicators.Single().Weight.ShouldBe(0.4, 1e-15);
        housing.Coverage.ShouldBe(2.0 / 3, 1e-12);
        score.Coverage.ShouldBe((0.4 * 2 / 3) + 0.6, 1e-12);
    }

    [Fact]
    public void Compute_TooFewInhabitantsOrTooLittleData_GivesNoScoreWithReason()
    {
        var table = TestModels.Table(
            ("BU00000001", 30, 40, 10, 50),
            ("BU00000002", 3000, 80, 5, 30),
            ("BU00000003", 2000, double.NaN, double.NaN, 40),
            ("BU00000004", 2000, 60, 20, double.NaN),
            ("BU00000005", double.NaN, 60, 20, 30));
        var model = TestModels.TwoDimensions(new ScoringRules(MinimumCoverage: 0.7, MinimumPopulation: 50));
        var reference = ReferenceDistribution.National(table, model.IndicatorIds, model.Rules);

        var scores = LivabilityIndex.Compute(table, model, reference);

        scores[0].NotScoredReason.ShouldBe("too few inhabitants (30 < 50) for a reliable score");
        scores[1].IsScored.ShouldBeTrue();
        scores[2].IsScored.ShouldBeFalse();
        scores[2].NotScoredReason.ShouldBe("values for only 60 % of the model's weight (at least 70 % needed); missing: owner, corporation");
        scores[3].NotScoredReason!.ShouldStartWith("values for only 40 %");
        scores[4].NotScoredReason.ShouldBe("the number of inhabitants in 2024 is unknown");
    }

    [Fact]
    public void Compute_ExtremeValue_IsClippedToTheLimit()
    {
        var rows = Enumerable.Range(1, 20).Select(i => ($"BU{i:00000000}", 1000.0, 50.0 + i, 10.0, 30.0)).ToList();
        rows.Add(("BU00000099", 1000, 50, 10, 5000));
        var table = TestModels.Table([.. rows]);
        var model = TestModels.TwoDimensions();
        var reference = ReferenceDistribution.National(table, model.IndicatorIds, model.Rules);

        var outlier = LivabilityIndex.Compute(table, model, reference).Single(s => s.Area.Code.Value == "BU00000099");

        outlier.Dimensions.Single(d => d.Dimension == LivabilityDimension.OverlastEnOnveiligheid).Indicators.Single().StandardScore.ShouldBe(-3);
    }

    [Fact]
    public void ReferenceCoverage_IndicatorWithoutEnoughReference_IsUnusable()
    {
        // Given: the corporation share is known for 1,000 of 6,000 inhabitants only
        var table = TestModels.Table(("BU00000001", 1000, 40, 10, 50), ("BU00000002", 3000, 80, double.NaN, 30), ("BU00000003", 2000, 60, double.NaN, 40));
        var model = TestModels.TwoDimensions();
        var reference = ReferenceDistribution.National(table, model.IndicatorIds, model.Rules);

        var (share, unusable) = LivabilityIndex.ReferenceCoverage(model, reference);

        unusable.ShouldBe(["corporation"]);
        share.ShouldBe((0.4 * 2 / 3) + 0.6, 1e-12);
    }

    [Fact]
    public void ClassScale_Bounds_AreLowerInclusive()
    {
        TestModels.Classes.ClassOf(-5).ShouldBe(1);
        TestModels.Classes.ClassOf(-0.3).ShouldBe(5);
        TestModels.Classes.ClassOf(-0.3000001).ShouldBe(4);
        TestModels.Classes.ClassOf(0.95).ShouldBe(9);
        TestModels.Classes.NameOf(4).ShouldBe("zwak");
        var dutch = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
        try
        {
            TestModels.Classes.NameOf(9).ShouldBe("excellent");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = dutch;
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public bool Compute_AnyData_ContributionsAddUpToTheDeviation(int seed)
    {
        // Given: random areas with random gaps
        var random = new Random(seed);
        var rows = Enumerable.Range(1, 30).Select(i => (
            $"BU{i:00000000}",
            (double)random.Next(0, 5000),
            random.NextDouble() < 0.2 ? double.NaN : random.NextDouble() * 100,
            random.NextDouble() < 0.3 ? double.NaN : random.NextDouble() * 100,
            random.NextDouble() < 0.1 ? double.NaN : random.NextDouble() * 400)).ToArray();
        var table = TestModels.Table(rows);
        var model = TestModels.TwoDimensions();
        var reference = ReferenceDistribution.National(table, model.IndicatorIds, model.Rules);

        // When
        var scores = LivabilityIndex.Compute(table, model, reference);

        // Then
        return scores.Where(s => s.IsScored).All(s =>
            Math.Abs(s.Dimensions.Sum(d => d.Contribution) - s.Deviation!.Value) < 1e-9
            && s.Dimensions.All(d => Math.Abs(d.Indicators.Sum(i => i.Contribution) - d.Contribution) < 1e-9)
            && Math.Abs(s.Dimensions.SelectMany(d => d.Indicators).Sum(i => i.Weight) - s.Dimensions.Where(d => d.Indicators.Count > 0).Sum(d => model.Dimensions.Single(m => m.Dimension == d.Dimension).Weight)) < 1e-9);
    }
}
