using System.Diagnostics.CodeAnalysis;
using NetTopologySuite.Geometries;

namespace Leefkracht.Core.Geography;

/// <summary>
/// Converts between the Dutch national grid RD New (EPSG:28992, "Amersfoort / RD New") and WGS84
/// longitude/latitude (EPSG:4326), in both directions, for single points and for whole NTS geometries.
/// </summary>
/// <remarks>
/// <para>RD → WGS84 takes three steps (the inverse runs them backwards):</para>
/// <list type="number">
/// <item><description>
/// Inverse Oblique Stereographic projection (EPSG method 9809, "double stereographic": the Bessel 1841
/// ellipsoid is mapped conformally onto a sphere, which is then projected stereographically; formulas from
/// IOGP Publication 373-7-2, Geomatics Guidance Note 7 part 2, §3.3.2) with the RD parameters: origin
/// 52°09'22.178"N 5°23'15.500"E (the Onze Lieve Vrouwetoren in Amersfoort), scale 0.9999079, false
/// easting 155,000 m, false northing 463,000 m. This gives latitude and longitude on the Amersfoort datum.
/// </description></item>
/// <item><description>
/// Amersfoort geographic → Bessel geocentric X, Y, Z, taking the ellipsoidal height as 0 (as PROJ does for
/// 2D input). The height hardly matters: 50 m of height moves the result by less than a millimetre.
/// </description></item>
/// <item><description>
/// A 7-parameter Helmert transformation (position-vector convention, EPSG method 1033) to WGS84 geocentric
/// coordinates and back to WGS84 latitude/longitude. The parameters are those of EPSG:4833 "Amersfoort to
/// WGS 84 (4)": tX = 565.4171 m, tY = 50.3319 m, tZ = 465.5524 m, rX = −1.9342 µrad, rY = +1.6677 µrad,
/// rZ = −9.1019 µrad, dS = +4.0725 ppm. They are those of EPSG:4830 (Amersfoort to ETRS89 (5); Dutch
/// sources publish the equivalent Molodensky-Badekas form EPSG:4831, the datum step of RDNAPTRANS™2008)
/// with ETRS89 taken as WGS84. They equal PROJ's <c>+towgs84=565.417,50.3319,465.552,-0.398957,0.343988,
/// -1.8774,4.0725</c>, and EPSG:4833 is PROJ's first choice for EPSG:28992 → EPSG:4326 when the NSGI
/// correction grid is not installed, so our output can be checked against PROJ to the millimetre.
/// EPSG:15739 (Amersfoort to ETRS89 (3)) is the set 4830 replaced; over the Netherlands the two differ by
/// about 5 mm, so we take the current one.
/// </description></item>
/// </list>
/// <para>
/// Accuracy: EPSG states 1 m for this transformation. RDNAPTRANS™ adds a correction grid for the
/// distortions of the historical RD network (a few decimetres at most) and the difference between ETRS89 and
/// WGS84 (about 0.9 m by 2025 through plate motion), so expect about 1 m against RDNAPTRANS™ or GPS today.
/// Against PROJ with the same parameters the agreement is better than 1 mm (see docs/geography.md and
/// <c>tests/reference/rd/</c>). That is ample for neighbourhood boundaries, which are generalised to
/// metres anyway.
/// </para>
/// </remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "'RD New' is the name of the coordinate system (EPSG:28992), not a newer version of a type.")]
public static class RdNew
{
    /// <summary>The EPSG code of RD New.</summary>
    public const int Srid = 28992;

    /// <summary>The EPSG code of WGS84 longitude/latitude.</summary>
    public const int Wgs84Srid = 4326;

    // Projection parameters of EPSG:28992.
    private const double FalseEasting = 155_000.0;
    private const double FalseNorthing = 463_000.0;
    private const double ScaleFactor = 0.9999079;
    private const double OriginLatitudeDegrees = 52.0 + (9.0 / 60.0) + (22.178 / 3600.0);
    private const double OriginLongitudeDegrees = 5.0 + (23.0 / 60.0) + (15.500 / 3600.0);

