

namespace Leefkracht.Web.Monitor;

/// <summary>An area as the API shows it.</summary>
/// <param name="Code">CBS code (GM…, WK…, BU…).</param>
/// <param name="Name">Name in its division.</param>
/// <param name="Level">gemeente, wijk or buurt.</param>
/// <param name="Division">The year of the division the code belongs to.</param>
/// <param name="Gemeente">The gemeente it lies in (null for a gemeente).</param>
/// <param name="Wijk">The wijk it lies in (buurten only).</param>
/// <param name="Alias">In a search: the other name it was found by (a common name, or a gemeente merged into it).</param>
public sealed record AreaDto(string Code, string? Name, string Level, int Division, AreaRefDto? Gemeente, AreaRefDto? Wijk, string? Alias = null);

/// <summary>A reference to another area.</summary>
public sealed record AreaRefDto(string Code, string? Name);

/// <summary>A page of areas.</summary>
/// <param name="Total">How many areas matched (before the limit).</param>
/// <param name="Areas">The areas shown.</param>
public sealed record AreaListDto(int Total, IReadOnlyList<AreaDto> Areas);
