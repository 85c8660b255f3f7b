

namespace Leefkracht.Web.Monitor;

/// <summary>Global Moran's I of a variable.</summary>
public sealed record MoranDto(string Variable, int Year, string Level, int Areas, int BoundaryYear, string Weights, double I, double Expected, double ZRandomisation, double PRandomisation, int Permutations, double? PPermutation);

/// <summary>Local statistics per area (LISA or Gi*).</summary>
public sealed record LocalStatisticsDto(string Variable, string Statistic, int Year, string Level, int BoundaryYear, string Weights, int Permutations, double Alpha, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<LocalRowDto> Areas);

/// <summary>One area's local statistic.</summary>
/// <param name="Code">Area code.</param>
/// <param name="Name">Name.</param>
/// <param name="Value">The variable's value.</param>
/// <param name="Statistic">Local I or G*.</param>
/// <param name="Z">Standardised statistic.</param>
/// <param name="P">Permutation p-value.</param>
/// <param name="Q">FDR-adjusted p-value.</param>
/// <param name="Category">HH, LL, HL, LH, ns, island (LISA) or hot, cold, ns, island (Gi*).</param>
public sealed record LocalRowDto(string Code, string? Name, double Value, double Statistic, double? Z, double? P, double? Q, string Category);
