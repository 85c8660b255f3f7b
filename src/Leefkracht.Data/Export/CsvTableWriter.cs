using CsvHelper;

namespace Leefkracht.Data.Export;

/// <summary>
/// The one CSV writer of Leefkracht (the CLI's <c>--format csv</c> and the web's downloads): CsvHelper does the
/// quoting (a field with the separator, a quote, CR or LF is quoted, quotes doubled); this class decides what a cell
/// becomes. Numbers stay numbers in the dialect's notation, non-finite numbers and nulls are empty fields.
/// </summary>
public static class CsvTableWriter
{
    /// <summary>The table as the bytes of a file: UTF-8, CRLF line ends, the dialect's byte order mark.</summary>
    public static byte[] ToBytes(ExportTable table, CsvDialect dialect)
    {
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, Options(dialect, "\r\n", dialect.ByteOrderMark), leaveOpen: true))
        {
            Write(csv, table.Columns, table.Rows);
        }

        return output.ToArray();
    }

    /// <summary>Writes the rows as text, each record ending with the writer's own <see cref="TextWriter.NewLine"/> (a console's).</summary>
    public static void Write(TextWriter writer, CsvDialect dialect, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var csv = CsvWriter.Create(writer, Options(dialect, writer.NewLine, byteOrderMark: false), leaveOpen: true);
        Write(csv, columns, rows);
    }

    private static CsvWriterOptions Options(CsvDialect dialect, string newLine, bool byteOrderMark) => CsvWriterOptions.Default with
    {
        Separator = dialect.Separator,
        FormatProvider = dialect.Culture,
        NewLine = newLine,
        WriteByteOrderMark = byteOrderMark,
        TrueValue = "true",
        FalseValue = "false",
    };

    private static void Write(CsvWriter csv, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        csv.WriteHeader([.. columns]);
        foreach (var row in rows)
        {
            foreach (var cell in row)
            {
                csv.WriteField(cell switch
                {
                    double d when !double.IsFinite(d) => null,
                    float f when !float.IsFinite(f) => null,
                    _ => cell,
                });
            }

            csv.EndRecord();
        }
    }
}
