using System.IO.Compression;
using System.Text;

namespace Leefkracht.Data.Tests.Import;

/// <summary>
/// Bad and hostile files are refused by limits while they are read, not by running out of memory (issue 18, finding 3);
/// UTF-16 files are read. The bombs are small and generated here; the limits are set low through
/// <see cref="ImportOptions.Limits"/>, as <c>--max-file-mb</c>, <c>--max-line-kb</c> and <c>--max-ratio</c> do.
/// </summary>
public sealed class ImportLimitsTests : StoreAndFolderTest
{
    private static readonly ImportLimits Low = new() { MaxBytes = 4L << 20, MaxLineBytes = 64 << 10, MaxRatio = 50, RatioCheckedFromBytes = 1 << 20 };

    [Fact]
    public async Task AGzipBombOfOneEndlessLine_IsRejectedAtTheLineLimit_AndChangesNothing()
    {
        // Given 3 MB of one line in a gzip file of a few kilobytes
        var path = Gzip("bomb_line.csv.gz", Encoding.ASCII.GetBytes("area_code;"), 'x', 3 << 20, newlineEvery: 0);
        await using var store = Store.Open();
        var before = Store.Snapshot();

        // When
        var report = (await Stores.ImportAsync(store, new ImportOptions { Limits = Low }, path)).Single();

        // Then
        report.Outcome.ShouldBe(ImportOutcome.Rejected);
        report.Summary.ShouldBe("regel 1 is langer dan 64 KB, de langste tabelregel die wordt aangenomen. Klopt het bestand, verhoog de grens dan met --max-line-kb.");
        report.File.ShouldBe("bomb_line.csv.gz");
        Store.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void AGzipBombOfShortLines_IsRejectedByItsExpansion()
    {
        // 3 MB of short lines compress about 500 times
        var path = Gzip("bomb_lines.csv.gz", Encoding.ASCII.GetBytes("a;b\n"), '1', 3 << 20, newlineEvery: 40);

        var error = Should.Throw<InvalidDataException>(() => SourceFile.Read(path, Low));

        error.Message.ShouldStartWith(path + ": wordt bij het uitpakken meer dan 50 keer zo groot (");
        error.Message.ShouldEndWith("dat is een zipbom, geen gegevensbestand. Klopt het bestand, verhoog de grens dan met --max-ratio.");
    }

    [Fact]
    public void AFileLargerThanTheLimit_IsRejectedBeforeItIsRead_AndAGzipOneWhileItExpands()
    {
        var plain = Folder.Write("large.csv", "a;b\n" + string.Concat(Enumerable.Repeat("1;2\n", 1_200_000)));
        var packed = Gzip("large.csv.gz", Encoding.ASCII.GetBytes("a;b\n"), '1', 5 << 20, newlineEvery: 40);
        var noRatio = Low with { MaxRatio = int.MaxValue };

        Should.Throw<InvalidDataException>(() => SourceFile.Read(plain, Low)).Message
            .ShouldBe($"{plain}: groter dan 4 MB (uitgepakt), het grootste bestand dat wordt aangenomen. Klopt het bestand, verhoog de grens dan met --max-file-mb.");
        Should.Throw<InvalidDataException>(() => SourceFile.Read(packed, noRatio)).Message.ShouldEndWith("verhoog de grens dan met --max-file-mb.");
        SourceFile.Read(packed, noRatio with { MaxBytes = 8L << 20 }).Content.Length.ShouldBe((5 << 20) + 4);
    }

    [Fact]
    public void GeoJsonOnOneLine_IsNotHeldToTheLineLimit()
    {
        var json = "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(',', Enumerable.Repeat("{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}", 5000)) + "]}";
        var path = Folder.Write("one_line.geojson", json);

