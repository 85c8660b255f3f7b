using System.Text;
using Leefkracht.Core.Planner;
using Leefkracht.Data.Documents;

namespace Leefkracht.Monitor.Tests.Planner;

public sealed class ScenarioDocumentTests
{
    private static ScenarioSpec Parse(string json) => ScenarioDocument.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json");

    [Theory]
    [InlineData("baseline.json")]
    [InlineData("placements-vacancies.json")]
    [InlineData("placements-optimised.json")]
    [InlineData("midrent-weakest.json")]
    public void Read_TheWorkedExampleFiles_AreValid(string file)
    {
        var spec = ScenarioDocument.Read(Path.Combine(TestData.RepositoryRoot, "docs", "planner", file));

        spec.BaseYear.ShouldBe(2023);
        spec.Gemeenten.Select(g => g.Value).ShouldBe(["GM0344"]);
    }

    [Fact]
    public void ParametersDocument_ReadsBackAsTheSameParameters()
    {
        // Given parameters that differ from the defaults in every field
        var parameters = new PlannerParameters([0.08, 0.11, 0.2, 0.04], [1.0, 0.5, 0.25, 0.05], 0.4, 0.2, 0.5);

        // When they are written in the document shape (what the planner page starts from) and read back
        var document = new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = "x",
            ["baseYear"] = 2023,
            ["area"] = new System.Text.Json.Nodes.JsonObject { ["gemeenten"] = new System.Text.Json.Nodes.JsonArray("GM0344") },
            ["parameters"] = PlannerJson.ParametersDocument(parameters),
        };
        var spec = Parse(document.ToJsonString());

