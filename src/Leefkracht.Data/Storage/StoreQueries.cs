namespace Leefkracht.Data.Storage;

/// <summary>A filter on areas; every criterion is optional.</summary>
/// <param name="Level">Only this level.</param>
/// <param name="Year">Only this division year.</param>
/// <param name="Within">Only areas within this gemeente or wijk (or the area itself).</param>
/// <param name="NameContains">Only names containing this text (case-insensitive).</param>
public sealed record AreaQuery(AreaLevel? Level = null, int? Year = null, AreaCode? Within = null, string? NameContains = null);

/// <summary>One stored value with its provenance.</summary>
/// <param name="Area">The area (code and division year).</param>
/// <param name="Period">The year the value describes.</param>
/// <param name="IndicatorId">The canonical indicator.</param>
/// <param name="Value">The value.</param>
/// <param name="SourceFile">The file that supplied it.</param>
public sealed record StoredObservation(AreaKey Area, int Period, string IndicatorId, double Value, string SourceFile);

/// <summary>Counts of what is in a store.</summary>
public sealed record StoreSummary(
    int SchemaVersion,
    int Imports,
    IReadOnlyDictionary<(AreaLevel Level, int Year), int> AreasByLevelAndYear,
    IReadOnlyDictionary<int, int> ValuesByPeriod,
    int Boundaries,
    int CrosswalkLinks);

/// <summary>What one store operation wrote.</summary>
/// <param name="Import">The provenance record written.</param>
public sealed record StoreResult(ImportRecord Import);
