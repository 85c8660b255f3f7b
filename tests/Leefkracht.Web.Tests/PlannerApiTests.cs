using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Leefkracht.Web.Tests;

/// <summary>The planner's API on a real Kestrel with the sample database: the Utrecht worked example of docs/planner.md.</summary>
public sealed class PlannerApiTests(DashboardServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static JsonObject Example(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "docs", "planner", file)))!.AsObject();

    private async Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> PostAsync(string path, string json, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await server.Client.SendAsync(request, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonElement> PostOkAsync(string path, string json)
    {
        var (status, body, _) = await PostAsync(path, json);
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static List<JsonElement> Rows(JsonElement run) => [.. run.GetProperty("buurten").EnumerateArray()];

    [Fact]
    public async Task Run_PlacementsWhereTheVacanciesAre_ConservesHouseholdsAndAddsToTheBaselinesVulnerableShare()
    {
        // Given 150 statushouders a year over Utrecht's buurten, placed where the vacancies are (docs/planner/)
        var run = await PostOkAsync("api/v1/planner/run", Example("placements-vacancies.json").ToJsonString());

        // Then it is labelled as a what-if and covers 2023–2033 for every seeded buurt
        run.GetProperty("whatIf").GetBoolean().ShouldBeTrue();
        run.GetProperty("label").GetString()!.ShouldStartWith("Wat-als-scenario, geen voorspelling");
        var rows = Rows(run);
        var years = rows.Select(r => r.GetProperty("year").GetInt32()).Distinct().Order().ToList();
        years.ShouldBe(Enumerable.Range(2023, 11));
        var codes = rows.Select(r => r.GetProperty("code").GetString()).Distinct().ToList();
        codes.Count.ShouldBe(109);

        // And households are conserved: without stock changes every buurt keeps its households every year (vacancies are refilled)
        foreach (var buurt in rows.GroupBy(r => r.GetProperty("code").GetString()))
        {
            var first = buurt.First(r => r.GetProperty("year").GetInt32() == 2023).GetProperty("households").GetDouble();
            buurt.ShouldAllBe(r => Math.Abs(r.GetProperty("households").GetDouble() - first) < 1e-6);
        }

        // And every year's 150 placements are placed: the summary, the buurten and the allocation records agree
        var summary = run.GetProperty("summary").EnumerateArray().ToList();
        foreach (var year in summary.Where(s => s.GetProperty("year").GetInt32() > 2023))
        {
            var y = year.GetProperty("year").GetInt32();
            year.GetProperty("placed").GetDouble().ShouldBe(150, 1e-9);
            rows.Where(r => r.GetProperty("year").GetInt32() == y).Sum(r => r.GetProperty("placed").GetDouble()).ShouldBe(150, 1e-9);
            run.GetProperty("placements").EnumerateArray().Where(p => p.GetProperty("year").GetInt32() == y).Sum(p => p.GetProperty("placed").GetInt32()).ShouldBe(150);
        }

        // And against the baseline (the same area without interventions) Utrecht's vulnerable share rises from 5.60 to 6.11 % (docs/planner.md)
        var baseline = run.GetProperty("baseline");
        baseline.GetProperty("scenario").GetString().ShouldBe("Basis (geen ingreep)");
        Rows(baseline).Count.ShouldBe(rows.Count);
        baseline.GetProperty("summary").EnumerateArray().Last().GetProperty("vulnerableShare").GetDouble().ShouldBe(0.0560, 0.00005);
        summary[^1].GetProperty("vulnerableShare").GetDouble().ShouldBe(0.0611, 0.00005);
        summary[^1].GetProperty("households").GetDouble().ShouldBe(baseline.GetProperty("summary").EnumerateArray().Last().GetProperty("households").GetDouble(), 1e-6);
    }

    [Fact]
    public async Task Run_MidRentInTheWeakestBuurten_AddsExactlyTheBuiltDwellings()
    {
        var run = await PostOkAsync("api/v1/planner/run?lang=en", Example("midrent-weakest.json").ToJsonString());

        run.GetProperty("label").GetString()!.ShouldStartWith("What-if scenario, not a forecast");
        var last = run.GetProperty("summary").EnumerateArray().Last();
        var baseLast = run.GetProperty("baseline").GetProperty("summary").EnumerateArray().Last();
        run.GetProperty("baseline").GetProperty("scenario").GetString().ShouldBe("Baseline (no intervention)");
        (last.GetProperty("dwellings").GetDouble() - baseLast.GetProperty("dwellings").GetDouble()).ShouldBe(200, 1e-6);

        // The 200 homes go to Neckardreef, Tigrisdreef and Zambesidreef, whose mid-rent share rises and vulnerable share falls
        var changed = Rows(run).Where(r => r.GetProperty("year").GetInt32() == 2033)
            .Join(Rows(run.GetProperty("baseline")).Where(r => r.GetProperty("year").GetInt32() == 2033),
                r => r.GetProperty("code").GetString(), b => b.GetProperty("code").GetString(), (r, b) => (Scenario: r, Baseline: b))
            .Where(p => p.Scenario.GetProperty("dwellings").GetDouble() > p.Baseline.GetProperty("dwellings").GetDouble())
            .ToList();
        changed.Select(p => p.Scenario.GetProperty("name").GetString()).Order().ShouldBe(["Neckardreef en omgeving", "Tigrisdreef en omgeving", "Zambesidreef en omgeving"]);
        changed.ShouldAllBe(p => p.Scenario.GetProperty("vulnerableShare").GetDouble() < p.Baseline.GetProperty("vulnerableShare").GetDouble());
        changed.ShouldAllBe(p => p.Scenario.GetProperty("midRentShare").GetDouble() > p.Baseline.GetProperty("midRentShare").GetDouble());
    }

    [Fact]
    public async Task Optimise_Utrecht150_NoWorseThanNaive_AndExplainsItself()
    {
        var result = await PostOkAsync("api/v1/planner/optimise", """{ "gemeente": "Utrecht", "placements": 150, "cap": 0.5, "year": 2023 }""");

        result.GetProperty("whatIf").GetBoolean().ShouldBeTrue();
        var naive = result.GetProperty("naive").GetProperty("worstPlacedShare").GetDouble();
        var optimised = result.GetProperty("optimised").GetProperty("worstPlacedShare").GetDouble();
        optimised.ShouldBeLessThanOrEqualTo(naive);
        naive.ShouldBe(0.2585, 0.00005);
        optimised.ShouldBeLessThan(0.05);
        var rows = result.GetProperty("rows").EnumerateArray().ToList();
        rows.Sum(r => r.GetProperty("optimised").GetInt32()).ShouldBe(150);
        rows.Sum(r => r.GetProperty("naive").GetInt32()).ShouldBe(150);
        rows.ShouldAllBe(r => r.GetProperty("optimised").GetInt32() <= r.GetProperty("capacity").GetInt32());
        rows.Where(r => r.GetProperty("optimised").GetInt32() > 0).ShouldAllBe(r => r.GetProperty("optimisedShareAfter").GetDouble() <= optimised + 1e-12);
        result.GetProperty("explanation")[0].GetString()!.ShouldStartWith("Geoptimaliseerd: 150 van 150 plaatsingen");
    }

    [Fact]
    public async Task Optimise_WithoutAYear_UsesThePlannerPagesBaseYear()
    {
        // Given the base year the planner page starts from (GET /context)
        using var contextResponse = await server.Client.GetAsync("api/v1/planner/context?gemeente=GM0344", Cancel);
        var baseYear = JsonDocument.Parse(await contextResponse.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("baseYear").GetInt32();

        // When the API is asked to optimise without a year
        var result = await PostOkAsync("api/v1/planner/optimise", """{ "gemeente": "GM0344", "placements": 150, "cap": 0.5 }""");

        // Then it plans from that same year, so the page and the API give the same plan
        result.GetProperty("year").GetInt32().ShouldBe(baseYear);
        result.GetProperty("naive").GetProperty("worstPlacedShare").GetDouble().ShouldBe(0.2585, 0.00005);
    }

    [Fact]
    public async Task Compare_TheWorkedExample_OptimisedSpreadKeepsTheHighestBuurtAtTheBaseline()
    {
        var body = new JsonObject { ["scenarios"] = new JsonArray(Example("baseline.json"), Example("placements-vacancies.json"), Example("placements-optimised.json")) };
        var comparison = await PostOkAsync("api/v1/planner/compare", body.ToJsonString());

        comparison.GetProperty("whatIf").GetBoolean().ShouldBeTrue();
        comparison.GetProperty("year").GetInt32().ShouldBe(2033);
        var highest = comparison.GetProperty("runs").EnumerateArray()
            .Select(r => r.GetProperty("summary").EnumerateArray().Last().GetProperty("highestVulnerableShare").GetDouble()).ToList();
        highest[0].ShouldBe(0.257, 0.0005);
        highest[1].ShouldBe(0.267, 0.0005);
        highest[2].ShouldBe(highest[0], 0.0005);
        var differences = comparison.GetProperty("differences").EnumerateArray().ToList();
        differences.Count.ShouldBe(2);
        differences[0].GetProperty("buurten").GetArrayLength().ShouldBe(109);
    }

    [Fact]
    public async Task Examples_AreTheDocumentationsFiles_AndContextSuggestsABaseYear()
    {
        using var examplesResponse = await server.Client.GetAsync("api/v1/planner/examples", Cancel);
        var examples = JsonDocument.Parse(await examplesResponse.Content.ReadAsStringAsync(Cancel)).RootElement;
        examples.EnumerateArray().Select(e => e.GetProperty("file").GetString()).ShouldBe(["baseline.json", "midrent-weakest.json", "placements-optimised.json", "placements-vacancies.json"]);
        examples[0].GetProperty("document").GetProperty("area").GetProperty("gemeenten")[0].GetString().ShouldBe("GM0344");

        using var contextResponse = await server.Client.GetAsync("api/v1/planner/context?gemeente=Utrecht", Cancel);
        var context = JsonDocument.Parse(await contextResponse.Content.ReadAsStringAsync(Cancel)).RootElement;
        context.GetProperty("gemeente").GetProperty("code").GetString().ShouldBe("GM0344");
        context.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ShouldBe([2023, 2024]);
        // 2023, not 2024: the national 2024 selection has no resilience for Utrecht's buurten, 2023 has it for almost all
        context.GetProperty("baseYear").GetInt32().ShouldBe(2023);
        context.GetProperty("buurten").GetInt32().ShouldBeGreaterThan(100);
        context.GetProperty("limits").GetProperty("maxYears").GetInt32().ShouldBe(30);
        // and the model's default assumptions, ready to be put into a scenario document
        var parameters = context.GetProperty("parameters");
        parameters.GetProperty("turnover").GetProperty("socialRent").GetDouble().ShouldBe(0.07);
        parameters.GetProperty("relativeVulnerability").GetProperty("ownerOccupied").GetDouble().ShouldBe(0.1);
        parameters.GetProperty("tippingShare").GetDouble().ShouldBe(0.15);
    }

    [Theory]
    [InlineData("run", """{ "name": "x", "baseYear": 2023, "area": { "gemeenten": ["GM0344"] }, "stock": [ { "action": "build", "segment": "midRent", "dwellings": 100, "year": 2020 } ] }""", "$.stock[0].year", "hier hoort een geheel getal van 2024 tot en met 2033 te staan, maar er staat 2020")]
    [InlineData("run", """{ "name": "x", "baseYear": 2023, "area": { "gemeenten": ["GM0344"] }, "placements": [ { "group": "students", "perYear": 10, "allocation": "vacancies" } ] }""", "$.placements[0].group", "'students' kan hier niet; kies uit ggz, shelter, statushouder")]
    [InlineData("run", """{ "name": "x", "baseYear": 2023, "area": { "buurten": ["BU03449999"] } }""", "$.area.buurten[0]", "BU03449999 heeft geen gegevens in 2023")]
    [InlineData("run", """{ "name": "x", "baseYear": 1999, "area": { "gemeenten": ["GM0344"] } }""", "$.baseYear", "1999 heeft geen gegevens om vanaf te rekenen")]
    [InlineData("run", """{ "name": "x", "baseYear": 2023, "years": 40, "area": { "gemeenten": ["GM0344"] } }""", "$.years", "40 jaar: de planner op de website rekent hoogstens 30 jaar door")]
    [InlineData("run", """{ "name": "x", "baseYear": 2023, "area": { "gemeenten": ["GM0344", "GM0363", "GM0518", "GM0917"] } }""", "$.area.gemeenten", "4 gemeenten: de planner op de website neemt er hoogstens 3")]
    [InlineData("run", """{ "name": "x", """, "$", "geen geldige JSON op regel 1")]
    [InlineData("compare", """{ "scenarios": [ { "name": "a", "baseYear": 2023, "area": { "gemeenten": ["GM0344"] } } ] }""", "$.scenarios", "hier hoort een lijst van 2 tot 4 scenariodocumenten")]
    [InlineData("compare", """{ "scenarios": [ { "name": "a", "baseYear": 2023, "area": { "gemeenten": ["GM0344"] } }, { "name": "b", "baseYear": 2023, "years": 5, "area": { "gemeenten": ["GM0344"] } } ] }""", "$.scenarios[1].years", "5: scenario's worden over dezelfde jaren vergeleken, het eerste heeft 10")]
    [InlineData("compare", """{ "scenarios": [ { "name": "a", "baseYear": 2023, "area": { "gemeenten": ["GM0344"] } }, { "name": "", "baseYear": 2023, "area": { "gemeenten": ["GM0344"] } } ] }""", "$.scenarios[1].name", "hier hoort een tekst te staan")]
    [InlineData("optimise", """{ "gemeente": "Utrecht", "placements": 0 }""", "$.placements", "hier hoort een geheel getal van 1 tot en met 10000 te staan")]
    [InlineData("optimise", """{ "gemeente": "Utrecht", "placements": 10, "cap": 2 }""", "$.cap", "hier hoort een getal boven 0 en hoogstens 1, maar er staat 2")]
    [InlineData("optimise", """{ "gemeente": "Utrecht", "placements": 10, "year": 2016 }""", "$.year", "(Utrecht) heeft geen buurten in 2016")]
    [InlineData("run", """{ "name": "x", "baseYear": 2023, "baseYear": 1900, "area": { "gemeenten": ["GM0344"] } }""", "$.baseYear", "dit veld staat er meer dan één keer")]
    [InlineData("compare", """{ "scenarios": [ { "name": "a", "baseYear": 2023, "area": { "gemeenten": ["GM0344"] } }, { "name": "b", "baseYear": 2023, "area": { "gemeenten": ["GM0344"], "gemeenten": [] } } ] }""", "$.scenarios[1].area.gemeenten", "dit veld staat er meer dan één keer")]
    [InlineData("optimise", """{ "gemeente": "Utrecht", "placements": 10, "placements": 20 }""", "$.placements", "dit veld staat er meer dan één keer")]
    public async Task BadField_Is400ProblemDetails_KeyedByItsJsonPath(string endpoint, string json, string path, string message)
    {
        var (status, problem, type) = await PostAsync("api/v1/planner/" + endpoint, json);

        status.ShouldBe(HttpStatusCode.BadRequest, problem.ToString());
        type.ShouldBe("application/problem+json");
        var errors = problem.GetProperty("errors").GetProperty(path).EnumerateArray().Select(e => e.GetString()).ToList();
        errors.ShouldContain(e => e!.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadScenario_IsWordedInTheReadersLanguage_WithTheSameCodes()
    {
        const string Json = """{ "name": "x", "baseYear": 2023, "area": { "gemeenten": ["GM0344"] }, "stock": [ { "action": "build", "segment": "midRent", "dwellings": 100, "year": 2020, "buurten": ["BU03440111"], "weakest": 2 } ] }""";

        var (dutchStatus, dutch, _) = await PostAsync("api/v1/planner/run", Json);
        var (englishStatus, english, _) = await PostAsync("api/v1/planner/run", Json, "en");

        dutchStatus.ShouldBe(HttpStatusCode.BadRequest, dutch.ToString());
        englishStatus.ShouldBe(HttpStatusCode.BadRequest, english.ToString());
        dutch.GetProperty("title").GetString().ShouldBe("Het scenario is niet geldig");
        english.GetProperty("title").GetString().ShouldBe("The scenario is not valid");
        string Error(JsonElement problem, string path) => problem.GetProperty("errors").GetProperty(path)[0].GetString()!;
        Error(dutch, "$.stock[0].year").ShouldBe("hier hoort een geheel getal van 2024 tot en met 2033 te staan, maar er staat 2020");
        Error(english, "$.stock[0].year").ShouldBe("a whole number from 2024 to 2033 is required, found 2020");
        Error(dutch, "$.stock[0]").ShouldBe("geef \"buurten\" of \"weakest\", niet allebei");
        Error(english, "$.stock[0]").ShouldBe("give either \"buurten\" or \"weakest\", not both");
        // The codes say the same to a program in either language, keyed like the errors
        foreach (var problem in (JsonElement[])[dutch, english])
        {
            var codes = problem.GetProperty("codes");
            codes.GetProperty("$.stock[0].year")[0].GetString().ShouldBe("Document.WholeNumberFound");
            codes.GetProperty("$.stock[0]")[0].GetString().ShouldBe("Scenario.EitherBuurtenOrWeakest");
        }
    }

    [Fact]
    public async Task ScenarioThatDoesNotFitTheData_IsWordedInTheReadersLanguage()
    {
        const string Json = """{ "name": "x", "baseYear": 2023, "area": { "buurten": ["BU03449999"] } }""";

        var (_, dutch, _) = await PostAsync("api/v1/planner/run", Json, "nl");
        var (_, english, _) = await PostAsync("api/v1/planner/run", Json, "en");

        dutch.GetProperty("title").GetString().ShouldBe("Het scenario past niet bij de gegevens");
        dutch.GetProperty("errors").GetProperty("$.area.buurten[0]")[0].GetString().ShouldBe("BU03449999 heeft geen gegevens in 2023");
        english.GetProperty("title").GetString().ShouldBe("The scenario does not fit the data");
        english.GetProperty("errors").GetProperty("$.area.buurten[0]")[0].GetString().ShouldBe("BU03449999 has no data in 2023");
        english.GetProperty("codes").GetProperty("$.area.buurten[0]")[0].GetString().ShouldBe("Data.BuurtWithoutData");
    }

    [Fact]
    public async Task QueryNumbersThatAreNotNumbers_Are400NamingEachParameter()
    {
        var (status, problem, _) = await PostAsync("api/v1/planner/run?seed=abc&replicates=1.5", Example("baseline.json").ToJsonString());

        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("seed")[0].GetString().ShouldBe("'abc' is geen geheel getal van 0 tot en met 2147483647");
        problem.GetProperty("errors").GetProperty("replicates")[0].GetString().ShouldBe("'1.5' is geen geheel getal van 1 tot en met 50");
    }

    [Fact]
    public async Task TooManyReplicates_Is400NamingTheParameter()
    {
        var (status, problem, _) = await PostAsync("api/v1/planner/run?seed=1&replicates=500", Example("baseline.json").ToJsonString());
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("replicates")[0].GetString()!.ShouldContain("van 1 tot en met 50");
    }

    [Theory]
    [InlineData("run", """{ "name": "x", "baseYear": 2023, "area": { "gemeenten": ["GM9999"] } }""", "GM9999")]
    [InlineData("compare", """{ "scenarios": [ { "name": "a", "baseYear": 2023, "area": { "gemeenten": ["GM0344"] } }, { "name": "b", "baseYear": 2023, "area": { "gemeenten": ["GM9999"] } } ] }""", "$.scenarios[1].area.gemeenten[0]")]
    [InlineData("optimise", """{ "gemeente": "Atlantis", "placements": 10 }""", "'Atlantis'")]
    public async Task UnknownGemeente_Is404(string endpoint, string json, string mention)
    {
        var (status, problem, type) = await PostAsync("api/v1/planner/" + endpoint, json);

        status.ShouldBe(HttpStatusCode.NotFound, problem.ToString());
        type.ShouldBe("application/problem+json");
        problem.GetProperty("detail").GetString()!.ShouldContain(mention);
    }

    [Fact]
    public async Task Context_UnknownGemeente_Is404()
    {
        using var response = await server.Client.GetAsync("api/v1/planner/context?gemeente=Atlantis", Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApi_DescribesThePlannerEndpoints()
    {
        var document = await server.Client.GetStringAsync("openapi/v1.json", Cancel);
        var paths = JsonDocument.Parse(document).RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/planner/run", "/api/v1/planner/compare", "/api/v1/planner/optimise", "/api/v1/planner/examples", "/api/v1/planner/context" })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        }

        paths.GetProperty("/api/v1/planner/optimise").GetProperty("post").GetProperty("requestBody").ToString().ShouldContain("OptimiseBody");
    }
}
