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
                WriteTable(console, columns, [.. rows.Select(row => row.Select(cell => cell?.ToString() ?? string.Empty).ToList())]);
                break;
        }
    }

    /// <summary>
    /// A table when its columns fit the terminal at their natural widths (Spectre knows the width: the terminal's, or
    /// 80 when the output is redirected), else a list: per row its first cell as a heading and every other column as
    /// "name  value" with the value wrapped under itself, so that a long text such as the watchlist's reasons reads as
    /// sentences rather than as a column of word fragments ("procentpun / t naar").
    /// </summary>
    private static void WriteTable(IAnsiConsole console, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        static int Longest(string text) => text.Split('\n').Max(line => line.Length);
        var natural = columns.Select((column, i) => rows.Select(row => i < row.Count ? Longest(row[i]) : 0).Append(Longest(column)).Max()).Sum() + (3 * columns.Count) + 1;
        if (natural <= console.Profile.Width || columns.Count < 2)
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

        // The heading of a row: its first short cells (a rank, a code, a name), at most three.
        var heading = 1;
        while (heading < Math.Min(3, columns.Count - 1) && rows.All(row => heading < row.Count && row[heading].Length <= 40))
        {
            heading++;
        }

        var plain = console.Profile.Capabilities.Ansi ? null : console.Profile.Out.Writer;
        foreach (var row in rows)
        {
            var title = string.Join(" · ", row.Take(heading));
            if (plain is not null && title.Length <= console.Profile.Width && !title.Contains('\n'))
            {
                plain.Write(title + "\n");
            }
            else if (title.Length <= console.Profile.Width && !title.Contains('\n'))
            {
                console.Write(title + "\n", new Style(decoration: Decoration.Bold));
            }
            else
            {
                console.Write(new Paragraph(title, new Style(decoration: Decoration.Bold)));
                console.WriteLine();
            }

            var cells = Enumerable.Range(heading, columns.Count - heading)
                .Select(i => (Label: columns[i], Value: i < row.Count ? row[i] : string.Empty))
                .Where(cell => cell.Value.Length > 0)
                .ToArray();
            if (cells.Length == 0)
            {
                console.WriteLine();
                continue;
            }

            // Rows whose values all fit beside their labels are written as plain lines: a Spectre grid per row measured
            // and laid out every cell, which took about 3 s of CPU for the 13,748 buurten of `score --level buurt`.
            var labelWidth = cells.Max(cell => cell.Label.Length);
            if (cells.All(cell => !cell.Value.Contains('\n') && 2 + labelWidth + 2 + cell.Value.Length <= console.Profile.Width))
            {
                if (plain is not null)
                {
                    // Without colours (redirected output, a pipe, NO_COLOR) the lines go straight to the writer: Spectre
                    // measures every character of every segment, 1.7 s for the 168,000 lines of the buurten's list.
                    var block = new StringBuilder();
                    foreach (var (label, value) in cells)
                    {
                        block.Append("  ").Append(label.PadRight(labelWidth)).Append("  ").Append(value).Append('\n');
                    }

                    plain.Write(block.Append('\n'));
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
            var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadLeft(2).PadRight(2)).AddColumn(new GridColumn());
            for (var i = heading; i < columns.Count; i++)
            {
                var value = i < row.Count ? row[i] : string.Empty;
                if (value.Length > 0)
                {
                    grid.AddRow(new Text(columns[i], new Style(foreground: Color.Grey)), new Text(value));
                }
            }

            console.Write(grid);
            console.WriteLine();
        }
    }
}
