namespace Leefkracht.Data.Import.Boundaries;

/// <summary>
/// Polygonal coordinates exactly as a file gave them (not cleaned, not reprojected), stored flat so that a
/// 13,000-feature file costs one array per feature instead of one object per point.
/// </summary>
/// <param name="Xy">Interleaved x, y pairs (longitude, latitude or RD metres).</param>
/// <param name="RingEnds">For each ring, the index (in points) one past its last point.</param>
/// <param name="PolygonEnds">For each polygon, the index (in rings) one past its last ring; the first ring is the shell.</param>
internal sealed record RawPolygons(double[] Xy, int[] RingEnds, int[] PolygonEnds);

/// <summary>One area boundary as read from a GeoJSON feature or a TopoJSON geometry object, before checks.</summary>
/// <param name="Number">1-based position in the file (or in its TopoJSON object).</param>
/// <param name="Line">The 1-based line the feature starts on.</param>
/// <param name="Label">How issues name the feature, for example <c>feature 12</c>.</param>
/// <param name="Properties">The properties in file order; nested values as raw JSON.</param>
/// <param name="Id">The feature's own <c>id</c>, if any.</param>
/// <param name="Polygons">The coordinates, or <see langword="null"/> when the geometry is missing or unusable.</param>
/// <param name="GeometryProblem">Why <paramref name="Polygons"/> is <see langword="null"/>.</param>
/// <param name="GeometryIsEmpty">Whether the geometry is a valid but empty one (legal GeoJSON: the area has no boundary).</param>
internal sealed record BoundaryFeature(
    int Number,
    int Line,
    string Label,
    IReadOnlyList<KeyValuePair<string, string?>> Properties,
    string? Id,
    RawPolygons? Polygons,
    string? GeometryProblem,
    bool GeometryIsEmpty = false);

/// <summary>What a boundary file's parser hands to <see cref="BoundaryBatchBuilder"/>.</summary>
/// <param name="Format">The format, for the shape description: <c>GeoJSON</c> or <c>TopoJSON</c>.</param>
/// <param name="Features">The polygonal features in file order.</param>
/// <param name="CrsName">The name in the file's <c>crs</c> member, if it has one.</param>
/// <param name="SkippedGeometries">Non-polygonal geometries skipped on purpose (TopoJSON label points).</param>
internal sealed record ParsedBoundaryFile(string Format, IReadOnlyList<BoundaryFeature> Features, string? CrsName, int SkippedGeometries);
