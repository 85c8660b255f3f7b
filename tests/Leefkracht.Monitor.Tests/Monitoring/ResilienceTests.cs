namespace Leefkracht.Monitor.Tests.Monitoring;

/// <summary>Resilience (veerkracht) on the real data of the sample.</summary>
public sealed class ResilienceTests(SampleStore sample)
{
    [Theory]
    [InlineData(2015)] // ELAN wijken of Haaglanden
    [InlineData(2017)] // Amsterdam full KWB
    [InlineData(2019)] // Amsterdam, Den Haag, Heerlen
    [InlineData(2023)] // Utrecht
    public async Task Resilience_EveryAreaHasAScoreOrAReason_AndThePartsAddUp(int year)
    {
        await using var store = sample.Open();

        var resilience = await new MonitorService(store).ResilienceAsync(year, ResilienceModel.Default, ReferenceChoice.National, TestContext.Current.CancellationToken);

        resilience.Scores.ShouldAllBe(s => s.Score.HasValue != (s.NotScoredReason != null));
        resilience.Scores.Count(s => s.Score is not null).ShouldBeGreaterThan(40);
        foreach (var score in resilience.Scores.Where(s => s.Score is not null))
        {
            score.Contributions.Sum(c => c.Contribution).ShouldBe(score.Score!.Value, 1e-9, score.Area.ToString());
            (score.Capacity!.Value - score.Pressure!.Value).ShouldBe(score.Score!.Value, 1e-12);
        }
    }

    [Fact]
    public async Task Resilience_DenHaagWijk2015_LocationQuotientAgainstTheGemeenteBuiltFromItsWijken()
    {
        // Given: ELAN publishes wijken only; Den Haag's own share is built from its wijken (population-weighted)
        await using var store = sample.Open();

        // When
        var resilience = await new MonitorService(store).ResilienceAsync(2015, ResilienceModel.Default, ReferenceChoice.National, TestContext.Current.CancellationToken);

        // Then
        var wijk = resilience.ScoreOf(AreaCode.Parse("WK051838"))!;
        var gemeente = resilience.ScoreOf(AreaCode.Parse("GM0518"))!;
        wijk.VulnerableIndicator.ShouldBe("persons_low_income_pct");
        wijk.VulnerableShare!.Value.ShouldBe(14.8, 0.05);
        resilience.Prepared.Aggregated.ShouldContain((gemeente.Area, "persons_low_income_pct"));
        wijk.LocationQuotientGemeente!.Value.ShouldBe(wijk.VulnerableShare!.Value / gemeente.VulnerableShare!.Value, 1e-12);
        wijk.Turnover!.Value.ShouldBeGreaterThan(0);
        resilience.Scores.Count(s => s.Area.Code.Level == AreaLevel.Gemeente && s.Score is not null).ShouldBe(4);
    }

    [Fact]
    public async Task Resilience_Amsterdam2019_FlagsCorporatiebuurtenAtTwoThirds()
    {
        await using var store = sample.Open();

        var resilience = await new MonitorService(store).ResilienceAsync(2019, ResilienceModel.Default, ReferenceChoice.National, TestContext.Current.CancellationToken);

        var amsterdam = resilience.Scores.Where(s => s.Area.Code.Level == AreaLevel.Buurt && s.Area.Code.Gemeente == AreaCode.Parse("GM0363") && s.CorporationShare is not null).ToList();
        amsterdam.Count.ShouldBeGreaterThan(300);
        amsterdam.ShouldAllBe(s => s.IsCorporatiebuurt == (s.CorporationShare > 200.0 / 3));
        amsterdam.Count(s => s.IsCorporatiebuurt).ShouldBeGreaterThan(20);

        // Corporatiebuurten are, on average, less resilient than the other buurten
        var flagged = amsterdam.Where(s => s.IsCorporatiebuurt && s.Score is not null).Average(s => s.Score!.Value);
        var others = amsterdam.Where(s => !s.IsCorporatiebuurt && s.Score is not null).Average(s => s.Score!.Value);
        flagged.ShouldBeLessThan(others - 1);
    }

    [Fact]
    public async Task ResilienceNote_DenHaagWijk_InEnglish()
    {
        await using var store = sample.Open();
        var resilience = await new MonitorService(store).ResilienceAsync(2015, ResilienceModel.Default, ReferenceChoice.National, TestContext.Current.CancellationToken);

        using var english = UiLanguage.English();
        var note = ResilienceWriter.Write(resilience, resilience.ScoreOf(AreaCode.Parse("WK051838"))!.Area, new ExplanationWriter.AreaNames("Wijk 38 Laakkwartier en Spoorwijk", null, "'s-Gravenhage"), Leefkracht.Data.Catalog.CatalogDocument.Default.Catalog);

        note.ShouldStartWith("Wijk 38 Laakkwartier en Spoorwijk (WK051838), wijk in 's-Gravenhage — 2015");
        note.ShouldContain("Resilience 2015: ");
        note.ShouldContain("Persons in a low-income household: 14.8 % (location quotient 1.32 against the gemeente, 1.46 against the reference)");
        note.ShouldContain("Where the score comes from (+ capacity, − pressure; largest first; the parts add up to the score):");
    }
}