        SourceFile.Read(path, Low).Content.Length.ShouldBe(json.Length);
    }

    [Fact]
    public async Task ATableLineWithMoreFieldsThanTheLimit_IsRejectedNamingTheLineAndTheOption_AndChangesNothing()
    {
        // Given the sample's KWB table with a last line of 501 fields (a line of delimiters would otherwise become a
        // million fields), under a limit of 500
        var path = Folder.Write("kwb2023_wide_GM0344.csv", TestData.SampleText("utrecht/kwb2023_utrecht_GM0344.csv").TrimEnd() + "\n" + string.Join(',', Enumerable.Repeat("1", 501)) + "\n");
        await using var store = Store.Open();
        var before = Store.Snapshot();

        // When
        var refused = (await Stores.ImportAsync(store, new ImportOptions { Limits = Low with { MaxFields = 500 } }, path)).Single();

        // Then
        refused.Outcome.ShouldBe(ImportOutcome.Rejected);
        refused.Issues.ShouldContain(i => i.Code == "Import.TooManyFields" && i.Reason == "regel 124 heeft 501 velden, meer dan 500, het hoogste aantal dat een tabelregel mag hebben. Is het bestand goed, verhoog de grens dan met --max-fields.");
        Store.Snapshot().ShouldBe(before);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task JsonNestedDeeperThanTheLimit_IsRejectedNamingTheLimitAndTheOption_AndChangesNothing(bool typeFirst)
    {
        // Given a GeoJSON file whose properties nest 80 levels (whether its type comes first decides whether the detector
        // or the reader meets the nesting)
        var deep = new string('[', 80) + new string(']', 80);
        var feature = "{\"type\":\"Feature\",\"properties\":{\"deep\":" + deep + "},\"geometry\":null}";
        var json = typeFirst
            ? "{\"type\":\"FeatureCollection\",\"features\":[" + feature + "]}"
            : "{\"features\":[" + feature + "],\"type\":\"FeatureCollection\"}";
        var path = Folder.Write($"deep_{typeFirst}.geojson", json);
        await using var store = Store.Open();
        var before = Store.Snapshot();

        // When it is imported with the default limit, and with one raised above its nesting
        var refused = (await Stores.ImportAsync(store, new ImportOptions { Limits = Low }, path)).Single();
        var raised = (await Stores.ImportAsync(store, new ImportOptions { Limits = Low with { MaxJsonDepth = 100 } }, path)).Single();

        // Then the first is refused for its depth, the second not (whatever else it lacks)
        refused.Outcome.ShouldBe(ImportOutcome.Rejected);
        refused.Issues.ShouldContain(i => i.Reason.EndsWith("dieper genest dan 64 niveaus, de diepste JSON die wordt aangenomen. Klopt het bestand, verhoog de grens dan met --max-depth.", StringComparison.Ordinal));
        raised.Issues.ShouldNotContain(i => i.Reason.Contains("--max-depth", StringComparison.Ordinal));
        Store.Snapshot().ShouldBe(before);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AUtf16TableWithAByteOrderMark_IsReadLikeItsUtf8Original(bool bigEndian)
    {
        // Given the sample's KWB table, as Excel saves it in "Unicode text"
        var text = TestData.SampleText("utrecht/kwb2023_utrecht_GM0344.csv");
        var original = Folder.Write("kwb2023_utf8_GM0344.csv", text);
        var unicode = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var utf16 = Folder.File("kwb2023_utf16_GM0344.csv");
        await File.WriteAllBytesAsync(utf16, [.. unicode.Preamble, .. unicode.GetBytes(text)], TestContext.Current.CancellationToken);

        // When both are imported into stores of their own
        var fromUtf8 = await ImportIntoNewStore(original);
        var fromUtf16 = await ImportIntoNewStore(utf16);

        // Then they store the same
        fromUtf16.Report.Outcome.ShouldBe(ImportOutcome.Stored, fromUtf16.Report.Summary);
        fromUtf16.Report.Errors.ShouldBe(0);
        fromUtf16.Report.ValuesStored.ShouldBe(fromUtf8.Report.ValuesStored);
        fromUtf16.Report.AreasStored.ShouldBe(122);
        fromUtf16.Snapshot.ShouldBe(fromUtf8.Snapshot);
    }

    private static async Task<(ImportReport Report, string Snapshot)> ImportIntoNewStore(string path)
    {
        using var target = TestStore.Create();
        await using var store = target.Open();
        var report = (await Stores.ImportAsync(store, path)).Single();
        return (report, target.Snapshot("imports"));
    }

    /// <summary>A gzip file of <paramref name="head"/> and <paramref name="length"/> times <paramref name="fill"/>, a newline after every <paramref name="newlineEvery"/> (0: none), written as it is compressed.</summary>
    private string Gzip(string name, byte[] head, char fill, int length, int newlineEvery)
    {
        var path = Folder.File(name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        gzip.Write(head);
        var block = new byte[newlineEvery > 0 ? newlineEvery : 1 << 16];
        Array.Fill(block, (byte)fill);
        if (newlineEvery > 0)
        {
            block[^1] = (byte)'\n';
        }

        for (var written = 0; written < length; written += block.Length)
        {
            gzip.Write(block, 0, Math.Min(block.Length, length - written));
        }

        return path;
    }
}
