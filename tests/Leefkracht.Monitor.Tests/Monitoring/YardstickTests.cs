using System.Globalization;

namespace Leefkracht.Monitor.Tests.Monitoring;

/// <summary>
/// The calibrated default model on its fixed yardstick, against the independent Python reference implementation
/// (tests/reference/yardstick/research_scores.csv, written by scripts/research/make_yardstick_reference.py from the
/// research's own model.py) and on the real sample.
/// </summary>
public sealed class YardstickTests(SampleStore sample)
{
    private static readonly LivabilityModel Model = ModelDocument.Calibrated;

    private static readonly Lazy<IReadOnlyList<ResearchRow>> Research = new(ReadResearch);

    private static PreparedYear? _prepared2024;

    [Fact]
    public void Calibrated_IsTheDefault_AndTheHandSetModelStaysSelectable()
    {
        ModelDocument.Default.ShouldBeSameAs(ModelDocument.Calibrated);
        ModelDocument.Resolve("leefkracht-default").ShouldBeSameAs(ModelDocument.HandSet);
        ModelDocument.Resolve("leefkracht-lbm-calibrated").Yardstick.ShouldNotBeNull().Indicators.Count.ShouldBe(18);
    }

    [Fact]
    public void ModelDocument_WriteThenRead_GivesTheSameYardstick()
    {
        var again = ModelDocument.Parse(ModelDocument.ToStream(ModelDocument.ToJson(Model)), "round-trip.json").Yardstick.ShouldNotBeNull();
        var yardstick = Model.Yardstick.ShouldNotBeNull();

        again.Intercept.ShouldBe(yardstick.Intercept);
        again.Indicators.ShouldBe(yardstick.Indicators, new YardstickIndicatorComparer());
        again.Imputation.Mean.ShouldBe(yardstick.Imputation.Mean);
        again.Imputation.Covariance.SelectMany(row => row).ShouldBe(yardstick.Imputation.Covariance.SelectMany(row => row));
        again.Imputation.Inflation.ShouldBe(yardstick.Imputation.Inflation);
        again.Target.ShouldNotBeNull().Residuals.ShouldBe(yardstick.Target.ShouldNotBeNull().Residuals);
    }

    [Fact]
    public void ModelDocument_InvalidYardstick_ListsEveryProblemWithItsPath()
    {
        // Given: the calibrated model with a broken yardstick section
        var root = System.Text.Json.Nodes.JsonNode.Parse(ModelDocument.ToJson(Model))!;
        var yardstick = root["yardstick"]!;
        yardstick["indicators"]![0]!["standardDeviation"] = -1;
        yardstick["indicators"]![1]!["transform"] = "Cube";
        yardstick["indicators"]![2]!["alignment"] = new System.Text.Json.Nodes.JsonObject { ["byYear"] = new System.Text.Json.Nodes.JsonObject { ["twenty"] = 1.0 } };
        yardstick["imputation"]!["mean"]!.AsArray().RemoveAt(0);
        yardstick["target"]!["residuals"]![0]!["q50"] = "median";
        yardstick["intercept"] = "zero";

        // Then: every problem is named by its JSON path
        using var english = UiLanguage.English();
        var error = Should.Throw<Leefkracht.Data.Documents.DocumentException>(() => ModelDocument.Parse(ModelDocument.ToStream(root.ToJsonString()), "broken.json"));
        error.Message.ShouldContain("$.yardstick.indicators[0].standardDeviation: must be positive");
        error.Message.ShouldContain("$.yardstick.indicators[1].transform: 'Cube' is not one of Identity, Log");
        error.Message.ShouldContain("$.yardstick.indicators[2].alignment.byYear.twenty: the key must be a year");
        error.Message.ShouldContain("$.yardstick.imputation: the mean needs one entry and the covariance one row and column per yardstick indicator (18)");
        error.Message.ShouldContain("$.yardstick.target.residuals[0].q50: a number is required");
        error.Message.ShouldContain("$.yardstick.intercept: a number is required");

        // and a yardstick that is not an object is named too
        root["yardstick"] = 1;
        Should.Throw<Leefkracht.Data.Documents.DocumentException>(() => ModelDocument.Parse(ModelDocument.ToStream(root.ToJsonString()), "broken.json"))
            .Message.ShouldContain("$.yardstick: an object is required");
    }

