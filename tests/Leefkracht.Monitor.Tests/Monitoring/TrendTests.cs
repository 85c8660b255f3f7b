namespace Leefkracht.Monitor.Tests.Monitoring;

/// <summary>Livability change on the real multi-year data of the sample.</summary>
public sealed class TrendTests(SampleStore sample)
{
    [Fact]
    public async Task Trend_AmsterdamWijk_IsRebuiltThroughTheCrosswalkFromItsAddresses()
    {
        // Given: Amsterdam re-coded all its wijken in 2022 (WK036300 … → WK0363AA …)
        await using var store = sample.Open();
        var code = AreaCode.Parse("WK0363NP");

        // When
        var trends = await new MonitorService(store).TrendAsync(2019, 2024, ModelDocument.HandSet, ReferenceChoice.National, TestContext.Current.CancellationToken);

        // Then: the 2019 values of the 2024 wijk are the address-weighted means of the 2019 wijken its addresses came from
        var trend = trends.TrendOf(code)!;
        var lineage = trends.Lineage[trend.Area];
        lineage.ThroughCrosswalk.ShouldBeTrue();
        lineage.Sources.Sum(s => s.Share).ShouldBe(1, 1e-12);
        var links = (await store.LoadCrosswalkAsync(AreaLevel.Wijk, 2019, 2024, TestContext.Current.CancellationToken))
            .Where(l => l.To == code && l.Variant.Contains("woonfunctie", StringComparison.Ordinal))
            .ToList();
        links.Count.ShouldBeGreaterThan(0);
        double weighted = 0, addresses = 0;
        foreach (var link in links)
        {
            var value = (await store.LoadObservationsAsync(link.From, 2019, TestContext.Current.CancellationToken)).Single(o => o.IndicatorId == "dwellings_owner_occupied_pct").Value;
            weighted += link.Addresses * value;
            addresses += link.Addresses;
        }

        trends.From.Value(trend.Area, "dwellings_owner_occupied_pct").ShouldBe(weighted / addresses, 1e-9);
        trend.IsCompared.ShouldBeTrue();
        trend.Change!.Value.ShouldBe(trend.To.Deviation!.Value - trend.From.Deviation!.Value, 1e-12);
    }

    [Fact]
    public async Task Trend_Heerlen2016To2018_EveryWijkComparedAndAdditive()
    {
        // Given: Heerlen's full KWB for 2016 and 2018; the 2016 reference is the only one with buurt data that year
        await using var store = sample.Open();

        // When
        var trends = await new MonitorService(store).TrendAsync(2016, 2018, ModelDocument.HandSet, ReferenceChoice.National, TestContext.Current.CancellationToken);

        // Then
        trends.ReferenceChoice.Year.ShouldBe(2016);
        trends.Reference.Period.ShouldBe(2016);
        var wijken = trends.Trends.Where(t => t.Area.Code.Level == AreaLevel.Wijk && t.Area.Code.Gemeente == AreaCode.Parse("GM0917")).ToList();
        wijken.Count.ShouldBe(23);
        wijken.ShouldAllBe(t => t.IsCompared);
        foreach (var trend in wijken)
        {
            trend.Dimensions.Sum(d => d.Change).ShouldBe(trend.Change!.Value, 1e-9, trend.Area.ToString());
            trend.Indicators.Sum(i => i.Change).ShouldBe(trend.Change!.Value, 1e-9, trend.Area.ToString());
            trend.ChangeClass.ShouldBe(trends.Model.ChangeClasses.ClassOf(trend.Change!.Value));
        }

        // Health is published for 2016 but not 2018: it is left out of both years, never read as a change
        wijken.ShouldAllBe(t => t.Indicators.All(i => i.IndicatorId != "good_health_pct"));
        wijken.Count(t => t.OnlyInOneYear.Contains("good_health_pct")).ShouldBe(21); // two small wijken have no 2016 estimate either
    }

    [Fact]
    public async Task TrendNote_ReadsLikeAnAnalystsNote()
    {
        await using var store = sample.Open();
        var trends = await new MonitorService(store).TrendAsync(2016, 2018, ModelDocument.HandSet, ReferenceChoice.National, TestContext.Current.CancellationToken);
        var area = trends.TrendOf(AreaCode.Parse("WK091710"))!.Area;

        var note = TrendWriter.Write(trends, area, new ExplanationWriter.AreaNames("Wijk 10 Maria Gewanden en Terschuren", null, "Heerlen"), Leefkracht.Data.Catalog.CatalogDocument.Default.Catalog);

        note.ShouldStartWith("Wijk 10 Maria Gewanden en Terschuren (WK091710), wijk in Heerlen — 2016 → 2018");
        note.ShouldContain("beide tegen één referentie — alle buurten met gegevens in 2016");
        note.ShouldContain("Ter vergelijking: gemeente Heerlen ");
        note.ShouldContain("Diefstal uit woning, schuur e.d.: 7 ‰ → 3 ‰");
        note.ShouldContain("Niet vergeleken, omdat ze maar in één van de twee jaren bekend zijn: Goed ervaren gezondheid.");
    }
}
