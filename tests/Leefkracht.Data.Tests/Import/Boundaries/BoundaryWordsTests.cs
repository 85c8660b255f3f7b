using System.IO.Compression;
using System.Text;
using static Leefkracht.Data.Tests.Import.Boundaries.BoundaryReading;

namespace Leefkracht.Data.Tests.Import.Boundaries;

/// <summary>
/// The boundary readers' findings in both languages, on the real CBS wijk file of 2017 as shipped and broken in two
/// ways a user meets (a download cut short, a code mangled by a spreadsheet): the code stays the same, the place (file,
/// line, column, value) stays as written, the words follow the UI culture at the time of reading.
/// </summary>
public sealed class BoundaryWordsTests
{
    private const string Wijk2017 = "cbs_wijk_2017_gegeneraliseerd_wgs84.geojson.gz";

    [Fact]
    public void TheRealWijkFile_RepairsAndYear_AreWordedInDutchAndEnglish()
    {
        // When
        var dutch = ReadIn(UiLanguage.Dutch, Wijk2017, File.ReadAllBytes(TestData.Sample("boundaries/" + Wijk2017)));
        var english = ReadIn(UiLanguage.English, Wijk2017, File.ReadAllBytes(TestData.Sample("boundaries/" + Wijk2017)));

        // Then
        Finding(dutch, "Boundary.Repaired").ShouldBe(
            "waarschuwing in cbs_wijk_2017_gegeneraliseerd_wgs84.geojson.gz, regel 1108, kolom geometry: object 1107 (WK071588): geometrie hersteld: rand snijdt zichzelf bij of nabij (3.889 51.223)");
        Finding(english, "Boundary.Repaired").ShouldBe(
            "warning in cbs_wijk_2017_gegeneraliseerd_wgs84.geojson.gz, line 1108, column geometry: feature 1107 (WK071588): geometry repaired: Ring Self-intersection at or near (3.889 51.223)");
        Finding(dutch, "Year.FromProperty").ShouldBe("opmerking in cbs_wijk_2017_gegeneraliseerd_wgs84.geojson.gz, kolom jrstatcode: indelingsjaar 2017 overgenomen uit de eigenschap jrstatcode");
        Finding(english, "Year.FromProperty").ShouldBe("note in cbs_wijk_2017_gegeneraliseerd_wgs84.geojson.gz, column jrstatcode: division year 2017 taken from the jrstatcode property");
    }

    [Fact]
    public void TheRealWijkFileWithAMangledCode_NamesTheFeatureAndItsPropertiesInDutchAndEnglish()
    {
        // Given: the first wijk's code, in its statcode, id and jrstatcode, no longer a CBS code
        var mangled = Gzip(Unzipped().Replace("WK198703", "XX198703", StringComparison.Ordinal));

        // When
        var dutch = ReadIn(UiLanguage.Dutch, Wijk2017, mangled);
        var english = ReadIn(UiLanguage.English, Wijk2017, mangled);

        // Then
        dutch.Batch.RowsRejected.ShouldBe(1);
        Finding(dutch, "Boundary.NoCode").ShouldBe(
            "fout in cbs_wijk_2017_gegeneraliseerd_wgs84.geojson.gz, regel 2, kolom statcode, waarde 'XX198703': object 1 heeft geen geldige gebiedscode: statcode 'XX198703' is geen CBS-gebiedscode: een code begint met GM, WK of BU (of is NL00) (eigenschappen: statcode='XX198703', statnaam='Wijk 03', jrstatcode='2017XX198703', rubriek='wijk', FID='cbs_wijk_2017_gegeneraliseerd.231284')");
        Finding(english, "Boundary.NoCode").ShouldBe(
            "error in cbs_wijk_2017_gegeneraliseerd_wgs84.geojson.gz, line 2, column statcode, value 'XX198703': feature 1 has no valid area code: statcode 'XX198703' is not a CBS area code: it must start with GM, WK or BU (or be NL00) (properties: statcode='XX198703', statnaam='Wijk 03', jrstatcode='2017XX198703', rubriek='wijk', FID='cbs_wijk_2017_gegeneraliseerd.231284')");
    }

