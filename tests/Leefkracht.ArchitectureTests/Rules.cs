using NetArchTest.Rules;

namespace Leefkracht.ArchitectureTests;

/// <summary>The checks the rules share, so that a rule and its canary run the same code.</summary>
internal static class Rules
{
    /// <summary>Fails with the offending types when any of <paramref name="types"/> depends on a namespace or type starting with one of <paramref name="forbidden"/>.</summary>
    public static void Check(PredicateList types, params string[] forbidden) => Assert(types.ShouldNot().HaveDependencyOnAny(forbidden).GetResult(), forbidden);

    /// <inheritdoc cref="Check(PredicateList, string[])"/>
    public static void Check(Types types, params string[] forbidden) => Assert(types.ShouldNot().HaveDependencyOnAny(forbidden).GetResult(), forbidden);

    /// <summary>The endpoint classes of an assembly's namespace: the static classes whose names end in <c>Api</c>.</summary>
    public static IReadOnlyList<Type> EndpointClasses(System.Reflection.Assembly assembly, string ns) =>
        [.. assembly.GetTypes().Where(t => t is { IsAbstract: true, IsSealed: true, IsNested: false } && t.Name.EndsWith("Api", StringComparison.Ordinal)
            && t.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal)))];

    /// <summary>Fails when <paramref name="endpoint"/> (or a type the compiler made inside it) refers to another of <paramref name="endpoints"/>.</summary>
    public static void CheckEndpoint(Type endpoint, IReadOnlyList<Type> endpoints)
    {
        var others = endpoints.Where(e => e != endpoint).Select(e => e.FullName!).ToArray();
        var result = Types.InAssembly(endpoint.Assembly)
            .That().HaveNameStartingWith(endpoint.Name).And().ResideInNamespace(endpoint.Namespace)
            .ShouldNot().HaveDependencyOnAny(others)
            .GetResult();
        Assert(result, others);
    }

    private static void Assert(NetArchTest.Rules.TestResult result, string[] forbidden) =>
        result.IsSuccessful.ShouldBeTrue($"these types depend on [{string.Join(", ", forbidden)}]: {string.Join(", ", result.FailingTypeNames ?? [])}");
}
