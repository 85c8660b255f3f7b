namespace Leefkracht.Core.Tests.Geography;

/// <summary>Distances between nearby WGS84 positions, for expressing test tolerances in metres.</summary>
internal static class GeoDistance
{
    private const double EarthRadius = 6_371_008.8;

    /// <summary>
    /// The distance in metres between two positions a few metres apart (equirectangular approximation on
    /// the mean sphere; for separations under a kilometre its error is far below a millimetre).
    /// </summary>
    public static double Metres(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var toRadians = Math.PI / 180.0;
        var north = (latitude2 - latitude1) * toRadians * EarthRadius;
        var east = (longitude2 - longitude1) * toRadians * EarthRadius * Math.Cos((latitude1 + latitude2) / 2.0 * toRadians);
        return Math.Sqrt((north * north) + (east * east));
    }
}
