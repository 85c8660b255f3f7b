namespace Leefkracht.Wijkaanpak.Tests;

/// <summary>Residents' initiatives, account management and the council's PDF, through the API with its permissions.</summary>
public sealed class InitiativeAndAccountTests(WijkaanpakServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Initiative_ResidentSubmits_OnlyTheCoordinatorDecides_AndEveryStepIsAudited()
    {
        // Given an unpublished programme: a resident outside the coalition does not know it exists
        var scenario = await Scenario.CreateAsync(server);
        var coordinator = scenario.Coordinator;
        var initiatives = $"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/initiatives";
        using var resident = await server.SignedInAsync(server.Residents, Role.Bewoner);
        using (var hidden = await resident.PostAsync(initiatives, new { title = "Moestuin", description = "Een moestuin op het plein" }))
        {
            hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        // When the coordinator publishes it, the resident submits an initiative
        using (var programme = await coordinator.GetAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}"))
        {
            await ApiClient.OkJson(coordinator.PostAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/publish", new { published = true }, ApiClient.ETag(programme)));
        }

        using var submitted = await resident.PostAsync(initiatives, new { title = "  Moestuin  ", description = "Een moestuin op het plein" });
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created);
        var initiative = await ApiClient.Json(submitted);
        initiative["title"]!.GetValue<string>().ShouldBe("Moestuin");
        initiative["status"]!.GetValue<string>().ShouldBe("submitted");
        ApiClient.ETag(submitted).ShouldBe("\"1\"");
        var status = $"api/v1/wijkaanpak/initiatives/{Scenario.Id(initiative)}/status";

        // Then an empty title is refused with the field named
        using (var empty = await resident.PostAsync(initiatives, new { title = " ", description = "x" }))
        {
            empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await ApiClient.Json(empty))["errors"]!["title"].ShouldNotBeNull();
        }

        // and another resident sees only their own initiatives, a partner of the coalition sees all
        using var neighbour = await server.SignedInAsync(server.Residents, Role.Bewoner);
        (await ApiClient.OkJson(neighbour.GetAsync(initiatives))).AsArray().Count.ShouldBe(0);
        (await ApiClient.OkJson(resident.GetAsync(initiatives))).AsArray().Count.ShouldBe(1);
        using var corporation = await server.SignedInAsync(server.Corporatie, Role.Partner);
        (await ApiClient.OkJson(corporation.GetAsync(initiatives))).AsArray().Single()!["submittedBy"]!["displayName"]!.GetValue<string>()
            .ShouldBe("Bewoner of Bewonersplatform Binnenstad");

        // and neither the resident nor a partner decides on it
        foreach (var client in new[] { resident, corporation })
        {
            using var refused = await client.PostAsync(status, new { status = "under_review" }, "\"1\"");
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        // and the coordinator needs the version, follows the workflow, and a stale version is a conflict
        using (var noVersion = await coordinator.PostAsync(status, new { status = "under_review" }))
        {
            noVersion.StatusCode.ShouldBe((HttpStatusCode)428);
        }

        using (var skipped = await coordinator.PostAsync(status, new { status = "done" }, "\"1\""))
        {
            skipped.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await ApiClient.Json(skipped))["errors"]!["status"]![0]!.GetValue<string>().ShouldBe("een initiatief dat ‘ingediend’ is, kan niet ‘uitgevoerd’ worden");
        }

        var review = await ApiClient.OkJson(coordinator.PostAsync(status, new { status = "under_review", note = "Bespreken in het wijkoverleg" }, "\"1\""));
        review["status"]!.GetValue<string>().ShouldBe("under_review");
        review["version"]!.GetValue<int>().ShouldBe(2);
        using (var stale = await coordinator.PostAsync(status, new { status = "accepted" }, "\"1\""))
        {
            stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        await ApiClient.OkJson(coordinator.PostAsync(status, new { status = "accepted" }, "\"2\""));

        // and the resident follows it to accepted, with the coordinator's note kept from the review
        var followed = (await ApiClient.OkJson(resident.GetAsync(initiatives))).AsArray().Single()!;
        followed["status"]!.GetValue<string>().ShouldBe("accepted");
        followed["version"]!.GetValue<int>().ShouldBe(3);

        // and the audit trail has the submission and both decisions, by whom, before and after
        var audit = (await ApiClient.OkJson(coordinator.GetAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/audit")))
            .AsArray().Where(e => e!["entity"]!.GetValue<string>() == "initiative").Reverse().ToList();
        audit.Select(e => e!["action"]!.GetValue<string>()).ShouldBe(["create", "status", "status"]);
        audit[0]!["account"]!["displayName"]!.GetValue<string>().ShouldBe("Bewoner of Bewonersplatform Binnenstad");
        audit[1]!["before"]!["status"]!.GetValue<string>().ShouldBe("submitted");
        audit[1]!["after"]!["status"]!.GetValue<string>().ShouldBe("under_review");
        audit[2]!["after"]!["status"]!.GetValue<string>().ShouldBe("accepted");

        // and each change reads as one sentence in Dutch: who (with the party), what, and the status in words
        audit[1]!["description"]!.GetValue<string>().ShouldEndWith("op ‘in behandeling’");
        audit[1]!["description"]!.GetValue<string>().ShouldContain("zette het initiatief ‘");
        audit[2]!["description"]!.GetValue<string>().ShouldEndWith("op ‘aangenomen’");
    }

    [Fact]
    public async Task Account_OnlyTheAdminChangesIt_WithTheVersion_AndDisablingEndsItsSessionAtOnce()
    {
        // Given an admin, and a partner account the admin made that is signed in
        using var admin = await server.SignedInAsync(server.Gemeente, Role.Admin);
        var userName = "acc-" + Guid.NewGuid().ToString("N");
        using var created = await admin.PostAsync("api/v1/accounts", new { userName, displayName = "Sanne", partyId = server.Corporatie.Id, role = "partner", password = WijkaanpakServer.Password });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var account = $"api/v1/accounts/{Scenario.Id(await ApiClient.Json(created))}";
        var version = ApiClient.ETag(created);
        using var partner = new ApiClient(server.BaseAddress);
        (await partner.LoginAsync(userName, WijkaanpakServer.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ApiClient.OkJson(partner.GetAsync("api/v1/auth/me")))["displayName"]!.GetValue<string>().ShouldBe("Sanne");

        // When a coordinator tries to change it, or the admin does without the version
        using var coordinator = await server.SignedInAsync(server.Gemeente, Role.Coordinator);
        var disable = new { displayName = "Sanne", partyId = server.Corporatie.Id, role = "partner", disabled = true };
        using (var forbidden = await coordinator.PutAsync(account, disable, version))
        {
            forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var noVersion = await admin.PutAsync(account, disable))
        {
            noVersion.StatusCode.ShouldBe((HttpStatusCode)428);
        }

        using (var badRole = await admin.PutAsync(account, new { displayName = "Sanne", partyId = server.Corporatie.Id, role = "boss" }, version))
        {
            badRole.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await ApiClient.Json(badRole))["errors"]!["role"]![0]!.GetValue<string>().ShouldStartWith("one of admin, coordinator, partner");
        }

        // Then the account still works
        (await ApiClient.OkJson(partner.GetAsync("api/v1/auth/me")))["displayName"]!.GetValue<string>().ShouldBe("Sanne");

        // When the admin disables it with the version read
        var disabled = await ApiClient.OkJson(admin.PutAsync(account, disable, version));
        disabled["disabled"]!.GetValue<bool>().ShouldBeTrue();

        // Then its open session ends at once and it cannot sign in again; a second change on the old version is a conflict
        using (var me = await partner.GetAsync("api/v1/auth/me"))
        {
            me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using (var again = await new ApiClient(server.BaseAddress).LoginAsync(userName, WijkaanpakServer.Password))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using (var stale = await admin.PutAsync(account, disable, version))
        {
            stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        // When the admin enables it with a new password, only the new password signs in
        var newPassword = "a new and longer passphrase";
        await ApiClient.OkJson(admin.PutAsync(account, new { displayName = "Sanne de Vries", partyId = server.Corporatie.Id, role = "partner", disabled = false, password = newPassword }, $"\"{disabled["version"]}\""));
        using (var old = await new ApiClient(server.BaseAddress).LoginAsync(userName, WijkaanpakServer.Password))
        {
            old.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var renewed = new ApiClient(server.BaseAddress);
        (await renewed.LoginAsync(userName, newPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ApiClient.OkJson(renewed.GetAsync("api/v1/auth/me")))["displayName"]!.GetValue<string>().ShouldBe("Sanne de Vries");
        server.Logs.ShouldNotContain(line => line.Contains(newPassword, StringComparison.Ordinal));

        // And the administrator reads every change of the account in the accounts' audit trail, without any password hash
        var id = long.Parse(account[(account.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var audit = (await ApiClient.OkJson(admin.GetAsync("api/v1/accounts/audit"))).AsArray()
            .Where(e => e!["entity"]!.GetValue<string>() == "account" && e["entityId"]!.GetValue<long>() == id).Reverse().ToList();
        audit.Select(e => e!["action"]!.GetValue<string>()).ShouldBe(["create", "update", "update"]);
        audit.ShouldAllBe(e => e!["account"]!["displayName"]!.GetValue<string>() == "Admin of Gemeente Utrecht");
        audit[1]!["before"]!["disabled"]!.GetValue<bool>().ShouldBeFalse();
        audit[1]!["after"]!["disabled"]!.GetValue<bool>().ShouldBeTrue();
        audit[2]!["after"]!["displayName"]!.GetValue<string>().ShouldBe("Sanne de Vries");
        audit[1]!["description"]!.GetValue<string>().ShouldBe($"Admin of Gemeente Utrecht (Gemeente Utrecht) blokkeerde het account {userName}");
        audit[2]!["description"]!.GetValue<string>().ShouldBe($"Admin of Gemeente Utrecht (Gemeente Utrecht) deblokkeerde het account {userName}");
        using var csv = await admin.GetAsync("api/v1/accounts/audit.csv?dialect=rfc4180");
        var text = await csv.Content.ReadAsStringAsync(Cancel);
        text.ShouldStartWith("id,at,account_id,account,entity,entity_id,action,before,after,description");
        text.ShouldNotContain("pbkdf2", Case.Insensitive);
        using var notAdmin = await coordinator.GetAsync("api/v1/accounts/audit");
        notAdmin.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AccountabilityPdf_IsAPdfForMembers_AndNotFoundForOutsiders()
    {
        // Given the gemeente's programme (without the other corporation) with a funding stream (amounts are printed with Dutch separators)
        var scenario = await Scenario.CreateAsync(server);
        await ApiClient.OkJson(scenario.Coordinator.PostAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/funding", new { funderPartyId = server.Gemeente.Id, amount = 125000.50m, from = "2025-01-01", to = "2025-12-31", purpose = "Conciërges" }));
        var path = $"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/accountability.pdf";

        // When its coordinator (in Dutch and in English) and an outsider ask for the council's PDF
        using var pdf = await scenario.Coordinator.GetAsync(path);
        using var english = await scenario.Coordinator.GetAsync(path + "?lang=en");
        using var outsider = await server.SignedInAsync(server.OtherCorporatie, Role.Partner);
        using var hidden = await outsider.GetAsync(path);

        // Then the coordinator gets a PDF printed by Chromium, the outsider 404
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK, await pdf.Content.ReadAsStringAsync(Cancel));
        ApiClient.ContentType(pdf)!.MediaType.ShouldBe("application/pdf");
        pdf.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe($"leefkracht-verantwoording-{scenario.ProgrammeId}.pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync(Cancel);
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        bytes.Length.ShouldBeGreaterThan(5_000);
        english.StatusCode.ShouldBe(HttpStatusCode.OK, await english.Content.ReadAsStringAsync(Cancel));
        System.Text.Encoding.ASCII.GetString(await english.Content.ReadAsByteArrayAsync(Cancel), 0, 5).ShouldBe("%PDF-");
        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
