namespace Leefkracht.Core.Indicators;

/// <summary>A column name that maps to a canonical indicator, with the factor that converts its values.</summary>
/// <param name="Name">The column name as it appears in a source file.</param>
/// <param name="IndicatorId">The canonical indicator.</param>
/// <param name="Scale">Multiplier from the column's unit to the indicator's unit (1 for most columns).</param>
/// <param name="ZeroMeansMissing">
/// Whether the source writes 0 for a figure it does not have (ELAN does, for whole years and for suppressed small
/// numbers), so that a 0 must be read as missing rather than as a real zero.
/// </param>
public sealed record ColumnAlias(string Name, string IndicatorId, double Scale = 1.0, bool ZeroMeansMissing = false);
