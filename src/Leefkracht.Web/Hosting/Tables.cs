using Leefkracht.Data.Export;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Leefkracht.Web.Hosting;

/// <summary>
/// The web's table downloads: CSV through the shared <see cref="CsvTableWriter"/> in the dialect the request asks
/// for, and Excel workbooks through MiniExcel.
/// </summary>
internal static class Tables
{
    private const string CsvType = "text/csv; charset=utf-8";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The table as a CSV download named <paramref name="name"/>.csv.</summary>
    public static FileContentHttpResult CsvFile(ExportTable table, CsvDialect dialect, string name) =>
        TypedResults.File(CsvTableWriter.ToBytes(table, dialect), CsvType, name + ".csv");

    /// <summary>The table as an Excel download named <paramref name="name"/>.xlsx.</summary>
    public static FileContentHttpResult XlsxFile(ExportTable table, string name) =>
        TypedResults.File(Xlsx(table), XlsxType, name + ".xlsx");

    /// <summary>
    /// One sheet named after the table: a header row, numbers as numbers (non-finite ones and nulls as empty cells),
    /// text as text (never a formula, whatever it starts with).
    /// </summary>
    public static byte[] Xlsx(ExportTable table)
    {
        if (table.Columns.Distinct(StringComparer.Ordinal).Count() != table.Columns.Count)
        {
            throw new ArgumentException($"the columns of sheet '{table.Sheet}' are not unique: {string.Join(", ", table.Columns)}", nameof(table));
        }

        var rows = table.Rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>(table.Columns.Count, StringComparer.Ordinal);
            for (var c = 0; c < table.Columns.Count; c++)
            {
                cells[table.Columns[c]] = row[c] is double d && !double.IsFinite(d) ? null : row[c];
            }

            return cells;
        });
        using var output = new MemoryStream();
        var configuration = new OpenXmlConfiguration { Culture = CultureInfo.InvariantCulture, AutoFilter = false, FastMode = true };
        MiniExcel.SaveAs(output, rows, printHeader: true, sheetName: table.Sheet, excelType: ExcelType.XLSX, configuration: configuration);
        return output.ToArray();
    }

    /// <summary>
    /// Text typed by users goes into spreadsheets: a cell that starts like a formula (= + - @) is prefixed with an
    /// apostrophe so that Excel shows it instead of evaluating it (CSV injection).
    /// </summary>
    public static string? SafeCell(string? text) =>
        text is { Length: > 0 } && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
}
