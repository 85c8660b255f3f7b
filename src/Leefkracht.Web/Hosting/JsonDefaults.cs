using System.Text.Json;

namespace Leefkracht.Web.Hosting;

/// <summary>The JSON options of the API (camelCase, as ASP.NET Core's defaults).</summary>
internal static class JsonDefaults
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
