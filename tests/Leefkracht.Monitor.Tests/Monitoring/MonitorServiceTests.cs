using System.Text.Json;

namespace Leefkracht.Monitor.Tests.Monitoring;

/// <summary>The livability index on the real national 2024 data of the sample.</summary>
public sealed class MonitorServiceTests(SampleStore sample)
{
    private static ScoredYear? _national2024;

    private async Task<ScoredYear> National2024()
    {
        if (_national2024 is null)
        {
            await using var store = sample.Open();
            _national2024 = await new MonitorService(store).ScoreAsync(2024, ModelDocument.HandSet, ReferenceChoice.National, TestContext.Current.CancellationToken);
        }

        return _national2024;
    }

    [Fact]
    public async Task Score_2024_EveryBuurtWijkAndGemeenteHasAScoreOrAReason()
    {
        // When
        var scored = await National2024();

        // Then
        foreach (var level in new[] { AreaLevel.Buurt, AreaLevel.Wijk, AreaLevel.Gemeente })
        {
            var areas = scored.Scores.Where(s => s.Area.Code.Level == level).ToList();
            areas.Count.ShouldBe(level switch { AreaLevel.Buurt => 14574, AreaLevel.Wijk => 3393, _ => 342 });
            areas.ShouldAllBe(s => s.IsScored != (s.NotScoredReason != null));
        }

        scored.Scores.Where(s => s.Area.Code.Level == AreaLevel.Gemeente).ShouldAllBe(s => s.IsScored);
        scored.Scores.Count(s => s.Area.Code.Level == AreaLevel.Buurt && s.IsScored).ShouldBeGreaterThan(12_000);
        scored.Scores.Count(s => s.Area.Code.Level == AreaLevel.Wijk && s.IsScored).ShouldBeGreaterThan(3_200);
    }

    [Fact]
    public async Task Score_2024_ContributionsAddUpExactlyForEveryArea()
    {
        var scored = await National2024();

        foreach (var score in scored.Scores.Where(s => s.IsScored))
        {
            Math.Abs(score.Dimensions.Sum(d => d.Contribution) - score.Deviation!.Value).ShouldBeLessThan(1e-9, score.Area.ToString());
            foreach (var dimension in score.Dimensions)
            {
                Math.Abs(dimension.Indicators.Sum(i => i.Contribution) - dimension.Contribution).ShouldBeLessThan(1e-9, score.Area.ToString());
            }
        }
    }

