namespace Leefkracht.Data.Export;

/// <summary>A table to export: a sheet name, column names and rows of cells (text, a number, a boolean or empty).</summary>
/// <param name="Sheet">The name of the sheet in a workbook.</param>
/// <param name="Columns">The header row.</param>
/// <param name="Rows">The rows; each as long as <paramref name="Columns"/>.</param>
public sealed record ExportTable(string Sheet, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
