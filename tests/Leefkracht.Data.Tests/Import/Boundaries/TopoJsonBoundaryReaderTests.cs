using Leefkracht.Core.Geography;
using NetTopologySuite.Geometries;
using static Leefkracht.Data.Tests.Import.Boundaries.BoundaryReading;

namespace Leefkracht.Data.Tests.Import.Boundaries;

public sealed class TopoJsonBoundaryReaderTests
{
    private const string Wijk2014 = "cbs_wijk_2014_wgs84_q1e4_with_labels.topojson.gz";

    // A quantised topology (grid 0.001°) with two arcs forming a square (the second used reversed), a
    // MultiPolygon from a third, closed arc inside a nested GeometryCollection, and two label points.
    private const string SmallTopology = """
        {"type":"Topology",
         "objects":{
           "layer":{"type":"GeometryCollection","geometries":[
             {"type":"Polygon","arcs":[[0,-2]],"properties":{"statcode":"BU03440101","statnaam":"Noord"}},
             {"type":"GeometryCollection","geometries":[
               {"type":"MultiPolygon","arcs":[[[2]]],"id":"BU03440102","properties":{"statnaam":"Zuid"}}]}]},
           "labels":{"type":"GeometryCollection","geometries":[
             {"type":"Point","coordinates":[5,5],"properties":{"statcode":"BU03440101"}},
             {"type":"Point","coordinates":[25,5],"properties":{"statcode":"BU03440102"}}]}},
         "arcs":[[[0,0],[10,0],[0,10]],[[0,0],[0,10],[10,0]],[[20,0],[10,0],[0,10],[-10,0],[0,-10]]],
         "transform":{"scale":[0.001,0.001],"translate":[5.38,52.15]}}
        """;

    [Fact]
    public void Read_QuantisedTopology_DecodesDeltasTransformAndReversedArcs()
    {
        // When
        var batch = ReadText(SmallTopology, "buurten_2024.topojson");

        // Then
        batch.Texts(IssueSeverity.Error).ShouldBeEmpty();
        batch.Boundaries.Count.ShouldBe(2);
        var square = batch.Boundaries[0].Geometry.ShouldBeOfType<Polygon>();
        batch.Boundaries[0].Area.ShouldBe(new AreaKey(AreaCode.Parse("BU03440101"), 2024));
        square.Coordinates.Select(c => (Math.Round(c.X, 9), Math.Round(c.Y, 9))).ShouldBe(
            [(5.38, 52.15), (5.39, 52.15), (5.39, 52.16), (5.38, 52.16), (5.38, 52.15)]);
        var second = batch.Boundaries[1].Geometry;
        batch.Boundaries[1].Area.Code.Value.ShouldBe("BU03440102");
        second.EnvelopeInternal.MinX.ShouldBe(5.40, 1e-9);
        second.EnvelopeInternal.MaxX.ShouldBe(5.41, 1e-9);
        batch.Areas.ShouldContain(new Area(AreaCode.Parse("BU03440102"), 2024, "Zuid"));
    }

    [Fact]
    public void Read_LabelPoints_AreSkippedWithOneNote()
    {
        // When
        var batch = ReadText(SmallTopology, "buurten_2024.topojson");

        // Then
        batch.RowsRead.ShouldBe(4);
        batch.RowsSkipped.ShouldBe(2);
        batch.RowsAccepted.ShouldBe(2);
        batch.Texts().ShouldContain("opmerking in buurten_2024.topojson: object 'labels': 2 puntgeometrieën overgeslagen; labelpunten zijn geen grenzen");
    }

    [Fact]
    public void Read_TopologyWithoutTransform_UsesTheArcsAsTheyAre()
    {
        // Given
        var json = """
            {"type":"Topology","objects":{"w":{"type":"Polygon","arcs":[[0]],"properties":{"statcode":"WK034401"}}},
             "arcs":[[[5.08,52.09],[5.1,52.09],[5.1,52.1],[5.08,52.09]]]}
            """;

        // When
        var batch = ReadText(json, "wijken_2019.topojson");

        // Then
        batch.Boundaries.Single().Geometry.Coordinates[1].ShouldBe(new Coordinate(5.1, 52.09));
        batch.Boundaries.Single().Area.Year.ShouldBe(2019);
    }

    [Fact]
    public void Read_MissingArc_IsAnErrorForThatGeometry()
    {
        // Given
        var json = SmallTopology.Replace("[[0,-2]]", "[[0,-6]]", StringComparison.Ordinal);

        // When
        var batch = ReadText(json, "buurten_2024.topojson");

        // Then
        batch.Boundaries.Single().Area.Code.Value.ShouldBe("BU03440102");
        batch.Texts(IssueSeverity.Error).ShouldBe(["fout in buurten_2024.topojson, regel 4, kolom geometry: geometrie 1 van TopoJSON-object 'layer' (BU03440101): boogverwijzing -6 wijst naar boog 5, maar de topologie heeft 3 bogen"]);
    }

