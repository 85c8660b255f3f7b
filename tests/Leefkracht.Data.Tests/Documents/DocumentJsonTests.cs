using System.Collections.Immutable;
using System.Text;
using Leefkracht.Data.Documents;

namespace Leefkracht.Data.Tests.Documents;

public sealed class DocumentJsonTests
{
    [Fact]
    public void Read_FieldsOfTheWrongKind_KeepWhatWasWritten_AndNeverStopTheRead()
    {
        var body = Read("""{ "name": 12, "count": "twelve", "flag": true, "items": { "a": 1 }, "extra": [1], /* a comment */ }""")!;

        body.Name.HasValue.ShouldBeFalse();
        body.Name.Json.ShouldBe("12");
        body.Count.HasValue.ShouldBeFalse();
        body.Count.Json.ShouldBe("\"twelve\"");
        body.Flag.Value.ShouldBeTrue();
        body.Items.HasValue.ShouldBeFalse();
        body.Unknown!.Keys.ShouldBe(["extra"]);
    }

    [Fact]
    public void Read_NullAndAbsent_AreBothMissing()
    {
        var body = Read("""{ "name": null, "items": [ "a", null, 3 ] }""")!;

        body.Name.IsMissing.ShouldBeTrue();
        body.Count.IsMissing.ShouldBeTrue();
        body.Items.Value.Select(i => (i.Value, i.IsMissing)).ShouldBe([("a", false), (null, true), (null, false)]);
    }

    [Fact]
    public void Read_EveryDuplicateField_IsAProblemAtItsPath()
    {
        var exception = Should.Throw<DocumentException>(() => Read("""{ "name": "a", "name": "b", "nested": [ {}, { "x": 1, "x": 2 } ] }"""));

        exception.Problems.Select(p => p.Path).ShouldBe(["$.name", "$.nested[1].x"]);
        exception.Message.ShouldStartWith("t.json is not valid:");
    }

    [Fact]
    public void Checks_NameUnknownFields_WithTheFieldsTheRecordDeclares()
    {
        var checks = new DocumentChecks();

        checks.Unknown(Read("""{ "nmae": "x" }""")!, "$.thing");

        checks.Problems.ShouldBe([new DocumentProblem("$.thing.nmae", "onbekend veld (bekende velden: name, count, flag, items)", "Document.Unknown")]);
    }

    [Fact]
    public void Checks_WholeNumber_SaysWhatItFound()
    {
        var checks = new DocumentChecks();
        var body = Read("""{ "count": 2.5 }""")!;

        checks.WholeNumber(body.Count, "$.count", null, 1, 10).ShouldBe(1);
        checks.WholeNumber(body.Flag.IsMissing ? default : body.Count, "$.flag", 7, 1, 10).ShouldBe(7);

        checks.Problems.ShouldBe([new DocumentProblem("$.count", "hier hoort een geheel getal van 1 tot en met 10 te staan, maar er staat 2.5", "Document.WholeNumberFound")]);
    }

    [Fact]
    public void Checks_WordTheirProblemsInTheUsersLanguage_WithTheSameCode()
    {
        var body = Read("""{ "count": 2.5, "nmae": "x" }""")!;
        DocumentProblem[] Check()
        {
            var checks = new DocumentChecks();
            checks.WholeNumber(body.Count, "$.count", null, 1, 10);
            checks.Text(body.Name, "$.name");
            checks.Unknown(body, "$");
            return [.. checks.Problems];
        }

        var dutch = Check();
        DocumentProblem[] english;
        using (UiLanguage.English())
        {
            english = Check();
        }

        english.ShouldBe([
            new DocumentProblem("$.count", "a whole number from 1 to 10 is required, found 2.5", "Document.WholeNumberFound"),
            new DocumentProblem("$.name", "a non-empty string is required", "Document.Text"),
            new DocumentProblem("$.nmae", "unknown field (expected one of name, count, flag, items)", "Document.Unknown"),
        ]);
        dutch.Select(p => p.Message).ShouldBe([
            "hier hoort een geheel getal van 1 tot en met 10 te staan, maar er staat 2.5",
            "hier hoort een tekst te staan",
            "onbekend veld (bekende velden: name, count, flag, items)",
        ]);
        dutch.Select(p => p.Code).ShouldBe(english.Select(p => p.Code));
    }

    private static TestBody? Read(string json) => DocumentJson.Read<TestBody>(Encoding.UTF8.GetBytes(json), "t.json", "t.json is not valid:");

    internal sealed record TestBody(Field<string> Name, Field<double> Count, Field<bool> Flag, Field<ImmutableArray<Field<string>>> Items) : DocumentBody;
}
