using System.Text.Json.Nodes;

namespace Leefkracht.Web.Planner;

/// <summary>
/// The worked example scenarios of docs/planner/, embedded at build time (the app does not run from the repository),
/// so the page offers the same files the documentation and <c>leefkracht scenario</c> use.
/// </summary>
internal static class PlannerExamples
{
    private const string Prefix = "PlannerExamples.";

    public static IReadOnlyList<(string File, JsonObject Document)> All { get; } = Load();

    private static List<(string File, JsonObject Document)> Load()
    {
        var assembly = typeof(PlannerExamples).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return (n[Prefix.Length..], JsonNode.Parse(stream)!.AsObject());
            })];
    }
}
