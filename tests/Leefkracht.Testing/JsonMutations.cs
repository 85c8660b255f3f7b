using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Leefkracht.Testing;

/// <summary>
/// Hostile variants of a valid JSON document for the fuzz tests (docs/security.md, "What is tested"): property-based
/// generation with FsCheck from a fixed seed, so a run is repeatable and a failure names the very input. Each variant
/// takes the valid document and applies one to three structural mutations — a value replaced by a hostile one (wrong
/// kinds, huge and tiny numbers, impossible dates, control characters, markup, deep nesting), a member removed, a
/// member given twice, an unknown member added — and sometimes one textual one (cut short, a character changed).
/// </summary>
public static class JsonMutations
{
    /// <summary>The seed of every fuzz run.</summary>
    public const ulong Seed = 18;

    private const string DuplicateKey = "\u0001duplicate\u0001";

    private static readonly string[] Hostile =
    [
        "null", "\"\"", "\"x\"", "-1", "0", "0.5", "1e308", "-1e308", "1e18", "99999999999999999999999", "2147483648", "true",
        "[]", "{}", "[null]", "\"2027-02-30\"", "\"0001-01-01\"", "\"\\u0000\"", "\"<script>alert(1)</script>\"", "\"' OR 1=1--\"",
        "\"GM9999\"", "\"BU0344XXXX\"", "\"../../etc/passwd\"", "\"" + new string('x', 5000) + "\"",
        new string('[', 70) + new string(']', 70),
    ];

    private static readonly char[] Noise = ['{', '}', '[', ']', '"', ',', ':', '\\', 'x', '9', ' ', '\u0000'];

    /// <summary><paramref name="count"/> variants of <paramref name="json"/>, the same on every run.</summary>
    public static IReadOnlyList<string> Of(string json, int count)
    {
        var step = Gen.Choose(0, 3).SelectMany(kind => Gen.Choose(0, int.MaxValue - 1), (kind, node) => (Kind: kind, Node: node))
            .SelectMany(s => Gen.Choose(0, Hostile.Length - 1), (s, value) => (s.Kind, s.Node, Value: value));
        var text = Gen.Frequency((3, Gen.Constant((Kind: -1, At: 0, Noise: ' '))), (1, Gen.Choose(0, 1).SelectMany(
            kind => Gen.Choose(0, int.MaxValue - 1), (kind, at) => (Kind: kind, At: at)).SelectMany(t => Gen.Elements(Noise), (t, noise) => (t.Kind, t.At, Noise: noise))));
        var variant = Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(step, n), (_, steps) => steps)
            .SelectMany(_ => text, (steps, last) => Apply(json, steps, last));
        return variant.Sample(count, new Rnd(Seed), 10);
    }

    private static string Apply(string json, IEnumerable<(int Kind, int Node, int Value)> steps, (int Kind, int At, char Noise) last)
    {
        var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        string? duplicate = null;
        foreach (var (kind, index, value) in steps)
        {
            var nodes = Nodes(root).ToList();
            if (nodes.Count == 0)
            {
                break;
            }

            var hostile = JsonValue.Create(Mark(value));
            var (parent, key, position) = nodes[index % nodes.Count];
            switch (kind)
            {
                case 0:
                    Set(parent, key, position, hostile);
                    break;
                case 1 when parent is JsonObject o:
                    o.Remove(key!);
                    break;
                case 1:
                    ((JsonArray)parent).RemoveAt(position);
                    break;
                case 2 when parent is JsonObject o && duplicate is null:
                    // A key given twice cannot be built as a node: the second one's name is written in as text below.
                    duplicate = JsonSerializer.Serialize(key);
                    o.Add(DuplicateKey, hostile);
                    break;
                default:
                    (parent as JsonObject ?? root as JsonObject)?.TryAdd("unexpected" + (index % 7), hostile);
                    break;
            }
        }

        var text = root.ToJsonString();
        if (duplicate is not null)
        {
            text = text.Replace(JsonSerializer.Serialize(DuplicateKey), duplicate, StringComparison.Ordinal);
        }

        for (var i = 0; i < Hostile.Length; i++)
        {
            text = text.Replace(JsonSerializer.Serialize(Mark(i)), Hostile[i], StringComparison.Ordinal);
        }

        return last.Kind switch
        {
            0 => text[..(last.At % text.Length)],
            1 => text[..(last.At % text.Length)] + last.Noise + text[((last.At % text.Length) + 1)..],
            _ => text,
        };
    }

    /// <summary>Where a hostile value goes, written in as text at the end (some, such as deep nesting, cannot be nodes).</summary>
    private static string Mark(int value) => string.Create(CultureInfo.InvariantCulture, $"\u0001hostile{value}\u0001");

    /// <summary>Every node but the root, with where it sits: its parent and its key (objects) or position (arrays).</summary>
    private static IEnumerable<(JsonNode Parent, string? Key, int Position)> Nodes(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, child) in o.ToList())
            {
                yield return (o, key, 0);
                if (child is not null)
                {
                    foreach (var inner in Nodes(child))
                    {
                        yield return inner;
                    }
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                yield return (a, null, i);
                if (a[i] is { } child)
                {
                    foreach (var inner in Nodes(child))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    private static void Set(JsonNode parent, string? key, int position, JsonNode? value)
    {
        if (parent is JsonObject o)
        {
            o[key!] = value;
        }
        else
        {
            ((JsonArray)parent)[position] = value;
        }
    }
}
