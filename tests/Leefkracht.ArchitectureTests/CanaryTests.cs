using Leefkracht.ArchitectureTests.Canaries.Endpoints;
using NetArchTest.Rules;

namespace Leefkracht.ArchitectureTests;

/// <summary>Every rule, run on a canary that breaks it (Canaries/), fails: the rules can fail.</summary>
public sealed class CanaryTests
{
    private static readonly System.Reflection.Assembly TestAssembly = typeof(CanaryTests).Assembly;

    [Fact]
    public void InputOutputRule_CatchesAFileRead() =>
        Should.Throw<ShouldAssertException>(() => Rules.Check(In("InputOutput"), Projects.InputOutput)).Message.ShouldContain(nameof(Canaries.InputOutput.ReadsAFile));

    [Fact]
    public void AspNetCoreRule_CatchesAnHttpAnswer() =>
        Should.Throw<ShouldAssertException>(() => Rules.Check(In("AspNetCore"), Projects.AspNetCore)).Message.ShouldContain(nameof(Canaries.AspNetCore.AnswersHttp));

    [Fact]
    public void ProjectRule_CatchesACallIntoAnotherProject() =>
        Should.Throw<ShouldAssertException>(() => Rules.Check(In("Layers"), "Leefkracht.Web")).Message.ShouldContain(nameof(Canaries.Layers.CallsTheWebApp));

    [Theory]
    [InlineData(typeof(AsyncCallerApi))]
    [InlineData(typeof(LambdaCallerApi))]
    public void EndpointRule_CatchesAnEndpointCallingAnother(Type caller) =>
        Should.Throw<ShouldAssertException>(() => Rules.CheckEndpoint(caller, Endpoints())).Message.ShouldContain(caller.Name);

    [Fact]
    public void EndpointRule_LetsAnEndpointThatKeepsToItselfPass() =>
        Should.NotThrow(() => Rules.CheckEndpoint(typeof(QuietApi), Endpoints()));

    [Fact]
    public void EndpointClasses_AreTheStaticApiClasses() =>
        Endpoints().Select(e => e.Name).Order(StringComparer.Ordinal).ShouldBe([nameof(AsyncCallerApi), nameof(CalledApi), nameof(LambdaCallerApi), nameof(QuietApi)]);

    private static IReadOnlyList<Type> Endpoints() => Rules.EndpointClasses(TestAssembly, typeof(CalledApi).Namespace!);

    private static PredicateList In(string canary) => Types.InAssembly(TestAssembly).That().ResideInNamespace($"Leefkracht.ArchitectureTests.Canaries.{canary}");
}
