namespace Leefkracht.Data.Storage;

/// <summary>A rectangle in WGS84 longitude/latitude, for example a map view.</summary>
/// <param name="MinX">West (longitude).</param>
/// <param name="MinY">South (latitude).</param>
/// <param name="MaxX">East (longitude).</param>
/// <param name="MaxY">North (latitude).</param>
public readonly record struct BoundingBox(double MinX, double MinY, double MaxX, double MaxY)
{
    /// <summary>Checks the box: finite and not inverted.</summary>
    public static BoundingBox Of(double minX, double minY, double maxX, double maxY)
    {
        if (!double.IsFinite(minX) || !double.IsFinite(minY) || !double.IsFinite(maxX) || !double.IsFinite(maxY) || minX > maxX || minY > maxY)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"not a bounding box: ({minX}, {minY}) – ({maxX}, {maxY})"));
        }

        return new BoundingBox(minX, minY, maxX, maxY);
    }

    /// <summary>Whether an envelope (of a boundary) overlaps this box; touching counts.</summary>
    public bool Intersects(double minX, double minY, double maxX, double maxY) =>
        minX <= MaxX && maxX >= MinX && minY <= MaxY && maxY >= MinY;
}
