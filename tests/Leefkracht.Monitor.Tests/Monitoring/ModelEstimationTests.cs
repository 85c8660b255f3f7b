using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Leefkracht.Core.Statistics;

namespace Leefkracht.Monitor.Tests.Monitoring;

/// <summary>Estimated weights (the Leefbaarometer's behaviour model on open data), checked against numpy.</summary>
public sealed class ModelEstimationTests(SampleStore sample)
{
    private static readonly string ReferenceFolder = Path.Combine(TestData.RepositoryRoot, "tests", "reference", "indices");

    private static async Task<EstimatedModel> NationalWijken2024()
    {
        using var testStore = TestStore.Create();
        await using var store = testStore.Open();
        await Stores.ImportNational2024Async(store);
        var estimator = new ModelEstimator(new MonitorService(store));
        return await estimator.EstimateAsync(2024, estimator.ParseTarget("woz", out _)!, 2024, AreaLevel.Wijk, null, new EstimationOptions(10, 1), ModelDocument.HandSet.Rules, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Estimate_WozWijken2024_DesignIsTheCommittedOneThatNumpyCheckedAgainstTheRawFile()
    {
        // Given: the design tests/reference/indices/ridge_reference.py checked (target = log WOZ, weight = inhabitants,
        // published predictors standardised with the buurten's population-weighted moments, all from the raw CSV)

        // When
        var estimated = await NationalWijken2024();

        // Then
        var committed = ReadDesign();
        estimated.Design.Predictors.Select(p => p.IndicatorId).ShouldBe(committed.Header[5..]);
        estimated.Design.Areas.Count.ShouldBe(committed.Rows.Count);
        for (var i = 0; i < committed.Rows.Count; i++)
        {
            var row = committed.Rows[i];
            estimated.Design.Areas[i].Code.Value.ShouldBe(row[0]);
            estimated.Design.Weights[i].ShouldBe(double.Parse(row[2], CultureInfo.InvariantCulture));
            estimated.Design.Y[i].ShouldBe(double.Parse(row[3], CultureInfo.InvariantCulture), 1e-12);
            estimated.Fit.Folds[i].ShouldBe(int.Parse(row[4], CultureInfo.InvariantCulture));
            for (var j = 0; j < estimated.Design.Predictors.Count; j++)
            {
                estimated.Design.X[i][j].ShouldBe(double.Parse(row[5 + j], CultureInfo.InvariantCulture), 1e-12);
            }
        }

        // and the design as `leefkracht model --design` writes it (the shared CSV writer) has the committed columns and
        // reads back to the same numbers, bit for bit
        var written = Leefkracht.Data.Import.Text.CsvParser.Records(ModelEstimator.DesignCsv(estimated), ',').Where(r => !r.IsBlank).Select(r => r.Fields).ToList();
        written[0].ShouldBe(committed.Header);
        written.Count.ShouldBe(committed.Rows.Count + 1);
        for (var i = 0; i < estimated.Design.Areas.Count; i++)
        {
            written[i + 1][0].ShouldBe(estimated.Design.Areas[i].Code.Value);
            double.Parse(written[i + 1][3], CultureInfo.InvariantCulture).ShouldBe(estimated.Design.Y[i]);
            written[i + 1][5..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ShouldBe(estimated.Design.X[i]);
        }
    }

    [Fact]
    public async Task Estimate_WozWijken2024_RidgeMatchesNumpyForEveryPenalty()
    {
        var estimated = await NationalWijken2024();
        using var reference = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(ReferenceFolder, "hedonic_reference_wijk_2024.json"), TestContext.Current.CancellationToken));
        var design = estimated.Design;

        foreach (var expected in reference.RootElement.GetProperty("fits").EnumerateArray())
        {
            var lambda = expected.GetProperty("lambda").GetDouble();
            var fit = RidgeRegression.Fit(design.X, design.Y, design.Weights, lambda);
            fit.Intercept.ShouldBe(expected.GetProperty("intercept").GetDouble(), 1e-9);
            fit.RSquared.ShouldBe(expected.GetProperty("rSquared").GetDouble(), 1e-9);
            fit.EffectiveDegreesOfFreedom.ShouldBe(expected.GetProperty("degreesOfFreedom").GetDouble(), 1e-8);
            for (var j = 0; j < design.Predictors.Count; j++)
            {
                var id = design.Predictors[j].IndicatorId;
                fit.Coefficients[j].ShouldBe(expected.GetProperty("coefficients").GetProperty(id).GetDouble(), 1e-9, $"{id} at λ={lambda}");
                fit.StandardErrors[j].ShouldBe(expected.GetProperty("standardErrors").GetProperty(id).GetDouble(), 1e-9, $"{id} at λ={lambda}");
            }

            var outOfFold = estimated.Fit.OutOfFoldRSquaredByLambda.Single(s => Math.Abs(s.Lambda - lambda) < 1e-9).RSquared;
            outOfFold.ShouldBe(expected.GetProperty("rSquaredOutOfFold").GetDouble(), 1e-9);
        }

        estimated.Fit.Fit.Lambda.ShouldBe(reference.RootElement.GetProperty("chosenLambda").GetDouble(), 1e-9);
        estimated.Fit.RSquaredOutOfFold.ShouldBeGreaterThan(0.5); // the environment explains more than half of log WOZ between wijken
    }

    [Fact]
    public async Task Estimate_ModelWeightsAreTheAbsoluteCoefficientsAndTheModelScores()
    {
        var estimated = await NationalWijken2024();
        var model = estimated.Model;

        // Then: weights |β|, directions sign(β), dimension weights by summed |β|; a valid model file
        model.Method.ShouldBe("estimated");
        model.Dimensions.Sum(d => d.Weight).ShouldBe(1, 1e-12);
        foreach (var coefficient in model.Fit!.Coefficients)
        {
            var indicator = model.Dimensions.SelectMany(d => d.Indicators).Single(i => i.IndicatorId == coefficient.IndicatorId);
            indicator.Weight.ShouldBe(Math.Abs(coefficient.PerStandardDeviation));
            indicator.Direction.ShouldBe(coefficient.PerStandardDeviation >= 0 ? Direction.HigherIsBetter : Direction.HigherIsWorse);
        }

        var total = model.Fit.Coefficients.Sum(c => Math.Abs(c.PerStandardDeviation));
        var health = model.Dimensions.Single(d => d.Dimension == LivabilityDimension.SocialeSamenhang);
        health.Weight.ShouldBe(health.Indicators.Sum(i => i.Weight) / total, 1e-12);
        var again = ModelDocument.Parse(ModelDocument.ToStream(ModelDocument.ToJson(model)), "estimated.json");
        again.Fit!.RSquaredOutOfFold.ShouldBe(model.Fit.RSquaredOutOfFold);
        again.Classes.UpperBounds.ShouldBe(model.Classes.UpperBounds);

        // With every indicator present, the deviation is the predicted log value relative to the reference, divided by Σ|β|
        var scores = LivabilityIndex.Compute(Leefkracht.Core.Indicators.IndicatorTable.FromColumns(2024, [.. estimated.Design.Areas], ColumnsOf(estimated)), model, estimated.Reference);
        for (var i = 0; i < 50; i++)
        {
            var predicted = estimated.Design.X[i].Select((z, j) => model.Fit.Coefficients[j].PerStandardDeviation * Math.Clamp(z, -3, 3)).Sum();
            scores[i].Deviation!.Value.ShouldBe(predicted / total, 1e-9);
        }
    }

    [Fact]
    public async Task Estimate_ExternalScoreOfAnotherYear_FitsTheWijkprofielOnRotterdamsBuurten()
    {
        // Given: the Rotterdam Wijkprofiel social index of 2016 as target, 2024 indicators as predictors
        await using var store = sample.Open();
        var estimator = new ModelEstimator(new MonitorService(store));

        // When
        var estimated = await estimator.EstimateAsync(2024, estimator.ParseTarget("wijkprofiel_social_index", out _)!, 2016, AreaLevel.Buurt, AreaCode.Parse("GM0599"), new EstimationOptions(5, 1), ModelDocument.HandSet.Rules, TestContext.Current.CancellationToken);

        // Then
        estimated.Design.Areas.Count.ShouldBeInRange(50, 63); // 63 wijken are CBS buurten; a few lack a predictor or inhabitants
        estimated.Design.Areas.ShouldAllBe(a => a.Code.Gemeente == AreaCode.Parse("GM0599"));
        estimated.Model.Fit!.Target.ShouldBe("wijkprofiel_social_index");
        estimated.Model.Fit.RSquared.ShouldBeGreaterThan(0.5);
        estimated.Model.Dimensions.Sum(d => d.Weight).ShouldBe(1, 1e-12);
    }

    [Fact]
    public void ParseTarget_UnknownTarget_SaysWhat()
    {
        var estimator = new ModelEstimator(new MonitorService(null!));

        estimator.ParseTarget("happiness", out var error).ShouldBeNull();
        error.ShouldBe("‘happiness’ is geen 'woz' en geen indicator-id of alias uit de catalogus");
        using (UiLanguage.English())
        {
            estimator.ParseTarget("happiness", out var english).ShouldBeNull();
            english.ShouldBe("'happiness' is neither 'woz' nor an indicator id or alias of the catalog");
        }

        estimator.ParseTarget("log:income_per_inhabitant", out _).ShouldBe(new EstimationTarget("income_per_inhabitant", Log: true));
    }

    private static Dictionary<string, double[]> ColumnsOf(EstimatedModel estimated)
    {
        // Back from standard scores to values, so the index standardises them again against the same reference.
        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            ["population"] = [.. estimated.Design.Weights],
        };
        for (var j = 0; j < estimated.Design.Predictors.Count; j++)
        {
            var moments = estimated.Design.Moments[j];
            columns[estimated.Design.Predictors[j].IndicatorId] = [.. estimated.Design.X.Select(x => moments.Mean + (x[j] * moments.StandardDeviation))];
        }

        return columns;
    }

    private static (string[] Header, List<string[]> Rows) ReadDesign()
    {
        using var stream = new GZipStream(File.OpenRead(Path.Combine(ReferenceFolder, "hedonic_design_wijk_2024.csv.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (lines[0].Split(','), [.. lines.Skip(1).Select(l => l.Split(','))]);
    }
}
