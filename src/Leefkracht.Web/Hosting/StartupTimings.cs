using System.Diagnostics;

namespace Leefkracht.Web.Hosting;

/// <summary>
/// Where a fresh server's first answers spend their time: with <c>LEEFKRACHT_TIMINGS=1</c> (as the CLI's phase timings)
/// every <see cref="Mark"/> writes to stderr the wall time since the process started, the process's CPU time so far and
/// the thread, for the start-up, the warm-up's steps and an area request's steps. Off by default, when a mark costs one
/// flag test. docs/benchmarks.md, "First profile after a restart", was measured with it.
/// </summary>
/// <remarks>
/// Times since the process start rather than per step, because the warm-up and the first request run at once: the
/// lines of both, in order, show which one waited for the other. CPU time is the whole process's, the only honest
/// figure on a shared machine where the wall time of a step says more about the other processes than about the step.
/// </remarks>
internal static class StartupTimings
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("LEEFKRACHT_TIMINGS") is { Length: > 0 } value && value != "0";

    private static readonly DateTimeOffset ProcessStart = Enabled ? Process.GetCurrentProcess().StartTime.ToUniversalTime() : default;

    /// <summary>Writes that <paramref name="step"/> is done, with the wall and CPU time since the process started.</summary>
    public static void Mark(string step)
    {
        if (!Enabled)
        {
            return;
        }

        var wall = TimeProvider.System.GetUtcNow() - ProcessStart;
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[startup] {wall.TotalMilliseconds,7:0} ms  cpu {Environment.CpuUsage.TotalTime.TotalMilliseconds,6:0} ms  thread {Environment.CurrentManagedThreadId,-3} {step}"));
    }
}