    [Fact]
    public async Task Reference_2024_MatchesAnIndependentComputationFromTheCsvFiles()
    {
        // Given: the two national files alone (the full sample adds Amsterdam's and Utrecht's own 2024 figures), and
        // weighted moments computed from the same CSVs by tests/reference/indices/reference_moments.py
        using var testStore = TestStore.Create();
        await using var store = testStore.Open();
        await Stores.ImportNational2024Async(store);
        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(TestData.RepositoryRoot, "tests", "reference", "indices", "reference_moments_2024.json"), TestContext.Current.CancellationToken));

        // When
        var scored = await new MonitorService(store).ScoreAsync(2024, ModelDocument.HandSet, ReferenceChoice.National, TestContext.Current.CancellationToken);

        // Then
        foreach (var indicator in expected.RootElement.GetProperty("moments").EnumerateObject())
        {
            var ours = scored.Reference.Moments[indicator.Name];
            ours.Mean.ShouldBe(indicator.Value.GetProperty("mean").GetDouble(), 1e-9 * Math.Abs(ours.Mean), indicator.Name);
            ours.StandardDeviation.ShouldBe(indicator.Value.GetProperty("sd").GetDouble(), 1e-9 * ours.StandardDeviation, indicator.Name);
            ours.Areas.ShouldBe(indicator.Value.GetProperty("areas").GetInt32(), indicator.Name);
            ours.PopulationShare.ShouldBe(indicator.Value.GetProperty("populationShare").GetDouble(), 1e-12, indicator.Name);
        }
    }

    [Fact]
    public async Task Classes_2024_HoldTheCalibratedSharesOfThePopulation()
    {
        // Given: the default model's bounds were set at 0.5, 1.5, 4, 12, 30, 50, 70, 90 % of the 2024 buurt population
        var scored = await National2024();
        var population = scored.Prepared.Table.Column("population").ToArray();
        var buurten = scored.Scores.Where(s => s.IsScored && s.Area.Code.Level == AreaLevel.Buurt).ToList();
        var total = buurten.Sum(s => population[scored.Prepared.Table.RowOf(s.Area)]);

        // When
        double Share(int upToClass) => buurten.Where(s => s.Class <= upToClass).Sum(s => population[scored.Prepared.Table.RowOf(s.Area)]) / total;

        // Then (the bounds are rounded to 0.01, so a point or two of slack)
        Share(3).ShouldBe(0.04, 0.01);
        Share(4).ShouldBe(0.12, 0.02);
        Share(5).ShouldBe(0.30, 0.02);
        Share(8).ShouldBe(0.90, 0.02);
    }

    [Fact]
    public async Task Score_Wijk_UsesValuesAggregatedFromItsBuurten()
    {
        // Given: the 2024 selection has no health or crime figures for wijken; they come from the buurten
        var scored = await National2024();
        var wijk = new AreaKey(AreaCode.Parse("WK034401"), 2024);

        // Then
        scored.Prepared.Aggregated.ShouldContain((wijk, "good_health_pct"));
        var score = scored.ScoreOf(wijk)!;
        score.IsScored.ShouldBeTrue();
        score.Dimensions.SelectMany(d => d.Indicators).ShouldContain(i => i.IndicatorId == "good_health_pct");
    }

    [Fact]
    public async Task Score_GemeenteReference_CentresTheGemeenteOnItself()
    {
        await using var store = sample.Open();
        var scored = await new MonitorService(store).ScoreAsync(2023, ModelDocument.HandSet, ReferenceChoice.OfGemeente(AreaCode.Parse("GM0344")), TestContext.Current.CancellationToken);

        // The population-weighted mean deviation of Utrecht's buurten against Utrecht itself is about zero
        // (exactly zero without clipping and with every indicator present in every buurt).
        var population = scored.Prepared.Table.Column("population").ToArray();
        var buurten = scored.Scores.Where(s => s.IsScored && s.Area.Code.Level == AreaLevel.Buurt && s.Area.Code.Gemeente == AreaCode.Parse("GM0344")).ToList();
        buurten.Count.ShouldBeGreaterThan(90);
        var mean = buurten.Sum(s => s.Deviation!.Value * population[scored.Prepared.Table.RowOf(s.Area)]) / buurten.Sum(s => population[scored.Prepared.Table.RowOf(s.Area)]);
        Math.Abs(mean).ShouldBeLessThan(0.05);
        scored.Reference.Moments.ContainsKey("dwellings_corporation_pct").ShouldBeTrue();
    }

    [Fact]
    public async Task Explain_UtrechtBuurt_ReadsLikeANote()
    {
        var scored = await National2024();

        var note = ExplanationWriter.Write(scored, new AreaKey(AreaCode.Parse("BU03440111"), 2024), new ExplanationWriter.AreaNames("Welgelegen, Den Hommel", "Wijk 01 West", "Utrecht"), Leefkracht.Data.Catalog.CatalogDocument.Default.Catalog);

        note.ShouldContain("Welgelegen, Den Hommel (BU03440111), buurt in Wijk 01 West, Utrecht — 2024");
        note.ShouldContain("ten opzichte van de referentie — alle buurten met gegevens in 2024");
        note.ShouldContain("Ter vergelijking: Wijk 01 West ");
        note.ShouldContain("Goed ervaren gezondheid: 80,5 % (referentie 72,8 %, Utrecht 76,1 %)");
        note.ShouldContain("de indicatoren zijn op zichzelf geen knoppen om aan te draaien");
    }

    [Fact]
    public void DefaultModel_IsValidAgainstTheCatalog()
    {
        var model = ModelDocument.HandSet;
        model.Dimensions.Sum(d => d.Weight).ShouldBe(1, 1e-12);
        model.Dimensions.Select(d => d.Dimension).ShouldBe(Enum.GetValues<LivabilityDimension>(), ignoreOrder: true);
        model.Dimensions.SelectMany(d => d.Indicators).ShouldAllBe(i => i.Direction != Direction.Neutral && i.Reason.Length > 20);
    }

    [Fact]
    public void ModelDocument_InvalidFile_ListsEveryProblemWithItsPath()
    {
        const string Json = """
            { "id": "x", "version": 0, "method": "hand-set", "description": "d",
              "classes": { "upperBounds": [1, 2, 3] }, "changeClasses": { "upperBounds": [1,2,3,4,5,6,7,8] },
              "dimensions": [ { "dimension": "Woningvoorraad", "weight": 0.7, "reason": "r",
                "indicators": [ { "id": "no_such_indicator", "weight": -1, "direction": "Upwards", "reason": "r" } ] } ] }
            """;

        // Each problem with its JSON path and its code, in Dutch (the default) and in English on request
        (string Code, string Dutch, string English)[] expected =
        [
            ("Heading", "broken.json is geen geldig leefbaarheidsmodel:", "broken.json is not a valid livability model:"),
            ("Model.ClassBounds", "$.classes.upperBounds: negen klassen hebben acht oplopende grenzen nodig, gevonden: 3", "$.classes.upperBounds: eight ascending bounds are required for nine classes, found 3"),
            ("Model.NotInCatalog", "$.dimensions[0].indicators[0].id: ‘no_such_indicator’ staat niet in de indicatorcatalogus", "$.dimensions[0].indicators[0].id: 'no_such_indicator' is not in the indicator catalog"),
            ("Model.Positive", "$.dimensions[0].indicators[0].weight: moet groter dan 0 zijn", "$.dimensions[0].indicators[0].weight: must be positive"),
            ("Model.WeightsSum", "$.dimensions[*].weight: de gewichten van de dimensies moeten samen 1 zijn, ze zijn samen 0.7", "$.dimensions[*].weight: the dimension weights must sum to 1, they sum to 0.7"),
            ("Model.Version", "$.version: een positief geheel getal is nodig", "$.version: a positive whole number is required"),
        ];
        var dutch = Should.Throw<Leefkracht.Data.Documents.DocumentException>(() => ModelDocument.Parse(ModelDocument.ToStream(Json), "broken.json"));
        Leefkracht.Data.Documents.DocumentException english;
        using (UiLanguage.English())
        {
            english = Should.Throw<Leefkracht.Data.Documents.DocumentException>(() => ModelDocument.Parse(ModelDocument.ToStream(Json), "broken.json"));
        }

        foreach (var (code, inDutch, inEnglish) in expected)
        {
            dutch.Message.ShouldContain(inDutch);
            english.Message.ShouldContain(inEnglish);
            (code == "Heading" || dutch.Problems.Any(p => p.Code == code)).ShouldBeTrue(code);
        }

        english.Message.ShouldContain("$.dimensions[0].indicators[0].direction: 'Upwards' is not one of");
    }

    [Fact]
    public void ModelDocument_WriteThenRead_GivesTheSameModel()
    {
        var model = ModelDocument.HandSet;
        var again = ModelDocument.Parse(ModelDocument.ToStream(ModelDocument.ToJson(model)), "round-trip.json");

        again.Classes.UpperBounds.ShouldBe(model.Classes.UpperBounds);
        again.Dimensions.SelectMany(d => d.Indicators).Select(i => (i.IndicatorId, i.Weight, i.Direction)).ShouldBe(model.Dimensions.SelectMany(d => d.Indicators).Select(i => (i.IndicatorId, i.Weight, i.Direction)));
    }
}