        // Then nothing is lost or moved between segments
        spec.Parameters.Turnover.ShouldBe(parameters.Turnover);
        spec.Parameters.RelativeVulnerability.ShouldBe(parameters.RelativeVulnerability);
        spec.Parameters.MidRentShareOfOtherRent.ShouldBe(0.4);
        spec.Parameters.TippingShare.ShouldBe(0.2);
        spec.Parameters.InflowFeedback.ShouldBe(0.5);
        PlannerJson.ParametersDocument(PlannerParameters.Default)["turnover"]!["privateRent"]!.GetValue<double>().ShouldBe(0.15);
    }

    [Fact]
    public void Parse_MidRentFile_SplitsNothingYetButKeepsTheSelector()
    {
        var spec = ScenarioDocument.Read(Path.Combine(TestData.RepositoryRoot, "docs", "planner", "midrent-weakest.json"));

        var build = spec.Stock.ShouldHaveSingleItem();
        build.Kind.ShouldBe(StockChangeKind.Build);
        build.Segment.ShouldBe(Segment.MidRent);
        build.Where.Weakest.ShouldBe(3);
        build.OverYears.ShouldBe(2);
    }

    private const string InvalidScenario = """
        {
          "name": "",
          "baseYear": 2023,
          "years": 0,
          "area": { "gemeenten": ["BU03440111"], "wijken": [] },
          "parameters": { "turnover": { "socialRent": 1.5, "middleRent": 0.1 } },
          "rules": { "maxPlacementShare": 2 },
          "stock": [
            { "action": "paint", "segment": "socialRent", "dwellings": -5, "year": 2020 },
            { "action": "convert", "segment": "socialRent", "to": "socialRent", "dwellings": 10, "year": 2025, "buurten": ["BU03440111"], "weakest": 2 }
          ],
          "placements": [ { "group": "students", "perYear": 10, "allocation": "explicit" } ]
        }
        """;

    [Fact]
    public void Parse_InvalidFile_ReportsEveryProblemWithItsPath_InDutch()
    {
        var exception = Should.Throw<DocumentException>(() => Parse(InvalidScenario));

        exception.Message.ShouldBe("""
            test.json is geen geldig scenario:
              $.name: hier hoort een tekst te staan
              $.years: hier hoort een geheel getal van 1 tot en met 50 te staan, maar er staat 0
              $.area.wijken: onbekend veld (bekende velden: gemeenten, buurten)
              $.area.gemeenten[0]: BU03440111 is een buurt; hier hoort een gemeente
              $.area: noem minstens één gemeente of buurt
              $.parameters.turnover.middleRent: onbekend veld (bekende velden: socialRent, midRent, privateRent, ownerOccupied)
              $.parameters.turnover.socialRent: moet tussen 0 en 1 liggen
              $.rules.maxPlacementShare: moet tussen 0 en 1 liggen, maar is 2
              $.stock[0].action: 'paint' kan hier niet; kies uit build, demolish, convert, sell
              $.stock[0].dwellings: hier hoort een geheel getal van 1 tot en met 1000000 te staan, maar er staat -5
              $.stock[0].year: hier hoort een geheel getal van 2024 tot en met 2033 te staan, maar er staat 2020
              $.stock[1].to: een omzetting (convert) heeft een ander doelsegment nodig dan "socialRent"
              $.stock[1]: geef "buurten" of "weakest", niet allebei
              $.placements[0].group: 'students' kan hier niet; kies uit ggz, shelter, statushouder
              $.placements[0].explicit: bij "allocation": "explicit" hoort hier een object met buurtcodes en het aantal plaatsingen per jaar
              $.placements[0].perYear: moet gelijk zijn aan de som van "explicit" (0), of laat het weg
            """.ReplaceLineEndings());
    }

    [Fact]
    public void Parse_InvalidFile_InEnglish_SaysTheSameWithTheSameCodes()
    {
        var dutch = Should.Throw<DocumentException>(() => Parse(InvalidScenario)).Problems;
        DocumentException exception;
        using (UiLanguage.English())
        {
            exception = Should.Throw<DocumentException>(() => Parse(InvalidScenario));
        }

        exception.Message.ShouldBe("""
            test.json is not a valid scenario:
              $.name: a non-empty string is required
              $.years: a whole number from 1 to 50 is required, found 0
              $.area.wijken: unknown field (expected one of gemeenten, buurten)
              $.area.gemeenten[0]: BU03440111 is a buurt, a gemeente is required
              $.area: at least one gemeente or buurt is required
              $.parameters.turnover.middleRent: unknown field (expected one of socialRent, midRent, privateRent, ownerOccupied)
              $.parameters.turnover.socialRent: must lie between 0 and 1
              $.rules.maxPlacementShare: must lie between 0 and 1, found 2
              $.stock[0].action: 'paint' is not one of build, demolish, convert, sell
              $.stock[0].dwellings: a whole number from 1 to 1000000 is required, found -5
              $.stock[0].year: a whole number from 2024 to 2033 is required, found 2020
              $.stock[1].to: a conversion needs a segment other than "socialRent"
              $.stock[1]: give either "buurten" or "weakest", not both
              $.placements[0].group: 'students' is not one of ggz, shelter, statushouder
              $.placements[0].explicit: an object of buurt codes and yearly placements is required with "allocation": "explicit"
              $.placements[0].perYear: must equal the sum of "explicit" (0) or be left out
            """.ReplaceLineEndings());
        exception.Problems.Select(p => (p.Path, p.Code)).ShouldBe(dutch.Select(p => (p.Path, p.Code)));
        exception.Problems.Select(p => p.Code).ShouldBe([
            "Document.Text", "Document.WholeNumberFound", "Document.Unknown", "Scenario.WrongLevel", "Scenario.AreaEmpty",
            "Document.Unknown", "Parameter.Between", "Scenario.Share", "Document.Choice", "Document.WholeNumberFound",
            "Document.WholeNumberFound", "Scenario.ConvertToSameSegment", "Scenario.EitherBuurtenOrWeakest", "Document.Choice",
            "Scenario.ExplicitRequired", "Scenario.PerYearIsSum",
        ]);
    }

    [Fact]
    public void Parse_BadAreaCode_SaysWhyInTheUsersLanguage()
    {
        const string Json = """{ "name": "x", "baseYear": 2023, "area": { "gemeenten": ["GM0344"], "buurten": ["BU0344-101"] } }""";

        var dutch = Should.Throw<DocumentException>(() => Parse(Json)).Problems.ShouldHaveSingleItem();
        using var english = UiLanguage.English();
        var inEnglish = Should.Throw<DocumentException>(() => Parse(Json)).Problems.ShouldHaveSingleItem();

        dutch.ShouldBe(new DocumentProblem("$.area.buurten[0]", "'BU0344-101' is geen gebiedscode: 'BU0344-101' is geen geldige gebiedscode: '-' is geen letter of cijfer", "Scenario.NotACode"));
        inEnglish.ShouldBe(new DocumentProblem("$.area.buurten[0]", "'BU0344-101' is not an area code: 'BU0344-101' is not a valid area code: '-' is not a letter or digit", "Scenario.NotACode"));
    }

    [Fact]
    public void Parse_NotJson_SaysWhere()
    {
        var exception = Should.Throw<DocumentException>(() => Parse("{ \"name\": \"x\",\n  \"baseYear\": }"));

        exception.Message.ShouldStartWith("test.json: geen geldige JSON op regel 2, positie ");
        exception.Problems.ShouldHaveSingleItem().Path.ShouldBe("$");
        exception.Problems[0].Code.ShouldBe("Document.NotJson");
    }

    [Fact]
    public void Parse_InvalidFile_CarriesEachProblemWithItsPath_ForTheWebApi()
    {
        var exception = Should.Throw<DocumentException>(() => Parse("""
            { "name": "x", "baseYear": 2023, "area": { "gemeenten": ["GM0344"] },
              "stock": [ { "action": "build", "segment": "midRent", "dwellings": 10, "year": 2020, "buurten": ["BU03440111"], "weakest": 2 } ] }
            """));

        exception.Problems.ShouldBe([
            new DocumentProblem("$.stock[0].year", "hier hoort een geheel getal van 2024 tot en met 2033 te staan, maar er staat 2020", "Document.WholeNumberFound"),
            new DocumentProblem("$.stock[0]", "geef \"buurten\" of \"weakest\", niet allebei", "Scenario.EitherBuurtenOrWeakest"),
        ]);
        new DocumentException("other").Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_FieldsGivenTwice_AreEachNamedByTheirPath()
    {
        var exception = Should.Throw<DocumentException>(() => Parse("""
            { "name": "x", "baseYear": 2023, "baseYear": 1900, "area": { "gemeenten": ["GM0344"] },
              "stock": [ { "action": "build", "segment": "midRent", "dwellings": 10, "year": 2025, "year": 2026 } ] }
            """));

        exception.Message.ShouldStartWith("test.json is geen geldig scenario:");
        exception.Problems.ShouldBe([
            new DocumentProblem("$.baseYear", "dit veld staat er meer dan één keer; geef het één keer", "Document.Twice"),
            new DocumentProblem("$.stock[0].year", "dit veld staat er meer dan één keer; geef het één keer", "Document.Twice"),
        ]);
    }
}