    [Fact]
    public void Score_OnTheResearchInputs_EqualsThePythonReferenceTo1e9()
    {
        // Given the research's raw indicator values of 543 wijken and gemeenten (complete and with missing indicators)
        var rows = Research.Value;

        // When each is scored from its own values and the model file alone
        foreach (var row in rows)
        {
            var score = YardstickIndex.Score(Model, new AreaKey(AreaCode.Parse(row.Code), 2024), 2024, row.Inhabitants, row.Values);
            if (!score.IsScored)
            {
                // (the research imputes whatever is missing; the model scores no area that has less than 60 % of Σ|β|)
                score.Coverage.ShouldBeLessThan(Model.Rules.MinimumCoverage, row.Code);
                continue;
            }

            // Then the score equals the research's full-data model (with its imputation) and, where the research predicted the area, its pred_afw_in
            score.Deviation.ShouldNotBeNull(row.Code);
            score.Deviation.Value.ShouldBe(row.Afw, 1e-9, row.Code);
            if (row.InSample is { } inSample)
            {
                score.Deviation.Value.ShouldBe(inSample, 1e-9, row.Code);
            }

            (score.Uncertainty?.StandardDeviation ?? 0).ShouldBe(row.ImputationSd * Model.Yardstick!.Imputation.Inflation, 1e-9, row.Code);
            (score.Constant + score.Dimensions.Sum(d => d.Contribution)).ShouldBe(score.Deviation.Value, 1e-12, row.Code);
        }

        rows.Count(r => r.InSample is not null).ShouldBeGreaterThan(500);
        rows.Count(r => r.ImputationSd > 0).ShouldBeGreaterThan(5);
    }

    [Fact]
    public void Nowcast_EqualsThePythonReference_OnTheLeefbaarometerScale()
    {
        // Given the research's 2024 nowcasts of the same wijken and gemeenten (tests/reference/yardstick/nowcast_2024.csv, 6 decimals)
        var lines = File.ReadAllLines(Path.Combine(TestData.RepositoryRoot, "tests", "reference", "yardstick", "nowcast_2024.csv"));
        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        var research = Research.Value.ToDictionary(r => r.Code);
        foreach (var fields in lines.Skip(1).Select(l => l.Split(',')))
        {
            var row = research[fields[Column("code")]];
            var score = YardstickIndex.Score(Model, new AreaKey(AreaCode.Parse(row.Code), 2024), 2024, row.Inhabitants, row.Values);
            if (!score.IsScored)
            {
                continue; // below the model's coverage rule (the research nowcasts whatever it can impute)
            }

            // When the score is put on the Leefbaarometer's scale
            var nowcast = YardstickIndex.NowcastOf(Model, score, row.Inhabitants).ShouldNotBeNull(row.Code);

            // Then estimate, intervals and classes are the research's
            double Number(string name) => double.Parse(fields[Column(name)], CultureInfo.InvariantCulture);
            nowcast.Estimate.ShouldBe(Number("lbm_hat"), 1e-6, row.Code);
            nowcast.Low90.ShouldBe(Number("lbm_lo90"), 1e-6, row.Code);
            nowcast.High90.ShouldBe(Number("lbm_hi90"), 1e-6, row.Code);
            nowcast.Low95.ShouldBe(Number("lbm_lo95"), 1e-6, row.Code);
            nowcast.High95.ShouldBe(Number("lbm_hi95"), 1e-6, row.Code);
            nowcast.Class.ShouldBe((int)Number("class_hat"), row.Code);
            nowcast.ClassLow90.ShouldBe((int)Number("class_lo90"), row.Code);
            nowcast.ClassHigh90.ShouldBe((int)Number("class_hi90"), row.Code);
        }

        // And a year up to the latest measurement gets no nowcast: there the Leefbaarometer itself is the verdict
        var first = Research.Value.First(r => r.InSample is not null);
        YardstickIndex.NowcastOf(Model, YardstickIndex.Score(Model, new AreaKey(AreaCode.Parse(first.Code), 2024), 2018, first.Inhabitants, first.Values), first.Inhabitants).ShouldBeNull();
        (lines.Length - 1).ShouldBeGreaterThan(500);
    }

