using System.IO.Compression;
using Leefkracht.Data.Export;
using Leefkracht.Web.Hosting;

namespace Leefkracht.Web.Tests;

public sealed class TablesTests
{
    [Fact]
    public void Xlsx_OpenedByTheLibrary_HasTheSheetHeaderAndEveryCellAsWritten()
    {
        // Given: numbers of every kind, text that looks like a formula (defused and not), a missing value and NaN
        var table = new ExportTable("watchlist", ["code", "risk", "count", "share", "note", "corporatiebuurt"],
        [
            ["BU03440111", 0.8125, 12, 1234.5, Tables.SafeCell("=HYPERLINK(\"http://x\")"), "ja"],
            ["BU03440112", double.NaN, 0, -0.0102, "=1+1", null],
        ]);

        // When
        var xlsx = Tables.Xlsx(table);
        var sheet = Workbook.Read(xlsx);

        // Then
        sheet.Name.ShouldBe("watchlist");
        sheet.Rows.Count.ShouldBe(3);
        sheet.Rows[0].ShouldBe(["code", "risk", "count", "share", "note", "corporatiebuurt"]);
        sheet.Rows[1].ShouldBe(["BU03440111", 0.8125, 12d, 1234.5, "'=HYPERLINK(\"http://x\")", "ja"]);
        sheet.Rows[2].ShouldBe(["BU03440112", null, 0d, -0.0102, "=1+1", null]);

        // and text is never written as a formula
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).ShouldAllBe(e => !Read(e).Contains("<x:f>") && !Read(e).Contains("<f>"));
    }

    [Fact]
    public void Xlsx_ColumnsThatAreNotUnique_AreRefused() =>
        Should.Throw<ArgumentException>(() => Tables.Xlsx(new ExportTable("x", ["a", "a"], [[1, 2]]))).Message.ShouldContain("not unique");

    private static string Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
