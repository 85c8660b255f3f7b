namespace Leefkracht.Core.Indicators;

/// <summary>A column name that maps to a canonical indicator, with the factor that converts its values.</summary>
/// <param name="Name">The column name as it appears in a source file.</param>
/// <param name="IndicatorId">The canonical indicator.</param>
/// <param name="Scale">Multiplier from the column's unit to the indicator's unit (1 for most columns).</param>
public sealed record ColumnAlias(string Name, string IndicatorId, double Scale = 1.0);
