using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Leefkracht.Core.Areas;
using Leefkracht.Core.Spatial;
using Leefkracht.Monitor.Spatial;

namespace Leefkracht.Web.Tests;

/// <summary>The REST API on a real Kestrel with the sample database: values, errors, caching and formats.</summary>
public sealed class ApiTests(DashboardServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJson(string path)
    {
        using var response = await server.Client.GetAsync(path, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<(HttpStatusCode Status, JsonElement Problem, string? ContentType)> GetProblem(string path, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await server.Client.SendAsync(request, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_Answers_WithTheDataVersion()
    {
        var health = await GetJson("healthz");
        health.GetProperty("status").GetString().ShouldBe("ok");
        health.GetProperty("data").GetString().ShouldStartWith("33-");
    }

    [Fact]
    public async Task Profile_WelgelegenDenHommel2024_HasTheKnownScoreAndExplainsItself()
    {
        // Given the Utrecht buurt of the sample, 2024 against all buurten of 2024
        var profile = await GetJson("api/v1/areas/BU03440111?year=2024");

        // Then its score, class and percentile are the engine's on the calibrated default model (leefkracht explain BU03440111 --year 2024: +0,153, zeer goed)
        profile.GetProperty("area").GetProperty("name").GetString().ShouldBe("Welgelegen, Den Hommel");
        profile.GetProperty("area").GetProperty("gemeente").GetProperty("name").GetString().ShouldBe("Utrecht");
        var score = profile.GetProperty("score");
        score.GetProperty("deviation").GetDouble().ShouldBe(0.1530, 0.00005);
        score.GetProperty("class").GetInt32().ShouldBe(8);
        score.GetProperty("className").GetString().ShouldBe("zeer goed");
        score.GetProperty("percentile").GetDouble().ShouldBe(91.1, 0.05);

        // And, 2024 being after the latest Leefbaarometer measurement (2018), the expected Leefbaarometer class, labelled as an estimate
        var nowcast = score.GetProperty("nowcast");
        nowcast.GetProperty("label").GetString().ShouldBe("verwachte Leefbaarometer-klasse (schatting)");
        nowcast.GetProperty("class").GetInt32().ShouldBe(8);
        nowcast.GetProperty("score").GetDouble().ShouldBe(4.258, 0.0005);
        nowcast.GetProperty("low90").GetDouble().ShouldBe(4.171, 0.0005);
        nowcast.GetProperty("high90").GetDouble().ShouldBe(4.349, 0.0005);
        nowcast.GetProperty("latestMeasurement").GetInt32().ShouldBe(2018);

        // And the dimension contributions add up to the deviation (with the model's constant b₀ = +0.0031), and each
        // dimension's indicators to the dimension; crime carries no weight in the calibrated model, so four dimensions
        var dimensions = profile.GetProperty("dimensions").EnumerateArray().ToList();
        dimensions.Count.ShouldBe(4);
        (0.0031 + dimensions.Sum(d => d.GetProperty("contribution").GetDouble())).ShouldBe(score.GetProperty("deviation").GetDouble(), 0.0005);
        foreach (var dimension in dimensions)
        {
            dimension.GetProperty("indicators").EnumerateArray().Sum(i => i.GetProperty("contribution").GetDouble())
                .ShouldBe(dimension.GetProperty("contribution").GetDouble(), 0.0005);
        }

        var health = dimensions.SelectMany(d => d.GetProperty("indicators").EnumerateArray()).Single(i => i.GetProperty("id").GetString() == "good_health_pct");
        health.GetProperty("value").GetDouble().ShouldBe(80.5);
        health.GetProperty("gemeenteValue").GetDouble().ShouldBe(76.1);

        // And it is compared with its wijk and gemeente, carries resilience, the note and the caveat
        profile.GetProperty("comparison").GetProperty("gemeente").GetProperty("code").GetString().ShouldBe("GM0344");
        profile.GetProperty("comparison").GetProperty("wijk").GetProperty("code").GetString().ShouldBe("WK034401");
        profile.GetProperty("resilience").ValueKind.ShouldBe(JsonValueKind.Object);
        profile.GetProperty("note").GetString()!.ShouldContain("Welgelegen, Den Hommel (BU03440111)");
        profile.GetProperty("caveat").GetString()!.ShouldContain("bewijst geen oorzaken");
    }

    [Fact]
    public async Task Profile_Overvecht_ShowsTheOfficialLeefbaarometerBesideOurScore()
    {
        // Given wijk Overvecht (Utrecht), whose Leefbaarometer the sample carries from its seven PC4 areas
        var profile = await GetJson("api/v1/areas/WK034403?year=2024");

        // Then our score stands as it is, and the Leefbaarometer beside it with year, source and how it got there
        profile.GetProperty("score").GetProperty("deviation").ValueKind.ShouldBe(JsonValueKind.Number);
        var lbm = profile.GetProperty("leefbaarometer");
        lbm.GetProperty("source").GetString().ShouldBe("Leefbaarometer 3.0, Ministerie van BZK");
        lbm.GetProperty("year").GetInt32().ShouldBe(2018);
        lbm.GetProperty("score").GetDouble().ShouldBe(3.7624, 0.00005);
        lbm.GetProperty("deviation").GetDouble().ShouldBe(-0.3399, 0.00005);
        lbm.GetProperty("class").GetInt32().ShouldBe(3);
        lbm.GetProperty("className").GetString().ShouldBe("onvoldoende");
        lbm.GetProperty("classBasis").GetString()!.ShouldContain("afgeleide");
        lbm.GetProperty("carry").GetString().ShouldBe("PC4 2018 → wijk 2024, pc6_huisnummer");
        lbm.GetProperty("series").GetArrayLength().ShouldBe(6);
        lbm.GetProperty("dimensionsYear").GetInt32().ShouldBe(2018);
        lbm.GetProperty("dimensions").GetProperty("onv").GetDouble().ShouldBe(-0.2163, 0.00005);
        lbm.GetProperty("note").GetString()!.ShouldContain("geen invoer van onze index");

        // And a buurt, for which only the official buurt file would give a value, has none
        (await GetJson("api/v1/areas/BU03440111?year=2024")).GetProperty("leefbaarometer").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task MapLayerAndExport_Leefbaarometer_AreTheOfficialValuesWithYearAndSource()
    {
        var layer = await GetJson("api/v1/map/wijk?year=2024&gemeente=GM0344&by=leefbaarometer");
        layer.GetProperty("legend").GetProperty("kind").GetString().ShouldBe("livability");
        layer.GetProperty("legend").GetProperty("title").GetString().ShouldBe("Leefbaarometer (officieel) 2018, afgeleide klassengrenzen");
        var overvecht = layer.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("code").GetString() == "WK034403");
        overvecht.GetProperty("properties").GetProperty("value").GetDouble().ShouldBe(3.7624, 0.00005);
        overvecht.GetProperty("properties").GetProperty("class").GetString().ShouldBe("3");

        var csv = await server.Client.GetStringAsync("api/v1/exports/scores?format=csv&level=wijk&gemeente=GM0344&year=2024&dialect=rfc4180", Cancel);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldEndWith(",lbm_year,lbm_score,lbm_deviation,lbm_class,lbm_class_name,lbm_source");
        lines.Single(l => l.StartsWith("WK034403,", StringComparison.Ordinal))
            .ShouldEndWith(",2018,3.7624,-0.3399,3,onvoldoende (afgeleide grenzen),\"Leefbaarometer 3.0, Ministerie van BZK; PC4 → wijk 2024\"");
    }

    [Fact]
    public async Task Profile_InEnglish_NamesClassesAndDimensionsInEnglish()
    {
        var profile = await GetJson("api/v1/areas/BU03440111?year=2024&lang=en");
        profile.GetProperty("score").GetProperty("className").GetString().ShouldBe("very good");
        profile.GetProperty("score").GetProperty("nowcast").GetProperty("label").GetString().ShouldBe("expected Leefbaarometer class (estimate)");
        profile.GetProperty("dimensions").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ShouldContain("social cohesion");
        profile.GetProperty("caveat").GetString()!.ShouldContain("does not prove causes");
    }

    [Theory]
    [InlineData("api/v1/areas/BU99999999?year=2024")]
    [InlineData("api/v1/areas/BU99999999/history")]
    [InlineData("report/GM9999")]
    [InlineData("api/v1/nothing-here")]
    public async Task UnknownCodeOrPath_Is404ProblemDetails(string path)
    {
        var (status, problem, type) = await GetProblem(path);
        status.ShouldBe(HttpStatusCode.NotFound);
        type.ShouldBe("application/problem+json");
        problem.GetProperty("status").GetInt32().ShouldBe(404);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("api/v1/areas/BU03440111?year=1999", "year", "1999 has no inhabitants")]
    [InlineData("api/v1/areas/BU03440111?year=twenty", "year", "'twenty' is not a year")]
    [InlineData("api/v1/areas/XX12?year=2024", "code", "is not a CBS area code")]
    [InlineData("api/v1/areas/BU03440111?lang=fr", "lang", "not a language")]
    [InlineData("api/v1/scores?level=provincie", "level", "'provincie' is not a level")]
    [InlineData("api/v1/scores?gemeente=Atlantis", "gemeente", "'Atlantis' is not a gemeente")]
    [InlineData("api/v1/trends?to=2024", "from", "the first year is required")]
    [InlineData("api/v1/trends?from=2024&to=2024", "from", "two different years")]
    [InlineData("api/v1/map/provincie", "level", "is not a level")]
    [InlineData("api/v1/map/buurt?by=colour", "by", "is not a colouring")]
    [InlineData("api/v1/map/buurt?by=indicator", "indicator", "needs an indicator id")]
    [InlineData("api/v1/map/buurt?by=change", "from", "needs the earlier year")]
    [InlineData("api/v1/map/buurt?detail=ultra", "detail", "is not a detail")]
    [InlineData("api/v1/spatial/moran?variable=happiness", "variable", "neither livability nor an indicator")]
    [InlineData("api/v1/areas?limit=0", "limit", "whole number from 1 to 1000")]
    [InlineData("api/v1/areas?limit=many", "limit", "'many' is not a whole number from 1 to 1000")]
    [InlineData("api/v1/exports/scores?format=pdf", "format", "'pdf' is not a format")]
    public async Task BadParameter_Is400ProblemDetails_NamingTheParameter(string path, string parameter, string message)
    {
        // An English reader (Accept-Language: en) is told in English
        var (status, problem, type) = await GetProblem(path, "en");
        status.ShouldBe(HttpStatusCode.BadRequest);
        type.ShouldBe("application/problem+json");
        problem.GetProperty("title").GetString().ShouldBe("The request has invalid parameters");
        var errors = problem.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(e => e.GetString()).ToList();
        errors.ShouldContain(e => e!.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("api/v1/areas/BU03440111?year=1999", "year", "1999 heeft geen inwoners in de database")]
    [InlineData("api/v1/areas/BU03440111?year=twenty", "year", "'twenty' is geen jaartal")]
    [InlineData("api/v1/areas/XX12?year=2024", "code", "is geen CBS-gebiedscode")]
    [InlineData("api/v1/areas/BU03440111?lang=fr", "lang", "'fr' is geen taal: gebruik nl of en")]
    [InlineData("api/v1/scores?level=provincie", "level", "'provincie' is geen niveau: gebruik gemeente, wijk of buurt")]
    [InlineData("api/v1/map/buurt?by=colour", "by", "'colour' is geen kleuring: gebruik ")]
    [InlineData("api/v1/map/buurt?by=change", "from", "by=change heeft het eerdere jaar nodig, bijvoorbeeld from=2023")]
    [InlineData("api/v1/areas?limit=many", "limit", "'many' is geen geheel getal van 1 tot en met 1000")]
    [InlineData("api/v1/exports/scores?format=pdf", "format", "'pdf' is geen formaat: gebruik ")]
    public async Task BadParameter_InDutchByDefault_KeepsTheParameterAndItsValue(string path, string parameter, string message)
    {
        // Given a reader who asks for no language
        var (status, problem, _) = await GetProblem(path);

        // Then the problem's title and message are Dutch, keyed by the parameter's own name, quoting the value as sent
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("title").GetString().ShouldBe("De aanvraag heeft ongeldige parameters");
        var errors = problem.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(e => e.GetString()).ToList();
        errors.ShouldContain(e => e!.Contains(message, StringComparison.Ordinal), string.Join(" | ", errors));
    }

    [Fact]
    public async Task UnknownArea_Is404_InTheReadersLanguage()
    {
        var (dutchStatus, dutch, _) = await GetProblem("api/v1/areas/BU99999999");
        var (englishStatus, english, _) = await GetProblem("api/v1/areas/BU99999999?lang=en");

        dutchStatus.ShouldBe(HttpStatusCode.NotFound);
        dutch.GetProperty("title").GetString().ShouldBe("Niet gevonden");
        dutch.GetProperty("detail").GetString().ShouldBe("er is geen gebied met code BU99999999 in de database");
        englishStatus.ShouldBe(HttpStatusCode.NotFound);
        english.GetProperty("title").GetString().ShouldBe("Not found");
        english.GetProperty("detail").GetString().ShouldBe("no area with code BU99999999 in the database");
    }

    [Fact]
    public async Task Areas_SearchByName_FindsTheBuurtAndItsGemeente()
    {
        var result = await GetJson("api/v1/areas?q=Welgelegen&level=buurt");
        var codes = result.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
        codes.ShouldContain("BU03440111");
        var utrecht = await GetJson("api/v1/areas?level=buurt&gemeente=Utrecht&limit=1000");
        utrecht.GetProperty("total").GetInt32().ShouldBeGreaterThan(100);
        utrecht.GetProperty("areas").EnumerateArray().ShouldAllBe(a => a.GetProperty("code").GetString()!.StartsWith("BU0344", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Den Haag", "GM0518", "Den Haag")]
    [InlineData("den bosch", "GM0796", "Den Bosch")]
    [InlineData("s-gravenhage", "GM0518", null)]
    [InlineData("Weesp", "GM0363", "Weesp")]
    [InlineData("Utrect", "GM0344", null)]
    [InlineData("Rotterdm", "GM0599", null)]
    public async Task Areas_Search_KnowsCommonAndOldNamesOfGemeenten_AndToleratesTypingErrors(string q, string gemeente, string? alias)
    {
        // Given a common name, a merged gemeente, or a name with a typing error
        var result = await GetJson($"api/v1/areas?q={Uri.EscapeDataString(q)}&level=gemeente");

        // Then the current gemeente comes first, saying which other name found it
        var first = result.GetProperty("areas")[0];
        first.GetProperty("code").GetString().ShouldBe(gemeente);
        (first.TryGetProperty("alias", out var found) && found.ValueKind == JsonValueKind.String ? found.GetString() : null).ShouldBe(alias);
    }

    [Fact]
    public async Task Areas_Search_OffersAGemeenteThatNoLongerExists_OnlyInTheYearsItExisted()
    {
        // Weesp joined Amsterdam in 2022: today's search leads to Amsterdam, the 2020 division still has Weesp
        var now = await GetJson("api/v1/areas?q=Weesp&level=gemeente");
        now.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ShouldBe(["GM0363"]);
        var then = await GetJson("api/v1/areas?q=Weesp&level=gemeente&year=2020");
        then.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ShouldContain("GM0457");

        // and a gemeente filter takes the common name too
        var buurten = await GetJson("api/v1/areas?level=wijk&gemeente=Den%20Haag&limit=5");
        buurten.GetProperty("areas").EnumerateArray().ShouldAllBe(a => a.GetProperty("code").GetString()!.StartsWith("WK0518", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scores_WijkenOfUtrecht_AgreeWithTheProfiles()
    {
        var scores = await GetJson("api/v1/scores?level=wijk&year=2024&gemeente=GM0344");
        var rows = scores.GetProperty("scores").EnumerateArray().ToList();
        rows.Count.ShouldBe(10);
        var west = rows.Single(r => r.GetProperty("code").GetString() == "WK034401");
        var profile = await GetJson("api/v1/areas/WK034401?year=2024");
        west.GetProperty("deviation").GetDouble().ShouldBe(profile.GetProperty("score").GetProperty("deviation").GetDouble());
    }

    [Fact]
    public async Task Trends_Utrecht2023To2024_CompareTheBuurtenOnOneReference()
    {
        var trends = await GetJson("api/v1/trends?from=2023&to=2024&gemeente=Utrecht");
        var rows = trends.GetProperty("trends").EnumerateArray().ToList();
        rows.ShouldContain(r => r.GetProperty("code").GetString() == "BU03440111" && r.GetProperty("change").ValueKind == JsonValueKind.Number);
        foreach (var row in rows.Where(r => r.GetProperty("change").ValueKind == JsonValueKind.Number))
        {
            row.GetProperty("change").GetDouble().ShouldBe(row.GetProperty("toDeviation").GetDouble() - row.GetProperty("fromDeviation").GetDouble(), 0.0005);
        }
    }

    [Fact]
    public async Task Watchlist_Utrecht2024_HasTheAreasOfTheCommandLine_AndSaysWhatTheRiskMeans()
    {
        // leefkracht watchlist --gemeente Utrecht: "10 van 118 gebieden op de signaleringslijst, veranderingen 2023 → 2024" (calibrated default model)
        var watchlist = await GetJson("api/v1/watchlist?gemeente=Utrecht&year=2024");
        watchlist.GetProperty("from").GetInt32().ShouldBe(2023);
        watchlist.GetProperty("considered").GetInt32().ShouldBe(118);
        var entries = watchlist.GetProperty("entries").EnumerateArray().ToList();
        entries.Count.ShouldBe(10);
        entries[0].GetProperty("code").GetString().ShouldBe("BU03440342");
        entries.ShouldAllBe(e => e.GetProperty("reasons").GetArrayLength() > 0);
        entries.Select(e => e.GetProperty("risk").GetDouble()).ShouldBeInOrder(SortDirection.Descending);

        // each area's class is the one its profile shows for the year (the phone's card gives score, class and reasons)
        var profile = (await GetJson("api/v1/areas/BU03440342?year=2024")).GetProperty("score");
        entries[0].GetProperty("class").GetInt32().ShouldBe(profile.GetProperty("class").GetInt32());
        entries[0].GetProperty("className").GetString().ShouldBe(profile.GetProperty("className").GetString());
        watchlist.GetProperty("riskLabel").GetString().ShouldBe("Kans op wegzakken naar zwak of slechter");
        watchlist.GetProperty("beatsLowestScore").GetBoolean().ShouldBeFalse();
        var basis = watchlist.GetProperty("riskBasis").EnumerateArray().Select(b => b.GetString()).ToList();
        basis.ShouldContain(b => b!.Contains("van de 50 gebieden met het hoogste risico zakten er 3 (signalen 2012 → 2016) en 8 (2014 → 2018) weg", StringComparison.Ordinal));
        basis.ShouldContain(b => b!.StartsWith("Deze lijst is daarmee niet beter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KwetsbareWijken_ServesTheSetsAndTheWijkenOfAGemeente()
    {
        var all = await GetJson("api/v1/kwetsbare-wijken");
        var utrecht = await GetJson("api/v1/kwetsbare-wijken?gemeente=Utrecht&lang=en");
        var wrong = await server.Client.GetAsync("api/v1/kwetsbare-wijken?gemeente=Atlantis", Cancel);

        all.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ShouldBe([2002, 2008, 2012, 2014, 2016, 2018]);
        var zwak = all.GetProperty("sets").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "zwak");
        zwak.GetProperty("name").GetString().ShouldBe("zwak of slechter in een gemeten jaar");
        zwak.GetProperty("areas").GetInt32().ShouldBe(all.GetProperty("areas").GetArrayLength());
        var period = zwak.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("from").GetInt32() == 2012 && p.GetProperty("to").GetInt32() == 2014);
        period.GetProperty("shareFell").GetDouble().ShouldBeGreaterThan(period.GetProperty("nationalShareFell").GetDouble());
        var overvecht = utrecht.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "WK034403");
        overvecht.GetProperty("values").EnumerateArray().Last().GetProperty("afw").GetDouble().ShouldBe(-0.3399, 1e-4);
        utrecht.GetProperty("sets")[1].GetProperty("name").GetString().ShouldBe("weak or worse in a measured year");
        utrecht.GetProperty("areas").EnumerateArray().ShouldAllBe(a => a.GetProperty("code").GetString()!.StartsWith("WK0344", StringComparison.Ordinal));
        wrong.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task History_OfTheBuurt_HasBoth2023And2024()
    {
        var history = await GetJson("api/v1/areas/BU03440111/history");
        var years = history.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("year").GetInt32()).ToList();
        years.ShouldContain(2023);
        years.ShouldContain(2024);
        history.GetProperty("indicators").EnumerateArray().ShouldContain(s => s.GetProperty("id").GetString() == "population");
    }

    [Fact]
    public async Task MapLayer_ValueJoinedIn_IsTheProfilesScore()
    {
        var layer = await GetJson("api/v1/map/buurt?year=2024&gemeente=GM0344&detail=high");
        layer.GetProperty("type").GetString().ShouldBe("FeatureCollection");
        layer.GetProperty("legend").GetProperty("entries").GetArrayLength().ShouldBe(9);
        var features = layer.GetProperty("features").EnumerateArray().ToList();
        features.ShouldAllBe(f => f.GetProperty("properties").GetProperty("code").GetString()!.StartsWith("BU0344", StringComparison.Ordinal));
        var buurt = features.Single(f => f.GetProperty("id").GetString() == "BU03440111");
        buurt.GetProperty("properties").GetProperty("value").GetDouble().ShouldBe(0.1530, 0.00005);
        buurt.GetProperty("properties").GetProperty("class").GetString().ShouldBe("8");
        buurt.GetProperty("geometry").GetProperty("type").GetString().ShouldBeOneOf("Polygon", "MultiPolygon");
    }

    [Fact]
    public async Task MapLayer_NationalBuurten_CoversTheCountryAndIsSmallerAtLowDetail()
    {
        using var low = await server.Client.GetAsync("api/v1/map/buurt?year=2024&detail=low", Cancel);
        using var full = await server.Client.GetAsync("api/v1/map/buurt?year=2024&detail=full", Cancel);
        var lowBody = await low.Content.ReadAsByteArrayAsync(Cancel);
        var fullBody = await full.Content.ReadAsByteArrayAsync(Cancel);
        JsonDocument.Parse(lowBody).RootElement.GetProperty("features").GetArrayLength().ShouldBeGreaterThan(13_000);
        lowBody.Length.ShouldBeLessThan(fullBody.Length * 3 / 4);
    }

    [Theory]
    [InlineData("GM0147", 2)]
    [InlineData("GM0047", 3)]
    [InlineData("GM0037", 5)]
    public async Task MapLayer_OfAGemeenteWithFewWijken_HasNoEmptyOrRepeatedLegendClasses(string gemeente, int wijken)
    {
        // Given a gemeente with a few wijken, coloured by an indicator (nine quantile classes nationally)
        var layer = await GetJson($"api/v1/map/wijk?year=2024&by=indicator&indicator=good_health_pct&gemeente={gemeente}");
        var classes = layer.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("class").GetString()).ToList();
        classes.Count.ShouldBe(wijken);

        // Then there is a class per distinct value at most, each holding a wijk, each label a range of rounded numbers
        // with the unit and never "30 – 30"
        var entries = layer.GetProperty("legend").GetProperty("entries").EnumerateArray().ToList();
        entries.Count.ShouldBeInRange(2, wijken);
        entries.Select(e => e.GetProperty("key").GetString()).Order().ShouldBe(classes.Distinct().Order());
        entries.First().GetProperty("key").GetString().ShouldBe("1");
        entries.Last().GetProperty("key").GetString().ShouldBe("9");
        entries.ShouldAllBe(e => System.Text.RegularExpressions.Regex.IsMatch(e.GetProperty("label").GetString()!, @"^\d+(,\d)? – \d+(,\d)? %$"));
        entries.Select(e => e.GetProperty("label").GetString()).ShouldAllBe(l => l!.Split(" – ", StringSplitOptions.None)[0] != l.Split(" – ", StringSplitOptions.None)[1].TrimEnd(' ', '%'));
    }

    [Theory]
    [InlineData(2023, "resilience", "resilience", 5)]
    [InlineData(2024, "soc", "livability", 9)]
    [InlineData(2024, "lisa", "lisa", 6)]
    [InlineData(2024, "indicator&indicator=good_health_pct", "quantiles", 9)]
    [InlineData(2024, "change&from=2023", "change", 9)]
    public async Task MapLayer_EachColouring_HasItsLegend(int year, string by, string kind, int classes)
    {
        // (The sample's 2024 buurten have no income figures, so resilience is shown for 2023.)
        var layer = await GetJson($"api/v1/map/buurt?year={year}&gemeente=GM0344&by={by}");
        layer.GetProperty("legend").GetProperty("kind").GetString().ShouldBe(kind);
        layer.GetProperty("legend").GetProperty("entries").GetArrayLength().ShouldBe(classes);
        layer.GetProperty("features").EnumerateArray().Count(f => f.GetProperty("properties").GetProperty("value").ValueKind == JsonValueKind.Number).ShouldBeGreaterThan(50);
    }

    [Fact]
    public async Task Spatial_LivabilityInUtrecht_IsPositivelyClusteredWithLisaClusters()
    {
        var moran = await GetJson("api/v1/spatial/moran?gemeente=Utrecht");
        moran.GetProperty("areas").GetInt32().ShouldBeGreaterThan(100);
        moran.GetProperty("i").GetDouble().ShouldBeGreaterThan(0.2);
        var lisa = await GetJson("api/v1/spatial/lisa?gemeente=Utrecht");
        lisa.GetProperty("areas").GetArrayLength().ShouldBe(moran.GetProperty("areas").GetInt32());
        var counts = lisa.GetProperty("counts");
        (counts.TryGetProperty("HH", out var hh) ? hh.GetInt32() : 0).ShouldBeGreaterThan(0);
        var gi = await GetJson("api/v1/spatial/gistar?gemeente=Utrecht&variable=good_health_pct");
        gi.GetProperty("statistic").GetString().ShouldBe("gistar");
    }

    [Theory]
    [InlineData("lisa")]
    [InlineData("gistar")]
    public async Task Spatial_FromTheStoredNeighbourLists_EqualsTheStatisticOnWeightsBuiltFromThePolygons(string statistic)
    {
        // Given the endpoint's answer, its neighbours read from the prepared lists stored in the store's results
        var answer = await GetJson($"api/v1/spatial/{statistic}?gemeente=GM0344&year=2024&variable=good_health_pct");
        var rows = answer.GetProperty("areas").EnumerateArray().ToList();

        // When the same statistic is computed the way the endpoint did before: the polygons read, projected and
        // intersected with the default rule (fuzzy, 5 m), on the buurten of Utrecht that have a value
        await using var store = server.Store.Open();
        var spatial = new SpatialDataService(store);
        var layer = (await spatial.LoadLayerAsync(AreaLevel.Buurt, 2024, [AreaCode.Parse("GM0344")], Cancel))!;
        var values = await spatial.ValuesByCodeAsync("good_health_pct", AreaLevel.Buurt, 2024, Cancel);
        var keep = Enumerable.Range(0, layer.Areas.Length).Where(i => values.TryGetValue(layer.Areas[i].Code, out var v) && double.IsFinite(v)).ToArray();
        var x = keep.Select(i => values[layer.Areas[i].Code]).ToArray();
        var weights = WeightsRule.Default.Build([.. keep.Select(i => layer.Polygons[i])]);
        double[] statistics, pseudoP;
        if (statistic == "lisa")
        {
            var lisa = LocalMoran.Compute(x, weights.RowStandardised(), new PermutationOptions());
            (statistics, pseudoP) = (lisa.I, lisa.PseudoP);
        }
        else
        {
            var g = GetisOrd.Compute(x, weights.RowStandardised().WithSelf(), new PermutationOptions());
            (statistics, pseudoP) = (g.G, g.PseudoP);
        }

        // Then both hold the same areas in the same order, with the same statistic and the same permutation p-value
        keep.Length.ShouldBeGreaterThan(50);
        answer.GetProperty("boundaryYear").GetInt32().ShouldBe(layer.BoundaryYear);
        rows.Select(r => r.GetProperty("code").GetString()).ShouldBe(keep.Select(i => layer.Areas[i].Code.Value));
        rows.Select(r => r.GetProperty("statistic").GetDouble()).ShouldBe(statistics.Select(v => Math.Round(v, 6)));
        rows.Select(r => r.GetProperty("p") is { ValueKind: JsonValueKind.Number } p ? p.GetDouble() : (double?)null)
            .ShouldBe(pseudoP.Select(v => double.IsFinite(v) ? Math.Round(v, 6) : (double?)null));
    }

    [Fact]
    public async Task Responses_CarryAnETag_And304WhenUnchanged()
    {
        using var first = await server.Client.GetAsync("api/v1/areas/BU03440111?year=2024", Cancel);
        first.Headers.ETag.ShouldNotBeNull();
        using var again = new HttpRequestMessage(HttpMethod.Get, "api/v1/areas/BU03440111?year=2024");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await server.Client.SendAsync(again, Cancel);
        second.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task ETag_DependsOnTheLanguage_SoA304NeverServesTheOtherLanguage()
    {
        using var dutch = new HttpRequestMessage(HttpMethod.Get, "api/v1/areas/BU03440111?year=2024");
        dutch.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("nl"));
        using var dutchAnswer = await server.Client.SendAsync(dutch, Cancel);
        using var english = new HttpRequestMessage(HttpMethod.Get, "api/v1/areas/BU03440111?year=2024");
        english.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        english.Headers.IfNoneMatch.Add(dutchAnswer.Headers.ETag!);
        using var englishAnswer = await server.Client.SendAsync(english, Cancel);

        englishAnswer.StatusCode.ShouldBe(HttpStatusCode.OK);
        englishAnswer.Headers.ETag.ShouldNotBe(dutchAnswer.Headers.ETag);
    }

    [Fact]
    public async Task Responses_AreCompressed_WhenTheClientAsks()
    {
        using var raw = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/map/gemeente?detail=low");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var response = await raw.SendAsync(request, Cancel);
        response.Content.Headers.ContentEncoding.ShouldContain("br");
        var compressed = await response.Content.ReadAsByteArrayAsync(Cancel);
        await using var brotli = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        var plain = JsonDocument.Parse(brotli).RootElement;
        plain.GetProperty("features").GetArrayLength().ShouldBeGreaterThan(300);
    }

    [Fact]
    public async Task OpenApi_DescribesEveryEndpoint_AndTheApiPageServesItsOwnScript()
    {
        var document = await GetJson("openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/areas/{code}");
        paths.ShouldContain("/api/v1/map/{level}");
        paths.ShouldContain("/api/v1/watchlist");
        paths.ShouldContain("/api/v1/kwetsbare-wijken");
        paths.ShouldContain("/api/v1/exports/scores");
        paths.ShouldContain("/api/v1/spatial/lisa");
        var page = await server.Client.GetStringAsync("api/", Cancel);
        page.ShouldContain("scalar.js");
        (await server.Client.GetAsync("api/scalar.js", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Exports_CsvXlsxGeoJson_HoldTheBuurtsScore()
    {
        // RFC 4180 when asked for (or with lang=en): the form programs read
        var csv = await server.Client.GetStringAsync("api/v1/exports/scores?format=csv&gemeente=GM0344&year=2024&dialect=rfc4180", Cancel);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // The calibrated default model has four dimensions with weight (crime got none).
        lines[0].ShouldStartWith("code,name,year,level,deviation,class,class_name,percentile,won,fys,vrz,soc,resilience");
        lines.Single(l => l.StartsWith("BU03440111,", StringComparison.Ordinal)).ShouldContain(",0.153,8,zeer goed,91.1,");
        (await server.Client.GetStringAsync("api/v1/exports/scores?format=csv&gemeente=GM0344&year=2024&lang=en", Cancel)).ShouldStartWith("code,name,year,");

        // and by default, for Dutch readers, what Dutch Excel opens as columns: a byte order mark, ';' and decimal commas
        var dutch = await server.Client.GetByteArrayAsync("api/v1/exports/scores?format=csv&gemeente=GM0344&year=2024", Cancel);
        dutch.AsSpan(0, 3).ToArray().ShouldBe(System.Text.Encoding.UTF8.Preamble.ToArray());
        var dutchLines = System.Text.Encoding.UTF8.GetString(dutch.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        dutchLines[0].ShouldStartWith("code;name;year;level;deviation;class;class_name;percentile;won;fys;vrz;soc;resilience");
        dutchLines.Single(l => l.StartsWith("BU03440111;", StringComparison.Ordinal)).ShouldContain(";0,153;8;zeer goed;91,1;");
        dutchLines.Length.ShouldBe(lines.Length);

        var xlsx = await server.Client.GetByteArrayAsync("api/v1/exports/scores?format=xlsx&gemeente=GM0344&year=2024", Cancel);
        var sheet = Workbook.Read(xlsx);
        sheet.Name.ShouldBe("scores");
        sheet.Rows[0].ShouldBe(lines[0].Split(','));
        var welgelegen = sheet.Rows.Single(r => r[0] is "BU03440111");
        welgelegen[4].ShouldBe(0.153);
        welgelegen[6].ShouldBe("zeer goed");

        var geojson = await GetJson("api/v1/exports/scores?format=geojson&gemeente=GM0344&year=2024");
        geojson.GetProperty("features").EnumerateArray().ShouldContain(f => f.GetProperty("properties").GetProperty("code").GetString() == "BU03440111");

        var watchlist = await server.Client.GetStringAsync("api/v1/exports/watchlist?format=csv&gemeente=GM0344&year=2024", Cancel);
        watchlist.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(11); // header + the 10 areas of the calibrated default model's watchlist
    }

    [Fact]
    public async Task Exports_Xlsx_HoldsTheCsvCellByCell_NumbersAsNumbers()
    {
        // Given: the same export as RFC 4180 CSV and as a workbook
        var csv = await server.Client.GetStringAsync("api/v1/exports/scores?format=csv&level=wijk&gemeente=GM0344&year=2024&dialect=rfc4180", Cancel);
        var records = Leefkracht.Data.Import.Text.CsvParser.Records(csv, ',').ToList();
        var sheet = Workbook.Read(await server.Client.GetByteArrayAsync("api/v1/exports/scores?format=xlsx&level=wijk&gemeente=GM0344&year=2024", Cancel));

        // Then: every cell of the sheet is the CSV's field, a number where the CSV has a number, empty where it is empty
        sheet.Rows.Count.ShouldBe(records.Count);
        sheet.Rows.Count.ShouldBeGreaterThan(10);
        for (var r = 0; r < records.Count; r++)
        {
            var fields = records[r].Fields;
            sheet.Rows[r].Count.ShouldBe(fields.Length);
            for (var c = 0; c < fields.Length; c++)
            {
                var cell = sheet.Rows[r][c];
                if (fields[c].Length == 0)
                {
                    cell.ShouldBeNull($"row {r + 1}, column {c + 1}: empty in the CSV");
                }
                else if (r > 0 && double.TryParse(fields[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    cell.ShouldBeOfType<double>($"row {r + 1}, column {c + 1} ({records[0].Fields[c]})").ShouldBe(number);
                }
                else
                {
                    cell.ShouldBe(fields[c], $"row {r + 1}, column {c + 1}");
                }
            }
        }
    }

    [Fact]
    public async Task GeoJson_TheExportAndTheMapLayer_WriteTheSameFeatures()
    {
        // Given: Utrecht's buurten as the GeoJSON export and as the map layer at full detail
        var export = await GetJson("api/v1/exports/scores?format=geojson&gemeente=GM0344&year=2024");
        var layer = await GetJson("api/v1/map/buurt?year=2024&gemeente=GM0344&detail=full");

        // Then: both are FeatureCollections whose features have the same members in the same order, the area code as
        // id, and the same geometry for the same area
        export.GetProperty("type").GetString().ShouldBe("FeatureCollection");
        layer.GetProperty("type").GetString().ShouldBe("FeatureCollection");
        var mapFeatures = layer.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        var exported = export.GetProperty("features").EnumerateArray().ToList();
        exported.Count.ShouldBeGreaterThan(50);
        foreach (var feature in exported)
        {
            var id = feature.GetProperty("id").GetString()!;
            feature.GetProperty("properties").GetProperty("code").GetString().ShouldBe(id);
            var onMap = mapFeatures[id];
            feature.EnumerateObject().Select(p => p.Name).ShouldBe(["type", "id", "properties", "geometry"]);
            onMap.EnumerateObject().Select(p => p.Name).ShouldBe(["type", "id", "properties", "geometry"]);
            feature.GetProperty("geometry").GetRawText().ShouldBe(onMap.GetProperty("geometry").GetRawText(), id);
        }
    }

    [Fact]
    public async Task Exports_UnknownCsvDialect_IsABadRequestNamingIt()
    {
        using var response = await server.Client.GetAsync("api/v1/exports/scores?format=csv&gemeente=GM0344&year=2024&dialect=excel-de&lang=en", Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("'excel-de' is not a CSV dialect: use rfc4180 or excel-nl");
    }

    [Fact]
    public async Task Imports_ListEveryFileWithItsProvenance()
    {
        var data = await GetJson("api/v1/imports");
        var files = data.GetProperty("files").EnumerateArray().ToList();
        files.Count.ShouldBe(33);
        files.ShouldAllBe(f => f.GetProperty("sha256").GetString()!.Length == 64);
        files.ShouldContain(f => f.GetProperty("file").GetString()!.Contains("kwb2024_utrecht_GM0344", StringComparison.Ordinal));

        // The description of each file is stored as codes and worded in the reader's language
        static string ShapeOf(JsonElement data) => data.GetProperty("files").EnumerateArray()
            .Single(f => f.GetProperty("file").GetString() == "cbs_wijk_2016_nl_rd.geojson.gz").GetProperty("shape").GetString()!;
        ShapeOf(data).ShouldBe("GeoJSON-grenzen: 2.979 polygonen (wijk) van de indeling van 2016, RD New, omgezet naar WGS84");
        ShapeOf(await GetJson("api/v1/imports?lang=en")).ShouldBe("GeoJSON boundaries: 2,979 wijk polygons of division 2016, RD New, converted to WGS84");
    }

    [Fact]
    public async Task Meta_ListsYearsDimensionsAndIndicatorsWithData()
    {
        var meta = await GetJson("api/v1/meta");
        meta.GetProperty("defaultYear").GetInt32().ShouldBe(2024);
        meta.GetProperty("dimensions").GetArrayLength().ShouldBe(4); // the calibrated default model gives crime no weight
        meta.GetProperty("classes").EnumerateArray().Select(c => c.GetString()).ShouldBe(
            ["zeer onvoldoende", "ruim onvoldoende", "onvoldoende", "zwak", "voldoende", "ruim voldoende", "goed", "zeer goed", "uitstekend"]);
        meta.GetProperty("indicators").EnumerateArray().ShouldContain(i => i.GetProperty("id").GetString() == "households_low_income_pct");
    }

    [Fact]
    public async Task Report_IsPrintableHtml_AndPrintsToPdfWithChromium()
    {
        var html = await server.Client.GetStringAsync("report/BU03440111?year=2024", Cancel);
        html.ShouldContain("<h1>Welgelegen, Den Hommel");
        html.ShouldContain("@media print");
        html.ShouldContain("bewijst geen oorzaken");

        using var pdf = await server.Client.GetAsync("api/v1/areas/BU03440111/report.pdf?year=2024", Cancel);
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK, "CI installs Debian's chromium; without it this answers 503");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync(Cancel);
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        bytes.Length.ShouldBeGreaterThan(10_000);
    }

    [Fact]
    public async Task Profile_NederlandRow_IsThePopulationWeightedMeanOfTheGemeenten_AsComputedFromTheRawSample()
    {
        // Given the raw 2024 gemeente rows of the national sample file (read here, not through the importer)
        var (header, rows) = NationalSample();
        var gemeenten = rows.Where(f => f[Array.IndexOf(header, "level")] == "Gemeente").ToList();
        gemeenten.Count.ShouldBe(342);
        double WeightedMean(string column)
        {
            double sum = 0, weight = 0;
            foreach (var fields in gemeenten)
            {
                var text = fields[Array.IndexOf(header, column)];
                if (text.Length > 0)
                {
                    var inhabitants = double.Parse(fields[Array.IndexOf(header, "inwoners")], CultureInfo.InvariantCulture);
                    sum += inhabitants * double.Parse(text, CultureInfo.InvariantCulture);
                    weight += inhabitants;
                }
            }

            return sum / weight;
        }

        // When Overvecht's profile is asked
        var profile = await GetJson("api/v1/areas/WK034403?year=2024");
        var indicators = profile.GetProperty("dimensions").EnumerateArray().SelectMany(d => d.GetProperty("indicators").EnumerateArray()).ToDictionary(i => i.GetProperty("id").GetString()!);

        // Then the country's value of each indicator is the population-weighted mean of the gemeenten (379.87 and 72.85)
        indicators["woz_mean"].GetProperty("countryValue").GetDouble().ShouldBe(WeightedMean("wozWaarde"), 0.001);
        indicators["good_health_pct"].GetProperty("countryValue").GetDouble().ShouldBe(WeightedMean("goed_ervaren_gezondheid_pct_2024"), 0.001);
        // and an average counted in numbers (CBS g_: household size) is averaged, not summed over the gemeenten
        indicators["household_size"].GetProperty("countryValue").GetDouble().ShouldBeInRange(1.5, 3.0);

        // And the comparison's Nederland row has a score and a class (no more "– –")
        var country = profile.GetProperty("comparison").GetProperty("country");
        country.GetProperty("name").GetString().ShouldStartWith("Nederland");
        country.GetProperty("deviation").GetDouble().ShouldBeInRange(-0.2, 0.2);
        country.GetProperty("class").GetInt32().ShouldBeInRange(4, 7);
    }

    [Fact]
    public async Task Similar_Overvecht_AreLargeCityWijkenWithFewOwnerOccupiedDwellings_NearestFirst()
    {
        // Given the raw 2024 wijk rows of the national sample file: urbanity (1 = very strongly urban) and owner-occupied share
        var (header, rows) = NationalSample();
        var wijken = rows.Where(f => f[Array.IndexOf(header, "level")] == "Wijk")
            .ToDictionary(f => f[0], f => (Urbanity: f[Array.IndexOf(header, "stedelijkheid")], Owned: f[Array.IndexOf(header, "koopwoningen")]));

        // When the wijken most like Overvecht (35,000 inhabitants, 3,500 addresses per km², 21 % owner-occupied) are asked
        var similar = await GetJson("api/v1/areas/WK034403/similar?year=2024");
        var areas = similar.GetProperty("areas").EnumerateArray().ToList();

        // Then there are ten, all wijken elsewhere, nearest first, each with its score or none
        areas.Count.ShouldBe(10);
        var codes = areas.Select(a => a.GetProperty("area").GetProperty("code").GetString()!).ToList();
        codes.ShouldAllBe(c => c.StartsWith("WK", StringComparison.Ordinal) && c != "WK034403");
        codes.Select(c => c[2..6]).Distinct().Count().ShouldBeGreaterThan(3); // from several gemeenten, nationally
        var distances = areas.Select(a => a.GetProperty("distance").GetDouble()).ToList();
        distances.ShouldBe(distances.Order().ToList());
        similar.GetProperty("method").GetString()!.ShouldContain("omgevingsadressendichtheid");

        // and, by the sample's own figures, they are (very) strongly urban with an owner-occupied share within the
        // documented band (Overvecht's ± 15 percentage points; docs/web.md#similar-areas)
        foreach (var code in codes)
        {
            wijken[code].Urbanity.ShouldBeOneOf("1", "2");
            double.Parse(wijken[code].Owned, CultureInfo.InvariantCulture).ShouldBeInRange(21 - 15, 21 + 15);
        }

        // And an unknown area is a 404
        (await GetProblem("api/v1/areas/WK039999/similar?year=2024")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Catalogue_DefinesEveryIndicator_InDutchAndInEnglish()
    {
        var dutch = (await GetJson("api/v1/indicators")).GetProperty("indicators").EnumerateArray().ToList();
        var english = (await GetJson("api/v1/indicators?lang=en")).GetProperty("indicators").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("definition").GetString());
        dutch.Count.ShouldBeGreaterThan(100);
        foreach (var indicator in dutch)
        {
            var id = indicator.GetProperty("id").GetString()!;
            var definition = indicator.GetProperty("definition").GetString();
            definition.ShouldNotBeNullOrWhiteSpace(id);
            english[id].ShouldNotBeNullOrWhiteSpace(id);
            english[id].ShouldNotBe(definition, id);
        }

        dutch.Single(i => i.GetProperty("id").GetString() == "address_density").GetProperty("definition").GetString()!.ShouldContain("1 km");
    }

    /// <summary>The header and rows of the sample's national 2024 file, split here (quoted fields may hold commas: "Nuenen, Gerwen en Nederwetten").</summary>
    private static (string[] Header, List<string[]> Rows) NationalSample()
    {
        static string[] Split(string line)
        {
            var fields = new List<string>();
            var field = new System.Text.StringBuilder();
            var quoted = false;
            foreach (var c in line.TrimEnd('\r'))
            {
                if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (c == ',' && !quoted)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            return [.. fields];
        }

        var lines = TestData.SampleText("national/kwb2024_selection_crime_health_nl_all_buurten.csv.gz").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (Split(lines[0]), [.. lines.Skip(1).Select(Split)]);
    }
    [Theory]
    [InlineData("nl", "Waarom: bijdragen per dimensie en indicator")]
    [InlineData("en", "Why: contributions per dimension and indicator")]
    public async Task ReportPdf_ReadBack_IsInOneLanguage(string language, string heading)
    {
        // Given the printed report of a 2024 buurt (with the resilience note every 2024 profile carries)
        using var pdf = await server.Client.GetAsync($"api/v1/areas/BU03440111/report.pdf?year=2024&lang={language}", Cancel);
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK, "CI installs Debian's chromium; without it this answers 503");

        // When its text is read back from the PDF
        var text = await PageChecks.PdfTextAsync(await pdf.Content.ReadAsByteArrayAsync(Cancel));

        // Then it is the report in that language, with no word that only the other language's texts use (the names of
        // the areas it shows, such as Nederland, are names in either language)
        text.ShouldContain(heading);
        var profile = await GetJson($"api/v1/areas/BU03440111?year=2024&lang={language}");
        var names = AreaNames(profile).ToList();
        names.ShouldContain("Welgelegen, Den Hommel");
        var other = language == "nl" ? PageChecks.EnglishWordsIn(text, names) : PageChecks.DutchWordsIn(text, names);
        other.ShouldBeEmpty($"{language} report: {string.Join(", ", other)}");
    }

    /// <summary>The names of every area in an answer: objects with an area code (GM…, WK…, BU…, NL) and a name.</summary>
    private static IEnumerable<string> AreaNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
            && System.Text.RegularExpressions.Regex.IsMatch(code.GetString()!, "^(GM|WK|BU)[0-9]+$|^NL")
            && element.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            => [name.GetString()!, .. element.EnumerateObject().SelectMany(p => AreaNames(p.Value))],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => AreaNames(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(AreaNames),
        _ => [],
    };
}
