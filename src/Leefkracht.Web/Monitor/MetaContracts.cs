

namespace Leefkracht.Web.Monitor;

/// <summary>What the dashboard needs to start: years, levels, dimensions, indicators and class names.</summary>
public sealed record MetaDto(
    IReadOnlyList<int> Years,
    int? DefaultYear,
    IReadOnlyList<string> Levels,
    IReadOnlyList<NamedDto> Dimensions,
    IReadOnlyList<IndicatorDto> Indicators,
    IReadOnlyList<string> Classes,
    IReadOnlyList<string> ChangeClasses,
    IReadOnlyList<string> ResilienceClasses,
    string Model,
    string Caveat,
    BaseMapDto BaseMap);

/// <summary>An id and its name.</summary>
public sealed record NamedDto(string Id, string Name);

/// <summary>An indicator of the catalog.</summary>
public sealed record IndicatorDto(string Id, string Name, string Unit, string Theme, string? Dimension, string Direction, string Source, IReadOnlyList<int> Years);

/// <summary>One import and its provenance.</summary>
public sealed record ImportDto(long Id, string File, string Sha256, string Kind, string Shape, DateTimeOffset ImportedAt, long SizeBytes, int RowsRead, int RowsStored, int RowsRejected, int AreasStored, int ValuesStored, int BoundariesStored, int LinksStored, int Errors, int Warnings);

/// <summary>What the database holds.</summary>
public sealed record DataSummaryDto(string Version, int Imports, int Areas, int Values, int Boundaries, int CrosswalkLinks, IReadOnlyList<ImportDto> Files);

/// <summary>The indicator catalogue (like StatLine's metadata): what each indicator is, where it comes from, and for which years and levels the store has it.</summary>
/// <param name="Year">The year the coverage is counted in.</param>
/// <param name="Indicators">Every indicator with values, by theme and name.</param>
public sealed record CatalogueDto(int Year, IReadOnlyList<CatalogueEntryDto> Indicators);

/// <summary>One indicator of the catalogue.</summary>
/// <param name="Id">The catalog id.</param>
/// <param name="Name">Its name in the user's language.</param>
/// <param name="Unit">The unit of its values (percent, count, …).</param>
/// <param name="Theme">The CBS theme.</param>
/// <param name="Dimension">The livability dimension it counts in, if any.</param>
/// <param name="Direction">HigherIsBetter, HigherIsWorse or Neutral.</param>
/// <param name="Source">Publisher and table.</param>
/// <param name="SourceUrl">Where the publisher describes the figures, if known.</param>
/// <param name="KwbCode">The variable's code in CBS's kwb files.</param>
/// <param name="Years">Every year with values.</param>
/// <param name="Levels">Per level, how many areas of <see cref="CatalogueDto.Year"/> have a value.</param>
/// <param name="Definition">What it measures, in the user's language (<see cref="IndicatorDefinitions"/>).</param>
public sealed record CatalogueEntryDto(string Id, string Name, string Unit, string Theme, string? Dimension, string Direction, string Source, string? SourceUrl, string? KwbCode, IReadOnlyList<int> Years, IReadOnlyList<LevelCoverageDto> Levels, string? Definition = null);

/// <summary>How many areas of a level have a value.</summary>
public sealed record LevelCoverageDto(string Level, int WithValue, int Areas, double Coverage);
