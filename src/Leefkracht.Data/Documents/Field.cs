using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leefkracht.Data.Documents;

/// <summary>
/// One field of a document as it was written: missing (absent or <c>null</c>), a value of the expected JSON kind, or
/// something else. A field of the wrong kind does not stop deserialisation, so that validation can name every bad
/// field of a document at once, each with the JSON text it found.
/// </summary>
/// <typeparam name="T">
/// The expected value: <see cref="string"/>, <see cref="double"/> (every JSON number), <see cref="bool"/>, a document
/// record (a JSON object), a list (a JSON array) or a dictionary (a JSON object of values).
/// </typeparam>
[JsonConverter(typeof(FieldConverterFactory))]
public readonly record struct Field<T>
{
    internal Field(T? value, bool hasValue, string json)
    {
        Value = value;
        HasValue = hasValue;
        Json = json;
    }

    /// <summary>The value, when <see cref="HasValue"/>.</summary>
    public T? Value { get; }

    /// <summary>Whether the field holds a value of the expected kind.</summary>
    public bool HasValue { get; }

    /// <summary>The field as written (compact JSON), or <see langword="null"/> when it is missing.</summary>
    public string? Json { get; }

    /// <summary>Whether the field is absent or <c>null</c>.</summary>
    public bool IsMissing => Json is null;
}

/// <summary>Reads <see cref="Field{T}"/>: never fails on a value of the wrong kind, only on JSON that is not well formed.</summary>
/// <remarks>Public so that the source-generated JSON metadata of other assemblies' documents can name it.</remarks>
public sealed class FieldConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Field<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(FieldConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class FieldConverter<T> : JsonConverter<Field<T>>
    {
        // A JSON null is a missing field, as it was when documents were read as JsonNode trees.
        public override bool HandleNull => true;

        private static readonly bool IsDictionary =
            typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>);

        private static readonly bool IsList =
            !IsDictionary && typeof(T) != typeof(string) && typeof(T).IsAssignableTo(typeof(System.Collections.IEnumerable));

        public override Field<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var element = JsonElement.ParseValue(ref reader);
            if (element.ValueKind == JsonValueKind.Null)
            {
                return default;
            }

            var value = Convert(element, options);
            return new Field<T>(value is T typed ? typed : default, value is not null, Compact(element));
        }

        public override void Write(Utf8JsonWriter writer, Field<T> value, JsonSerializerOptions options) =>
            throw new NotSupportedException("Fields are read from documents, never written.");

        /// <summary>The value when the element is of the expected kind, otherwise null.</summary>
        private static object? Convert(JsonElement element, JsonSerializerOptions options)
        {
            var kind = element.ValueKind;
            if (typeof(T) == typeof(string))
            {
                return kind == JsonValueKind.String ? element.GetString() : null;
            }

            if (typeof(T) == typeof(double))
            {
                return kind == JsonValueKind.Number && element.TryGetDouble(out var number) ? number : null;
            }

            if (typeof(T) == typeof(bool))
            {
                return kind is JsonValueKind.True or JsonValueKind.False ? element.GetBoolean() : null;
            }

            return kind == (IsList ? JsonValueKind.Array : JsonValueKind.Object) ? element.Deserialize(options.GetTypeInfo(typeof(T))) : null;
        }

        // Written as JsonNode.ToJsonString() writes a value, so that "found …" in messages reads as it always did.
        private static string Compact(JsonElement element)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                element.WriteTo(writer);
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
