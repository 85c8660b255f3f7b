using System.Text;
using System.Text.Json;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import.Tables;
using Leefkracht.Data.Import.Text;

namespace Leefkracht.Data.Import;

/// <summary>What a quick look at the start of a file says about it.</summary>
/// <param name="Reader">The reader that handles it, or <see langword="null"/> when nothing does.</param>
/// <param name="Phase">When to import it in a batch of files: areas first, then data that refer to them.</param>
/// <param name="Reason">Why no reader applies, when <paramref name="Reader"/> is null, in the user's language (the JSON reader's own detail after "geen geldige JSON op regel …" stays in English).</param>
public sealed record Detection(IImportReader? Reader, ImportPhase Phase, string? Reason);

/// <summary>The order in which a batch of files is imported, so that every file finds the areas it refers to.</summary>
public enum ImportPhase
{
    /// <summary>Boundaries: they define areas and names per division.</summary>
    Boundaries = 1,

    /// <summary>KWB tables with codes: they define areas and names.</summary>
    CodedTables = 2,

    /// <summary>KWB tables with names only: they need the names known from phases 1–2.</summary>
    NamedTables = 3,

    /// <summary>Tables that only refer to areas: police, health, long tables.</summary>
    ReferringTables = 4,

    /// <summary>Crosswalks between divisions.</summary>
    Crosswalks = 5,

    /// <summary>Not recognised; reported, never imported.</summary>
    Unrecognised = 9,
}

/// <summary>
/// Recognises a source file from its content (never from its extension alone): GeoJSON or TopoJSON by
/// their JSON members, crosswalks and long tables by their headers, everything else with indicator columns
/// as a wide (KWB or area-period) table.
/// </summary>
public static class FileKindDetector
{
    private const int HeadBytes = 256 * 1024;

    /// <summary>Looks at the start of the file.</summary>
    /// <param name="file">The file.</param>
    /// <param name="catalog">The catalog, whose column aliases recognise tables.</param>
    /// <param name="limits">The limits of the import (the JSON depth); the defaults when null.</param>
    public static Detection Detect(SourceFile file, CatalogDocument catalog, ImportLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(catalog);
        if (file.Content.Length == 0)
        {
            return new Detection(null, ImportPhase.Unrecognised, ImportWords.Words["Import.Empty"]);
        }

        if (TextDecoding.LooksBinary(file.Content))
        {
            return new Detection(null, ImportPhase.Unrecognised, ImportWords.Words["Import.Binary"]);
        }

        var head = Encoding.UTF8.GetString(file.Content, 0, Math.Min(file.Content.Length, HeadBytes)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith('{') || head.StartsWith('['))
        {
            return JsonTypeOf(file.Content, limits ?? ImportLimits.Default, out var broken) switch
            {
                _ when broken is not null => new Detection(null, ImportPhase.Unrecognised, broken),
                "Topology" => new Detection(new Boundaries.TopoJsonBoundaryReader(), ImportPhase.Boundaries, null),
                "FeatureCollection" or "Feature" => new Detection(new Boundaries.GeoJsonBoundaryReader(), ImportPhase.Boundaries, null),
                _ => new Detection(null, ImportPhase.Unrecognised, ImportWords.Words["Import.NotGeoJson"]),
            };
        }

        if (CsvParser.DetectDelimiter(head) is not { } delimiter)
        {
            return new Detection(null, ImportPhase.Unrecognised, ImportWords.Words["Import.NoDelimiter"]);
        }

        var records = CsvParser.Records(head, delimiter).Take(40).ToList();
        var header = records.FirstOrDefault(r => !r.IsBlank)?.Fields.Select(ColumnName.Normalize).ToHashSet(StringComparer.Ordinal) ?? [];
        if (header.Contains("van code") && header.Contains("naar code"))
        {
            return new Detection(new CrosswalkReader(), ImportPhase.Crosswalks, null);
        }

        if (LeefbaarometerReader.Recognises(header))
        {
            return new Detection(new LeefbaarometerReader(), ImportPhase.ReferringTables, null);
        }

        if (WijkprofielReader.Recognises(records))
        {
            return new Detection(new WijkprofielReader(), ImportPhase.ReferringTables, null);
        }

        var layout = TableLayout.Find(records, catalog, new IssueLog(file.Name));
        if (layout is null)
        {
            var firstLine = records.FirstOrDefault(r => !r.IsBlank);
            var delimiterName = delimiter == '\t' ? "tab" : $"'{delimiter}'";
            return new Detection(null, ImportPhase.Unrecognised, ImportWords.Words.Format("Import.NoHeaderDelimiter", delimiterName, firstLine?.Fields.Length ?? 0));
        }

        if (layout.ValueColumn is not null && layout.IndicatorNameColumn is not null)
        {
            return new Detection(new LongTableReader(), ImportPhase.ReferringTables, null);
        }

        var phase = !TableLayout.DefinesAreas(layout.Classify(delimiter).Kind) ? ImportPhase.ReferringTables
            : layout.CodeColumn is null ? ImportPhase.NamedTables
            : ImportPhase.CodedTables;
        return new Detection(new WideTableReader(), phase, null);
    }

    /// <summary>
    /// The top-level <c>type</c> member of a JSON document, found by scanning (large members such as TopoJSON's
    /// <c>arcs</c> are skipped, not parsed); null, with <paramref name="broken"/> saying where and why ("geen geldige JSON
    /// op regel …"), when the document is broken.
    /// </summary>
    private static string? JsonTypeOf(byte[] content, ImportLimits limits, out string? broken)
    {
        broken = null;
        var reader = new Utf8JsonReader(content, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = limits.MaxJsonDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type");
                reader.Read();
                if (isType && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }

                reader.Skip();
            }

            return null;
        }
        catch (JsonException exception)
        {
            broken = ImportWords.Words.Format("Detect.InvalidJson", exception.LineNumber + 1, exception.BytePositionInLine + 1, limits.TooDeep(exception) ?? exception.Message.Split(" LineNumber", 2)[0]);
            return null;
        }
    }
}
