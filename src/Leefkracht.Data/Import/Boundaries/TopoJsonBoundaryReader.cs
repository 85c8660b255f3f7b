using System.Text.Json;
using Leefkracht.Data.Import.Text;

namespace Leefkracht.Data.Import.Boundaries;

/// <summary>
/// Reads area boundaries from a TopoJSON topology (the format of <c>cbs_gebiedsindelingen_topojson</c> and of
/// mapshaper/topojson-server output): every Polygon and MultiPolygon of every object becomes a boundary;
/// point objects (label points) are skipped with one note per object. The rules after decoding (coordinate
/// system, area code, division year, repair) are those of <see cref="BoundaryBatchBuilder"/>.
/// </summary>
/// <remarks>
/// Decoding follows the TopoJSON specification 1.0 (§2.1.4 transforms, §2.2 arcs, §2.3 arc indexes): with a
/// <c>transform</c>, arc positions are quantised and delta-encoded, so each arc's positions are summed and
/// then scaled (x = Σdx · kx + tx); a negative arc index ~i (−i − 1) means arc i reversed; consecutive arcs
/// of a ring share a point, which is written once.
/// </remarks>
public sealed class TopoJsonBoundaryReader : IImportReader
{
    /// <inheritdoc/>
    public ImportBatch Read(SourceFile file, ImportContext context, CancellationToken cancellationToken) =>
        BoundaryJson.Read(file, context, FileKind.TopoJson, (json, issues) => new TopologyParser(json, issues, context.Options.Limits, cancellationToken).Parse(), cancellationToken);

    /// <summary>A geometry object as read, with its arc references not yet resolved (the arcs may come later in the file).</summary>
    private sealed record TopoGeometry(
        string ObjectName,
        int Number,
        int Line,
        IReadOnlyList<KeyValuePair<string, string?>> Properties,
        string? Id,
        double[] ArcRefs,
        int[] RingEnds,
        int[] PolygonEnds,
        string? Problem);

    private sealed class TopologyParser(ReadOnlyMemory<byte> json, IssueLog issues, ImportLimits limits, CancellationToken cancellationToken)
    {
        private readonly LineCounter _lines = new(json);
        private readonly NestedNumbers _arcs = new(NestedNumbers.LeafKind.Position);
        private readonly NestedNumbers _arcRefs = new(NestedNumbers.LeafKind.Integers);
        private readonly List<TopoGeometry> _geometries = [];
        private readonly SortedDictionary<string, int> _skippedByObject = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _countByObject = new(StringComparer.Ordinal);
        private (double Kx, double Ky, double Tx, double Ty)? _transform;