    [Fact]
    public void TheRealWijkFileCutShort_IsNotJson_InDutchAndEnglish_WithTheReadersOwnDetail()
    {
        // Given: the download stopped in the middle of a coordinate
        var text = Unzipped();
        var cut = Gzip(text[..(text.Length / 2)]);

        // When
        var dutch = ReadIn(UiLanguage.Dutch, "wijken_2017.geojson.gz", cut);
        var english = ReadIn(UiLanguage.English, "wijken_2017.geojson.gz", cut);

        // Then: the place and .NET's own message stay; the sentence around them is the user's
        var nl = dutch.Batch.Issues.Issues.Single();
        var en = english.Batch.Issues.Issues.Single();
        (nl.Code, en.Code).ShouldBe(("Json.Invalid", "Json.Invalid"));
        (nl.Line, nl.ColumnNumber).ShouldBe((en.Line, en.ColumnNumber));
        nl.Reason.ShouldStartWith($"geen geldige JSON op regel {nl.Line}, byte {nl.ColumnNumber}: ");
        nl.Reason.ShouldEndWith("Het bestand houdt midden in de JSON op: het is waarschijnlijk afgekapt.");
        en.Reason.ShouldStartWith($"not valid JSON at line {en.Line}, byte {en.ColumnNumber}: ");
        en.Reason.ShouldEndWith("The file ends in the middle of the JSON: it is probably truncated.");
    }

    [Theory]
    [InlineData("""{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3857"}},"features":[{"type":"Feature","properties":{"statcode":"WK034401"},"geometry":{"type":"Polygon","coordinates":[[[1,2],[3,4],[5,2],[1,2]]]}}]}""",
        "Crs.Unsupported",
        "fout in wijken_2024.geojson: coördinatenstelsel 'EPSG:3857' wordt niet ondersteund: Leefkracht leest WGS84 (EPSG:4326, CRS84) en RD New (EPSG:28992); zet het bestand eerst om",
        "error in wijken_2024.geojson: unsupported coordinate system 'EPSG:3857': Leefkracht reads WGS84 (EPSG:4326, CRS84) and RD New (EPSG:28992); reproject the file first")]
    [InlineData("""{"type":"Topology","objects":{}}""",
        "Json.WrongType",
        "fout in wijken_2024.geojson: geen GeoJSON FeatureCollection: het \"type\" van het hoofdobject is 'Topology' (dit is TopoJSON)",
        "error in wijken_2024.geojson: not a GeoJSON FeatureCollection: the root \"type\" is 'Topology' (this is TopoJSON)")]
    public void ABrokenFile_IsOneFileError_InDutchAndEnglish(string json, string code, string dutch, string english)
    {
        // When
        var nl = ReadIn(UiLanguage.Dutch, "wijken_2024.geojson", Encoding.UTF8.GetBytes(json));
        var en = ReadIn(UiLanguage.English, "wijken_2024.geojson", Encoding.UTF8.GetBytes(json));

        // Then
        Finding(nl, code).ShouldBe(dutch);
        Finding(en, code).ShouldBe(english);
    }

    private static Reading ReadIn(Func<UiLanguage> language, string name, byte[] content)
    {
        // The words are chosen when the file is read and when a finding is told: both in the language under test.
        using var _ = language();
        var batch = Read(SourceFile.FromBytes(name, content));
        return new Reading(batch, [.. batch.Issues.Issues.Select(i => (i.Code, i.ToString()))]);
    }

    private static string Finding(Reading reading, string code) => reading.Told.First(t => t.Code == code).Text;

    private static string Unzipped()
    {
        using var gzip = new GZipStream(File.OpenRead(TestData.Sample("boundaries/" + Wijk2017)), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static byte[] Gzip(string text)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return packed.ToArray();
    }

    /// <summary>A batch and its findings as told in the language it was read in.</summary>
    private sealed record Reading(ImportBatch Batch, IReadOnlyList<(string? Code, string Text)> Told);
}
