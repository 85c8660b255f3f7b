using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Leefkracht.Data.Documents;

/// <summary>
/// Reads a JSON document into its <see cref="DocumentBody"/> record. Comments and trailing commas are allowed (files
/// are edited by hand); a field given twice is a problem named by its path, never a crash or the last one winning.
/// </summary>
public static class DocumentJson
{
    /// <summary>The options of every document: camelCase names, comments, trailing commas, no duplicate fields.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions(new DefaultJsonTypeInfoResolver());

    /// <summary>The deepest nesting of a document (System.Text.Json's default, named so that the refusal can say it).</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Syntax = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = MaxDepth };

    /// <summary>
    /// <see cref="Options"/> that take a document's metadata from <paramref name="generated"/> (a source-generated
    /// <see cref="System.Text.Json.Serialization.JsonSerializerContext"/>) and anything it lacks by reflection: a
    /// document read at every start, such as the shipped model, then does not build its metadata by reflection.
    /// </summary>
    public static JsonSerializerOptions OptionsWith(IJsonTypeInfoResolver generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        return CreateOptions(JsonTypeInfoResolver.Combine(generated, new DefaultJsonTypeInfoResolver()));
    }

    /// <summary>Reads a document from a stream; see <see cref="Read{T}(ReadOnlyMemory{byte}, string, string)"/>.</summary>
    public static T? Read<T>(Stream json, string name, string heading)
        where T : DocumentBody => Read<T>(json, name, heading, Options);

    /// <summary>Reads a document from a stream with <paramref name="options"/> made by <see cref="OptionsWith"/>.</summary>
    public static T? Read<T>(Stream json, string name, string heading, JsonSerializerOptions options)
        where T : DocumentBody
    {
        ArgumentNullException.ThrowIfNull(json);
        using var buffer = new MemoryStream();
        json.CopyTo(buffer);
        return Read<T>(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), name, heading, options);
    }

    /// <summary>
    /// Reads a document: <see langword="null"/> when its root is not a JSON object (the caller says what it wants).
    /// </summary>
    /// <param name="json">UTF-8 JSON.</param>
    /// <param name="name">The file name, for the message when the text is not JSON.</param>
    /// <param name="heading">The heading of the problem list (<c>x.json is not a valid scenario:</c>).</param>
    /// <exception cref="DocumentException">Not JSON, or a field occurs twice.</exception>
    public static T? Read<T>(ReadOnlyMemory<byte> json, string name, string heading)
        where T : DocumentBody => Read<T>(json, name, heading, Options);

    private static T? Read<T>(ReadOnlyMemory<byte> json, string name, string heading, JsonSerializerOptions options)
        where T : DocumentBody
    {
        JsonDocument document;
        try
        {
            // Duplicates are allowed here only so that all of them can be named at once below.
            document = JsonDocument.Parse(json, Syntax);
        }
        catch (JsonException exception)
        {
            throw DocumentException.NotJson(name, exception);
        }

        using (document)
        {
            var duplicates = new List<DocumentProblem>();
            FindDuplicates(document.RootElement, "$", duplicates);
            if (duplicates.Count > 0)
            {
                throw new DocumentException(heading, duplicates);
            }

            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (T?)document.RootElement.Deserialize(options.GetTypeInfo(typeof(T)))
                : null;
        }
    }

    private static void FindDuplicates(JsonElement element, string path, List<DocumentProblem> problems)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                FindDuplicates(item, $"{path}[{index++}]", problems);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var propertyPath = $"{path}.{property.Name}";
                if (!seen.Add(property.Name))
                {
                    problems.Add(DocumentWords.Problem(propertyPath, "Document.Twice"));
                }
                else
                {
                    FindDuplicates(property.Value, propertyPath, problems);
                }
            }
        }
    }

    private static JsonSerializerOptions CreateOptions(IJsonTypeInfoResolver resolver)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            AllowDuplicateProperties = false,
            TypeInfoResolver = resolver,
        };
        options.MakeReadOnly();
        return options;
    }
}
