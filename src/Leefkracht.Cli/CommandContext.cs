using Leefkracht.Data.Storage;
using Leefkracht.Wijkaanpak.Storage;

namespace Leefkracht.Cli;

/// <summary>
/// What a command works on, opened one way by every command (<see cref="GlobalOptions.Open"/>): the store that
/// <c>--db</c> / <c>LEEFKRACHT_DB</c> names, opened through the one factory with Leefkracht's whole schema; the
/// monitor over it, made on first use; and the words in the language of <c>--lang</c>.
/// </summary>
internal sealed class CommandContext(IMonitorStore store, Texts texts) : IAsyncDisposable
{
    private MonitorService? _monitor;

    /// <summary>The store.</summary>
    public IMonitorStore Store => store;

    /// <summary>The monitor over the store (one per command, so prepared years are shared within it).</summary>
    public MonitorService Monitor => _monitor ??= new MonitorService(store);

    /// <summary>The words of the command's language.</summary>
    public Texts Texts => texts;

    /// <summary>Opens the store a database setting names.</summary>
    public static CommandContext Open(string setting, CliEnvironment environment, Texts texts) =>
        new(MonitorStores.Open(setting, environment.Clock, WijkaanpakSchema.Database), texts);

    /// <summary>The store, the monitor and the words, for a command that uses them as locals.</summary>
    public void Deconstruct(out IMonitorStore store, out MonitorService monitor, out Texts texts)
    {
        store = Store;
        monitor = Monitor;
        texts = Texts;
    }

    public ValueTask DisposeAsync() => store.DisposeAsync();
}
