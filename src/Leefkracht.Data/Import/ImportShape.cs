using System.Text.Json;

namespace Leefkracht.Data.Import;

/// <summary>
/// What a reader found a file to be ("KWB with short codes, ';'-separated, 12 indicator columns"), kept as codes with
/// arguments rather than as a sentence, so that the store holds no language and every reader sees the description in
/// their own: the CLI's <c>--lang</c>, the data page's and the API's request language.
/// </summary>
/// <remarks>
/// Stored in the <c>imports.shape</c> column as a JSON array of parts, each an array of its code and arguments:
/// <c>[["Shape.KwbShortCodes"],["Shape.Separated",";"],["Shape.IndicatorColumns",12]]</c>. A number argument is a count
/// and is grouped the reader's way (13.748 / 13,748); years, codes and delimiters are texts and stay as written. Rows
/// written before the shape had codes hold an English sentence; <see cref="Read"/> recognises the sentences this
/// program wrote (<see cref="LegacyShape"/>) and keeps any other text as it is.
/// </remarks>
public sealed class ImportShape
{
    private readonly IReadOnlyList<ShapePart> _parts;
    private readonly string? _verbatim;

    private ImportShape(IReadOnlyList<ShapePart> parts, string? verbatim)
    {
        _parts = parts;
        _verbatim = verbatim;
    }

    /// <summary>The parts, in order (empty for a text kept as it was stored).</summary>
    public IReadOnlyList<ShapePart> Parts => _parts;

    /// <summary>A shape of one part.</summary>
    public static ImportShape Of(string code, params object[] arguments) => new([new ShapePart(code, arguments)], null);

    /// <summary>This shape with one more part; a part that is already there is not repeated.</summary>
    public ImportShape And(string code, params object[] arguments)
    {
        var part = new ShapePart(code, arguments);
        return _parts.Contains(part) ? this : new ImportShape([.. _parts, part], _verbatim);
    }

    /// <summary>This shape with the part that says how the file's fields are separated.</summary>
    public ImportShape Separated(char delimiter) =>
        delimiter == '\t' ? And("Shape.TabSeparated") : And("Shape.Separated", delimiter.ToString());

    /// <summary>The form kept in the store (see the remarks).</summary>
    public string Store()
    {
        if (_verbatim is not null)
        {
            return _verbatim;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var part in _parts)
            {
                json.WriteStartArray();
                json.WriteStringValue(part.Code);
                foreach (var argument in part.Arguments)
                {
                    if (argument is int count)
                    {
                        json.WriteNumberValue(count);
                    }
                    else
                    {
                        json.WriteStringValue(Convert.ToString(argument, CultureInfo.InvariantCulture));
                    }
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The shape a store's <c>imports.shape</c> holds: coded parts, an old English sentence, or other text kept as it is.</summary>
    public static ImportShape Read(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.StartsWith("[[", StringComparison.Ordinal) && Decode(stored) is { } parts)
        {
            return new ImportShape(parts, null);
        }

        return LegacyShape.Parse(stored) is { } legacy ? new ImportShape(legacy, null) : new ImportShape([], stored);
    }

    /// <summary>The description in the user's language (parts whose code has no words are skipped: a newer program's).</summary>
    public string Describe()
    {
        if (_verbatim is not null)
        {
            return _verbatim;
        }

        var words = _parts
            .Where(p => ImportWords.Words.Find(p.Code) is not null)
            .Select(p => ImportWords.Words.Format(p.Code, [.. p.Arguments.Select(a => a is int count ? ImportWords.Whole(count) : a)]));
        return string.Join(", ", words);
    }

    /// <inheritdoc/>
    public override string ToString() => Describe();

    private static List<ShapePart>? Decode(string stored)
    {
        try
        {
            using var document = JsonDocument.Parse(stored);
            var parts = new List<ShapePart>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var elements = item.EnumerateArray().ToList();
                if (elements.Count == 0 || elements[0].ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                var arguments = elements.Skip(1)
                    .Select(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var n) ? (object)n : e.ToString())
                    .ToArray();
                parts.Add(new ShapePart(elements[0].GetString()!, arguments));
            }

            return parts;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not the coded form after all: an old sentence that happens to start with "[[".
            return null;
        }
    }
}

/// <summary>One part of an <see cref="ImportShape"/>: the name of its words in ImportWords.resx and their arguments.</summary>
/// <param name="Code">The words' name (<c>Shape.KwbShortCodes</c>).</param>
/// <param name="Arguments">Counts as <see cref="int"/>, everything else as text.</param>
public sealed record ShapePart(string Code, IReadOnlyList<object> Arguments)
{
    /// <inheritdoc/>
    public bool Equals(ShapePart? other) =>
        other is not null && Code == other.Code && Arguments.SequenceEqual(other.Arguments);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, Arguments.Count);
}
