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

    /// <summary>
    /// The scopes an import of <paramref name="batch"/> changed, sorted: those of a kind of row it inserted or changed
    /// (the counts; equal rows left alone do not count), so that an import that changes nothing invalidates nothing.
    /// Values are followed per period in the batch, boundaries per division year.
    /// </summary>
    internal static IReadOnlyList<string> Changed(StoreBatch batch, int values, int areas, int boundaries, int links, int leefbaarometer)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var scopes = new SortedSet<string>(StringComparer.Ordinal);
        if (values > 0)
        {
            scopes.UnionWith(batch.Observations.Select(o => o.Period).Distinct().Select(Values));
        }

        if (boundaries > 0)
        {
            scopes.UnionWith(batch.Boundaries.Select(b => b.Area.Year).Distinct().Select(Boundaries));
        }

        if (areas > 0)
        {
            scopes.Add(Areas);
        }

        if (links > 0)
        {
            scopes.Add(Crosswalks);
        }

        if (leefbaarometer > 0)
        {
            scopes.Add(Leefbaarometer);
        }

        return [.. scopes];
    }
}