    [Fact]
    public async Task Score_OnTheSampleStore_EqualsTheResearchWhereTheInputsMatch()
    {
        // Given the sample's 2024 data as the monitor prepares it
        var prepared = await Prepared2024();
        var scores = LivabilityIndex.Compute(prepared.Table, Model, Model.FixedReference!);
        var ids = Model.Yardstick!.Indicators.Select(i => i.IndicatorId).ToList();
        var matched = 0;
        var differing = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in Research.Value)
        {
            var key = new AreaKey(AreaCode.Parse(row.Code), prepared.Table.Areas.First(a => a.Code.Level == AreaLevel.Buurt).Year);
            var r = prepared.Table.RowOf(key);
            if (r < 0)
            {
                continue;
            }

            // Indicators with β = 0 do not move the score of an area that needs no imputation; the crime figures do differ
            // (the store has the KWB's rounded rates, the research the police's five-year totals), so they are compared on presence only.
            var differs = ids.Where((id, k) => Model.Yardstick.Indicators[k].Coefficient == 0
                ? double.IsNaN(prepared.Table.Column(id)[r]) != double.IsNaN(row.Values[k])
                : !Same(prepared.Table.Column(id)[r], row.Values[k])).ToList();
            differs.ForEach(id => differing[id] = differing.GetValueOrDefault(id) + 1);
            if (differs.Count == 0 && row.Values.All(v => !double.IsNaN(v)))
            {
                // When the inputs match, the monitor's score equals the research's
                scores.Single(s => s.Area == key).Deviation!.Value.ShouldBe(row.Afw, 1e-9, row.Code);
                matched++;
            }
        }

