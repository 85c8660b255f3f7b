using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Leefkracht.Data.Import.Text;

namespace Leefkracht.Data.Import.Boundaries;

/// <summary>
/// JSON plumbing shared by the GeoJSON and TopoJSON readers: getting from file bytes to a reader (empty,
/// binary and non-UTF-8 files), turning <see cref="JsonException"/> into an issue with line and position,
/// and reading the members both formats have (properties, ids, <c>crs</c>).
/// </summary>
internal static class BoundaryJson
{
    /// <summary>
    /// What both readers do: parse the file's JSON with <paramref name="parse"/> (which logs its own findings)
    /// and, if that gave features, check and convert them with <see cref="BoundaryBatchBuilder"/>.
    /// </summary>
    public static ImportBatch Read(SourceFile file, ImportContext context, FileKind kind, Func<ReadOnlyMemory<byte>, IssueLog, ParsedBoundaryFile?> parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(context);
        var format = kind == FileKind.TopoJson ? "TopoJSON" : "GeoJSON";
        var batch = new ImportBatch(kind, ImportShape.Of("Shape.BoundaryFile", format), new IssueLog(file.Name));
        var parsed = Parse(file.Content, batch.Issues, context.Options.Limits, parse);
        return parsed is null ? batch : BoundaryBatchBuilder.Build(batch, file, context, parsed, cancellationToken);
    }

    /// <summary>
    /// Creates a reader over the whole text (comments are skipped; nesting deeper than <paramref name="limits"/>' JSON
    /// depth is refused) and moves it onto the root object.
    /// </summary>
    /// <returns>Whether the root is an object; if not, a file error has been logged.</returns>
    public static bool StartRoot(ReadOnlyMemory<byte> json, string format, ImportLimits limits, IssueLog issues, out Utf8JsonReader reader)
    {
        ArgumentNullException.ThrowIfNull(limits);
        reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = limits.MaxJsonDepth });
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        issues.FileError(ImportWords.Reason("Json.NotAnObject", format));
        return false;
    }

    /// <summary>
    /// Checks the root's <c>type</c> member once the whole root has been read (members may come in any order)
    /// and that nothing but whitespace follows the root.
    /// </summary>
    /// <returns>Whether the type is <paramref name="expected"/>; if not, a file error has been logged.</returns>
    public static bool EndRoot(ref Utf8JsonReader reader, string? type, string expected, string format, IssueLog issues)
    {
        // With isFinalBlock the reader throws a JsonException (with line and position) on trailing content.
        reader.Read();
        if (type == expected)
        {
            return true;
        }

        var hint = type switch
        {
            "Topology" => ImportWords.Words.Format("Json.ThisIs", "TopoJSON"),
            "FeatureCollection" or "Feature" => ImportWords.Words.Format("Json.ThisIs", "GeoJSON"),
            _ => string.Empty,
        };
        issues.FileError(type is null
            ? ImportWords.Reason("Json.NoType", format, expected)
            : ImportWords.Reason("Json.WrongType", format, expected, type, hint));
        return false;
    }

    /// <summary>
    /// Moves to the next member of the object the reader is in and onto its value; <see langword="false"/> at
    /// the end of the object. Every member's value must be consumed (read or <see cref="Utf8JsonReader.Skip"/>ped).
    /// </summary>
    public static bool NextMember(ref Utf8JsonReader reader, out string name)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            name = string.Empty;
            return false;
        }

        name = reader.GetString()!;
        reader.Read();
        return true;
    }

    private static ParsedBoundaryFile? Parse(byte[] content, IssueLog issues, ImportLimits limits, Func<ReadOnlyMemory<byte>, IssueLog, ParsedBoundaryFile?> parse)
    {
        var json = Prepare(content, issues);
        if (json is not { } bytes)
        {
            return null;
        }

        try
        {
            return parse(bytes, issues);
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber is { } l ? (int)l + 1 : (int?)null;
            var position = exception.BytePositionInLine is { } p ? (int)p + 1 : (int?)null;
            var message = exception.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            message = limits.TooDeep(exception) ?? (cut > 0 ? message[..cut] : message).TrimEnd();
            // Utf8JsonReader's wording when the text stops inside a value ("Expected end of data" is the opposite: garbage after the root).
            var truncated = message.Contains("end of the JSON payload", StringComparison.Ordinal)
                || message.Contains("reached end of data", StringComparison.Ordinal)
                ? ImportWords.Words["Json.Truncated"]
                : string.Empty;

            // The reader's own message stays as the detail: .NET words it in English only.
            issues.Error(line, position, null, null, ImportWords.Reason("Json.Invalid", line, position, message, truncated));
            return null;
        }
    }

    /// <summary>Reads a scalar as text (numbers as written, booleans as <c>true</c>/<c>false</c>); objects and arrays as raw JSON.</summary>
    public static string? ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]);
            default:
                return null;
        }
    }

    /// <summary>Reads a <c>properties</c> object (or <c>null</c>) into name/value pairs in file order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> ReadProperties(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return [];
        }

        var properties = new List<KeyValuePair<string, string?>>(8);
        while (NextMember(ref reader, out var name))
        {
            properties.Add(new(name, ReadValue(ref reader, json)));
        }

        return properties;
    }

    /// <summary>
    /// Reads a <c>crs</c> member: the 2008 GeoJSON form <c>{"type":"name","properties":{"name":"…"}}</c> gives
    /// the name; any other form (a link, a bare string) is returned as its raw text so it can be reported.
    /// </summary>
    public static string? ReadCrsName(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return ReadValue(ref reader, json);
        }

        var start = (int)reader.TokenStartIndex;
        string? name = null;
        while (NextMember(ref reader, out var member))
        {
            if (member == "properties" && reader.TokenType == JsonTokenType.StartObject)
            {
                while (NextMember(ref reader, out var inner))
                {
                    if (inner == "name" && reader.TokenType == JsonTokenType.String)
                    {
                        name = reader.GetString();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return name ?? Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]);
    }

    /// <summary>Formats a coordinate for messages.</summary>
    public static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static ReadOnlyMemory<byte>? Prepare(byte[] content, IssueLog issues)
    {
        var span = content.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            span = span[3..];
        }

        if (span.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            issues.FileError(ImportWords.Reason("Json.Empty"));
            return null;
        }

        if (TextDecoding.LooksBinary(span))
        {
            issues.FileError(ImportWords.Reason("Json.Binary"));
            return null;
        }

        var offset = content.Length - span.Length;
        if (Utf8.IsValid(span))
        {
            return content.AsMemory(offset);
        }

        // JSON must be UTF-8 (RFC 8259), but older exports write names such as "Súdwest-Fryslân" in Latin-1.
        issues.Warning(null, null, null, null, ImportWords.Reason("Json.Latin1"));
        var text = TextDecoding.Decode(content[offset..], out _);
        return Encoding.UTF8.GetBytes(text);
    }
}

/// <summary>Turns byte offsets of a JSON text into 1-based line numbers, for offsets that only grow.</summary>
internal sealed class LineCounter(ReadOnlyMemory<byte> json)
{
    private int _offset;
    private int _line = 1;

    /// <summary>The line of the byte at <paramref name="offset"/>.</summary>
    public int LineAt(long offset)
    {
        var end = (int)Math.Min(offset, json.Length);
        if (end > _offset)
        {
            _line += json.Span[_offset..end].Count((byte)'\n');
            _offset = end;
        }

        return _line;
    }
}
