namespace Leefkracht.Data.Storage;

/// <summary>
/// The parts of the data a stored result can depend on, each with its own version (<see
/// cref="IMonitorStore.DataVersionAsync(IReadOnlyCollection{string}, CancellationToken)"/>): an import changes the
/// version of the parts it wrote and deletes the results that depend on them, and leaves the others (an import of 2023
/// keeps the prepared year 2024; a boundary import keeps every score).
/// </summary>
public static class DataScopes
{
    /// <summary>The observations (indicator values) of one period.</summary>
    public static string Values(int period) => string.Create(CultureInfo.InvariantCulture, $"values:{period}");

    /// <summary>The boundaries of one division year.</summary>
    public static string Boundaries(int divisionYear) => string.Create(CultureInfo.InvariantCulture, $"boundaries:{divisionYear}");

    /// <summary>The areas and their names, of every division.</summary>
    public const string Areas = "areas";

    /// <summary>The crosswalks between divisions.</summary>
    public const string Crosswalks = "crosswalks";

    /// <summary>The official Leefbaarometer scores and the postcode crosswalks they come with.</summary>
    public const string Leefbaarometer = "leefbaarometer";

    /// <summary>The scopes an import of <paramref name="batch"/> writes to, sorted.</summary>
    public static IReadOnlyList<string> Of(StoreBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var scopes = new SortedSet<string>(StringComparer.Ordinal);
        scopes.UnionWith(batch.Observations.Select(o => o.Period).Distinct().Select(Values));
        scopes.UnionWith(batch.Boundaries.Select(b => b.Area.Year).Distinct().Select(Boundaries));
        if (batch.Areas.Count > 0)
        {
            scopes.Add(Areas);
        }

        if (batch.CrosswalkLinks.Count > 0)
        {
            scopes.Add(Crosswalks);
        }

        if (batch.Leefbaarometer is not null || batch.PostcodeLinks is { Count: > 0 })
        {
            scopes.Add(Leefbaarometer);
        }

        return [.. scopes];
    }
}
