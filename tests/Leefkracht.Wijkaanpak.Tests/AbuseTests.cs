namespace Leefkracht.Wijkaanpak.Tests;

/// <summary>
/// Malformed and hostile request bodies get a 4xx that names the field, never a 500 (issue 18, findings 5 and 7).
/// </summary>
public sealed class AbuseTests(WijkaanpakServer server)
{
    [Theory]
    [InlineData("1e18")]
    [InlineData("1000000000.01")]
    [InlineData("-5")]
    [InlineData("0.001")]
    public async Task AnAmountOutOfRange_Is400NamingAmount(string amount)
    {
        var scenario = await Scenario.CreateAsync(server, withCorporation: false);
        var body = $$"""{"funderPartyId":{{server.Gemeente.Id}},"amount":{{amount}},"from":"2025-01-01","to":"2025-12-31","purpose":"Conciërges"}""";

        using var response = await scenario.Coordinator.SendTextAsync(HttpMethod.Post, $"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/funding", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Errors(response)).ShouldHaveSingleItem().Key.ShouldBe("amount");
    }

    [Theory]
    [InlineData("\"2027-02-30\"", "deadline", "geen geldige datum (jjjj-mm-dd)")]
    [InlineData("\"0001-01-01\"", "deadline", "0001-01-01 ligt buiten 2000-01-01 tot en met 2100-12-31")]
    [InlineData("\"2030-12-31\",\"deadline\":\"2031-01-01\"", "deadline", "staat twee keer in het verzoek")]
    [InlineData("[1]", "deadline", "verwacht: ")]
    public async Task ADeadlineThatIsNoDate_OrGivenTwice_Is400NamingDeadline(string deadline, string field, string reason)
    {
        var scenario = await Scenario.CreateAsync(server, withCorporation: false);
        var body = $$"""{"title":"Speeltuin","ownerPartyId":{{server.Gemeente.Id}},"deadline":{{deadline}}}""";

        using var response = await scenario.Coordinator.SendTextAsync(HttpMethod.Post, $"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/agreements", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = await Errors(response);
        errors.Keys.ShouldContain(field);
        errors[field].ShouldContain(reason, Case.Insensitive);
    }

    [Fact]
    public async Task AMalformedBody_IsNamedInTheReadersLanguage()
    {
        // Given a deadline that is no date, sent in Dutch (the default) and in English
        var scenario = await Scenario.CreateAsync(server, withCorporation: false);
        var body = $$"""{"title":"Speeltuin","ownerPartyId":{{server.Gemeente.Id}},"deadline":"2027-02-30"}""";
        var path = $"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/agreements";

        using var dutch = await scenario.Coordinator.SendTextAsync(HttpMethod.Post, path, body);
        using var english = await scenario.Coordinator.SendTextAsync(HttpMethod.Post, path + "?lang=en", body);

        // Then each names the field, in words of its language, without .NET's type names
        (await Errors(dutch))["deadline"].ShouldBe("geen geldige datum (jjjj-mm-dd)");
        var problem = await ApiClient.Json(english);
        problem["title"]!.GetValue<string>().ShouldBe("The request has invalid fields");
        problem["errors"]!["deadline"]![0]!.GetValue<string>().ShouldBe("not a valid date (yyyy-mm-dd)");
    }

    [Fact]
    public async Task ACommentWithANulCharacter_Is400NamingText()
    {
        var scenario = await Scenario.CreateAsync(server, withCorporation: false);

        using var response = await scenario.Coordinator.PostAsync($"api/v1/wijkaanpak/agreements/{scenario.AgreementId}/comments", new { text = "goed\0bezig" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Errors(response))["text"].ShouldBe("bevat het stuurteken U+0000; alleen tekst, tabs en regeleinden zijn toegestaan");
        using var list = await scenario.Coordinator.GetAsync($"api/v1/wijkaanpak/agreements/{scenario.AgreementId}/comments");
        (await ApiClient.Json(list)).AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task AnInvalidLanguage_Is400_AsOnTheMonitor()
    {
        var scenario = await Scenario.CreateAsync(server, withCorporation: false);

        using var accountability = await scenario.Coordinator.GetAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/accountability?lang=xx");
        using var me = await scenario.Coordinator.GetAsync("api/v1/auth/me?lang=klingon");
        using var english = await scenario.Coordinator.GetAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/accountability?lang=en");

        accountability.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Errors(accountability))["lang"].ShouldBe("'xx' is geen taal: gebruik nl of en");
        me.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        english.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AWrongContentType_Is415_AndAWrongMethod405()
    {
        var scenario = await Scenario.CreateAsync(server, withCorporation: false);

        using var form = await scenario.Coordinator.SendTextAsync(HttpMethod.Post, $"api/v1/wijkaanpak/agreements/{scenario.AgreementId}/comments", "text=hallo", "application/x-www-form-urlencoded");
        using var delete = await scenario.Coordinator.SendTextAsync(HttpMethod.Delete, $"api/v1/wijkaanpak/agreements/{scenario.AgreementId}/comments", "{}");

        form.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        delete.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        delete.Content.Headers.Allow.ShouldContain("POST");
    }

    private static async Task<Dictionary<string, string>> Errors(HttpResponseMessage response)
    {
        var problem = await ApiClient.Json(response);
        problem["status"]!.GetValue<int>().ShouldBe((int)response.StatusCode);
        return problem["errors"]!.AsObject().ToDictionary(e => e.Key, e => string.Join("; ", e.Value!.AsArray().Select(v => v!.GetValue<string>())));
    }
}