    // EPSG:4833 "Amersfoort to WGS 84 (4)", position-vector convention: translations in metres, rotations in
    // radians, scale difference as a fraction.
    private const double HelmertTx = 565.4171;
    private const double HelmertTy = 50.3319;
    private const double HelmertTz = 465.5524;
    private const double HelmertRx = -1.9342e-6;
    private const double HelmertRy = 1.6677e-6;
    private const double HelmertRz = -9.1019e-6;
    private const double HelmertScale = 4.0725e-6;

    private static readonly Ellipsoid Bessel1841 = new(6_377_397.155, 299.1528128);
    private static readonly Ellipsoid Wgs84 = new(6_378_137.0, 298.257223563);
    private static readonly Stereographic Projection = new(Bessel1841);
    private static readonly Helmert BesselToWgs84 = new();

    /// <summary>Converts RD New coordinates (metres) to WGS84 longitude and latitude (degrees).</summary>
    /// <param name="x">The RD x (easting), in metres.</param>
    /// <param name="y">The RD y (northing), in metres.</param>
    /// <returns>The WGS84 position in degrees, longitude first (the GeoJSON order).</returns>
    public static (double Longitude, double Latitude) ToWgs84(double x, double y)
    {
        var (latitude, longitude) = Projection.Inverse(x, y);
        var (gx, gy, gz) = Bessel1841.ToGeocentric(latitude, longitude, 0.0);
        var (wx, wy, wz) = BesselToWgs84.Forward(gx, gy, gz);
        var (wgsLatitude, wgsLongitude, _) = Wgs84.ToGeodetic(wx, wy, wz);
        return (Degrees(wgsLongitude), Degrees(wgsLatitude));
    }

    /// <summary>Converts WGS84 longitude and latitude (degrees) to RD New coordinates (metres).</summary>
    /// <remarks>
    /// The WGS84 height is unknown for 2D data. It is taken as the height at which the Bessel height is 0,
    /// the assumption <see cref="ToWgs84(double, double)"/> makes, so that a round trip returns the input to well within a
    /// millimetre instead of being off by the ~0.7 mm that a fixed height of 0 would cost.
    /// </remarks>
    /// <param name="longitude">The WGS84 longitude, in degrees.</param>
    /// <param name="latitude">The WGS84 latitude, in degrees.</param>
    /// <returns>The RD x (easting) and y (northing), in metres.</returns>
    public static (double X, double Y) FromWgs84(double longitude, double latitude)
    {
        var phi = Radians(latitude);
        var lambda = Radians(longitude);
        var height = 0.0;
        double besselLatitude = 0, besselLongitude = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            var (wx, wy, wz) = Wgs84.ToGeocentric(phi, lambda, height);
            var (gx, gy, gz) = BesselToWgs84.Inverse(wx, wy, wz);
            (besselLatitude, besselLongitude, var besselHeight) = Bessel1841.ToGeodetic(gx, gy, gz);

            // Second pass: lift the WGS84 point so that it lands on the Bessel ellipsoid (height 0).
            height -= besselHeight;
        }