        // Then most areas match exactly; the rest differ in inputs the store derives differently (listed on failure)
        matched.ShouldBeGreaterThan(150, string.Join(", ", differing.Select(d => $"{d.Key}: {d.Value}")));
    }

    [Fact]
    public async Task Score_WithUnchangedIndicators_IsTheSameInAnotherYear()
    {
        // Given the 2024 values of every area, carried unchanged (in real terms) to another scored year
        var prepared = await Prepared2024();
        var table = prepared.Table;
        var scores2024 = LivabilityIndex.Compute(table, Model, Model.FixedReference!);
        foreach (var year in new[] { 2020, 2022 })
        {
            var columns = table.IndicatorIds.ToDictionary(id => id, id => table.Column(id).ToArray(), StringComparer.Ordinal);
            foreach (var indicator in Model.Yardstick!.Indicators.Where(i => i.Alignment is not null))
            {
                // WOZ at the year's price level, health on the year's survey edition: the same neighbourhood in that year's terms.
                var a = indicator.Alignment!;
                columns[indicator.IndicatorId] = [.. columns[indicator.IndicatorId].Select(v => a.Divide ? v * a.ByYear[year] : v + a.ByYear[year])];
            }

            var other = IndicatorTable.FromColumns(year, table.Areas, columns);

            // When both years are scored
            var scores = LivabilityIndex.Compute(other, Model, Model.FixedReference!);

            // Then every area has the same score and class
            for (var i = 0; i < scores.Count; i++)
            {
                if (scores2024[i].Deviation is { } expected)
                {
                    scores[i].Deviation!.Value.ShouldBe(expected, 1e-12, scores[i].Area.ToString());
                    scores[i].Class.ShouldBe(scores2024[i].Class);
                }
                else
                {
                    scores[i].IsScored.ShouldBeFalse();
                }
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Score_DoesNotChange_WhenOtherAreasAreImportedOrRemoved(int keptParity)
    {
        // Given the national 2024 table and the same table without half of the gemeenten (odd or even code rank)
        var prepared = await Prepared2024();
        var gemeenten = prepared.Table.Areas.Select(a => a.Code.Gemeente).OfType<AreaCode>().Distinct().Order().ToList();
        var kept = gemeenten.Where((_, i) => i % 2 == keptParity).ToHashSet();
        var half = prepared.Table.Where(a => a.Code.Gemeente is { } g && kept.Contains(g));

        // When both are scored
        var all = LivabilityIndex.Compute(prepared.Table, Model, Model.FixedReference!).ToDictionary(s => s.Area);
        var part = LivabilityIndex.Compute(half, Model, Model.FixedReference!);

        // Then every remaining area keeps exactly its score
        part.Count.ShouldBeGreaterThan(5_000);
        foreach (var score in part)
        {
            score.Deviation.ShouldBe(all[score.Area].Deviation);
            score.Class.ShouldBe(all[score.Area].Class);
        }
    }

    [Fact]
    public async Task Score_OfAnAreaWithAMissingIndicator_IsEstimatedWithAnInterval()
    {
        // Given a 2024 wijk whose health is removed
        var prepared = await Prepared2024();
        var overvecht = new AreaKey(AreaCode.Parse("WK034403"), prepared.Table.Areas.First(a => a.Code.Value == "WK034403").Year);
        var row = prepared.Table.RowOf(overvecht);
        var values = Model.Yardstick!.Indicators.Select(i => prepared.Table.Column(i.IndicatorId)[row]).ToArray();
        var population = prepared.Table.Column(ReferenceDistribution.PopulationIndicator)[row];
        var full = YardstickIndex.Score(Model, overvecht, 2024, population, values);
        values[Model.Yardstick.Indicators.ToList().FindIndex(i => i.IndicatorId == "good_health_pct")] = double.NaN;

        // When it is scored
        var estimated = YardstickIndex.Score(Model, overvecht, 2024, population, values);

        // Then health is estimated from the other indicators, flagged, and the interval holds the full score
        estimated.Uncertainty.ShouldNotBeNull().Estimated.ShouldBe(["good_health_pct"]);
        estimated.Dimensions.SelectMany(d => d.Indicators).Single(i => i.IndicatorId == "good_health_pct").Estimated.ShouldBeTrue();
        Math.Abs(estimated.Deviation!.Value - full.Deviation!.Value).ShouldBeLessThan(estimated.Uncertainty.HalfWidth95);
        (estimated.Constant + estimated.Dimensions.Sum(d => d.Contribution)).ShouldBe(estimated.Deviation.Value, 1e-12);
    }

    [Fact]
    public async Task KwetsbareWijken_RankAmongTheWeakestOfTheirGemeente_AndHistoricCentresDoNot_InEveryYear()
    {
        // Given the sample's scorable years and the best-known kwetsbare wijken and historic centres (FINDINGS §7)
        string[] kwetsbaar = ["WK034403", "BU03440831", "BU03440832", "BU05991571", "BU05991081", "BU05991082", "WK051829", "WK051830", "WK0363TE", "WK0363TJ", "WK0363TB", "WK0363TG"];
        string[] centres = ["WK034406", "BU03440611", "BU03440623", "WK0363AD", "WK0363AE", "WK0363AC", "WK0363AG"];
        await using var store = sample.Open();
        var monitor = new MonitorService(store);
        var checkedYears = new List<string>();
        foreach (var year in await monitor.ScorableYearsAsync(TestContext.Current.CancellationToken))
        {
            // When each year is scored on the calibrated model
            var scored = await monitor.ScoreAsync(year, Model, ReferenceChoice.National, TestContext.Current.CancellationToken);
            foreach (var code in kwetsbaar.Concat(centres))
            {
                if (scored.ScoreOf(AreaCode.Parse(code)) is not { Deviation: { } deviation } score)
                {
                    continue;
                }

                var peers = scored.Scores.Where(s => s.IsScored && s.Area.Year == score.Area.Year && s.Area.Code.Level == score.Area.Code.Level && s.Area.Code.Gemeente == score.Area.Code.Gemeente).ToList();
                var share = (double)peers.Count(s => s.Deviation <= deviation) / peers.Count;
                checkedYears.Add($"{code} {year}: {share:0.00} of {peers.Count}");

                // Then a kwetsbare wijk is in the weakest fifth of its gemeente, a historic centre not in the weakest tenth
                if (kwetsbaar.Contains(code))
                {
                    share.ShouldBeLessThanOrEqualTo(0.2, $"{code} in {year}");
                }
                else
                {
                    share.ShouldBeGreaterThan(0.1, $"{code} in {year}");
                }
            }
        }

        checkedYears.Count.ShouldBeGreaterThanOrEqualTo(kwetsbaar.Length + centres.Length, string.Join("; ", checkedYears));
    }

    private static bool Same(double a, double b) =>
        (double.IsNaN(a) && double.IsNaN(b)) || Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b));

    private async Task<PreparedYear> Prepared2024()
    {
        if (_prepared2024 is null)
        {
            await using var store = sample.Open();
            _prepared2024 = await new MonitorService(store).PrepareAsync(2024, TestContext.Current.CancellationToken);
        }

        return _prepared2024;
    }

    private static List<ResearchRow> ReadResearch()
    {
        var lines = File.ReadAllLines(Path.Combine(TestData.RepositoryRoot, "tests", "reference", "yardstick", "research_scores.csv"));
        var header = lines[0].Split(',');
        var ids = Model.Yardstick!.Indicators.Select(i => Array.IndexOf(header, i.IndicatorId)).ToArray();
        ids.ShouldAllBe(i => i >= 0);
        static double Parse(string text) => text.Length == 0 ? double.NaN : double.Parse(text, CultureInfo.InvariantCulture);
        return [.. lines.Skip(1).Select(line => line.Split(',')).Select(f => new ResearchRow(
            f[Array.IndexOf(header, "code")],
            Parse(f[Array.IndexOf(header, "inhabitants")]),
            [.. ids.Select(i => Parse(f[i]))],
            Parse(f[Array.IndexOf(header, "afw")]),
            Parse(f[Array.IndexOf(header, "imputation_sd")]),
            f[Array.IndexOf(header, "in_sample")] is { Length: > 0 } s ? Parse(s) : null))];
    }

    private sealed record ResearchRow(string Code, double Inhabitants, double[] Values, double Afw, double ImputationSd, double? InSample);

    // Compares the fields of two yardstick indicators (the alignment by its years and factors).
    private sealed class YardstickIndicatorComparer : IEqualityComparer<YardstickIndicator>
    {
        public bool Equals(YardstickIndicator? x, YardstickIndicator? y) =>
            x is not null && y is not null && x with { Alignment = null } == y with { Alignment = null }
            && (x.Alignment, y.Alignment) switch
            {
                (null, null) => true,
                ({ } a, { } b) => a.Divide == b.Divide && a.ByYear.OrderBy(p => p.Key).SequenceEqual(b.ByYear.OrderBy(p => p.Key)),
                _ => false,
            };

        public int GetHashCode(YardstickIndicator obj) => obj.IndicatorId.GetHashCode(StringComparison.Ordinal);
    }
}
