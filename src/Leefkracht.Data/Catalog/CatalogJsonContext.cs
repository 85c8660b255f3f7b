using System.Text.Json.Serialization;

namespace Leefkracht.Data.Catalog;

/// <summary>
/// The catalog file's JSON metadata, generated at compile time: every command reads the catalog at its start, and
/// the reflection serializer spent about 60 ms of CPU building this metadata for it (docs/benchmarks.md, "score
/// under a second"). Strict as the catalog always was read: a file of the build, not user input.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    AllowDuplicateProperties = false,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(CatalogFile))]
[JsonSerializable(typeof(AliasEntryConverter.AliasObject))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
