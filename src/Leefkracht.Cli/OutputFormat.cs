using System.Text;
using System.Text.Json;
using Leefkracht.Data.Export;

namespace Leefkracht.Cli;

/// <summary>How a command prints its rows.</summary>
internal enum OutputFormat
{
    Table,
    Csv,
    Json,
}

/// <summary>Writes rows as a Spectre table, RFC 4180 CSV (the shared <see cref="CsvTableWriter"/>) or a JSON array of objects.</summary>
internal static class Output
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Option<OutputFormat> FormatOption() => new("--format")
    {
        Description = "table (default), csv or json",
        DefaultValueFactory = _ => OutputFormat.Table,
    };

    /// <summary>
    /// Under a table: each distinct reason why rows have no result, with how often it occurs (a long reason in a
    /// table cell would make the table unreadable).
    /// </summary>
    public static void WriteReasons(IAnsiConsole console, IEnumerable<string?> reasons)
    {
        const int Shown = 10;
        var groups = reasons.OfType<string>().GroupBy(r => r).OrderByDescending(g => g.Count()).ToList();
        foreach (var reason in groups.Take(Shown))
        {
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"* {reason.Count()} × {reason.Key}")));
        }

        if (groups.Count > Shown)
        {
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"* … {groups.Skip(Shown).Sum(g => g.Count())} more with {groups.Count - Shown} other reasons (--format csv lists every reason)")));
        }
    }

    /// <summary>Writes one object as indented JSON.</summary>
    public static void WriteJson(IAnsiConsole console, object value) =>
        console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, Indented));

    public static void Write(IAnsiConsole console, OutputFormat format, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        switch (format)
        {
            case OutputFormat.Csv:
                CsvTableWriter.Write(console.Profile.Out.Writer, CsvDialect.Rfc4180, columns, rows);
                break;
            case OutputFormat.Json:
                var objects = rows.Select(row => columns.Zip(row).ToDictionary(x => x.First, x => x.Second)).ToList();
                console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(objects, Indented));
                break;
            default:
                WriteTable(console, columns, CellTexts(rows));
                break;
        }
    }

    /// <summary>Each cell as the text a table shows (its <see cref="object.ToString"/>, empty for null).</summary>
    private static List<string[]> CellTexts(IEnumerable<IReadOnlyList<object?>> rows)
    {
        var texts = new List<string[]>();
        foreach (var row in rows)
        {
            var cells = new string[row.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i]?.ToString() ?? string.Empty;
            }

            texts.Add(cells);
        }

        return texts;
    }

    /// <summary>
    /// A table when its columns fit the terminal at their natural widths (Spectre knows the width: the terminal's, or
    /// 80 when the output is redirected), else a list: per row its first cell as a heading and every other column as
    /// "name  value" with the value wrapped under itself, so that a long text such as the watchlist's reasons reads as
    /// sentences rather than as a column of word fragments ("procentpun / t naar").
    /// </summary>
    /// <remarks>
    /// Written as plain loops: a list of every buurt is 14,574 rows of a dozen cells, and the LINQ it was written with
    /// ran mostly as unoptimised first-tier code, about 0.2 s of the 0.4 s `score --level buurt` spent on its output
    /// (docs/benchmarks.md, "score under a second").
    /// </remarks>
    private static void WriteTable(IAnsiConsole console, IReadOnlyList<string> columns, List<string[]> rows)
    {
        var width = console.Profile.Width;
        if (NaturalWidth(columns, rows) <= width || columns.Count < 2)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var column in columns)
            {
                table.AddColumn(Markup.Escape(column));
            }

            foreach (var row in rows)
            {
                table.AddRow([.. row.Select(Markup.Escape)]);
            }

            console.Write(table);
            return;
        }

        var heading = HeadingCells(columns.Count, rows);
        var plain = console.Profile.Capabilities.Ansi ? null : new PlainLines(console.Profile.Out.Writer);
        var cells = new List<(string Label, string Value)>(columns.Count);
        foreach (var row in rows)
        {
            var title = string.Join(" · ", row.Take(heading));
            if (plain is not null && title.Length <= width && !title.Contains('\n'))
            {
                plain.Text.Append(title).Append('\n');
            }
            else if (title.Length <= width && !title.Contains('\n'))
            {
                console.Write(title + "\n", new Style(decoration: Decoration.Bold));
            }
            else
            {
                plain?.Flush();
                console.Write(new Paragraph(title, new Style(decoration: Decoration.Bold)));
                console.WriteLine();
            }

            cells.Clear();
            var labelWidth = 0;
            var fitsBeside = true;
            for (var i = heading; i < columns.Count; i++)
            {
                var value = i < row.Length ? row[i] : string.Empty;
                if (value.Length > 0)
                {
                    cells.Add((columns[i], value));
                    labelWidth = Math.Max(labelWidth, columns[i].Length);
                }
            }

            if (cells.Count == 0)
            {
                plain?.Flush();
                console.WriteLine();
                continue;
            }

            foreach (var (_, value) in cells)
            {
                fitsBeside &= !value.Contains('\n') && 2 + labelWidth + 2 + value.Length <= width;
            }

            // Rows whose values all fit beside their labels are written as plain lines: a Spectre grid per row measured
            // and laid out every cell, which took about 3 s of CPU for the 13,748 buurten of `score --level buurt`.
            if (fitsBeside)
            {
                if (plain is not null)
                {
                    // Without colours (redirected output, a pipe, NO_COLOR) the lines go straight to the writer: Spectre
                    // measures every character of every segment, 1.7 s for the 168,000 lines of the buurten's list.
                    foreach (var (label, value) in cells)
                    {
                        plain.Text.Append("  ").Append(label).Append(' ', labelWidth - label.Length).Append("  ").Append(value).Append('\n');
                    }

                    plain.Text.Append('\n');
                    plain.FlushWhenFull();
                    continue;
                }

                foreach (var (label, value) in cells)
                {
                    console.Write("  " + label.PadRight(labelWidth) + "  ", new Style(foreground: Color.Grey));
                    console.Write(value + "\n", Style.Plain);
                }

                console.WriteLine();
                continue;
            }

            // Two spaces between a label and its value, or a long label ("Kans op wegzakken naar zwak of slechter") runs into it.
            plain?.Flush();
            var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadLeft(2).PadRight(2)).AddColumn(new GridColumn());
            foreach (var (label, value) in cells)
            {
                grid.AddRow(new Text(label, new Style(foreground: Color.Grey)), new Text(value));
            }

            console.Write(grid);
            console.WriteLine();
        }

        plain?.Flush();
    }

    /// <summary>The width of the table at its columns' natural widths: the longest line of each column, and the borders.</summary>
    private static int NaturalWidth(IReadOnlyList<string> columns, List<string[]> rows)
    {
        var natural = (3 * columns.Count) + 1;
        for (var i = 0; i < columns.Count; i++)
        {
            var widest = LongestLine(columns[i]);
            foreach (var row in rows)
            {
                if (i < row.Length)
                {
                    widest = Math.Max(widest, LongestLine(row[i]));
                }
            }

            natural += widest;
        }

        return natural;
    }

    /// <summary>The length of the longest line of a text.</summary>
    private static int LongestLine(string text)
    {
        var longest = 0;
        var rest = text.AsSpan();
        for (var end = rest.IndexOf('\n'); end >= 0; end = rest.IndexOf('\n'))
        {
            longest = Math.Max(longest, end);
            rest = rest[(end + 1)..];
        }

        return Math.Max(longest, rest.Length);
    }

    /// <summary>How many cells head a row of a list: its first short cells (a rank, a code, a name), at most three.</summary>
    private static int HeadingCells(int columnCount, List<string[]> rows)
    {
        var heading = 1;
        while (heading < Math.Min(3, columnCount - 1) && rows.TrueForAll(row => heading < row.Length && row[heading].Length <= 40))
        {
            heading++;
        }

        return heading;
    }

    /// <summary>
    /// Lines for a console without colours, collected and written in blocks of about 32,000 characters: a console's
    /// writer flushes every write, and a write per row was 14,574 system calls for the buurten's list.
    /// </summary>
    private sealed class PlainLines(TextWriter writer)
    {
        private const int BlockSize = 32_000;

        public StringBuilder Text { get; } = new(BlockSize + 1_000);

        public void FlushWhenFull()
        {
            if (Text.Length >= BlockSize)
            {
                Flush();
            }
        }

        /// <summary>Writes what was collected; before anything else is written to the console, so that the order holds.</summary>
        public void Flush()
        {
            if (Text.Length > 0)
            {
                writer.Write(Text);
                Text.Clear();
            }
        }
    }
}
