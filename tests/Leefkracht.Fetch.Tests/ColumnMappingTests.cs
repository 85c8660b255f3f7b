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

    [Fact]
    public void EveryYear_2013To2025_HasATable()
    {
        KwbTables.Years.ShouldBe(Enumerable.Range(2013, 13));
        KwbTables.For(2019).ShouldBe("84583NED");
        KwbTables.For(2024).ShouldBe("85984NED");
        KwbTables.For(2012).ShouldBeNull();
    }
}
