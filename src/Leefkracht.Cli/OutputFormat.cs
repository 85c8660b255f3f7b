using System.Text;
using System.Text.Json;

namespace Leefkracht.Cli;

/// <summary>How a command prints its rows.</summary>
internal enum OutputFormat
{
    Table,
    Csv,
    Json,
}

/// <summary>Writes rows as a Spectre table, RFC 4180 CSV or a JSON array of objects.</summary>
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
                var csv = new StringBuilder();
                csv.AppendLine(string.Join(',', columns.Select(Quote)));
                foreach (var row in rows)
                {
                    csv.AppendLine(string.Join(',', row.Select(cell => Quote(Invariant(cell)))));
                }

                console.Profile.Out.Writer.Write(csv.ToString());
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

    private static string Invariant(object? cell) => cell switch
    {
        null => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? string.Empty,
    };

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
