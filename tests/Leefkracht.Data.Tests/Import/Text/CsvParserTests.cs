namespace Leefkracht.Data.Tests.Import.Text;

public sealed class CsvParserTests
{
    [Fact]
    public void Records_QuotedFieldsWithDelimitersQuotesAndNewlines_AreUnquoted()
    {
        // Given: a Utrecht buurt name with a comma, a doubled quote and a line break inside quotes
        const string Text = "code,name,value\r\nBU03440111,\"Welgelegen, Den Hommel\",1\n\"BU03440112\",\"Oog \"\"in\"\" Al\nnoord\",2\n";

        // When
        var records = CsvParser.Records(Text, ',').ToList();

        // Then
        records.Count.ShouldBe(3);
        records[1].Fields.ShouldBe(["BU03440111", "Welgelegen, Den Hommel", "1"]);
        records[2].Fields.ShouldBe(["BU03440112", "Oog \"in\" Al\nnoord", "2"]);
        records[2].Line.ShouldBe(3);
        records.ShouldAllBe(r => !r.UnterminatedQuote);
    }

    [Fact]
    public void Records_FileEndingInsideQuotes_FlagsTheLastRecord()
    {
        // When
        var records = CsvParser.Records("a,b\n1,\"unfinished", ',').ToList();

        // Then
        records[^1].UnterminatedQuote.ShouldBeTrue();
        records[^1].Line.ShouldBe(2);
    }

    [Fact]
    public void DetectDelimiter_StatLineExportWithPreamble_FindsSemicolon()
    {
        // Given: the preamble lines of a real StatLine export (CBS 85163NED) and its first rows
        var text = TestData.SampleText("amsterdam/cbs_85163NED_ses_woa_amsterdam_2019.csv");

        // Then
        CsvParser.DetectDelimiter(text).ShouldBe(';');
        CsvParser.DetectDelimiter(TestData.SampleText("utrecht/kwb2023_utrecht_GM0344.csv")).ShouldBe(',');
    }

    [Fact]
    public void DetectDelimiter_Prose_IsNotATable()
    {
        CsvParser.DetectDelimiter("Dit is geen tabel.\nMaar een zin.\n").ShouldBeNull();
    }
}
