using System.Text;
using Leefkracht.Core.Geography;
using NetTopologySuite.Algorithm.Distance;
using NetTopologySuite.Geometries;
using static Leefkracht.Data.Tests.Import.Boundaries.BoundaryReading;

namespace Leefkracht.Data.Tests.Import.Boundaries;

public sealed class GeoJsonBoundaryReaderTests
{
    private const string Buurt2024 = "cbs_buurt_2024_approx_wgs84.geojson.gz";
    private const string Wijk2016Rd = "cbs_wijk_2016_nl_rd.geojson.gz";
    private const string Wijk2017 = "cbs_wijk_2017_gegeneraliseerd_wgs84.geojson.gz";
    private const string Gemeente2022 = "cbs_gemeente_2022_gegeneraliseerd_wgs84.geojson.gz";

    [Fact]
    public void Read_Buurt2024_GivesEveryBuurtAsAValidPolygonInTheNetherlands()
    {
        // When
        var batch = Sample(Buurt2024);

        // Then
        batch.Texts(IssueSeverity.Error).ShouldBeEmpty();
        batch.RowsRead.ShouldBe(13_748);
        batch.Boundaries.Count.ShouldBe(13_748);
        batch.Boundaries.ShouldAllBe(b => b.Area.Code.Level == AreaLevel.Buurt && b.Area.Year == 2024);
        batch.Areas.Count.ShouldBe(13_748);
        batch.Areas.ShouldContain(new Area(AreaCode.Parse("BU00140000"), 2024, "Binnenstad-Noord"));
        batch.ShouldAllBeValidInTheNetherlands();
        batch.Texts().ShouldContain("opmerking in cbs_buurt_2024_approx_wgs84.geojson.gz: indelingsjaar 2024 overgenomen uit de bestandsnaam");
        batch.Shape.Describe().ShouldBe("GeoJSON-grenzen: 13.748 polygonen (buurt) van de indeling van 2024, WGS84");
    }

