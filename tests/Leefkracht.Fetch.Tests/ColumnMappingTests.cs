using Leefkracht.Data.Catalog;

namespace Leefkracht.Fetch.Tests;

/// <summary>Every column of a KWB year's table maps to the catalog: an indicator, structural, or knowingly ignored.</summary>
public sealed class ColumnMappingTests
{
    [Fact]
    public void Kwb2024_TheRealDataProperties_MapFully()
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(FakeSources.Fixture("kwb2024_85984NED_DataProperties.json.gz")), System.IO.Compression.CompressionMode.Decompress);
        using var json = new MemoryStream();
        gzip.CopyTo(json);

        var columns = StatLineColumns.Read(json.ToArray(), CatalogDocument.Default);

        columns.Unknown.Select(c => c.Property.Key).ShouldBeEmpty();
        columns.Columns.Count.ShouldBe(129);
        columns.IndicatorCount.ShouldBeGreaterThan(100);
        columns.Columns.Single(c => c.Property.Key == "AantalInwoners_5").Target.ShouldBe("population");
    }

    [Fact]
    public void Kwb2019_TheKeysOfTheRealTable_MapFully()
    {
        var keys = FakeSources.DenHaag2019()[0].Keys.Where(k => k != "ID")
            .Select(k => new StatLineProperty(k, k, k == "WijkenEnBuurten" ? "GeoDimension" : "Topic", null));

        var columns = StatLineColumns.Map(keys, CatalogDocument.Default);

        columns.Unknown.ShouldBeEmpty();
        columns.Columns.Count.ShouldBe(117);
    }

    /// <summary>
    /// The key lists of years whose DataProperties are not at hand, each from the public documentation named at the
    /// top of its file (Fixtures/Sources/kwb-keys): every key is an indicator, structural, or knowingly ignored.
    /// </summary>
    [Theory]
    [InlineData(2013, 123)]
    [InlineData(2017, 109)]
    [InlineData(2025, 107)]
    public void AYearsDocumentedKeys_MapFully(int year, int keys)
    {
        var columns = StatLineColumns.Map(DocumentedKeys(year), CatalogDocument.Default);

        columns.Unknown.Select(c => c.Property.Key).ShouldBeEmpty();
        columns.Columns.Count.ShouldBe(keys);
        columns.Columns.Single(c => c.Property.Key.StartsWith("AantalInwoners_", StringComparison.Ordinal)).Target.ShouldBe("population");
    }

    [Fact]
    public void Kwb2013_RenumberedKeys_MapByStem_AndRepeatedStemsByOrder()
    {
        var columns = StatLineColumns.Map(DocumentedKeys(2013), CatalogDocument.Default);

        Target(columns, "AantalInwoners_4").ShouldBe("population");
        Target(columns, "GemiddeldeWoningwaarde_34").ShouldBe(Target(StatLineColumns.Map(DocumentedKeys(2017), CatalogDocument.Default), "GemiddeldeWoningwaarde_35"));
        // The first Appartement is electricity use, the second gas use, as in every year.
        Target(columns, "Appartement_47").ShouldBe(CatalogDocument.Default.Catalog.TryResolveColumn("Appartement_54", out var electricity) ? electricity.IndicatorId : null);
        Target(columns, "Appartement_55").ShouldBe(CatalogDocument.Default.Catalog.TryResolveColumn("Appartement_62", out var gas) ? gas.IndicatorId : null);
        Target(columns, "Appartement_47").ShouldNotBe(Target(columns, "Appartement_55"));
        columns.CatalogNames["AantalInwoners_4"].ShouldBe("AantalInwoners_5");
    }

    [Fact]
    public void AKeyNoYearHad_StaysUnknown_AndIsReported()
    {
        var keys = DocumentedKeys(2017).Append(new StatLineProperty("NieuwOnderwerp_130", "Nieuw onderwerp", "Topic", null));

        var columns = StatLineColumns.Map(keys, CatalogDocument.Default);

        columns.Unknown.Select(c => c.Property.Key).ShouldBe(["NieuwOnderwerp_130"]);
    }

    [Fact]
    public void EveryYear_2013To2025_HasATable()
    {
        KwbTables.Years.ShouldBe(Enumerable.Range(2013, 13));
        KwbTables.For(2019).ShouldBe("84583NED");
        KwbTables.For(2024).ShouldBe("85984NED");
        KwbTables.For(2012).ShouldBeNull();
    }

    private static string? Target(StatLineColumns columns, string key) => columns.Columns.Single(c => c.Property.Key == key).Target;

    /// <summary>A year's documented keys; the region dimension (RegioS or WijkenEnBuurten) as the GeoDimension it is.</summary>
    private static IEnumerable<StatLineProperty> DocumentedKeys(int year) =>
        File.ReadLines(Directory.GetFiles(FakeSources.Fixture("kwb-keys"), $"kwb{year}_*_keys.txt").Single())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(k => new StatLineProperty(k, k, k is "RegioS" or "WijkenEnBuurten" ? "GeoDimension" : "Topic", null));
}
