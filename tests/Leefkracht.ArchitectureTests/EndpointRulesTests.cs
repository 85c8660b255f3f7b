using Leefkracht.Web;

namespace Leefkracht.ArchitectureTests;

/// <summary>
/// Endpoints never call endpoints: what two endpoint classes share is a service or a mapping class
/// (docs/web.md), so no endpoint class refers to another.
/// </summary>
public sealed class EndpointRulesTests
{
    public static TheoryData<string> Endpoints => [.. WebEndpoints.Select(e => e.FullName!)];

    private static IReadOnlyList<Type> WebEndpoints { get; } = Rules.EndpointClasses(Projects.Web, typeof(DashboardApp).Namespace!);

    [Fact]
    public void Web_HasItsEndpointClasses_SoTheRuleBelowIsNotEmpty() =>
        WebEndpoints.Count.ShouldBeGreaterThanOrEqualTo(15);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public void EndpointClass_ReferencesNoOtherEndpointClass(string endpoint) =>
        Rules.CheckEndpoint(WebEndpoints.Single(e => e.FullName == endpoint), WebEndpoints);
}
