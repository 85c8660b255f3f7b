using Leefkracht.Core.Geography;
using NetTopologySuite.Geometries;

namespace Leefkracht.Core.Tests.Geography;

public sealed class RdNewTests
{
    private static readonly IReadOnlyList<ProjReferencePoint> Reference = ProjReferencePoint.Load();

    [Fact]
    public void ToWgs84_ProjReferencePoints_AgreeWithinHalfAMetre()
    {
        // Given 53 RD points spread over (and just outside) the Netherlands, converted by PROJ's cs2cs
        Reference.Count.ShouldBeGreaterThanOrEqualTo(50);

        // When
        var differences = Reference
            .Select(p => (p.Name, Metres: DistanceToProj(p, RdNew.ToWgs84(p.X, p.Y))))
            .ToList();

        // Then
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{ProjReferencePoint.ProjVersion()}: max {differences.Max(d => d.Metres) * 1000:F4} mm, mean {differences.Average(d => d.Metres) * 1000:F4} mm");
        differences.Where(d => d.Metres >= 0.5).ShouldBeEmpty();
    }

    [Fact]
    public void ToWgs84_ProjWithTheSameHelmertParameters_AgreesWithinAMillimetre()
    {
        // Given the reference was made with EPSG:4833, the transformation RdNew implements (the CSV header
        // names PROJ's operation). With NSGI's correction grid installed PROJ would differ by up to ~1 m, so
        // this test pins the implementation, not the accuracy of RD → WGS84 in general.
        ProjReferencePoint.OperationLine().ShouldContain("Amersfoort to WGS 84 (4)");

        // When
        var worst = Reference.Max(p => DistanceToProj(p, RdNew.ToWgs84(p.X, p.Y)));

        // Then
        worst.ShouldBeLessThan(0.001);
    }

    [Fact]
    public void FromWgs84_ProjReferencePoints_ReturnTheRdInputWithinHalfAMetre()
    {
        // When
        var worst = Reference.Max(p =>
        {
            var (x, y) = RdNew.FromWgs84(p.Longitude, p.Latitude);
            return Math.Sqrt(Math.Pow(x - p.X, 2) + Math.Pow(y - p.Y, 2));
        });

        // Then
        worst.ShouldBeLessThan(0.5);
    }

    [Fact]
    public void RoundTrip_RdToWgs84AndBack_IsWithinAMillimetre()
    {
        // Given the reference points and a 10 km grid over the whole RD domain
        var points = Reference.Select(p => (p.X, p.Y)).ToList();
        for (var x = -7000.0; x <= 300_000.0; x += 10_000.0)
        {
            for (var y = 289_000.0; y <= 629_000.0; y += 10_000.0)
            {
                points.Add((x, y));
            }
        }

        // When
        var worst = points.Max(p =>
        {
            var (longitude, latitude) = RdNew.ToWgs84(p.X, p.Y);
            var (x, y) = RdNew.FromWgs84(longitude, latitude);
            return Math.Sqrt(Math.Pow(x - p.X, 2) + Math.Pow(y - p.Y, 2));
        });

        // Then
        worst.ShouldBeLessThan(0.001);
    }

    [Fact]
    public void FromAmersfoort_GuidanceNoteExample_MatchesPublishedEastingNorthing()
    {
        // IOGP Publication 373-7-2 (Geomatics Guidance Note 7 part 2), §3.3.2 Oblique Stereographic, worked
        // example for Amersfoort / RD New: φ = 53°00'00.000"N, λ = 6°00'00.000"E on Bessel 1841
        // gives E = 196105.283 m, N = 557057.739 m.

        // When
        var (x, y) = RdNew.FromAmersfoort(53.0, 6.0);
        var (latitude, longitude) = RdNew.ToAmersfoort(196_105.283, 557_057.739);

        // Then
        x.ShouldBe(196_105.283, 0.001);
        y.ShouldBe(557_057.739, 0.001);
        latitude.ShouldBe(53.0, 1e-8);
        longitude.ShouldBe(6.0, 1e-8);
    }

