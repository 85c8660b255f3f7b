using Leefkracht.Data.Import.Text;
using Leefkracht.Data.Storage;
using NetTopologySuite.Geometries;

namespace Leefkracht.Data.Import.Boundaries;

/// <summary>
/// The part of boundary reading that does not depend on the format: coordinate system, division year, area
/// codes and names, duplicates and geometry repair. Fills the batch with one <see cref="BoundaryRecord"/> and
/// one <see cref="Area"/> per accepted feature, plus the gemeenten that wijk/buurt features name.
/// </summary>
internal static class BoundaryBatchBuilder
{
    /// <summary>Checks the parsed features and adds what is usable to <paramref name="batch"/>.</summary>
    public static ImportBatch Build(ImportBatch batch, SourceFile file, ImportContext context, ParsedBoundaryFile parsed, CancellationToken cancellationToken)
    {
        var issues = batch.Issues;
        var features = parsed.Features;
        batch.RowsRead = features.Count + parsed.SkippedGeometries;
        batch.RowsSkipped = parsed.SkippedGeometries;
        if (features.Count == 0)
        {
            issues.FileError(ImportWords.Reason("Boundary.NoFeatures", parsed.Format));
            return batch;
        }

        var crs = BoundaryCrsDetection.Resolve(parsed.CrsName, Extent(features), issues);
        var year = DivisionYear.Resolve(context.Options.Year, features, file.Name, issues);
        if (crs is null || year is null)
        {
            batch.RowsRejected = features.Count;
            return batch;
        }

        var firstFeatureByCode = new Dictionary<AreaCode, (string Label, string? Name, int Boundary)>();
        var gemeenten = new SortedDictionary<AreaCode, string>();
        var repeatedPoints = 0;
        var featuresWithRepeatedPoints = 0;
        foreach (var feature in features)
        {
            if (feature.Number % 512 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!AreaProperties.TryResolveCode(feature, out var code, out var codeError))
            {
                issues.Error(feature.Line, null, codeError.Property, codeError.Value, ImportWords.Reason("Boundary.NoCode",
                    feature.Label, codeError.Property is null ? codeError.Reason : $"{codeError.Property} {codeError.Reason}", AreaProperties.Describe(feature)));
                batch.RowsRejected++;
                continue;
            }

            var label = ImportWords.Words.Format("Boundary.Labelled", feature.Label, code);
            var name = AreaProperties.NameOf(feature, code);
            var key = new AreaKey(code, year.Value);
            var isRepeat = firstFeatureByCode.TryGetValue(code, out var first);
            if (isRepeat && first.Name != name)
            {
                issues.Error(feature.Line, null, null, code.Value, ImportWords.Reason("Boundary.DuplicateCode", label, code, first.Label, first.Name, name));
                batch.RowsRejected++;
                continue;
            }

            if (feature.Polygons is not { } polygons)
            {
                if (feature.GeometryIsEmpty)
                {
                    // An empty geometry is legal GeoJSON: the area exists in the division but has no drawn boundary.
                    issues.Warning(feature.Line, null, "geometry", null, ImportWords.Reason("Boundary.EmptyGeometry", label, feature.GeometryProblem));
                    RegisterArea(batch, firstFeatureByCode, isRepeat, feature, code, key, name, boundary: -1);
                    batch.RowsSkipped++;
                    continue;
                }

                issues.Error(feature.Line, null, "geometry", null, ImportWords.Reason("Boundary.UnusableGeometry", label, feature.GeometryProblem));
                batch.RowsRejected++;
                continue;
            }

            var outcome = BoundaryGeometry.Build(polygons, crs.Value);
            if (outcome.Geometry is not { } geometry)
            {
                if (parsed.Format == "TopoJSON")
                {
                    // TopoJSON snaps coordinates to a grid; areas smaller than a grid cell collapse to lines or points.
                    issues.Warning(feature.Line, null, "geometry", null, ImportWords.Reason("Boundary.Collapsed", label, outcome.Error));
                    RegisterArea(batch, firstFeatureByCode, isRepeat, feature, code, key, name, boundary: -1);
                    batch.RowsSkipped++;
                    continue;
                }

                issues.Error(feature.Line, null, "geometry", null, ImportWords.Reason("Boundary.Unrepairable", label, outcome.Error));
                batch.RowsRejected++;
                continue;
            }

            if (outcome.Repairs.Count > 0)
            {
                issues.Warning(feature.Line, null, "geometry", null, ImportWords.Reason("Boundary.Repaired", label, BoundaryGeometry.Join(outcome.Repairs)));
            }

            if (outcome.RepeatedPoints > 0)
            {
                repeatedPoints += outcome.RepeatedPoints;
                featuresWithRepeatedPoints++;
            }

            if (isRepeat && first.Boundary >= 0)
            {
                // Some files store a multi-part area (an island, say) as several features with the same code and name.
                var merged = NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(batch.Boundaries[first.Boundary].Geometry.Union(geometry));
                merged.SRID = geometry.SRID;
                batch.Boundaries[first.Boundary] = new BoundaryRecord(key, merged);
                issues.Warning(feature.Line, null, null, code.Value, ImportWords.Reason("Boundary.MultiPart", label, code, name, first.Label));
                continue;
            }

            batch.Boundaries.Add(new BoundaryRecord(key, geometry));
            RegisterArea(batch, firstFeatureByCode, isRepeat, feature, code, key, name, batch.Boundaries.Count - 1);
            if (AreaProperties.GemeenteOf(feature, code) is { } gemeente)
            {
                gemeenten.TryAdd(gemeente.Code, gemeente.Name);
            }
        }

        if (repeatedPoints > 0)
        {
            // Legal in GeoJSON and harmless, so a note rather than a warning per feature.
            issues.Info(null, null, "geometry", null, ImportWords.Reason("Boundary.RepeatedPoints",
                ImportWords.Count(repeatedPoints, "RepeatedPoint"), ImportWords.Count(featuresWithRepeatedPoints, "Feature")));
        }

        foreach (var (code, name) in gemeenten)
        {
            if (!firstFeatureByCode.ContainsKey(code))
            {
                batch.Areas.Add(new Area(code, year.Value, name));
            }
        }

        batch.Shape = Describe(parsed, batch, crs.Value, year.Value);
        return batch;
    }

