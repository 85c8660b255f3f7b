using System.Text.Json.Nodes;

namespace Leefkracht.Wijkaanpak.Tests;

// Both classes move the shared server's clock (a lock expiring, a deadline passing): run one after the other, or
// one's advance can land inside the other's window (a 90-minute jump once ended a 15-minute login lock early).
[Collection(ClockMovingTests.Name)]
public sealed class ConcurrencyAndAuditTests(WijkaanpakServer server)
{
    [Fact]
    public async Task TwoConcurrentEditsWithTheSameVersion_ExactlyOneWins()
    {
        // Given two signed-in gemeente accounts that both read version 1 of the agreement
        var scenario = await Scenario.CreateAsync(server);
        using var other = await server.SignedInAsync(server.Gemeente, Role.Partner);
        var path = $"api/v1/wijkaanpak/agreements/{scenario.AgreementId}";
        for (var round = 0; round < 5; round++)
        {
            using var read = await other.GetAsync(path);
            var etag = ApiClient.ETag(read);
            var title = $"ronde {round}";

            // When both send a change at the same time
            var first = scenario.Coordinator.PutAsync(path, new { title = title + " a", deadline = "2030-12-31" }, etag);
            var second = other.PutAsync(path, new { title = title + " b", deadline = "2030-12-31" }, etag);
            var answers = await Task.WhenAll(first, second);

            // Then exactly one is written and the other gets 409 with the current version
            answers.Select(a => a.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
            var loser = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
            (await ApiClient.Json(loser))["currentVersion"]!.GetValue<int>().ShouldBe(round + 2);
            var winner = await ApiClient.Json(answers.Single(a => a.StatusCode == HttpStatusCode.OK));
            var stored = await ApiClient.OkJson(other.GetAsync(path));
            stored["title"]!.GetValue<string>().ShouldBe(winner["title"]!.GetValue<string>());
            stored["version"]!.GetValue<int>().ShouldBe(round + 2);
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }

        // and the audit trail holds exactly the five winning updates
        var audit = await ApiClient.OkJson(scenario.Coordinator.GetAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/audit"));
        audit.AsArray().Count(e => e!["entity"]!.GetValue<string>() == "agreement" && e["action"]!.GetValue<string>() == "update").ShouldBe(5);
    }

    [Fact]
    public async Task ConcurrentStatusChanges_OneWinsAndTheHistoryHasOneEntry()
    {
        var scenario = await Scenario.CreateAsync(server);
        using var other = await server.SignedInAsync(server.Gemeente, Role.Partner);
        var path = $"api/v1/wijkaanpak/agreements/{scenario.AgreementId}/status";

        var answers = await Task.WhenAll(
            scenario.Coordinator.PostAsync(path, new { status = "in_progress", comment = "a" }, "\"1\""),
            other.PostAsync(path, new { status = "done", comment = "b" }, "\"1\""));

        answers.Select(a => a.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var agreement = await ApiClient.OkJson(other.GetAsync($"api/v1/wijkaanpak/agreements/{scenario.AgreementId}"));
        agreement["history"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task StaleOrMissingVersion_IsRefusedAndNothingChanges()
    {
        var scenario = await Scenario.CreateAsync(server);
        var path = $"api/v1/wijkaanpak/agreements/{scenario.AgreementId}";

        using var missing = await scenario.Coordinator.PutAsync(path, new { title = "x", deadline = "2030-12-31" });
        using var stale = await scenario.Coordinator.PutAsync(path, new { title = "x", deadline = "2030-12-31" }, "\"7\"");

        missing.StatusCode.ShouldBe((HttpStatusCode)428);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ApiClient.OkJson(scenario.Coordinator.GetAsync(path)))["title"]!.GetValue<string>().ShouldBe("Buurtconciërge");
    }

    [Fact]
    public async Task EveryChange_IsInTheAuditTrailWithBeforeAndAfter()
    {
        // Given a programme, a member, an agreement (Scenario), then an update, a status change and a comment
        var scenario = await Scenario.CreateAsync(server);
        var c = scenario.Coordinator;
        var path = $"api/v1/wijkaanpak/agreements/{scenario.AgreementId}";
        await ApiClient.OkJson(c.PutAsync(path, new { title = "Twee conciërges", deliverable = "Twee", counterpartyIds = new[] { server.Corporatie.Id }, deadline = "2030-12-31" }, "\"1\""));
        await ApiClient.OkJson(c.PostAsync(path + "/status", new { status = "in_progress", comment = "gestart" }, "\"2\""));
        await ApiClient.OkJson(c.PostAsync(path + "/comments", new { text = "Eerste week goed" }));
        await ApiClient.OkJson(c.PostAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/funding", new { funderPartyId = server.Gemeente.Id, amount = 125000.50m, from = "2025-01-01", to = "2025-12-31", purpose = "Conciërges" }));

        // When the audit trail is read
        var audit = (await ApiClient.OkJson(c.GetAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/audit"))).AsArray().Reverse().ToList();

        // Then it has every change in order, by whom, with the entity before and after
        audit.Select(e => $"{e!["entity"]} {e["action"]}").ShouldBe(
        [
            "programme create", "coalition_member create", "coalition_member create", "agreement create",
            "agreement update", "agreement status", "comment create", "funding_stream create",
        ]);
        audit.ShouldAllBe(e => e!["account"]!["displayName"]!.GetValue<string>() == "Coordinator of Gemeente Utrecht");
        var update = audit[4]!;
        update["before"]!["title"]!.GetValue<string>().ShouldBe("Buurtconciërge");
        update["after"]!["title"]!.GetValue<string>().ShouldBe("Twee conciërges");
        update["before"]!["version"]!.GetValue<int>().ShouldBe(1);
        update["after"]!["version"]!.GetValue<int>().ShouldBe(2);
        var status = audit[5]!;
        status["before"]!["status"]!.GetValue<string>().ShouldBe("planned");
        status["after"]!["status"]!.GetValue<string>().ShouldBe("in_progress");
        audit[0]!["before"].ShouldBeNull();
        audit[7]!["after"]!["amountCents"]!.GetValue<long>().ShouldBe(12500050);

        // and the CSV has the same rows (in Dutch Excel's dialect by default)
        using var csv = await c.GetAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/audit.csv");
        var lines = (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(audit.Count + 1);
        lines[0].ShouldBe("id;at;account_id;account;entity;entity_id;action;before;after;description");
    }

    [Fact]
    public async Task OverdueAgreement_TurnsLateByTheInjectedClock_AndTheHistorySaysSo()
    {
        // Given an agreement of the gemeente due today (the fake clock's 1 March 2025, 23:00 or later)
        var scenario = await Scenario.CreateAsync(server, withCorporation: false);
        var c = scenario.Coordinator;
        var today = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime);
        var created = await ApiClient.OkJson(c.PostAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/agreements", new
        {
            title = "Schouw",
            ownerPartyId = server.Gemeente.Id,
            deadline = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }));
        var path = $"api/v1/wijkaanpak/agreements/{Scenario.Id(created)}";
        (await ApiClient.OkJson(c.GetAsync(path)))["status"]!.GetValue<string>().ShouldBe("planned");

        // When the clock passes midnight
        server.Clock.Advance(TimeSpan.FromMinutes(90));

        // Then it reads as late (stored status unchanged), is counted late in the accountability view,
        JsonNode late = await ApiClient.OkJson(c.GetAsync(path));
        late["status"]!.GetValue<string>().ShouldBe("late");
        late["storedStatus"]!.GetValue<string>().ShouldBe("planned");
        var view = await ApiClient.OkJson(c.GetAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/accountability"));
        view["counts"]!["late"]!.GetValue<int>().ShouldBe(1);
        view["lateByParty"]!.AsArray().Single()!["party"]!["name"]!.GetValue<string>().ShouldBe("Gemeente Utrecht");

        // and when it is reported done, the history records the missed deadline first
        var done = await ApiClient.OkJson(c.PostAsync(path + "/status", new { status = "done" }, "\"1\""));
        done["status"]!.GetValue<string>().ShouldBe("done");
        var history = (await ApiClient.OkJson(c.GetAsync(path)))["history"]!.AsArray();
        history.Select(h => $"{h!["from"]}>{h["to"]}").ShouldBe(["planned>late", "late>done"]);
        history[0]!["account"].ShouldBeNull();

        // in words, in the reader's language (the store keeps a language-neutral code)
        history[0]!["comment"]!.GetValue<string>().ShouldBe("de deadline is verstreken");
        (await ApiClient.OkJson(c.GetAsync(path + "?lang=en")))["history"]![0]!["comment"]!.GetValue<string>().ShouldBe("the deadline passed");
        (await server.Wijkaanpak.LoadHistoryAsync(Scenario.Id(created), TestContext.Current.CancellationToken))[0].Comment.ShouldBe(AgreementStatusChange.DeadlinePassed);
    }

    [Fact]
    public async Task AHistoryWrittenBeforeTheCode_ShowsTheSystemsLateMarkInWordsToo()
    {
        // Given an agreement whose history holds the system's late mark as stores wrote it before the code: English words
        var scenario = await Scenario.CreateAsync(server, withCorporation: false);
        var c = scenario.Coordinator;
        var created = await ApiClient.OkJson(c.PostAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/agreements", new
        {
            title = "Schouw van de bergingen",
            ownerPartyId = server.Gemeente.Id,
            deadline = "2030-01-01",
        }));
        var id = Scenario.Id(created);
        var written = await server.Wijkaanpak.ChangeAgreementStatusAsync(
            id,
            1,
            a => new StatusChangeOutcome(a, [new AgreementStatusChange(AgreementStatus.Planned, AgreementStatus.Late, server.Clock.GetUtcNow(), null, AgreementStatusChange.DeadlinePassedBeforeCodes)], null),
            WijkaanpakSeeds.Seeder,
            TestContext.Current.CancellationToken);
        written.Value.ShouldNotBeNull();

        // When it is read, in Dutch and in English
        var path = $"api/v1/wijkaanpak/agreements/{id}";
        var dutch = (await ApiClient.OkJson(c.GetAsync(path)))["history"]!.AsArray();
        var english = (await ApiClient.OkJson(c.GetAsync(path + "?lang=en")))["history"]!.AsArray();

        // Then the old entry reads like a new one, in words
        dutch.Single()!["comment"]!.GetValue<string>().ShouldBe("de deadline is verstreken");
        english.Single()!["comment"]!.GetValue<string>().ShouldBe("the deadline passed");
    }

    [Fact]
    public async Task LateAgreement_SetInProgressByItsOwner_ShowsInProgress_WithTheDeadlinePassedBesideIt()
    {
        // Given an agreement of the gemeente whose deadline was yesterday, nobody having set its status: late
        // (the clock is not moved: other tests of this server count on its time of day)
        var scenario = await Scenario.CreateAsync(server, withCorporation: false);
        var c = scenario.Coordinator;
        var yesterday = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime).AddDays(-1);
        var created = await ApiClient.OkJson(c.PostAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/agreements", new
        {
            title = "Schouw in de portieken",
            ownerPartyId = server.Gemeente.Id,
            deadline = yesterday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }));
        var path = $"api/v1/wijkaanpak/agreements/{Scenario.Id(created)}";
        var late = await ApiClient.OkJson(c.GetAsync(path));
        late["status"]!.GetValue<string>().ShouldBe("late");
        late["deadlinePassed"]!.GetValue<bool>().ShouldBeTrue();

        // When its owner sets it in progress, after the deadline
        var set = await ApiClient.OkJson(c.PostAsync(path + "/status", new { status = "in_progress", comment = "Loopt, twee weken later klaar" }, "\"1\""));

        // Then the answer and a later reading show what the owner chose, not late, with the passed deadline beside it
        set["status"]!.GetValue<string>().ShouldBe("in_progress");
        var read = await ApiClient.OkJson(c.GetAsync(path));
        read["status"]!.GetValue<string>().ShouldBe("in_progress");
        read["storedStatus"]!.GetValue<string>().ShouldBe("in_progress");
        read["late"]!.GetValue<bool>().ShouldBeFalse();
        read["deadlinePassed"]!.GetValue<bool>().ShouldBeTrue();
        var view = await ApiClient.OkJson(c.GetAsync($"api/v1/wijkaanpak/programmes/{scenario.ProgrammeId}/accountability"));
        view["counts"]!["late"]!.GetValue<int>().ShouldBe(0);
        view["counts"]!["inProgress"]!.GetValue<int>().ShouldBe(1);
        view["lateByParty"]!.AsArray().ShouldBeEmpty();

        // And the history keeps the system's late mark before the owner's change
        read["history"]!.AsArray().Select(h => $"{h!["from"]}>{h["to"]}").ShouldBe(["planned>late", "late>in_progress"]);
    }
}
