using System.Diagnostics;

namespace Leefkracht.Cli;

/// <summary>
/// Where a command spends its time: with <c>LEEFKRACHT_TIMINGS=1</c> every <see cref="Mark"/> is written to stderr
/// with the wall time and the process's CPU time since the previous mark (the first mark: since the process started,
/// which is the runtime's own start-up). Off by default, when it costs one flag test per mark.
/// </summary>
/// <remarks>
/// CPU time is given beside wall time because the measurements in docs/benchmarks.md were taken on a shared 2-core
/// machine, where the wall time of a phase says more about the other processes than about the phase.
/// </remarks>
internal static class PhaseTimings
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("LEEFKRACHT_TIMINGS") is { Length: > 0 } value && value != "0";

    private static TimeSpan _lastWall;
    private static TimeSpan _lastCpu;

    /// <summary>Writes the time since the previous mark (or the process start) for the phase that just ended.</summary>
    public static void Mark(string phase)
    {
        if (!Enabled)
        {
            return;
        }

        using var process = Process.GetCurrentProcess();
        // The process start is known to the clock tick (10 ms on Linux): enough for phases of tens of milliseconds.
        var wall = TimeProvider.System.GetUtcNow() - process.StartTime.ToUniversalTime();
        var cpu = Environment.CpuUsage.TotalTime;
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[timings] {phase,-28} wall {(wall - _lastWall).TotalMilliseconds,7:0} ms  cpu {(cpu - _lastCpu).TotalMilliseconds,7:0} ms  (total {wall.TotalMilliseconds:0} / {cpu.TotalMilliseconds:0} ms)"));
        _lastWall = wall;
        _lastCpu = cpu;
    }
}