    private static void RegisterArea(
        ImportBatch batch,
        Dictionary<AreaCode, (string Label, string? Name, int Boundary)> firstFeatureByCode,
        bool isRepeat,
        BoundaryFeature feature,
        AreaCode code,
        AreaKey key,
        string? name,
        int boundary)
    {
        if (isRepeat)
        {
            if (boundary >= 0)
            {
                firstFeatureByCode[code] = firstFeatureByCode[code] with { Boundary = boundary };
            }

            return;
        }

        firstFeatureByCode.Add(code, (feature.Label, name, boundary));
        batch.Areas.Add(new Area(key.Code, key.Year, name));
    }

    private static Envelope Extent(IReadOnlyList<BoundaryFeature> features)
    {
        var extent = new Envelope();
        foreach (var feature in features)
        {
            if (feature.Polygons is { } polygons)
            {
                var xy = polygons.Xy;
                for (var i = 0; i + 1 < xy.Length; i += 2)
                {
                    extent.ExpandToInclude(xy[i], xy[i + 1]);
                }
            }
        }

        return extent;
    }

    private static ImportShape Describe(ParsedBoundaryFile parsed, ImportBatch batch, BoundaryCrs crs, int year)
    {
        var levels = batch.Boundaries.Select(b => b.Area.Code.Level).Distinct().Order().Select(l => l.ToString().ToLowerInvariant());
        return ImportShape.Of("Shape.Boundaries", parsed.Format, batch.Boundaries.Count, string.Join("/", levels), year.ToString(CultureInfo.InvariantCulture))
            .And(crs == BoundaryCrs.RdNew ? "Shape.RdNew" : "Shape.Wgs84");
    }
}
