using Leefkracht.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

// Types that break the rules on purpose, each in a namespace of its own: CanaryTests runs every rule on them and
// expects it to fail, so that a rule which cannot fail (a wrong namespace, a dependency it does not see) shows.

namespace Leefkracht.ArchitectureTests.Canaries.InputOutput
{
    /// <summary>Reads a file, as the pure core must not.</summary>
    internal static class ReadsAFile
    {
        public static string Read(string path) => File.ReadAllText(path);
    }
}

namespace Leefkracht.ArchitectureTests.Canaries.AspNetCore
{
    /// <summary>Answers HTTP, as only the web app may.</summary>
    internal static class AnswersHttp
    {
        public static IResult Ok() => Results.Ok();
    }
}

namespace Leefkracht.ArchitectureTests.Canaries.Layers
{
    /// <summary>Calls into the web app, as Data, Monitor and Wijkaanpak must not.</summary>
    internal static class CallsTheWebApp
    {
        public static string Database(IConfiguration configuration) => DashboardApp.DefaultDatabasePath(configuration);
    }
}

namespace Leefkracht.ArchitectureTests.Canaries.Endpoints
{
    /// <summary>An endpoint class that calls another inside an async handler (the call lands in a compiler-made state machine).</summary>
    public static class AsyncCallerApi
    {
        public static async Task<int> GetAsync()
        {
            await Task.Yield();
            return CalledApi.Value();
        }
    }

    /// <summary>An endpoint class that calls another inside a lambda (the call lands in a compiler-made closure class).</summary>
    public static class LambdaCallerApi
    {
        public static Func<int> Handler { get; } = () => CalledApi.Value();
    }

    /// <summary>The endpoint class the others call.</summary>
    public static class CalledApi
    {
        public static int Value() => 1;
    }

    /// <summary>An endpoint class that keeps to itself: the rule lets it pass.</summary>
    public static class QuietApi
    {
        public static int Value() => 2;
    }
}