    [Fact]
    public void ToAmersfoort_FalseOrigin_IsTheOnzeLieveVrouwetoren()
    {
        // The definition of RD (Kadaster/NSGI; EPSG:28992): x = 155 000 m, y = 463 000 m is the Onze Lieve
        // Vrouwetoren in Amersfoort at 52°09'22.178"N 5°23'15.500"E on Bessel 1841.

        // When
        var (latitude, longitude) = RdNew.ToAmersfoort(155_000, 463_000);

        // Then
        latitude.ShouldBe(52 + (9 / 60.0) + (22.178 / 3600), 1e-10);
        longitude.ShouldBe(5 + (23 / 60.0) + (15.500 / 3600), 1e-10);
    }

    [Fact]
    public void ToWgs84_FalseOrigin_MatchesSchreutelkampAndStrangVanHees()
    {
        // F.H. Schreutelkamp and G.L. Strang van Hees, "Benaderingsformules voor de transformatie tussen RD- en
        // WGS84-kaartcoördinaten", Geodesia 43 (2001), pp. 64-69: their polynomial approximation is anchored at
        // RD (155000, 463000) = WGS84 52.15517440°N 5.38720621°E. Their approximation and our Helmert
        // parameters are both ~1 m transformations, so they need not agree better than that.

        // When
        var (longitude, latitude) = RdNew.ToWgs84(155_000, 463_000);

        // Then
        GeoDistance.Metres(latitude, longitude, 52.15517440, 5.38720621).ShouldBeLessThan(1.0);
    }

    [Fact]
    public void ToWgs84_Geometry_ConvertsEveryCoordinateOfACopy()
    {
        // Given a square with a hole around the Amersfoort origin, in RD
        var factory = new GeometryFactory(new PrecisionModel(), RdNew.Srid);
        var shell = factory.CreateLinearRing([new(150_000, 460_000), new(160_000, 460_000), new(160_000, 470_000), new(150_000, 470_000), new(150_000, 460_000)]);
        var hole = factory.CreateLinearRing([new(154_000, 462_000), new(154_000, 464_000), new(156_000, 464_000), new(156_000, 462_000), new(154_000, 462_000)]);
        var square = factory.CreatePolygon(shell, [hole]);

        // When
        var wgs84 = RdNew.ToWgs84(square);

        // Then
        wgs84.SRID.ShouldBe(RdNew.Wgs84Srid);
        wgs84.Factory.SRID.ShouldBe(RdNew.Wgs84Srid);
        square.Coordinates[1].X.ShouldBe(160_000);
        wgs84.NumPoints.ShouldBe(square.NumPoints);
        for (var i = 0; i < square.NumPoints; i++)
        {
            var (longitude, latitude) = RdNew.ToWgs84(square.Coordinates[i].X, square.Coordinates[i].Y);
            wgs84.Coordinates[i].X.ShouldBe(longitude);
            wgs84.Coordinates[i].Y.ShouldBe(latitude);
        }

        wgs84.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void FromWgs84_Geometry_UndoesToWgs84()
    {
        // Given
        var factory = new GeometryFactory(new PrecisionModel(), RdNew.Srid);
        var line = factory.CreateLineString([new(13_000, 306_000), new(155_000, 463_000), new(278_000, 620_000)]);

        // When
        var back = RdNew.FromWgs84(RdNew.ToWgs84(line));

        // Then
        back.SRID.ShouldBe(RdNew.Srid);
        for (var i = 0; i < line.NumPoints; i++)
        {
            back.Coordinates[i].Distance(line.Coordinates[i]).ShouldBeLessThan(0.001);
        }
    }

    private static double DistanceToProj(ProjReferencePoint point, (double Longitude, double Latitude) ours) =>
        GeoDistance.Metres(ours.Latitude, ours.Longitude, point.Latitude, point.Longitude);
}
