namespace Leefkracht.Wijkaanpak.Tests;

public sealed class PermissionTests(WijkaanpakServer server)
{
    [Fact]
    public async Task Corporation_CannotChangeTheGemeentesAgreement_ButMayComment()
    {
        // Given a programme with the corporation in it, and the gemeente's agreement
        var scenario = await Scenario.CreateAsync(server);
        using var corporation = await server.SignedInAsync(server.Corporatie, Role.Partner);
        using var read = await corporation.GetAsync($"api/v1/wijkaanpak/agreements/{scenario.AgreementId}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = ApiClient.ETag(read);

        // When the corporation changes it
        using var update = await corporation.PutAsync(
            $"api/v1/wijkaanpak/agreements/{scenario.AgreementId}", new { title = "Gekaapt", deadline = "2030-12-31" }, etag);
        using var status = await corporation.PostAsync($"api/v1/wijkaanpak/agreements/{scenario.AgreementId}/status", new { status = "done" }, etag);
        using var comment = await corporation.PostAsync($"api/v1/wijkaanpak/agreements/{scenario.AgreementId}/comments", new { text = "Wij helpen graag" });

        // Then the changes are forbidden, the comment is not, and the agreement is unchanged
        update.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        status.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ApiClient.Json(status))["status"]!.GetValue<int>().ShouldBe(403);
        (await ApiClient.Json(status))["detail"]!.GetValue<string>().ShouldBe("een partij wijzigt alleen haar eigen afspraken (op die van anderen mag ze reageren)");
        using var english = await corporation.PostAsync($"api/v1/wijkaanpak/agreements/{scenario.AgreementId}/status?lang=en", new { status = "done" }, etag);
        (await ApiClient.Json(english))["detail"]!.GetValue<string>().ShouldBe("a party edits only its own agreements (it may comment on others’)");
        comment.StatusCode.ShouldBe(HttpStatusCode.Created);
        var after = await ApiClient.OkJson(corporation.GetAsync($"api/v1/wijkaanpak/agreements/{scenario.AgreementId}"));
        after["title"]!.GetValue<string>().ShouldBe("Buurtconciërge");
        after["status"]!.GetValue<string>().ShouldBe("planned");
        after["version"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Outsider_DoesNotSeeAnUnpublishedProgramme_UntilItIsPublished()
    {
        // Given a programme without the other corporation
        var scenario = await Scenario.CreateAsync(server);
        using var outsider = await server.SignedInAsync(server.OtherCorporatie, Role.Partner);

        // Then it gets 404 everywhere, and the list does not name the programme
        foreach (var path in new[]
        {
            $"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}", $"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/agreements",
            $"api/v1/wijkaanpak/agreements/{scenario.AgreementId}", $"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/accountability",
            $"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/audit",
        })
        {
            using var response = await outsider.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }

        var list = await ApiClient.OkJson(outsider.GetAsync("api/v1/wijkaanpak/programmes"));
        list.AsArray().Select(p => Scenario.Id(p!)).ShouldNotContain(scenario.ProgrammeId);

        // When the coordinator publishes it, the outsider sees it but may not change it, nor read the audit trail
        using var programme = await scenario.Coordinator.GetAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}");
        await ApiClient.OkJson(scenario.Coordinator.PostAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/publish", new { published = true }, ApiClient.ETag(programme)));
        (await ApiClient.OkJson(outsider.GetAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}")))["published"]!.GetValue<bool>().ShouldBeTrue();
        using var comment = await outsider.PostAsync($"api/v1/wijkaanpak/agreements/{scenario.AgreementId}/comments", new { text = "?" });
        comment.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var audit = await outsider.GetAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/audit");
        audit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Partner_CannotManageTheProgramme()
    {
        var scenario = await Scenario.CreateAsync(server);
        using var corporation = await server.SignedInAsync(server.Corporatie, Role.Partner);
        using var programme = await corporation.GetAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}");

        using var publish = await corporation.PostAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/publish", new { published = true }, ApiClient.ETag(programme));
        using var join = await corporation.PostAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/coalition", new { partyId = server.OtherCorporatie.Id, from = "2025-02-01" });
        using var accounts = await corporation.GetAsync("api/v1/accounts");

        publish.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        join.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        accounts.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task NotSignedIn_Gets401()
    {
        using var anonymous = new ApiClient(server.BaseAddress);

        using var list = await anonymous.GetAsync("api/v1/wijkaanpak/programmes");
        using var me = await anonymous.GetAsync("api/v1/auth/me");

        list.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        ApiClient.ContentType(list)!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task BadFields_Give400NamingEachField()
    {
        using var coordinator = await server.SignedInAsync(server.Gemeente, Role.Coordinator);

        using var response = await coordinator.PostAsync("api/v1/wijkaanpak/programmes", new { areaCode = "GM0344", startYear = 1800, goals = new[] { new { indicator = "nonsense" } } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await ApiClient.Json(response))["errors"]!.AsObject().Select(e => e.Key).Order().ToList();
        errors.ShouldBe(["areaCode", "goals[0]", "name", "startDate", "startYear"]);
    }
}