        return Projection.Forward(besselLatitude, besselLongitude);
    }

    /// <summary>
    /// Inverse projection only: RD New coordinates to latitude and longitude on the Amersfoort datum (Bessel
    /// 1841), without any datum transformation. Exact up to floating point.
    /// </summary>
    /// <param name="x">The RD x (easting), in metres.</param>
    /// <param name="y">The RD y (northing), in metres.</param>
    /// <returns>The Amersfoort latitude and longitude, in degrees.</returns>
    public static (double Latitude, double Longitude) ToAmersfoort(double x, double y)
    {
        var (latitude, longitude) = Projection.Inverse(x, y);
        return (Degrees(latitude), Degrees(longitude));
    }

    /// <summary>
    /// Forward projection only: latitude and longitude on the Amersfoort datum (Bessel 1841) to RD New
    /// coordinates, without any datum transformation.
    /// </summary>
    /// <param name="latitude">The Amersfoort latitude, in degrees.</param>
    /// <param name="longitude">The Amersfoort longitude, in degrees.</param>
    /// <returns>The RD x (easting) and y (northing), in metres.</returns>
    public static (double X, double Y) FromAmersfoort(double latitude, double longitude) =>
        Projection.Forward(Radians(latitude), Radians(longitude));

    /// <summary>
    /// Returns a copy of <paramref name="geometry"/> with every coordinate converted from RD New to WGS84
    /// (x = longitude, y = latitude), made by a factory with SRID 4326. The input is left unchanged; Z and M
    /// values are kept.
    /// </summary>
    /// <param name="geometry">A geometry in RD New coordinates.</param>
    /// <returns>The geometry in WGS84.</returns>
    public static Geometry ToWgs84(Geometry geometry) => Transform(geometry, toWgs84: true, Wgs84Srid);

    /// <summary>
    /// Returns a copy of <paramref name="geometry"/> with every coordinate converted from WGS84
    /// (x = longitude, y = latitude) to RD New, made by a factory with SRID 28992. The input is left unchanged.
    /// </summary>
    /// <param name="geometry">A geometry in WGS84 longitude/latitude.</param>
    /// <returns>The geometry in RD New.</returns>
    public static Geometry FromWgs84(Geometry geometry) => Transform(geometry, toWgs84: false, Srid);

    private static Geometry Transform(Geometry geometry, bool toWgs84, int srid)
    {
        ArgumentNullException.ThrowIfNull(geometry);

        // Copy through a factory with the target SRID rather than setting SRID on a copy: operations on the
        // result (buffer, GeometryFixer, union) create new geometries with the factory's SRID, not the geometry's.
        var copy = geometry.Factory.WithSRID(srid).CreateGeometry(geometry);
        copy.Apply(new SequenceConverter(toWgs84));
        return copy;
    }

    private static double Radians(double degrees) => degrees * (Math.PI / 180.0);

    private static double Degrees(double radians) => radians * (180.0 / Math.PI);

    /// <summary>Converts whole coordinate sequences at once, so each ring costs one virtual call, not one per point.</summary>
    private sealed class SequenceConverter(bool toWgs84) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var (x, y) = toWgs84 ? ToWgs84(seq.GetX(i), seq.GetY(i)) : FromWgs84(seq.GetX(i), seq.GetY(i));
                seq.SetX(i, x);
                seq.SetY(i, y);
            }
        }
    }

    /// <summary>An ellipsoid of revolution with conversions between geodetic and geocentric coordinates.</summary>
    private sealed class Ellipsoid
    {
        public Ellipsoid(double semiMajorAxis, double inverseFlattening)
        {
            A = semiMajorAxis;
            var f = 1.0 / inverseFlattening;
            E2 = f * (2.0 - f);
            E = Math.Sqrt(E2);
            B = A * (1.0 - f);
            SecondE2 = E2 / (1.0 - E2);
        }

        /// <summary>Semi-major axis a, in metres.</summary>
        public double A { get; }

        /// <summary>Semi-minor axis b, in metres.</summary>
        public double B { get; }

        /// <summary>First eccentricity squared e² = f(2 − f).</summary>
        public double E2 { get; }

        /// <summary>First eccentricity e.</summary>
        public double E { get; }

        /// <summary>Second eccentricity squared e'² = e² / (1 − e²).</summary>
        public double SecondE2 { get; }

        /// <summary>Radius of curvature in the prime vertical ν = a / √(1 − e² sin²φ).</summary>
        public double PrimeVerticalRadius(double sinPhi) => A / Math.Sqrt(1.0 - (E2 * sinPhi * sinPhi));

        /// <summary>GN 7-2 §4.1.1: X = (ν + h) cosφ cosλ, Y = (ν + h) cosφ sinλ, Z = ((1 − e²) ν + h) sinφ.</summary>
        public (double X, double Y, double Z) ToGeocentric(double phi, double lambda, double height)
        {
            var sinPhi = Math.Sin(phi);
            var cosPhi = Math.Cos(phi);
            var nu = PrimeVerticalRadius(sinPhi);
            return ((nu + height) * cosPhi * Math.Cos(lambda),
                    (nu + height) * cosPhi * Math.Sin(lambda),
                    (((1.0 - E2) * nu) + height) * sinPhi);
        }

        /// <summary>
        /// Geocentric to geodetic with Bowring's (1976) formula, GN 7-2 §4.1.1: ε = e'², p = √(X² + Y²),
        /// q = atan2(Z a, p b), φ = atan2(Z + ε b sin³q, p − e² a cos³q), λ = atan2(Y, X), h = p / cosφ − ν.
        /// One Bowring step is accurate to micrometres for points near the Earth's surface; a second step
        /// from the first estimate makes that nanometres at negligible cost.
        /// </summary>
        public (double Phi, double Lambda, double Height) ToGeodetic(double x, double y, double z)
        {
            var p = Math.Sqrt((x * x) + (y * y));
            var q = Math.Atan2(z * A, p * B);
            var sinQ = Math.Sin(q);
            var cosQ = Math.Cos(q);
            var phi = Math.Atan2(z + (SecondE2 * B * sinQ * sinQ * sinQ), p - (E2 * A * cosQ * cosQ * cosQ));

            // Refine with the parametric latitude of the first estimate: tan β = (1 − f) tan φ.
            var beta = Math.Atan((B / A) * Math.Tan(phi));
            var sinB = Math.Sin(beta);
            var cosB = Math.Cos(beta);
            phi = Math.Atan2(z + (SecondE2 * B * sinB * sinB * sinB), p - (E2 * A * cosB * cosB * cosB));

            var sinPhi = Math.Sin(phi);
            var height = (p / Math.Cos(phi)) - PrimeVerticalRadius(sinPhi);
            return (phi, Math.Atan2(y, x), height);
        }
    }

    /// <summary>
    /// EPSG method 9809, Oblique Stereographic, for the RD parameters; formulas and symbols as in IOGP
    /// Guidance Note 7-2 §3.3.2. Angles in radians.
    /// </summary>
    private sealed class Stereographic
    {
        private readonly Ellipsoid _ellipsoid;
        private readonly double _lambda0;
        private readonly double _chi0;
        private readonly double _sinChi0;
        private readonly double _cosChi0;
        private readonly double _n;
        private readonly double _c;
        private readonly double _twoRk0;
        private readonly double _g;
        private readonly double _h;

        public Stereographic(Ellipsoid ellipsoid)
        {
            _ellipsoid = ellipsoid;
            var e = ellipsoid.E;
            var e2 = ellipsoid.E2;
            var phi0 = Radians(OriginLatitudeDegrees);
            _lambda0 = Radians(OriginLongitudeDegrees);
            var sinPhi0 = Math.Sin(phi0);
            var cosPhi0 = Math.Cos(phi0);

            // Radius of the conformal sphere: R = √(ρ0 ν0), with ρ0 = a(1 − e²)/(1 − e² sin²φ0)^1.5.
            var denominator = 1.0 - (e2 * sinPhi0 * sinPhi0);
            var rho0 = ellipsoid.A * (1.0 - e2) / Math.Pow(denominator, 1.5);
            var nu0 = ellipsoid.A / Math.Sqrt(denominator);
            var r = Math.Sqrt(rho0 * nu0);

            // n = √(1 + e² cos⁴φ0 / (1 − e²)); w1 = (S1 · S2^e)^n; c makes the sphere touch at the origin.
            _n = Math.Sqrt(1.0 + (e2 * Math.Pow(cosPhi0, 4) / (1.0 - e2)));
            var s1 = (1.0 + sinPhi0) / (1.0 - sinPhi0);
            var s2 = (1.0 - (e * sinPhi0)) / (1.0 + (e * sinPhi0));
            var w1 = Math.Pow(s1 * Math.Pow(s2, e), _n);
            var sinChi00 = (w1 - 1.0) / (w1 + 1.0);
            _c = (_n + sinPhi0) * (1.0 - sinChi00) / ((_n - sinPhi0) * (1.0 + sinChi00));
            var w2 = _c * w1;
            _chi0 = Math.Asin((w2 - 1.0) / (w2 + 1.0));
            _sinChi0 = Math.Sin(_chi0);
            _cosChi0 = Math.Cos(_chi0);

            _twoRk0 = 2.0 * r * ScaleFactor;
            _g = _twoRk0 * Math.Tan((Math.PI / 4.0) - (_chi0 / 2.0));
            _h = (2.0 * _twoRk0 * Math.Tan(_chi0)) + _g;
        }

        /// <summary>
        /// Λ = n(λ − Λ0) + Λ0; w = c (Sa · Sb^e)^n; χ = asin((w − 1)/(w + 1));
        /// B = 1 + sinχ sinχ0 + cosχ cosχ0 cos(Λ − Λ0);
        /// E = FE + 2Rk0 cosχ sin(Λ − Λ0) / B; N = FN + 2Rk0 (sinχ cosχ0 − cosχ sinχ0 cos(Λ − Λ0)) / B.
        /// </summary>
        public (double X, double Y) Forward(double phi, double lambda)
        {
            var e = _ellipsoid.E;
            var sinPhi = Math.Sin(phi);
            var deltaLambda = _n * (lambda - _lambda0);
            var sa = (1.0 + sinPhi) / (1.0 - sinPhi);
            var sb = (1.0 - (e * sinPhi)) / (1.0 + (e * sinPhi));
            var w = _c * Math.Pow(sa * Math.Pow(sb, e), _n);
            var chi = Math.Asin((w - 1.0) / (w + 1.0));
            var sinChi = Math.Sin(chi);
            var cosChi = Math.Cos(chi);
            var cosDelta = Math.Cos(deltaLambda);
            var b = 1.0 + (sinChi * _sinChi0) + (cosChi * _cosChi0 * cosDelta);
            var x = FalseEasting + (_twoRk0 * cosChi * Math.Sin(deltaLambda) / b);
            var y = FalseNorthing + (_twoRk0 * ((sinChi * _cosChi0) - (cosChi * _sinChi0 * cosDelta)) / b);
            return (x, y);
        }

        /// <summary>
        /// g = 2Rk0 tan(π/4 − χ0/2); h = 4Rk0 tanχ0 + g; i = atan((E − FE)/(h + (N − FN)));
        /// j = atan((E − FE)/(g − (N − FN))) − i; χ = χ0 + 2 atan(((N − FN) − (E − FE) tan(j/2)) / 2Rk0);
        /// Λ = j + 2i + Λ0; λ = (Λ − Λ0)/n + Λ0; ψ = ½ ln((1 + sinχ)/(c(1 − sinχ))) / n; then φ from the
        /// isometric latitude ψ by the iteration φ' = φ − (ψ(φ) − ψ) cosφ (1 − e² sin²φ)/(1 − e²).
        /// </summary>
        public (double Phi, double Lambda) Inverse(double x, double y)
        {
            var e = _ellipsoid.E;
            var e2 = _ellipsoid.E2;
            var dx = x - FalseEasting;
            var dy = y - FalseNorthing;
            var i = Math.Atan(dx / (_h + dy));
            var j = Math.Atan(dx / (_g - dy)) - i;
            var chi = _chi0 + (2.0 * Math.Atan((dy - (dx * Math.Tan(j / 2.0))) / _twoRk0));
            var lambda = ((j + (2.0 * i)) / _n) + _lambda0;

            var sinChi = Math.Sin(chi);
            var psi = 0.5 * Math.Log((1.0 + sinChi) / (_c * (1.0 - sinChi))) / _n;
            var phi = (2.0 * Math.Atan(Math.Exp(psi))) - (Math.PI / 2.0);

            // Converges quadratically-ish: about 1e-12 rad after 4 steps in the RD domain; 10 is a safe bound.
            for (var step = 0; step < 10; step++)
            {
                var sinPhi = Math.Sin(phi);
                var psiI = Math.Log(Math.Tan((phi / 2.0) + (Math.PI / 4.0)) * Math.Pow((1.0 - (e * sinPhi)) / (1.0 + (e * sinPhi)), e / 2.0));
                var next = phi - ((psiI - psi) * Math.Cos(phi) * (1.0 - (e2 * sinPhi * sinPhi)) / (1.0 - e2));
                var converged = Math.Abs(next - phi) < 1e-14;
                phi = next;
                if (converged)
                {
                    break;
                }
            }

            return (phi, lambda);
        }
    }

    /// <summary>
    /// The 7-parameter similarity transformation, position-vector convention (EPSG method 1033, GN 7-2
    /// §4.3.3): X_t = M · R · X_s + T with M = 1 + dS and, for small angles,
    /// R = [[1, −rZ, rY], [rZ, 1, −rX], [−rY, rX, 1]]. The inverse solves the same linear system exactly
    /// (by inverting M·R once) rather than negating the parameters, which would cost several millimetres.
    /// </summary>
    private sealed class Helmert
    {
        private readonly double[] _forward;
        private readonly double[] _inverse;

        public Helmert()
        {
            var m = 1.0 + HelmertScale;
            _forward =
            [
                m, -m * HelmertRz, m * HelmertRy,
                m * HelmertRz, m, -m * HelmertRx,
                -m * HelmertRy, m * HelmertRx, m,
            ];
            _inverse = Invert(_forward);
        }

        public (double X, double Y, double Z) Forward(double x, double y, double z) =>
            (HelmertTx + (_forward[0] * x) + (_forward[1] * y) + (_forward[2] * z),
             HelmertTy + (_forward[3] * x) + (_forward[4] * y) + (_forward[5] * z),
             HelmertTz + (_forward[6] * x) + (_forward[7] * y) + (_forward[8] * z));

        public (double X, double Y, double Z) Inverse(double x, double y, double z)
        {
            var (u, v, w) = (x - HelmertTx, y - HelmertTy, z - HelmertTz);
            return ((_inverse[0] * u) + (_inverse[1] * v) + (_inverse[2] * w),
                    (_inverse[3] * u) + (_inverse[4] * v) + (_inverse[5] * w),
                    (_inverse[6] * u) + (_inverse[7] * v) + (_inverse[8] * w));
        }

        /// <summary>The inverse of a 3×3 row-major matrix by its adjugate.</summary>
        private static double[] Invert(double[] a)
        {
            var c00 = (a[4] * a[8]) - (a[5] * a[7]);
            var c01 = (a[5] * a[6]) - (a[3] * a[8]);
            var c02 = (a[3] * a[7]) - (a[4] * a[6]);
            var determinant = (a[0] * c00) + (a[1] * c01) + (a[2] * c02);
            return
            [
                c00 / determinant, ((a[2] * a[7]) - (a[1] * a[8])) / determinant, ((a[1] * a[5]) - (a[2] * a[4])) / determinant,
                c01 / determinant, ((a[0] * a[8]) - (a[2] * a[6])) / determinant, ((a[2] * a[3]) - (a[0] * a[5])) / determinant,
                c02 / determinant, ((a[1] * a[6]) - (a[0] * a[7])) / determinant, ((a[0] * a[4]) - (a[1] * a[3])) / determinant,
            ];
        }
    }
}
