namespace Leefkracht.Monitor.Tests.Monitoring;

/// <summary>Our index against the Rotterdam Wijkprofiel (numbers reported in docs/indices.md).</summary>
public sealed class ExternalComparisonTests(SampleStore sample)
{
    [Fact]
    public async Task Wijkprofiel2016_RanksRotterdamsBuurtenLikeOurIndexOf2024()
    {
        await using var store = sample.Open();
        var comparison = new ExternalComparison(new MonitorService(store));
        var rotterdam = AreaCode.Parse("GM0599");

        // When
        var externals = await comparison.ExternalIndicatorsAsync(2016, rotterdam, TestContext.Current.CancellationToken);
        var result = await comparison.CompareAsync(externals, 2016, 2024, AreaLevel.Buurt, rotterdam, ModelDocument.HandSet, ReferenceChoice.National, TestContext.Current.CancellationToken);

        // Then: the nine Wijkprofiel indices on the 63 Rotterdam wijken that are CBS buurten
        externals.Count.ShouldBe(9);
        result.Correlations.ShouldAllBe(c => c.Areas == 63);
        double Spearman(string ours, string external) => result.Correlations.Single(c => c.Ours == ours && c.External == external).Spearman;

        // docs/indices.md and the explain note quote these (Spearman 0.78–0.85 for the three indices)
        Spearman("total", "wijkprofiel_social_index").ShouldBe(0.823, 0.0005);
        Spearman("total", "wijkprofiel_physical_index").ShouldBe(0.778, 0.0005);
        Spearman("total", "wijkprofiel_safety_index").ShouldBe(0.850, 0.0005);

        // Our nuisance-and-insecurity dimension follows their objective safety index (registered crime) most closely
        Spearman("onv", "wijkprofiel_safety_objective").ShouldBeGreaterThan(Spearman("onv", "wijkprofiel_safety_subjective"));
        result.Disagreements["wijkprofiel_social_index"].Count.ShouldBe(5);
    }
}
