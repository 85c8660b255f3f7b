namespace Leefkracht.Monitor.Validation;

/// <summary>
/// Deterministic folds for leave-whole-gemeenten-out cross-validation: the gemeenten sorted by code (ordinal), fold =
/// rank mod k. No random numbers, so every run and every implementation (the research's Python included) deals the same
/// folds; CBS gemeente codes follow the historical alphabetical order of names, not geography, so neighbouring
/// gemeenten are spread over the folds.
/// </summary>
public static class GemeenteFolds
{
    /// <summary>The fold 0 … <paramref name="folds"/> − 1 of every distinct gemeente code.</summary>
    public static IReadOnlyDictionary<string, int> Assign(IEnumerable<string> gemeenten, int folds)
    {
        ArgumentNullException.ThrowIfNull(gemeenten);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        return gemeenten
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select((code, rank) => (code, rank))
            .ToDictionary(x => x.code, x => x.rank % folds, StringComparer.Ordinal);
    }
}
