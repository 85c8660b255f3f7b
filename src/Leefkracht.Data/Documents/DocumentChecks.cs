using System.Collections.Immutable;

namespace Leefkracht.Data.Documents;

/// <summary>
/// The rules a document's fields are checked by, collecting every problem with its JSON path instead of stopping
/// at the first. Each document record checks itself with these and returns its domain value. The problems are worded
/// in the user's language (DocumentWords.resx) and carry a stable code.
/// </summary>
public sealed class DocumentChecks
{
    private readonly List<DocumentProblem> _problems = [];

    /// <summary>The problems found so far, in the order found.</summary>
    public IReadOnlyList<DocumentProblem> Problems => _problems;

    /// <summary>Whether any problem was found.</summary>
    public bool Any => _problems.Count > 0;

    /// <summary>Records a problem (worded with its code by <see cref="DocumentWords.Problem(string, string, object?[])"/> or a document's own words).</summary>
    public void Add(DocumentProblem problem) => _problems.Add(problem ?? throw new ArgumentNullException(nameof(problem)));

    /// <summary>Records a problem that is only words, without a code (a model document's own checks).</summary>
    public void Add(string path, string message) => _problems.Add(new DocumentProblem(path, message));

    /// <summary>Throws a <see cref="DocumentException"/> under <paramref name="heading"/> when any problem was found.</summary>
    public void ThrowIfAny(string heading)
    {
        if (Any)
        {
            throw new DocumentException(heading, _problems);
        }
    }

    /// <summary>Names every field of <paramref name="body"/> its record does not declare.</summary>
    public void Unknown(DocumentBody body, string path)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Unknown is not { Count: > 0 } unknown)
        {
            return;
        }

        var known = string.Join(", ", DocumentJson.Options.GetTypeInfo(body.GetType()).Properties.Where(p => !p.IsExtensionData).Select(p => p.Name));
        foreach (var key in unknown.Keys)
        {
            Add(DocumentWords.Problem($"{path}.{key}", "Document.Unknown", known));
        }
    }

    /// <summary>A non-empty string; a problem when it is missing and <paramref name="required"/>, or of another kind.</summary>
    public string Text(Field<string> field, string path, bool required = true)
    {
        if (field.Value is { Length: > 0 } text)
        {
            return text;
        }

        if (required || !field.IsMissing)
        {
            Add(DocumentWords.Problem(path, "Document.Text"));
        }

        return string.Empty;
    }

    /// <summary>One of <paramref name="choices"/>; empty (and a problem) otherwise.</summary>
    public string Choice(Field<string> field, string path, IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var text = Text(field, path);
        if (text.Length > 0 && !choices.Contains(text))
        {
            Add(DocumentWords.Problem(path, "Document.Choice", text, string.Join(", ", choices)));
            return string.Empty;
        }

        return text;
    }

    /// <summary>A member of <typeparamref name="T"/> by its exact name; the default (and a problem) otherwise.</summary>
    public T Enum<T>(Field<string> field, string path)
        where T : struct, Enum
    {
        var text = Text(field, path);
        if (text.Length > 0 && System.Enum.TryParse<T>(text, out var parsed))
        {
            return parsed;
        }

        if (text.Length > 0)
        {
            Add(DocumentWords.Problem(path, "Document.Choice", text, string.Join(", ", System.Enum.GetNames<T>())));
        }

        return default;
    }

    /// <summary>A finite number; <paramref name="fallback"/> when missing, otherwise a problem (and the fallback or 0).</summary>
    public double Number(Field<double> field, string path, double? fallback = null)
    {
        if (field.HasValue && double.IsFinite(field.Value))
        {
            return field.Value;
        }

        if (field.IsMissing && fallback is { } missing)
        {
            return missing;
        }

        Add(DocumentWords.Problem(path, "Document.Number"));
        return fallback ?? 0;
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>]; <paramref name="fallback"/> when missing and given.</summary>
    public int WholeNumber(Field<double> field, string path, int? fallback, int min, int max)
    {
        if (field.IsMissing && fallback is { } missing)
        {
            return missing;
        }

        if (field.HasValue && field.Value == Math.Floor(field.Value) && field.Value >= min && field.Value <= max)
        {
            return (int)field.Value;
        }

        Add(field.IsMissing
            ? DocumentWords.Problem(path, "Document.WholeNumber", min, max)
            : DocumentWords.Problem(path, "Document.WholeNumberFound", min, max, field.Json));
        return fallback ?? min;
    }

    /// <summary>
    /// The object of a field, or <see langword="null"/> with a problem when it is not an object:
    /// <paramref name="problem"/>, or "an object is required" (<c>Document.Object</c>).
    /// </summary>
    public T? Body<T>(Field<T> field, string path, DocumentProblem? problem = null)
        where T : DocumentBody
    {
        if (!field.HasValue)
        {
            Add(problem ?? DocumentWords.Problem(path, "Document.Object"));
        }

        return field.Value;
    }

    /// <summary>
    /// The items of an array of objects, each checked by <paramref name="check"/> at <c>path[i]</c>; empty when missing.
    /// An item that is not an object, or that <paramref name="check"/> rejects with <see langword="null"/>, is left out.
    /// </summary>
    public ImmutableArray<TResult> Items<TBody, TResult>(Field<ImmutableArray<Field<TBody>>> field, string path, Func<TBody, string, TResult?> check)
        where TBody : DocumentBody
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(check);
        if (field.IsMissing)
        {
            return [];
        }

        if (!field.HasValue)
        {
            Add(DocumentWords.Problem(path, "Document.Array"));
            return [];
        }

        var results = ImmutableArray.CreateBuilder<TResult>();
        for (var i = 0; i < field.Value.Length; i++)
        {
            if (Body(field.Value[i], $"{path}[{i}]") is { } item && check(item, $"{path}[{i}]") is { } result)
            {
                results.Add(result);
            }
        }

        return results.ToImmutable();
    }
}