    [Fact]
    public void Read_Wijk2017_TakesTheYearFromJrstatcode()
    {
        // When
        var batch = Sample(Wijk2017);

        // Then
        batch.Boundaries.Count.ShouldBe(3_070);
        batch.Boundaries.ShouldAllBe(b => b.Area.Year == 2017 && b.Area.Code.Level == AreaLevel.Wijk);
        batch.ShouldAllBeValidInTheNetherlands();
        batch.Texts().ShouldContain(t => t.EndsWith("kolom jrstatcode: indelingsjaar 2017 overgenomen uit de eigenschap jrstatcode", StringComparison.Ordinal));
        batch.Texts().ShouldContain(t => t.Contains("liggen binnen lengtegraad 2 tot 8°, breedtegraad 50 tot 54°, dus ze zijn gelezen als WGS84 (EPSG:4326)", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_Wijk2017_RepairsItsTwoSelfTouchingRings()
    {
        // Rounding to 0.001° made two rings touch themselves; NTS calls that a ring self-intersection.

        // When
        var batch = Sample(Wijk2017);

        // Then
        batch.Texts(IssueSeverity.Warning).ShouldBe(
        [
            "waarschuwing in cbs_wijk_2017_gegeneraliseerd_wgs84.geojson.gz, regel 1108, kolom geometry: object 1107 (WK071588): geometrie hersteld: rand snijdt zichzelf bij of nabij (3.889 51.223)",
            "waarschuwing in cbs_wijk_2017_gegeneraliseerd_wgs84.geojson.gz, regel 2989, kolom geometry: object 2988 (WK019701): geometrie hersteld: rand snijdt zichzelf bij of nabij (6.6 51.928)",
        ]);
    }

    [Fact]
    public void Read_Gemeente2022_GivesMultiPolygonGemeenten()
    {
        // When
        var batch = Sample(Gemeente2022);

        // Then
        batch.Texts(IssueSeverity.Error).ShouldBeEmpty();
        batch.Boundaries.Count.ShouldBe(345);
        batch.Boundaries.ShouldAllBe(b => b.Area.Year == 2022 && b.Area.Code.Level == AreaLevel.Gemeente);
        batch.Areas.ShouldContain(new Area(AreaCode.Parse("GM0014"), 2022, "Groningen"));
        batch.ShouldAllBeValidInTheNetherlands();
    }

    [Fact]
    public void Read_Wijk2016Rd_ReprojectsEveryWijkToWgs84()
    {
        // When
        var batch = Sample(Wijk2016Rd);

        // Then
        batch.RowsRead.ShouldBe(2_982);
        batch.Boundaries.Count.ShouldBe(2_979);
        batch.ShouldAllBeValidInTheNetherlands();
        batch.Shape.Describe().ShouldBe("GeoJSON-grenzen: 2.979 polygonen (wijk) van de indeling van 2016, RD New, omgezet naar WGS84");
        using (UiLanguage.English())
        {
            batch.Shape.Describe().ShouldBe("GeoJSON boundaries: 2,979 wijk polygons of division 2016, RD New, converted to WGS84");
        }
    }

    [Fact]
    public void Read_Wijk2016Rd_RegistersEmptyAreasAndMergesTheSplitIsland()
    {
        // The file really has two wijken with empty MultiPolygons and a second feature for an island of
        // Wieringen under the same code and name.

        // When
        var batch = Sample(Wijk2016Rd);

        // Then: no error; the empty wijken exist without boundary, the island joins its wijk
        batch.Issues.ErrorCount.ShouldBe(0);
        batch.Issues.Issues.Where(i => i.Severity == IssueSeverity.Warning && i.Code != "Boundary.Repaired").Select(i => i.ToString()).ShouldBe(
        [
            "waarschuwing in cbs_wijk_2016_nl_rd.geojson.gz, regel 622, kolom geometry: object 619 (WK024316): de MultiPolygon is leeg; het gebied is opgenomen zonder grens",
            "waarschuwing in cbs_wijk_2016_nl_rd.geojson.gz, regel 2259, kolom geometry: object 2256 (WK099590): de MultiPolygon is leeg; het gebied is opgenomen zonder grens",
            "waarschuwing in cbs_wijk_2016_nl_rd.geojson.gz, regel 2985, waarde 'WK191104': object 2982 (WK191104): een tweede object voor WK191104 ('Wijk 04 Wieringen', eerst in object 2824); samengevoegd tot één grens uit meerdere delen",
        ]);
        batch.RowsSkipped.ShouldBe(2);
        batch.RowsRejected.ShouldBe(0);
        batch.Boundaries.Count.ShouldBe(2_979);
        batch.Boundaries.Single(b => b.Area.Code.Value == "WK191104").Geometry.NumGeometries.ShouldBeGreaterThan(1);
    }

    [Fact]
    public void Read_Wijk2016Rd_AddsTheGemeentenItNames()
    {
        // When
        var batch = Sample(Wijk2016Rd);

        // Then: 2,981 wijken (two without a boundary) + 390 gemeenten (the 2016 division had 390)
        batch.Areas.Count(a => a.Level == AreaLevel.Wijk).ShouldBe(2_981);
        batch.Areas.Count(a => a.Level == AreaLevel.Gemeente).ShouldBe(390);
        batch.Areas.ShouldContain(new Area(AreaCode.Parse("GM0344"), 2016, "Utrecht"));
        batch.Areas.ShouldContain(new Area(AreaCode.Parse("WK034401"), 2016, "Wijk 01 West"));
    }

    [Fact]
    public void Read_Wijk2016Rd_LiesOnThe2017WgsPolygonsOfTheSameWijk()
    {
        // Given the same wijken from two sources: 2016 in RD New (converted by us), 2017 in WGS84 from PDOK
        var rd = Sample(Wijk2016Rd).Boundaries.ToDictionary(b => b.Area.Code, b => b.Geometry);
        var wgs = Sample(Wijk2017).Boundaries.ToDictionary(b => b.Area.Code, b => b.Geometry);
        var utrechtWest = AreaCode.Parse("WK034401");

        // Then Utrecht's wijk West (unchanged 2016 → 2017): the centroid lies inside, the outlines are close
        wgs[utrechtWest].Contains(rd[utrechtWest].Centroid).ShouldBeTrue();
        foreach (var code in new[] { "WK034401", "WK034402", "WK035501", "WK051801" }.Select(AreaCode.Parse))
        {
            var (a, b) = (RdNew.FromWgs84(rd[code]), RdNew.FromWgs84(wgs[code]));
            a.Centroid.Distance(b.Centroid).ShouldBeLessThan(200, code.Value);

            // Both files are generalised (2017 rounded to 0.001°, about 70-110 m), so outlines differ by a few hundred metres.
            DiscreteHausdorffDistance.Distance(a, b).ShouldBeLessThan(600, code.Value);
        }
    }

    [Fact]
    public void Read_Wijk2016Rd_HasNoSystematicOffsetAgainst2017()
    {
        // Generalisation moves single centroids by tens of metres, but at random; a datum mistake (reading
        // Bessel latitude/longitude as WGS84) would shift every wijk by about 110 m to the north-north-east.

        // Given every wijk with the same code and name in both files
        var rd = Sample(Wijk2016Rd);
        var wgs = Sample(Wijk2017);
        var names2017 = wgs.Areas.ToDictionary(a => a.Code, a => a.Name);
        var geometry2017 = wgs.Boundaries.ToDictionary(b => b.Area.Code, b => b.Geometry);
        var pairs = rd.Boundaries
            .Where(b => geometry2017.ContainsKey(b.Area.Code) && names2017[b.Area.Code] == rd.Areas.First(a => a.Code == b.Area.Code).Name)
            .Select(b => (Old: RdNew.FromWgs84(b.Geometry).Centroid, New: RdNew.FromWgs84(geometry2017[b.Area.Code]).Centroid))
            .ToList();

        // When
        var meanEast = pairs.Average(p => p.Old.X - p.New.X);
        var meanNorth = pairs.Average(p => p.Old.Y - p.New.Y);

        // Then
        pairs.Count.ShouldBeGreaterThan(2_500);
        Math.Sqrt((meanEast * meanEast) + (meanNorth * meanNorth)).ShouldBeLessThan(10);
    }

    [Fact]
    public void Read_YearOption_WinsOverJrstatcodeWithAWarning()
    {
        // Given
        var json = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"statcode":"WK034401","statnaam":"West","jrstatcode":"2017WK034401"},"geometry":{"type":"Polygon","coordinates":[[[5.08,52.09],[5.1,52.09],[5.1,52.1],[5.08,52.09]]]}}]}""";

        // When
        var batch = ReadText(json, "wijken.geojson", year: 2018);

        // Then
        batch.Boundaries.Single().Area.ShouldBe(new AreaKey(AreaCode.Parse("WK034401"), 2018));
        batch.Texts().ShouldContain("waarschuwing in wijken.geojson, kolom jrstatcode, waarde '2017': volgens jrstatcode is het 2017, maar --year 2018 is opgegeven; de grenzen zijn opgeslagen voor 2018");
    }

    [Fact]
    public void Read_NoYearAnywhere_AsksForTheYearOption()
    {
        // When
        var batch = ReadText(Collection(Feature("BU03440101", Square)), "buurten.geojson");

        // Then
        batch.Boundaries.ShouldBeEmpty();
        batch.Texts(IssueSeverity.Error).ShouldBe(["fout in buurten.geojson: niet te zeggen bij welk jaar de gebiedsindeling van deze grenzen hoort: er is geen eigenschap jrstatcode en de bestandsnaam bevat geen jaar 20xx; geef --year op"]);
    }

    [Fact]
    public void Read_YearInFileName_IsUsedWhenNothingElseSays()
    {
        // When
        var batch = ReadText(Collection(Feature("BU03440101", Square)), "buurt_2021_v3.geojson");

        // Then
        batch.Boundaries.Single().Area.Year.ShouldBe(2021);
    }

    [Fact]
    public void Read_BowTie_IsRepairedIntoTwoTrianglesWithAWarning()
    {
        // Given a ring that crosses itself in the middle
        var bowTie = "[[[5.38,52.15],[5.39,52.16],[5.39,52.15],[5.38,52.16],[5.38,52.15]]]";

        // When
        var batch = ReadText(Collection(Feature("BU03440101", bowTie)));

        // Then
        batch.Texts(IssueSeverity.Warning).ShouldBe(["waarschuwing in buurten_2024.geojson, regel 1, kolom geometry: object 1 (BU03440101): geometrie hersteld: zelfdoorsnijding bij of nabij (5.385 52.155)"]);
        var geometry = batch.Boundaries.Single().Geometry.ShouldBeOfType<MultiPolygon>();
        geometry.NumGeometries.ShouldBe(2);
        geometry.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Read_UnclosedRing_IsClosedWithAWarning()
    {
        // Given
        var unclosed = "[[[5.38,52.15],[5.39,52.15],[5.39,52.16],[5.38,52.16]]]";

        // When
        var batch = ReadText(Collection(Feature("BU03440101", unclosed)));

        // Then
        batch.Texts(IssueSeverity.Warning).ShouldBe(["waarschuwing in buurten_2024.geojson, regel 1, kolom geometry: object 1 (BU03440101): geometrie hersteld: de buitenrand van vlak 1 was niet gesloten"]);
        var polygon = batch.Boundaries.Single().Geometry.ShouldBeOfType<Polygon>();
        polygon.Shell.IsClosed.ShouldBeTrue();
        polygon.Shell.NumPoints.ShouldBe(5);
    }

    [Fact]
    public void Read_RingOfTwoPoints_IsAnErrorThatNamesFeatureAndCode()
    {
        // When
        var batch = ReadText(Collection(Feature("BU03440101", Square), Feature("BU03440102", "[[[5.38,52.15],[5.39,52.16]]]")));

        // Then
        batch.Boundaries.Count.ShouldBe(1);
        batch.RowsRejected.ShouldBe(1);
        batch.Texts(IssueSeverity.Error).ShouldBe(["fout in buurten_2024.geojson, regel 2, kolom geometry: object 2 (BU03440102): de geometrie is niet te herstellen: de buitenrand van vlak 1 was niet gesloten; de buitenrand van vlak 1 heeft maar 2 verschillende punten, dus het vlak is weggelaten; er blijft geen vlak met 3 of meer verschillende punten over"]);
    }

    [Fact]
    public void Read_DegenerateHole_IsDroppedWithAWarning()
    {
        // Given a square with a "hole" that is a single repeated point
        var withBadHole = "[[[5.38,52.15],[5.39,52.15],[5.39,52.16],[5.38,52.16],[5.38,52.15]],[[5.385,52.155],[5.385,52.155]]]";

        // When
        var batch = ReadText(Collection(Feature("BU03440101", withBadHole)));

        // Then
        batch.Texts(IssueSeverity.Warning).ShouldBe(["waarschuwing in buurten_2024.geojson, regel 1, kolom geometry: object 1 (BU03440101): geometrie hersteld: gat 1 van vlak 1 heeft maar 1 verschillend punt en is weggelaten"]);
        batch.Boundaries.Single().Geometry.ShouldBeOfType<Polygon>().NumInteriorRings.ShouldBe(0);
    }

    [Fact]
    public void Read_RepeatedPoints_AreDroppedWithOneNote()
    {
        // Given repeated points, which GeoJSON allows
        var repeated = "[[[5.38,52.15],[5.39,52.15],[5.39,52.15],[5.39,52.16],[5.38,52.16],[5.38,52.15]]]";

        // When
        var batch = ReadText(Collection(Feature("BU03440101", repeated), Feature("BU03440102", repeated.Replace("52.1", "52.2", StringComparison.Ordinal))));

        // Then
        batch.Issues.WarningCount.ShouldBe(0);
        batch.Texts().ShouldContain("opmerking in buurten_2024.geojson, kolom geometry: 2 herhaalde punten weggelaten (twee keer achter elkaar dezelfde positie) in 2 objecten");
        batch.Boundaries[0].Geometry.NumPoints.ShouldBe(5);
    }

    [Fact]
    public void Read_ClockwiseShell_IsTurnedCounterClockwise()
    {
        // Given a clockwise shell with a counter-clockwise hole (the opposite of RFC 7946)
        var clockwise = "[[[5.38,52.15],[5.38,52.16],[5.39,52.16],[5.39,52.15],[5.38,52.15]],[[5.384,52.154],[5.386,52.154],[5.386,52.156],[5.384,52.156],[5.384,52.154]]]";

        // When
        var batch = ReadText(Collection(Feature("BU03440101", clockwise)));

        // Then: no issue, since older GeoJSON allowed either orientation
        batch.Issues.Issues.ShouldAllBe(i => i.Severity == IssueSeverity.Info);
        var polygon = batch.Boundaries.Single().Geometry.ShouldBeOfType<Polygon>();
        polygon.Shell.IsCCW.ShouldBeTrue();
        polygon.Holes.Single().IsCCW.ShouldBeFalse();
    }

    [Fact]
    public void Read_FeatureWithoutCode_IsAnErrorListingItsProperties()
    {
        // Given
        var json = Collection(
            Feature("BU03440101", Square),
            """{"type":"Feature","properties":{"naam":"Centrum","inwoners":1200},"geometry":{"type":"Polygon","coordinates":[[[5.38,52.15],[5.39,52.15],[5.39,52.16],[5.38,52.15]]]}}""");

        // When
        var batch = ReadText(json);

        // Then
        batch.Boundaries.Count.ShouldBe(1);
        batch.Texts(IssueSeverity.Error).ShouldBe(["fout in buurten_2024.geojson, regel 2: object 2 heeft geen geldige gebiedscode: geen van statcode, BU_CODE, WK_CODE, WKC, GM_CODE, GMC, code, id is aanwezig (eigenschappen: naam='Centrum', inwoners='1200')"]);
    }

    [Fact]
    public void Read_InvalidCode_IsAnErrorSayingWhy()
    {
        // When
        var batch = ReadText(Collection(Feature("XX03440101", Square)));

        // Then
        batch.Texts(IssueSeverity.Error).ShouldBe(["fout in buurten_2024.geojson, regel 1, kolom statcode, waarde 'XX03440101': object 1 heeft geen geldige gebiedscode: statcode 'XX03440101' is geen CBS-gebiedscode: een code begint met GM, WK of BU (of is NL00) (eigenschappen: statcode='XX03440101', statnaam='Test XX03440101')"]);
    }

    [Theory]
    [InlineData("""{"BU_CODE":"BU03440101","BU_NAAM":"Buurt","WK_CODE":"WK034401","GM_CODE":"GM0344"}""", "BU03440101", "Buurt")]
    [InlineData("""{"WKC":"WK034401","WKN":"West","GMC":"GM0344","GMN":"Utrecht"}""", "WK034401", "West")]
    [InlineData("""{"gmc":"GM0344","gmn":"Utrecht"}""", "GM0344", "Utrecht")]
    [InlineData("""{"code":"WK034401","name":"West"}""", "WK034401", "West")]
    [InlineData("""{"naam":"West","id":"WK034401"}""", "WK034401", "West")]
    public void Read_CodeProperties_AreFoundWhateverToolWroteTheFile(string properties, string code, string name)
    {
        // Given
        var json = Collection($$$"""{"type":"Feature","properties":{{{properties}}},"geometry":{"type":"Polygon","coordinates":{{{Square}}}}}""");

        // When
        var batch = ReadText(json);

        // Then
        batch.Texts(IssueSeverity.Error).ShouldBeEmpty();
        batch.Areas.ShouldContain(new Area(AreaCode.Parse(code), 2024, name));
    }

    [Fact]
    public void Read_FeatureId_IsTheLastResortForTheCode()
    {
        // When
        var batch = ReadText(Collection($$$"""{"type":"Feature","id":"GM0344","properties":null,"geometry":{"type":"Polygon","coordinates":{{{Square}}}}}"""));

        // Then
        batch.Areas.ShouldBe([new Area(AreaCode.Parse("GM0344"), 2024, null)]);
    }

    [Fact]
    public void Read_PointOrMissingGeometry_IsAnError()
    {
        // When
        var batch = ReadText(Collection(
            """{"type":"Feature","properties":{"statcode":"BU03440101"},"geometry":{"type":"Point","coordinates":[5.38,52.15]}}""",
            """{"type":"Feature","properties":{"statcode":"BU03440102"},"geometry":null}"""));

        // Then
        batch.Texts(IssueSeverity.Error).ShouldBe(
        [
            "fout in buurten_2024.geojson, regel 1, kolom geometry: object 1 (BU03440101): de geometrie is een Point, geen Polygon of MultiPolygon",
            "fout in buurten_2024.geojson, regel 2, kolom geometry: object 2 (BU03440102): het object heeft geen geometrie",
        ]);
    }

    [Fact]
    public void Read_MalformedCoordinates_IsAnErrorForThatFeatureOnly()
    {
        // When
        var batch = ReadText(Collection(
            Feature("BU03440101", """[[[5.38,52.15],[5.39,"x"],[5.39,52.16],[5.38,52.15]]]"""),
            Feature("BU03440102", "[[5.38,52.15],[5.39,52.15],[5.39,52.16],[5.38,52.15]]"),
            Feature("BU03440103", Square)));

        // Then
        batch.Boundaries.Single().Area.Code.Value.ShouldBe("BU03440103");
        batch.Texts(IssueSeverity.Error).ShouldBe(
        [
            "fout in buurten_2024.geojson, regel 1, kolom geometry: object 1 (BU03440101): onbruikbare coördinaten in de Polygon: een tekst waar een getal of een lijst werd verwacht",
            "fout in buurten_2024.geojson, regel 2, kolom geometry: object 2 (BU03440102): onbruikbare coördinaten in de Polygon: 2 niveaus diep genest in plaats van 3",
        ]);
    }

    [Fact]
    public void Read_TruncatedFile_IsAFileErrorWithLineAndPosition()
    {
        // Given the first half of a real file
        var whole = SourceFile.Read(TestData.Sample("boundaries/" + Wijk2017)).Content;
        var half = SourceFile.FromBytes("wijk_2017_half.geojson", whole[..(whole.Length / 2)]);

        // When
        var batch = Read(half);

        // Then
        batch.Boundaries.ShouldBeEmpty();
        batch.Areas.ShouldBeEmpty();
        var issue = batch.Issues.Issues.ShouldHaveSingleItem();
        issue.Severity.ShouldBe(IssueSeverity.Error);
        issue.Line.ShouldBe(1523);
        issue.ColumnNumber.ShouldBe(62);
        issue.Reason.ShouldBe("geen geldige JSON op regel 1523, byte 62: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. Het bestand houdt midden in de JSON op: het is waarschijnlijk afgekapt.");
    }

    [Fact]
    public void Read_GarbageAfterTheRoot_IsAFileError()
    {
        // When
        var batch = ReadText(Collection(Feature("BU03440101", Square)) + "\n}");

        // Then
        batch.Boundaries.ShouldBeEmpty();
        batch.Texts().ShouldBe(["fout in buurten_2024.geojson, regel 2, kolom 1: geen geldige JSON op regel 2, byte 1: '}' is invalid after a single JSON value. Expected end of data."]);
    }

    [Theory]
    [InlineData("", "fout in buurten_2024.geojson: het bestand is leeg: verwacht een GeoJSON- of TopoJSON-object")]
    [InlineData(" \n ", "fout in buurten_2024.geojson: het bestand is leeg: verwacht een GeoJSON- of TopoJSON-object")]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", "fout in buurten_2024.geojson: het GeoJSON-bestand bevat geen vlakken (Polygon of MultiPolygon)")]
    [InlineData("""{"type":"FeatureCollection"}""", "fout in buurten_2024.geojson: de FeatureCollection heeft geen lijst \"features\"")]
    [InlineData("""{"type":"Topology","objects":{}}""", "fout in buurten_2024.geojson: geen GeoJSON FeatureCollection: het \"type\" van het hoofdobject is 'Topology' (dit is TopoJSON)")]
    [InlineData("""[1,2,3]""", "fout in buurten_2024.geojson: geen GeoJSON: het bestand begint niet met een JSON-object")]
    public void Read_NoUsableContent_IsOneFileError(string json, string expected)
    {
        // When
        var batch = ReadText(json);

        // Then
        batch.Texts().ShouldBe([expected]);
        batch.Boundaries.ShouldBeEmpty();
    }

    [Fact]
    public void Read_UnsupportedCrs_IsAFileError()
    {
        // Given Web Mercator metres
        var json = """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}},"features":[{"type":"Feature","properties":{"statcode":"BU03440101"},"geometry":{"type":"Polygon","coordinates":[[[598000,6820000],[599000,6820000],[599000,6821000],[598000,6820000]]]}}]}""";

        // When
        var batch = ReadText(json);

        // Then
        batch.Boundaries.ShouldBeEmpty();
        batch.Texts(IssueSeverity.Error).ShouldBe(["fout in buurten_2024.geojson: coördinatenstelsel 'urn:ogc:def:crs:EPSG::3857' wordt niet ondersteund: Leefkracht leest WGS84 (EPSG:4326, CRS84) en RD New (EPSG:28992); zet het bestand eerst om"]);
    }

    [Fact]
    public void Read_UnknownCoordinatesWithoutCrs_IsAFileError()
    {
        // When
        var batch = ReadText(Collection(Feature("BU03440101", "[[[598000,6820000],[599000,6820000],[599000,6821000],[598000,6820000]]]")));

        // Then
        batch.Texts().ShouldContain("fout in buurten_2024.geojson: het bestand noemt geen coördinatenstelsel en de coördinaten (x 598000 tot 599000, y 6820000 tot 6821000) zijn geen RD New (x −7.000 tot 300.000 m, y 289.000 tot 629.000 m) en geen WGS84 (lengtegraad 2 tot 8°, breedtegraad 50 tot 54°); voeg een \"crs\" toe of zet het bestand om");
    }

    [Fact]
    public void Read_LatitudeFirst_IsAFileErrorWithAHint()
    {
        // When
        var json = """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4326"}},"features":[{"type":"Feature","properties":{"statcode":"BU03440101"},"geometry":{"type":"Polygon","coordinates":[[[52.15,5.38],[52.15,5.39],[52.16,5.39],[52.15,5.38]]]}}]}""";
        var batch = ReadText(json);

        // Then
        batch.Texts().ShouldContain("fout in buurten_2024.geojson: het bestand noemt WGS84 (EPSG:4326) ('EPSG:4326'), maar de coördinaten (x 52.15 tot 52.16, y 5.38 tot 5.39) liggen buiten lengtegraad 2 tot 8°, breedtegraad 50 tot 54°. Ze lijken breedtegraad, lengtegraad: in GeoJSON staat de lengtegraad eerst.");
    }

    [Fact]
    public void Read_RdCoordinatesWithoutCrs_AreRecognisedAndConverted()
    {
        // Given a 1 km square at the Amersfoort origin in RD, with no crs member
        var json = Collection(Feature("GM0307", "[[[155000,463000],[156000,463000],[156000,464000],[155000,464000],[155000,463000]]]"));

        // When
        var batch = ReadText(json);

        // Then
        batch.Texts().ShouldContain("opmerking in buurten_2024.geojson, kolom crs: het bestand noemt geen coördinatenstelsel; de coördinaten (x 155000 tot 156000, y 463000 tot 464000) liggen binnen x −7.000 tot 300.000 m, y 289.000 tot 629.000 m, dus ze zijn gelezen als RD New (EPSG:28992)");
        var corner = batch.Boundaries.Single().Geometry.Coordinates[0];
        var (longitude, latitude) = RdNew.ToWgs84(155_000, 463_000);
        corner.X.ShouldBe(longitude, 1e-12);
        corner.Y.ShouldBe(latitude, 1e-12);
    }

    [Fact]
    public void Read_Latin1File_IsReadWithAWarning()
    {
        // Given "Súdwest-Fryslân" written in Latin-1, as older exports do
        var text = Collection("""{"type":"Feature","properties":{"statcode":"GM1900","statnaam":"Súdwest-Fryslân"},"geometry":{"type":"Polygon","coordinates":[[[5.38,52.15],[5.39,52.15],[5.39,52.16],[5.38,52.15]]]}}""");
        var file = SourceFile.FromBytes("gemeenten_2024.geojson", Encoding.Latin1.GetBytes(text));

        // When
        var batch = Read(file);

        // Then
        batch.Areas.Single().Name.ShouldBe("Súdwest-Fryslân");
        batch.Texts(IssueSeverity.Warning).ShouldBe(["waarschuwing in gemeenten_2024.geojson: het bestand is geen geldige UTF-8; het is gelezen als Windows-1252 (Latin-1), controleer namen met accenten"]);
    }
}
