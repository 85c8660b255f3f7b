using Leefkracht.Core.Indices;
using Leefkracht.Data.Documents;
using Leefkracht.Monitor.Models;

namespace Leefkracht.Cli;

/// <summary>The options the monitor commands share: year, model and reference.</summary>
internal sealed class MonitorOptions
{
    public Option<int?> Year { get; } = new("--year") { Description = "Year of the data (default: the latest year with inhabitants)" };

    public Option<string?> Model { get; } = new("--model") { Description = "Weight model: a shipped model id (leefkracht-lbm-calibrated, the default; leefkracht-default, the hand-set model) or a model file" };

    public Option<string?> Reference { get; } = new("--reference")
    {
        Description = "What scores are compared with: national (default: all buurten of the year), a gemeente (GM0344), a fixed base year (2016) or both (2016:GM0917)",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Year);
        command.Options.Add(Model);
        command.Options.Add(Reference);
    }

    /// <summary>Reads the model and reference options; on a problem writes it to stderr and returns null.</summary>
    public async Task<(LivabilityModel Model, ReferenceChoice Reference)?> ReadAsync(ParseResult result, CliEnvironment environment)
    {
        LivabilityModel model;
        try
        {
            model = result.GetValue(Model) is { } path ? ModelDocument.Resolve(path) : ModelDocument.Default;
        }
        catch (Exception exception) when (exception is DocumentException or IOException or UnauthorizedAccessException)
        {
            await environment.Error.WriteLineAsync(FileOutput.ReadFailure(exception, result.GetValue(Model))).ConfigureAwait(false);
            return null;
        }

        if (!ReferenceChoice.TryParse(result.GetValue(Reference), out var reference, out var error))
        {
            await environment.Error.WriteLineAsync($"--reference: {error}").ConfigureAwait(false);
            return null;
        }

        return (model, reference);
    }

    /// <summary>The requested year, or the latest year with values; null (with a message) when the database is empty.</summary>
    public async Task<int?> YearAsync(ParseResult result, CliEnvironment environment, MonitorService monitor, CancellationToken cancellationToken)
    {
        if (result.GetValue(Year) is { } year)
        {
            return year;
        }

        var latest = await monitor.DefaultYearAsync(cancellationToken).ConfigureAwait(false);
        if (latest is null)
        {
            await environment.Error.WriteLineAsync(Texts.Instance["no_inhabited_year"]).ConfigureAwait(false);
            return null;
        }

        return latest;
    }

    /// <summary>Parses a level name (gemeente, wijk, buurt).</summary>
    public static AreaLevel? ParseLevel(string? text) =>
        text is not null && Enum.TryParse<AreaLevel>(text, ignoreCase: true, out var level) && !int.TryParse(text, out _) ? level : null;
}
