namespace Leefkracht.Cli.Tests;

/// <summary>
/// <see cref="Output"/>'s list layout for a console without colours, which collects its plain lines and writes them in
/// blocks: the text is the same as written row by row, in order, also where a row in between goes through Spectre.
/// </summary>
public sealed class OutputTests
{
    private static readonly string[] Columns = ["code", "naam", "score", "klasse", "toelichting"];

    [Fact]
    public void List_TwoRows_HeadingThenLabelledValues()
    {
        // Given two rows too wide for a 60-column console
        IReadOnlyList<object?>[] rows =
        [
            ["BU00140000", "Binnenstad-Noord", 112, "8 zeer goed", "een toelichting die de tabel te breed maakt"],
            ["BU00140001", "Binnenstad-Zuid", "–", "niet gescoord *", null],
        ];

        // When they are written as a table
        var text = Render(60, rows);

        // Then each is a heading with its non-empty values under it, labels padded to the longest
        text.ShouldBe(
            "BU00140000 · Binnenstad-Noord · 112\n" +
            "  klasse       8 zeer goed\n" +
            "  toelichting  een toelichting die de tabel te breed maakt\n" +
            "\n" +
            "BU00140001 · Binnenstad-Zuid · –\n" +
            "  klasse  niet gescoord *\n" +
            "\n");
    }

    [Fact]
    public void List_ManyRowsWithSomeThroughSpectre_IsTheRowsInOrder()
    {
        // Given far more rows than one block of plain lines holds, with now and then a row whose heading is wider than
        // the console (a wrapped Spectre paragraph) or whose value has a line break (a Spectre grid)
        var rows = Enumerable.Range(0, 3_000).Select(Row).ToList();

        // When they are written together
        var together = Render(60, rows);

        // Then the text is each row's own text, in order: nothing was lost, doubled or moved past a Spectre row
        var one = string.Concat(rows.Select(row => Render(60, [row])));
        together.Length.ShouldBeGreaterThan(200_000);
        together.ShouldBe(one);
        together.ShouldContain("  toelichting  regel één die de tabel breed maakt");
        together.ShouldContain("\n               regel twee");
    }

    private static IReadOnlyList<object?> Row(int i) => [
        i % 997 == 5 ? $"BU{i:D8} met een naam die langer is dan de breedte van de console" : $"BU{i:D8}",
        $"Buurt {i}",
        i,
        "7 goed",
        i % 1_009 == 7 ? "regel één die de tabel breed maakt\nregel twee" : $"een toelichting van de rij {i} die de tabel breed maakt"];

    private static string Render(int width, IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        var output = new StringWriter { NewLine = "\n" };
        var console = CliRunner.PlainConsole(output, width);
        Output.Write(console, OutputFormat.Table, Columns, rows);
        return output.ToString();
    }
}