    [Theory]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", "fout in w_2024.topojson: geen TopoJSON Topology: het \"type\" van het hoofdobject is 'FeatureCollection' (dit is GeoJSON)")]
    [InlineData("""{"type":"Topology","arcs":[]}""", "fout in w_2024.topojson: de topologie heeft geen \"objects\"")]
    [InlineData("""{"type":"Topology","objects":{},"arcs":[]}""", "fout in w_2024.topojson: het TopoJSON-bestand bevat geen vlakken (Polygon of MultiPolygon)")]
    [InlineData("""{"type":"Topology","objects":{},"arcs":[],"transform":{"scale":[1]}}""", "fout in w_2024.topojson: de \"transform\" van de topologie is onbruikbaar: verwacht {\"scale\": [kx, ky], \"translate\": [tx, ty]}")]
    [InlineData("""{"type":"Topology","objects":{},"arcs":[[1,2]]}""", "fout in w_2024.topojson: de \"arcs\" van de topologie zijn onbruikbaar: verwacht een lijst van bogen, elk een lijst van posities")]
    public void Read_UnusableTopology_IsOneFileError(string json, string expected)
    {
        // When
        var batch = ReadText(json, "w_2024.topojson");

        // Then
        batch.Texts().ShouldBe([expected]);
    }

    [Fact]
    public void Read_TruncatedTopology_IsAFileError()
    {
        // Given the first half of the real file (one long line)
        var whole = SourceFile.Read(TestData.Sample("boundaries/" + Wijk2014)).Content;
        var half = SourceFile.FromBytes("wijk_2014_half.topojson", whole[..(whole.Length / 2)]);

        // When
        var batch = Read(half);

        // Then
        batch.Boundaries.ShouldBeEmpty();
        var issue = batch.Issues.Issues.ShouldHaveSingleItem();
        issue.Line.ShouldBe(1);
        issue.Reason.ShouldEndWith("Het bestand houdt midden in de JSON op: het is waarschijnlijk afgekapt.");
    }

    [Fact]
    public void Read_Wijk2014_DecodesEveryWijkPolygonAndSkipsTheLabels()
    {
        // When
        var batch = Sample(Wijk2014);

        // Then: 2,745 polygons and 2,746 label points
        batch.RowsRead.ShouldBe(2_745 + 2_746);
        batch.RowsSkipped.ShouldBe(2_746 + 28);
        batch.Boundaries.Count.ShouldBe(2_717);
        batch.Areas.Count.ShouldBe(2_745);
        batch.Boundaries.ShouldAllBe(b => b.Area.Year == 2014 && b.Area.Code.Level == AreaLevel.Wijk);
        batch.ShouldAllBeValidInTheNetherlands();
        batch.Texts().ShouldContain($"opmerking in {Wijk2014}: object 'labels': 2746 puntgeometrieën overgeslagen; labelpunten zijn geen grenzen");
    }

    [Fact]
    public void Read_Wijk2014_RegistersTheWijkenThatQuantisationCollapsedWithoutBoundary()
    {
        // On the 1e4 grid (about 27 × 31 m) 28 small wijken collapse to lines or points; parts of 48 more do.

        // When
        var batch = Sample(Wijk2014);

        // Then
        batch.RowsRejected.ShouldBe(0);
        batch.Issues.ErrorCount.ShouldBe(0);
        batch.Issues.CountByReason[(IssueSeverity.Warning, "Boundary.Collapsed")].ShouldBe(28);
        batch.Texts(IssueSeverity.Warning).ShouldContain($"waarschuwing in {Wijk2014}, regel 1, kolom geometry: geometrie 165 van TopoJSON-object 'layer' (WK189504): de geometrie is niet te herstellen: de buitenrand van vlak 1 heeft maar 1 verschillend punt, dus het vlak is weggelaten; er blijft geen vlak met 3 of meer verschillende punten over (weggevallen door de afronding van de coördinaten in het bestand); het gebied is opgenomen zonder grens");
        batch.Texts(IssueSeverity.Warning).ShouldContain($"waarschuwing in {Wijk2014}, regel 1, kolom geometry: geometrie 32 van TopoJSON-object 'layer' (WK192400): geometrie hersteld: de buitenrand van vlak 1 heeft maar 2 verschillende punten, dus het vlak is weggelaten");
    }

    [Fact]
    public void Read_Wijk2014_HasTheAreasOfThe2017GeoJsonWijken()
    {
        // Given wijken with the same code and name in 2014 (TopoJSON) and 2017 (GeoJSON); most did not change
        var topo = Sample(Wijk2014);
        var geo = Sample("cbs_wijk_2017_gegeneraliseerd_wgs84.geojson.gz");
        var names2017 = geo.Areas.ToDictionary(a => a.Code, a => a.Name);
        var area2017 = geo.Boundaries.ToDictionary(b => b.Area.Code, b => RdNew.FromWgs84(b.Geometry).Area);
        var names2014 = topo.Areas.ToDictionary(a => a.Code, a => a.Name);
        var ratios = topo.Boundaries
            .Where(b => area2017.ContainsKey(b.Area.Code) && names2014[b.Area.Code] == names2017[b.Area.Code])
            .ToDictionary(b => b.Area.Code, b => RdNew.FromWgs84(b.Geometry).Area / area2017[b.Area.Code]);

        // When
        var sorted = ratios.Values.Order().ToList();

        // Then
        sorted.Count.ShouldBeGreaterThan(2_000);
        sorted[sorted.Count / 2].ShouldBe(1.0, 0.01);
        sorted.Count(r => Math.Abs(r - 1) < 0.05).ShouldBeGreaterThan(sorted.Count * 6 / 10);
        foreach (var code in new[] { "WK034401", "WK035501", "WK051801" })
        {
            ratios[AreaCode.Parse(code)].ShouldBe(1.0, 0.02, code);
        }
    }
}