        public ParsedBoundaryFile? Parse()
        {
            if (!BoundaryJson.StartRoot(json, "TopoJSON", limits, issues, out var reader))
            {
                return null;
            }

            string? type = null;
            string? crs = null;
            var arcsDepth = -2;
            var hasObjects = false;
            while (BoundaryJson.NextMember(ref reader, out var member))
            {
                switch (member)
                {
                    case "type":
                        type = BoundaryJson.ReadValue(ref reader, json.Span);
                        break;
                    case "crs":
                        crs = BoundaryJson.ReadCrsName(ref reader, json.Span);
                        break;
                    case "arcs":
                        arcsDepth = _arcs.Read(ref reader);
                        break;
                    case "transform":
                        if (!ReadTransform(ref reader))
                        {
                            issues.FileError(ImportWords.Reason("Topo.BadTransform"));
                            return null;
                        }

                        break;
                    case "objects" when reader.TokenType == JsonTokenType.StartObject:
                        hasObjects = true;
                        while (BoundaryJson.NextMember(ref reader, out var name))
                        {
                            ReadGeometryObject(ref reader, name);
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (!BoundaryJson.EndRoot(ref reader, type, "Topology", "TopoJSON", issues))
            {
                return null;
            }

            if (!hasObjects)
            {
                issues.FileError(ImportWords.Reason("Topo.NoObjects"));
                return null;
            }

            if (_arcs.Problem is not null || arcsDepth is not (3 or 0 or -2))
            {
                issues.FileError(ImportWords.Reason("Topo.BadArcs", _arcs.Problem ?? ImportWords.Words["Topo.ArcsExpected"]));
                return null;
            }

            foreach (var (name, count) in _skippedByObject)
            {
                issues.Info(null, null, null, null, ImportWords.Reason("Topo.PointsSkipped", name, ImportWords.Count(count, "PointGeometry")));
            }

            var (xy, arcEnds) = DecodeArcs();
            var features = _geometries.Select(g => ToFeature(g, xy, arcEnds)).ToList();
            return new ParsedBoundaryFile("TopoJSON", features, crs, _skippedByObject.Values.Sum());
        }

        private void ReadGeometryObject(ref Utf8JsonReader reader, string objectName)
        {
            var line = _lines.LineAt(reader.TokenStartIndex);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                Add(objectName, line, [], null, null, ImportWords.Words["Topo.GeometryNotAnObject"]);
                return;
            }

            string? type = null;
            string? id = null;
            IReadOnlyList<KeyValuePair<string, string?>> properties = [];
            var depth = -2;
            double[] refs = [];
            int[] ringEnds = [];
            int[] polygonEnds = [];
            string? refsProblem = null;
            while (BoundaryJson.NextMember(ref reader, out var member))
            {
                switch (member)
                {
                    case "type":
                        type = BoundaryJson.ReadValue(ref reader, json.Span);
                        break;
                    case "id":
                        id = BoundaryJson.ReadValue(ref reader, json.Span);
                        break;
                    case "properties":
                        properties = BoundaryJson.ReadProperties(ref reader, json.Span);
                        break;
                    case "arcs":
                        _arcRefs.Clear();
                        depth = _arcRefs.Read(ref reader);
                        (refs, ringEnds, polygonEnds, refsProblem) =
                            ([.. _arcRefs.Values], [.. _arcRefs.EndsAt(1)], [.. _arcRefs.EndsAt(2)], _arcRefs.Problem);
                        break;
                    case "geometries" when reader.TokenType == JsonTokenType.StartArray:
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            ReadGeometryObject(ref reader, objectName);
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            switch (type)
            {
                case "GeometryCollection":
                    return;
                case "Point" or "MultiPoint":
                    _skippedByObject[objectName] = _skippedByObject.GetValueOrDefault(objectName) + 1;
                    _countByObject[objectName] = _countByObject.GetValueOrDefault(objectName) + 1;
                    return;
            }

            var expected = type switch
            {
                "Polygon" => 2,
                "MultiPolygon" => 3,
                _ => 0,
            };
            var problem = expected == 0 ? (type is null ? ImportWords.Words["Geometry.NullType"] : ImportWords.Words.Format("Geometry.NotPolygon", type))
                : refsProblem is not null ? ImportWords.Words.Format("Geometry.BadArcs", type, refsProblem)
                : depth is -2 or 0 ? ImportWords.Words.Format("Geometry.Empty", type)
                : depth != expected ? ImportWords.Words.Format("Geometry.ArcsDepth", type, depth, expected)
                : null;
            Add(objectName, line, properties, id, problem is null ? (refs, ringEnds, polygonEnds) : null, problem);
        }

        private void Add(string objectName, int line, IReadOnlyList<KeyValuePair<string, string?>> properties, string? id, (double[] Refs, int[] RingEnds, int[] PolygonEnds)? arcs, string? problem)
        {
            var number = _countByObject[objectName] = _countByObject.GetValueOrDefault(objectName) + 1;
            if (number % 512 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            _geometries.Add(new TopoGeometry(objectName, number, line, properties, id, arcs?.Refs ?? [], arcs?.RingEnds ?? [], arcs?.PolygonEnds ?? [], problem));
        }

        private bool ReadTransform(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return false;
            }

            double[]? scale = null;
            double[]? translate = null;
            while (BoundaryJson.NextMember(ref reader, out var member))
            {
                var pair = new NestedNumbers(NestedNumbers.LeafKind.Position);
                var isPair = pair.Read(ref reader) == 1 && pair.Problem is null;
                if (member == "scale" && isPair)
                {
                    scale = [.. pair.Values];
                }
                else if (member == "translate" && isPair)
                {
                    translate = [.. pair.Values];
                }
            }

            if (scale is null || translate is null)
            {
                return false;
            }

            _transform = (scale[0], scale[1], translate[0], translate[1]);
            return true;
        }

        /// <summary>Absolute positions of all arcs, and for each arc the index (in points) one past its end.</summary>
        private (double[] Xy, int[] ArcEnds) DecodeArcs()
        {
            var xy = _arcs.Values.ToArray();
            var arcEnds = _arcs.EndsAt(2).ToArray();
            if (_transform is not { } t)
            {
                return (xy, arcEnds);
            }

            var start = 0;
            foreach (var end in arcEnds)
            {
                double x = 0, y = 0;
                for (var i = start; i < end; i++)
                {
                    x += xy[2 * i];
                    y += xy[(2 * i) + 1];
                    xy[2 * i] = (x * t.Kx) + t.Tx;
                    xy[(2 * i) + 1] = (y * t.Ky) + t.Ty;
                }

                start = end;
            }

            return (xy, arcEnds);
        }

        private static BoundaryFeature ToFeature(TopoGeometry geometry, double[] arcXy, int[] arcEnds)
        {
            var label = ImportWords.Words.Format("Boundary.TopoGeometry", geometry.Number, geometry.ObjectName);
            if (geometry.Problem is not null)
            {
                return new BoundaryFeature(geometry.Number, geometry.Line, label, geometry.Properties, geometry.Id, null, geometry.Problem);
            }

            var xy = new List<double>();
            var ringEnds = new int[geometry.RingEnds.Length];
            var start = 0;
            for (var r = 0; r < geometry.RingEnds.Length; r++)
            {
                for (var k = start; k < geometry.RingEnds[r]; k++)
                {
                    var reference = geometry.ArcRefs[k];
                    var index = reference >= 0 ? reference : -reference - 1;
                    if (index != Math.Floor(index) || index >= arcEnds.Length)
                    {
                        var problem = ImportWords.Words.Format("Topo.ArcOutOfRange", BoundaryJson.Format(reference), BoundaryJson.Format(index), arcEnds.Length);
                        return new BoundaryFeature(geometry.Number, geometry.Line, label, geometry.Properties, geometry.Id, null, problem);
                    }

                    AppendArc(xy, arcXy, arcEnds, (int)index, reversed: reference < 0, skipFirst: k > start);
                }

                ringEnds[r] = xy.Count / 2;
                start = geometry.RingEnds[r];
            }

            var polygons = new RawPolygons([.. xy], ringEnds, geometry.PolygonEnds);
            return new BoundaryFeature(geometry.Number, geometry.Line, label, geometry.Properties, geometry.Id, polygons, null);
        }

        private static void AppendArc(List<double> xy, double[] arcXy, int[] arcEnds, int arc, bool reversed, bool skipFirst)
        {
            var first = arc == 0 ? 0 : arcEnds[arc - 1];
            var last = arcEnds[arc] - 1;
            var count = last - first + 1;
            for (var n = skipFirst ? 1 : 0; n < count; n++)
            {
                var i = reversed ? last - n : first + n;
                xy.Add(arcXy[2 * i]);
                xy.Add(arcXy[(2 * i) + 1]);
            }
        }
    }
}
