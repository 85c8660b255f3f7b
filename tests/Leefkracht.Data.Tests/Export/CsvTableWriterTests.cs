using System.Globalization;
using System.Text;
using Leefkracht.Data.Export;

namespace Leefkracht.Data.Tests.Export;

public sealed class CsvTableWriterTests
{
    private static readonly ExportTable Table = new("scores", ["code", "name", "population", "deviation", "scored", "missing"],
    [
        ["BU03440111", "Welgelegen, Den Hommel", 1234.5, -0.0102, true, double.NaN],
        ["BU03440112", "Oog \"in\"; Al\nnoord", 20190, null, false, null],
    ]);

    [Fact]
    public void ExcelNl_RoundTripsThroughTheImportersOwnReader_WithSemicolonsAndDecimalCommas()
    {
        // When
        var bytes = CsvTableWriter.ToBytes(Table, CsvDialect.ExcelNl);

        // Then: the byte order mark Excel needs to take the file for UTF-8, then records Dutch Excel splits on ';'
        bytes.AsSpan(0, 3).ToArray().ShouldBe(Encoding.UTF8.Preamble.ToArray());
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        CsvParser.DetectDelimiter(text).ShouldBe(';');
        var records = CsvParser.Records(text, ';').ToList();
        records.Count.ShouldBe(3);
        records.ShouldAllBe(r => !r.UnterminatedQuote && r.Fields.Length == 6);
        records[0].Fields.ShouldBe(["code", "name", "population", "deviation", "scored", "missing"]);
        records[1].Fields.ShouldBe(["BU03440111", "Welgelegen, Den Hommel", "1234,5", "-0,0102", "true", string.Empty]);
        records[2].Fields.ShouldBe(["BU03440112", "Oog \"in\"; Al\nnoord", "20190", string.Empty, "false", string.Empty]);

        // and the numbers read back as the numbers written
        CbsValue.Read(records[1].Fields[2], out var population).ShouldBe(CellKind.Number);
        population.ShouldBe(1234.5);
        CbsValue.Read(records[1].Fields[3], out var deviation).ShouldBe(CellKind.Number);
        deviation.ShouldBe(-0.0102);
    }

    [Fact]
    public void ExcelNl_QuotesOnlyWhatNeedsIt()
    {
        // When
        var text = Encoding.UTF8.GetString(CsvTableWriter.ToBytes(Table, CsvDialect.ExcelNl).AsSpan(3));

        // Then: a comma needs no quotes with ';' as separator; a ';', a quote or a line break does
        text.Split("\r\n")[1].ShouldBe("BU03440111;Welgelegen, Den Hommel;1234,5;-0,0102;true;");
        text.Split("\r\n")[2].ShouldBe("BU03440112;\"Oog \"\"in\"\"; Al\nnoord\";20190;;false;");
    }

    [Fact]
    public void Rfc4180_CommasDecimalPointsNoByteOrderMark()
    {
        // When
        var text = Encoding.UTF8.GetString(CsvTableWriter.ToBytes(Table, CsvDialect.Rfc4180));

        // Then
        text.ShouldBe(
            "code,name,population,deviation,scored,missing\r\n" +
            "BU03440111,\"Welgelegen, Den Hommel\",1234.5,-0.0102,true,\r\n" +
            "BU03440112,\"Oog \"\"in\"\"; Al\nnoord\",20190,,false,\r\n");
        var records = CsvParser.Records(text, ',').ToList();
        records[2].Fields[1].ShouldBe("Oog \"in\"; Al\nnoord");
    }

    [Fact]
    public void Write_ToATextWriter_EndsRecordsWithItsNewLine()
    {
        // Given: a console's writer on Linux
        using var console = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };

        // When
        CsvTableWriter.Write(console, CsvDialect.Rfc4180, Table.Columns, Table.Rows);

        // Then
        console.ToString().ShouldStartWith("code,name,population,deviation,scored,missing\nBU03440111,");
        console.ToString().ShouldNotContain("\r");
    }

    [Theory]
    [InlineData("excel-nl", "excel-nl")]
    [InlineData(" Excel-NL ", "excel-nl")]
    [InlineData("rfc4180", "rfc4180")]
    public void Find_NamesTheDialect(string name, string expected) => CsvDialect.Find(name)!.Name.ShouldBe(expected);

    [Fact]
    public void Find_UnknownName_IsNull() => CsvDialect.Find("excel-de").ShouldBeNull();

    [Fact]
    public void ForReader_DutchReadersGetExcelNl()
    {
        CsvDialect dutch, english;
        using (UiLanguage.Dutch())
        {
            dutch = CsvDialect.ForReader;
        }

        using (UiLanguage.English())
        {
            english = CsvDialect.ForReader;
        }

        (dutch, english).ShouldBe((CsvDialect.ExcelNl, CsvDialect.Rfc4180));
    }
}
