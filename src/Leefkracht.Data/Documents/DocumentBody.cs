using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leefkracht.Data.Documents;

/// <summary>
/// A JSON object of a document, deserialised as written: its known fields are <see cref="Field{T}"/> properties
/// (named in camelCase), anything else lands in <see cref="Unknown"/> for <see cref="DocumentChecks.Unknown"/> to name.
/// </summary>
public abstract record DocumentBody
{
    /// <summary>Fields the record does not declare, in the order written.</summary>
    /// <remarks>
    /// Settable rather than init-only: source-generated JSON metadata (the model's, <c>ModelJsonContext</c>) sets
    /// init-only properties through the constructor, which an extension data property cannot be.
    /// </remarks>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
