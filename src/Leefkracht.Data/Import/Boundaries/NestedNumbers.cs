using System.Text.Json;

namespace Leefkracht.Data.Import.Boundaries;

/// <summary>
/// Reads nested JSON arrays of numbers (GeoJSON coordinates, TopoJSON arcs and arc references) straight from
/// a <see cref="Utf8JsonReader"/> into flat lists, whatever the nesting depth, so that the caller can check
/// the depth against the geometry type afterwards (members of a JSON object may come in any order, so
/// <c>coordinates</c> can precede <c>type</c>).
/// </summary>
/// <remarks>
/// A leaf is an array of numbers. In <see cref="LeafKind.Position"/> mode a leaf is one position: its first
/// two numbers are kept (a third, the height, is ignored). In <see cref="LeafKind.Integers"/> mode every
/// number of a leaf is kept (TopoJSON arc indices). For every closed array of depth d ≥ 2 the number of
/// closed arrays of depth d − 1 so far is recorded, which gives ring ends in points and polygon ends in
/// rings directly; in <see cref="LeafKind.Integers"/> mode the end of each leaf (in values) is recorded too. Content that is valid JSON but not numbers is noted in <see cref="Problem"/> and skipped,
/// so reading can go on with the next feature.
/// </remarks>
internal sealed class NestedNumbers(NestedNumbers.LeafKind leafKind)
{
    private const int MaxDepth = 4;

    private readonly List<int>[] _ends = [[], [], [], [], []];
    private readonly int[] _closed = new int[MaxDepth + 1];

    /// <summary>What a leaf array holds.</summary>
    public enum LeafKind
    {
        /// <summary>A position: x, y and optionally more numbers, of which the first two are kept.</summary>
        Position,

        /// <summary>A list of integers, all kept.</summary>
        Integers,
    }

    /// <summary>The numbers kept, in order.</summary>
    public List<double> Values { get; } = [];

    /// <summary>The first structural problem found since the last <see cref="Clear"/>.</summary>
    public string? Problem { get; private set; }

    /// <summary>
    /// For arrays of depth <paramref name="depth"/> (2 or more): how many arrays of depth − 1 had closed when each
    /// one closed. For depth 1 (integer leaves only): how many values had been read when each one closed.
    /// </summary>
    public IReadOnlyList<int> EndsAt(int depth) => _ends[depth];

    /// <summary>Forgets everything read.</summary>
    public void Clear()
    {
        Values.Clear();
        foreach (var list in _ends)
        {
            list.Clear();
        }

        Array.Clear(_closed);
        Problem = null;
    }

    /// <summary>
    /// Reads the array the reader stands on (its <see cref="JsonTokenType.StartArray"/>) up to and including its
    /// end. Returns its depth: 1 for a leaf, 0 for an empty array, −1 when the structure is unusable.
    /// </summary>
    public int Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Note(ImportWords.Words.Format("Nested.ExpectedArray", Describe(reader.TokenType)));
            reader.Skip();
            return -1;
        }

        reader.Read();
        if (reader.TokenType == JsonTokenType.Number)
        {
            return ReadLeaf(ref reader);
        }

        var depth = 0;
        while (reader.TokenType != JsonTokenType.EndArray)
        {
            var child = reader.TokenType == JsonTokenType.StartArray ? Read(ref reader) : SkipUnexpected(ref reader);
            if (child == 0)
            {
                Note(ImportWords.Words["Nested.EmptyArray"]);
                depth = -1;
            }
            else if (child < 0)
            {
                depth = -1;
            }
            else if (depth == 0)
            {
                depth = child;
            }
            else if (depth != child && depth > 0)
            {
                Note(ImportWords.Words["Nested.MixedDepths"]);
                depth = -1;
            }

            reader.Read();
        }

        if (depth < 0)
        {
            return -1;
        }

        if (depth == 0)
        {
            return 0;
        }

        if (depth + 1 > MaxDepth)
        {
            Note(ImportWords.Words.Format("Nested.TooDeep", depth + 1));
            return -1;
        }

        Close(depth + 1);
        return depth + 1;
    }

    private int ReadLeaf(ref Utf8JsonReader reader)
    {
        var count = 0;
        var added = 0;
        var ok = true;
        while (reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number)
            {
                SkipUnexpected(ref reader);
                ok = false;
            }
            else if (!reader.TryGetDouble(out var value) || !double.IsFinite(value))
            {
                Note(ImportWords.Words.Format("Nested.NotANumber", System.Text.Encoding.UTF8.GetString(reader.ValueSpan)));
                ok = false;
            }
            else if (leafKind == LeafKind.Integers || count < 2)
            {
                Values.Add(value);
                added++;
            }

            count++;
            reader.Read();
        }

        if (leafKind == LeafKind.Position && count < 2)
        {
            Note(ImportWords.Words["Nested.ShortPosition"]);
            ok = false;
        }

        if (!ok)
        {
            // Keep the pairs aligned: drop whatever this leaf added.
            Values.RemoveRange(Values.Count - added, added);
            return -1;
        }

        Close(1);
        return 1;
    }

    private void Close(int depth)
    {
        if (depth >= 2)
        {
            _ends[depth].Add(_closed[depth - 1]);
        }
        else if (leafKind == LeafKind.Integers)
        {
            _ends[1].Add(Values.Count);
        }

        _closed[depth]++;
    }

    private int SkipUnexpected(ref Utf8JsonReader reader)
    {
        Note(ImportWords.Words.Format("Nested.Unexpected", Describe(reader.TokenType)));
        reader.Skip();
        return -1;
    }

    private void Note(string? problem) => Problem ??= problem;

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => ImportWords.Words["Token.String"],
        JsonTokenType.StartObject => ImportWords.Words["Token.Object"],
        JsonTokenType.Null => ImportWords.Words["Token.Null"],
        JsonTokenType.True or JsonTokenType.False => ImportWords.Words["Token.Boolean"],
        JsonTokenType.Number => ImportWords.Words["Token.Number"],
        _ => token.ToString(),
    };
}
