

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
    string Caveat);

/// <summary>An id and its name.</summary>
public sealed record NamedDto(string Id, string Name);

/// <summary>An indicator of the catalog.</summary>
public sealed record IndicatorDto(string Id, string Name, string Unit, string Theme, string? Dimension, string Direction, string Source, IReadOnlyList<int> Years);

/// <summary>One import and its provenance.</summary>
public sealed record ImportDto(long Id, string File, string Sha256, string Kind, string Shape, DateTimeOffset ImportedAt, long SizeBytes, int RowsRead, int RowsStored, int RowsRejected, int AreasStored, int ValuesStored, int BoundariesStored, int LinksStored, int Errors, int Warnings);

/// <summary>What the database holds.</summary>
public sealed record DataSummaryDto(string Version, int Imports, int Areas, int Values, int Boundaries, int CrosswalkLinks, IReadOnlyList<ImportDto> Files);
