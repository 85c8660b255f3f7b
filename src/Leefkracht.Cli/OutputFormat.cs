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
                var table = new Table().Border(TableBorder.Rounded);
                foreach (var column in columns)
                {
                    table.AddColumn(Markup.Escape(column));
                }

                foreach (var row in rows)
                {
                    table.AddRow(row.Select(cell => Markup.Escape(cell?.ToString() ?? string.Empty)).ToArray());
                }

                console.Write(table);
                break;
        }
    }
}
