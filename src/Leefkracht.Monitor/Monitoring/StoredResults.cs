using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leefkracht.Monitor.Monitoring;

/// <summary>
/// How a result is kept in the store's <c>results</c> table: JSON (the records as they are, so that a result read back
/// equals the one computed) compressed with Brotli.
/// </summary>
public static class StoredResults
{
    /// <summary>The serialiser settings: area codes as their text, NaN and infinities as named literals.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        IncludeFields = true,
        Converters = { new AreaCodeConverter() },
    };

    /// <summary>The result serialised and compressed.</summary>
    public static byte[] Write<T>(T result)
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Fastest))
        {
            JsonSerializer.Serialize(brotli, result, Options);
        }

        return buffer.ToArray();
    }

    /// <summary>A result written by <see cref="Write"/>.</summary>
    public static T Read<T>(byte[] content)
    {
        using var brotli = new BrotliStream(new MemoryStream(content), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<T>(brotli, Options) ?? throw new InvalidDataException("a stored result is empty");
    }

    /// <summary>
    /// A short fingerprint of a model for a result's key: a model file may keep its id and version while its weights
    /// change, and a result computed with other weights must not be read.
    /// </summary>
    public static string Fingerprint<T>(T model) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(model, Options)))[..16];

    private sealed class AreaCodeConverter : JsonConverter<AreaCode>
    {
        public override AreaCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            AreaCode.Parse(reader.GetString() ?? throw new JsonException("an area code is null"));

        public override void Write(Utf8JsonWriter writer, AreaCode value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value.Value);
        }
    }
}
