using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Leefkracht.Web.Tests;

/// <summary>
/// The wijkaanpak in Debian's Chromium, as its users meet it: the gemeente makes a programme for Overvecht with two
/// corporations and a care organisation, each party signs in and keeps its own agreements, a deadline passes on the
/// server's clock, and the accountability view shows who is late beside the indicator's movement. Screenshots are
/// kept in artifacts/screenshots (wijkaanpak-*.png).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class WijkaanpakBrowserTests(WijkaanpakServer server) : BrowserTest, IClassFixture<WijkaanpakServer>
{
    [Fact]
    public async Task Overvecht_PartiesKeepTheirAgreements_AndTheAccountabilityViewShowsWhoIsLate()
    {
        // Given the gemeente's coordinator, signed in through the sign-in page
        var gemeente = await SignInAsync("gemeente", "#/wijkaanpak");
        (await gemeente.TextContentAsync("#whoami") ?? string.Empty).ShouldBe("Eva de Vries · Gemeente Utrecht · coördinator");

        // When she creates a programme for Overvecht (WK034403) with a goal on the number of inhabitants
        await gemeente.FillAsync("#programme-name", "Overvecht Vooruit");
        await gemeente.FillAsync("#programme-area", "WK034403");
        await gemeente.FillAsync("#programme-start", "2025-01-01");
        await gemeente.FillAsync("#programme-year", "2023");
        await gemeente.FillAsync("#programme-description", "Samen werken aan een veilige, gezonde wijk.");
        await gemeente.FillAsync(".goal-description", "Meer mensen willen in Overvecht wonen");
        await gemeente.SelectOptionAsync(".goal-indicator", "population");
        await gemeente.FillAsync(".goal-target", "36000");
        // and one on a share, whose target shows with its unit ("30 %", never a bare "30")
        await gemeente.ClickAsync("#programme-form button:text-is('Doel toevoegen')");
        var owned = gemeente.Locator("#programme-goals .goal").Nth(1);
        await owned.Locator(".goal-description").FillAsync("Meer bewoners met een eigen huis");
        await owned.Locator(".goal-indicator").SelectOptionAsync("dwellings_owner_occupied_pct");
        await owned.Locator(".goal-target").FillAsync("30");
        await gemeente.ClickAsync("#programme-form button[type=submit]");
        await WaitForHashAsync(gemeente, "^#/programme/\\d+$");
        var programmeId = await HashIdAsync(gemeente);
        await gemeente.WaitForSelectorAsync("#goals-table tbody tr:has-text('Koopwoningen')");
        var goals = await gemeente.Locator("#goals-table tbody tr").AllTextContentsAsync();
        goals.ShouldContain(g => g.Contains("Koopwoningen", StringComparison.Ordinal) && g.EndsWith("30 %", StringComparison.Ordinal));
        goals.ShouldContain(g => g.Contains("Aantal inwoners", StringComparison.Ordinal) && g.EndsWith("36.000", StringComparison.Ordinal));
        (await gemeente.TextContentAsync("#programme-area-link") ?? string.Empty).ShouldContain("Wijk 03 Overvecht");
        (await gemeente.GetAttributeAsync("#programme-area-link", "href")).ShouldBe("#/area/WK034403");

        // and puts the two corporations and the care organisation in the coalition, adds funding and publishes
        foreach (var party in new[] { "Mitros", "Portaal", "Buurtteam Overvecht" })
        {
            await gemeente.SelectOptionAsync("#member-party", new SelectOptionValue { Label = party + (party.StartsWith("Buurtteam", StringComparison.Ordinal) ? " (zorg)" : " (corporatie)") });
            await gemeente.FillAsync("#member-from", "2025-01-01");
            await gemeente.ClickAsync("#member-form button[type=submit]");
            await gemeente.WaitForSelectorAsync($"#coalition-table tr[data-party='{party}']");
        }

        await gemeente.SelectOptionAsync("#funding-funder", new SelectOptionValue { Label = "Gemeente Utrecht" });
        await gemeente.FillAsync("#funding-amount", "250000");
        await gemeente.FillAsync("#funding-to", "2026-12-31");
        await gemeente.FillAsync("#funding-purpose", "Buurtconciërges en schoonmaak");
        await gemeente.ClickAsync("#funding-form button[type=submit]");
        await gemeente.WaitForSelectorAsync("#funding-table td:has-text('Buurtconciërges')");
        await gemeente.ClickAsync("#publish");
        await gemeente.WaitForSelectorAsync("#publish:has-text('intrekken')");

        // and the gemeente makes its own agreement
        await AddAgreementAsync(gemeente, "Buurtconciërge in elke flat", "2025-12-31", null);
        var gemeenteAgreement = await HashIdAsync(gemeente);

        // And each party signs in and keeps its own agreements; Mitros's is linked to the households, target 18,000,
        // and due today
        var mitros = await SignInAsync("mitros", $"#/programme/{programmeId}");
        await AddAgreementAsync(mitros, "Portieken opknappen Zambesidreef", "2025-03-01", ("households", "18000"));
        await ChangeStatusAsync(mitros, "in_progress", "Aannemer is begonnen");
        var mitrosAgreement = await HashIdAsync(mitros);
        await ShotAsync(mitros, "wijkaanpak-2-agreement");

        var portaal = await SignInAsync("portaal", $"#/programme/{programmeId}");
        await AddAgreementAsync(portaal, "Vijftig woningen voor gezinnen", "2025-06-30", ("population", "36000"));
        await ChangeStatusAsync(portaal, "done", "Opgeleverd in februari");
        await portaal.FillAsync("#agreement-title", "Vijftig gezinswoningen aan de Zamenhofdreef");
        await portaal.ClickAsync("#edit-form button[type=submit]");
        await portaal.WaitForSelectorAsync("h1:has-text('Zamenhofdreef')");

        var buurtteam = await SignInAsync("buurtteam", $"#/programme/{programmeId}");
        await AddAgreementAsync(buurtteam, "Spreekuur in het wijkcentrum", "2025-09-30", null);
        await buurtteam.GotoAsync(Url($"#/agreement/{mitrosAgreement}"));
        await buurtteam.FillAsync("#comment-text", "Wij kunnen bewoners met schulden doorverwijzen.");
        await buurtteam.ClickAsync("#comment-form button[type=submit]");
        await buurtteam.WaitForSelectorAsync("#comments li:has-text('doorverwijzen')");
        (await buurtteam.Locator("#status-form").CountAsync()).ShouldBe(0);

        await gemeente.GotoAsync(Url($"#/programme/{programmeId}"));
        await gemeente.WaitForSelectorAsync("#board .agreement-card");
        (await gemeente.Locator("#board [data-status='in_progress'] .agreement-card").AllTextContentsAsync()).ShouldHaveSingleItem().ShouldContain("Zambesidreef");
        (await gemeente.Locator("#board [data-status='late'] .agreement-card").CountAsync()).ShouldBe(0);
        await ShotAsync(gemeente, "wijkaanpak-1-board");

        // When Mitros's deadline passes on the server's clock
        server.Clock.Advance(TimeSpan.FromMinutes(90));

        // Then the board shows it as late
        await gemeente.ReloadAsync();
        await gemeente.WaitForSelectorAsync("#board [data-status='late'] .agreement-card");
        (await gemeente.Locator("#board [data-status='late'] .agreement-card").AllTextContentsAsync()).ShouldHaveSingleItem().ShouldContain("Mitros");

        // and the accountability view names Mitros beside the households' movement from 2023 to 2024
        await gemeente.ClickAsync($".subnav a[href='#/accountability/{programmeId}']");
        await gemeente.WaitForSelectorAsync("#accountability-table");
        var late = gemeente.Locator($"#accountability-table tr[data-id='{mitrosAgreement}']");
        (await late.GetAttributeAsync("data-status")).ShouldBe("late");
        var row = await late.TextContentAsync() ?? string.Empty;
        row.ShouldContain("Mitros");
        row.ShouldContain("te laat");
        row.ShouldContain("Huishoudens totaal");
        row.ShouldContain("17.305 (2023)");
        row.ShouldContain("17.470 (2024)");
        row.ShouldContain("richting doel");
        (await gemeente.TextContentAsync("section:has(#acc-goals) table") ?? string.Empty).ShouldContain("30 %");
        (await gemeente.TextContentAsync("#late-by-party") ?? string.Empty).ShouldContain("Mitros: 1");
        (await gemeente.Locator($"#accountability-table tr[data-status='done']").TextContentAsync() ?? string.Empty).ShouldContain("Portaal");
        (await gemeente.GetAttributeAsync("#accountability-csv", "href") ?? string.Empty).ShouldStartWith($"/api/v1/wijkaanpak/programmes/{programmeId}/accountability.csv");
        (await gemeente.GetAttributeAsync("#accountability-pdf", "href") ?? string.Empty).ShouldStartWith($"/api/v1/wijkaanpak/programmes/{programmeId}/accountability.pdf");
        var csv = await gemeente.RunAndWaitForDownloadAsync(() => gemeente.ClickAsync("#accountability-csv"));
        var csvPath = Path.Combine(Screenshots, "wijkaanpak-accountability.csv");
        await csv.SaveAsAsync(csvPath);
        (await File.ReadAllTextAsync(csvPath, TestContext.Current.CancellationToken)).ShouldContain("Portieken opknappen Zambesidreef");
        await ShotAsync(gemeente, "wijkaanpak-3-accountability", fullPage: true);

        // and the audit trail says who changed what
        await gemeente.ClickAsync($".subnav a[href='#/audit/{programmeId}']");
        await gemeente.WaitForSelectorAsync("#audit-table tbody tr");
        (await gemeente.TextContentAsync("#audit-table") ?? string.Empty).ShouldContain("Sanne Jansen");
        await ShotAsync(gemeente, "wijkaanpak-4-audit");

        // And when Mitros, past its deadline, sets its late agreement in progress, the badge follows what it chose and
        // the passed deadline stays beside it as a quieter fact; the board moves the card out of "te laat"
        await mitros.GotoAsync(Url($"#/agreement/{mitrosAgreement}"));
        await mitros.ReloadAsync(); // the page was already there, read before midnight
        await mitros.WaitForSelectorAsync("#agreement-status.status-late");
        (await mitros.TextContentAsync("#agreement-status") ?? string.Empty).ShouldBe("te laat");
        await ChangeStatusAsync(mitros, "in_progress", "Nog twee portieken te gaan");
        (await mitros.TextContentAsync("#agreement-status") ?? string.Empty).ShouldBe("in uitvoering");
        (await mitros.TextContentAsync("#agreement-deadline-passed") ?? string.Empty).ShouldBe(" deadline 1 mrt 2025 verstreken");
        await ShotAsync(mitros, "wijkaanpak-6-late-then-in-progress");
        await gemeente.GotoAsync(Url($"#/programme/{programmeId}"));
        await gemeente.WaitForSelectorAsync("#board .agreement-card");
        (await gemeente.Locator("#board [data-status='late'] .agreement-card").CountAsync()).ShouldBe(0);
        (await gemeente.Locator("#board [data-status='in_progress'] .agreement-card").AllTextContentsAsync()).ShouldHaveSingleItem().ShouldContain("verstreken");

        // And a corporation gets no edit control on the gemeente's agreement, and the API refuses if forced
        await mitros.GotoAsync(Url($"#/agreement/{gemeenteAgreement}"));
        await mitros.WaitForSelectorAsync("#read-only");
        (await mitros.Locator("#edit-form, #status-form").CountAsync()).ShouldBe(0);
        (await mitros.Locator("#comment-form").CountAsync()).ShouldBe(1);
        var forced = await mitros.EvaluateAsync<int>(
            """
            async (id) => {
              const token = (await (await fetch('/api/v1/auth/antiforgery')).json()).token;
              const response = await fetch(`/api/v1/wijkaanpak/agreements/${id}/status`, {
                method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': token, 'If-Match': '"1"' }, body: JSON.stringify({ status: 'done' }) });
              return response.status;
            }
            """,
            gemeenteAgreement);
        forced.ShouldBe((int)HttpStatusCode.Forbidden);
        await ShotAsync(mitros, "wijkaanpak-5-read-only");
    }

    [Fact]
    public async Task Conflict_TwoTabsEditTheSameAgreement_TheSecondIsToldToReload()
    {
        // Given an agreement of Mitros open in two tabs
        var programmeId = await PublishedProgrammeAsync("Overvecht Schoon");
        using var mitrosApi = await server.SignInAsync(server.Accounts["mitros"]);
        var agreement = await mitrosApi.SendAsync(HttpMethod.Post, $"api/v1/wijkaanpak/programmes/{programmeId}/agreements", new
        {
            title = "Grofvuil ophalen",
            deliverable = "Elke maand",
            ownerPartyId = server.Parties["Mitros"],
            counterpartyIds = Array.Empty<long>(),
            deadline = "2026-06-30",
            indicators = Array.Empty<object>(),
        });
        var first = await SignInAsync("mitros", $"#/agreement/{agreement["id"]}");
        await first.WaitForSelectorAsync("#status-form");
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync(Url($"#/agreement/{agreement["id"]}"));
        await second.WaitForSelectorAsync("#status-form");

        // When the first tab changes the status and the second then saves an edit
        await ChangeStatusAsync(first, "in_progress", null);
        await second.FillAsync("#agreement-title", "Grofvuil ophalen, elke maand");
        await second.ClickAsync("#edit-form button[type=submit]");

        // Then the second is told that someone else changed it, and reloading shows the current state
        await second.WaitForSelectorAsync("#edit-form .conflict");
        (await second.TextContentAsync("#edit-form .conflict") ?? string.Empty).ShouldContain("Iemand anders heeft dit intussen gewijzigd");
        await ShotAsync(second, "wijkaanpak-6-conflict");
        await second.ClickAsync("#edit-form .conflict button.reload");
        await second.WaitForSelectorAsync("#agreement-status:has-text('in uitvoering')");
        (await second.InputValueAsync("#agreement-title")).ShouldBe("Grofvuil ophalen");
    }

    [Fact]
    public async Task Resident_SubmitsAnInitiative_AndSeesItAcceptedByTheCoordinator()
    {
        // Given a published programme and a resident signed in
        var programmeId = await PublishedProgrammeAsync("Overvecht Groen");
        var resident = await SignInAsync("bewoner", $"#/initiatives/{programmeId}");

        // When the resident submits an initiative
        await resident.FillAsync("#initiative-title", "Moestuin bij de Bikinibar");
        await resident.FillAsync("#initiative-description", "Een gezamenlijke moestuin op het grasveld achter de flat.");
        await resident.ClickAsync("#initiative-form button[type=submit]");
        var row = resident.Locator("#initiatives-table tr[data-title='Moestuin bij de Bikinibar']");
        await row.WaitForAsync();
        (await row.TextContentAsync() ?? string.Empty).ShouldContain("ingediend");
        (await resident.Locator("#initiatives-table form").CountAsync()).ShouldBe(0);

        // and the coordinator takes it into review and accepts it
        var coordinator = await SignInAsync("gemeente", $"#/initiatives/{programmeId}");
        foreach (var status in new[] { "under_review", "accepted" })
        {
            var decide = coordinator.Locator("#initiatives-table tr[data-title='Moestuin bij de Bikinibar'] form");
            await decide.Locator("select").SelectOptionAsync(status);
            await decide.Locator("input").FillAsync(status == "accepted" ? "Mooi plan, de gemeente levert de grond." : string.Empty);
            await decide.Locator("button").ClickAsync();
            await coordinator.WaitForSelectorAsync($"#initiatives-table tr[data-title='Moestuin bij de Bikinibar'] .initiative-{status}");
        }

        // Then the resident sees it accepted, with the note
        await resident.ReloadAsync();
        await resident.WaitForSelectorAsync("#initiatives-table .initiative-accepted");
        (await row.TextContentAsync() ?? string.Empty).ShouldContain("aangenomen");
        (await row.TextContentAsync() ?? string.Empty).ShouldContain("de gemeente levert de grond");
        await ShotAsync(resident, "wijkaanpak-7-initiative");
    }

    [Fact]
    public async Task SignIn_WrongPassword_IsRefusedUniformly_AndSignOutEndsTheSession()
    {
        var page = await NewPageAsync("#/wijkaanpak");
        await page.WaitForSelectorAsync("#signin-form");
        await page.FillAsync("#signin-user", server.Accounts["portaal"]);
        await page.FillAsync("#signin-password", "not the password at all");
        await page.ClickAsync("#signin-form button[type=submit]");
        (await page.Locator("#signin-form .problem").TextContentAsync() ?? string.Empty).ShouldBe("Onbekende gebruikersnaam of wachtwoord.");
        await ShotAsync(page, "wijkaanpak-0-signin");

        await page.FillAsync("#signin-password", WijkaanpakServer.Password);
        await page.ClickAsync("#signin-form button[type=submit]");
        await page.WaitForSelectorAsync("#programmes-table, main p");
        await page.WaitForSelectorAsync("#whoami");
        await page.ClickAsync("#lang");
        await page.WaitForSelectorAsync("h1:has-text('Programmes')");
        (await page.TextContentAsync("#whoami") ?? string.Empty).ShouldEndWith("· Portaal · partner");
        (await page.TextContentAsync("#signout") ?? string.Empty).ShouldBe("Sign out");
        await page.ClickAsync("#lang");

        // a session that ends under the page (401) leads to the sign-in page, and back after signing in again
        await page.Context.ClearCookiesAsync();
        await page.EvaluateAsync("() => { location.hash = '#/wijkaanpak?again=1'; }");
        await page.WaitForSelectorAsync("#signin-form");
        await page.FillAsync("#signin-user", server.Accounts["portaal"]);
        await page.FillAsync("#signin-password", WijkaanpakServer.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => location.hash === '#/wijkaanpak?again=1'");
        await page.WaitForSelectorAsync("#signout");
        await page.ClickAsync("#signout");
        await page.WaitForSelectorAsync("#signin-form");
        // a page that needs a session now leads to the sign-in page, which comes back to it afterwards
        await page.EvaluateAsync("() => { location.hash = '#/wijkaanpak'; }");
        await page.WaitForFunctionAsync("() => location.hash === '#/signin?next=' + encodeURIComponent('#/wijkaanpak')");
    }

    [Fact]
    public async Task Accounts_AdminCreatesAnAccount_AndDisablesIt()
    {
        var admin = await SignInAsync("admin", "#/accounts");
        await admin.WaitForSelectorAsync("#accounts-table");
        await admin.FillAsync("#account-user", "p.dekker");
        await admin.FillAsync("#account-display", "Pim Dekker");
        await admin.SelectOptionAsync("#account-party", new SelectOptionValue { Label = "Portaal (corporatie)" });
        await admin.SelectOptionAsync("#account-role", "partner");
        await admin.FillAsync("#account-password", "een lang genoeg wachtwoord");
        await admin.ClickAsync("#account-form button[type=submit]");
        var row = admin.Locator("#accounts-table tr[data-user='p.dekker']");
        await row.WaitForAsync();
        (await row.TextContentAsync() ?? string.Empty).ShouldContain("Portaal");
        await row.Locator("button.toggle").ClickAsync();
        await admin.WaitForSelectorAsync("#accounts-table tr[data-user='p.dekker'] button.toggle:has-text('Deblokkeren')");

        // and the page's audit trail shows the change, newest first, by the administrator
        var change = admin.Locator("#account-audit-table tbody tr").First;
        (await change.TextContentAsync() ?? string.Empty).ShouldContain("Beheerder (Gemeente Utrecht) blokkeerde het account p.dekker");
        await ShotAsync(admin, "wijkaanpak-8-accounts");

        using var refused = new HttpClient { BaseAddress = server.BaseAddress };
        using var login = await refused.PostAsJsonAsync("api/v1/auth/login", new { userName = "p.dekker", password = "een lang genoeg wachtwoord" }, TestContext.Current.CancellationToken);
        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Header_SignedInAsAdministrator_KeepsTheLanguageButtonOnItsFirstLine()
    {
        // Given the widest header: the administrator signed in (the menu has Accounts, the session box a long name)
        var page = await SignInAsync("admin", "#/wijkaanpak");

        foreach (var (width, height, language) in new[] { (1440, 900, "nl"), (1366, 768, "nl"), (390, 844, "nl"), (1440, 900, "en"), (1366, 768, "en") })
        {
            if (language == "en" && await page.TextContentAsync("#lang") is { } button && button.StartsWith("EN", StringComparison.Ordinal))
            {
                await page.ClickAsync("#lang");
                await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");
            }

            // When the window has a laptop's or a phone's size
            await page.SetViewportSizeAsync(width, height);
            await page.WaitForFunctionAsync("(width) => document.documentElement.clientWidth === width", width);

            // Then the language button is on the header's first line, beside the brand, and inside the screen
            var header = await page.EvaluateAsync<double[]>("""
                () => {
                  const brand = document.querySelector('.brand').getBoundingClientRect();
                  const lang = document.querySelector('#lang').getBoundingClientRect();
                  return [brand.top, brand.bottom, lang.top, lang.right, document.documentElement.clientWidth];
                }
                """);
            header[2].ShouldBeLessThan(header[1], $"{width}×{height} {language}: the language button starts at {header[2]} px, below the brand's line (ends at {header[1]} px)");
            header[3].ShouldBeLessThanOrEqualTo(header[4], $"{width}×{height} {language}: the language button ends outside the screen");
            await ShotAsync(page, $"header-{width}-{language}-signed-in");
        }
    }

    [Fact]
    public async Task AccountabilityPdf_ReadBack_IsInOneLanguage()
    {
        // Given a published programme with a late agreement linked to an indicator, and a funding stream
        var programmeId = await PublishedProgrammeAsync("Overvecht op papier");
        using var gemeenteApi = await server.SignInAsync(server.Accounts["gemeente"]);
        using var mitrosApi = await server.SignInAsync(server.Accounts["mitros"]);
        await LateAgreementAndFundingAsync(mitrosApi, gemeenteApi, programmeId);

        foreach (var (language, heading) in new[] { ("nl", "Afspraken en indicatoren"), ("en", "Agreements and indicators") })
        {
            // When the council's PDF is printed in the language and its text read back
            using var pdf = await gemeenteApi.GetAsync($"api/v1/wijkaanpak/programmes/{programmeId}/accountability.pdf?lang={language}");
            pdf.StatusCode.ShouldBe(HttpStatusCode.OK, "CI installs Debian's chromium; without it this answers 503");
            var text = await PageChecks.PdfTextAsync(await pdf.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

            // Then it is in that language, with no word that only the other language's texts use (what the parties wrote
            // stays as they wrote it)
            text.ShouldContain(heading);
            text.ShouldContain("Mitros");
            string[] written = ["Overvecht op papier", "Meer gezinswoningen", "120 eengezinswoningen", "Renovatie en verduurzaming"];
            var other = language == "nl" ? PageChecks.EnglishWordsIn(text, written) : PageChecks.DutchWordsIn(text, written);
            other.ShouldBeEmpty($"{language} accountability: {string.Join(", ", other)}");
        }
    }

    [Fact]
    public async Task Phone_EveryWijkaanpakPage_FitsTheScreen_PassesAxe_AndSpeaksDutch()
    {
        // Given a published programme with Mitros, an agreement of the gemeente's in progress and one of Mitros's
        // linked to an indicator, a funding stream and a resident's initiative
        var programmeId = await PublishedProgrammeAsync("Overvecht op de telefoon");
        using var gemeenteApi = await server.SignInAsync(server.Accounts["gemeente"]);
        using var mitrosApi = await server.SignInAsync(server.Accounts["mitros"]);
        var agreement = await gemeenteApi.SendAsync(HttpMethod.Post, $"api/v1/wijkaanpak/programmes/{programmeId}/agreements", new
        {
            title = "Buurtconciërge in elke flat met een lange naam die op een telefoon moet afbreken",
            deliverable = "Elke portiekflat heeft een vaste buurtconciërge",
            ownerPartyId = server.Parties["Gemeente Utrecht"],
            deadline = "2025-12-31",
        });
        await gemeenteApi.SendAsync(HttpMethod.Post, $"api/v1/wijkaanpak/agreements/{agreement["id"]}/status", new { status = "in_progress", comment = "Gestart" }, $"\"{agreement["version"]}\"");
        var late = await LateAgreementAndFundingAsync(mitrosApi, gemeenteApi, programmeId);
        // (Mitros's is past its deadline and set in progress after it: shown in progress, the passed deadline beside it)
        await mitrosApi.SendAsync(HttpMethod.Post, $"api/v1/wijkaanpak/agreements/{late["id"]}/status", new { status = "in_progress", comment = "Bouw gestart" }, $"\"{late["version"]}\"");

        // When the coordinator and then the administrator visit every page of the wijkaanpak at 390×844 in Dutch
        (string Hash, string Ready, string Name)[] pages =
        [
            ("#/wijkaanpak", "#programmes-table", "wijkaanpak"),
            ($"#/programme/{programmeId}", "#board .agreement-card", "programme"),
            ($"#/agreement/{agreement["id"]}", "#status-form", "agreement"),
            ($"#/initiatives/{programmeId}", "main h1", "initiatives"),
            ($"#/accountability/{programmeId}", "#accountability-table", "accountability"),
            ($"#/audit/{programmeId}", "#audit-table tbody tr", "audit"),
        ];
        var findings = new List<string>();
        var coordinator = await PhoneSignInAsync("gemeente");
        foreach (var (hash, ready, name) in pages)
        {
            findings.AddRange(await PageChecks.VisitAsync(coordinator, hash, ready, "wijkaanpak-" + name));
        }

        await coordinator.EvaluateAsync("(hash) => { location.hash = hash; }", $"#/agreement/{late["id"]}");
        await coordinator.WaitForSelectorAsync("#agreement-status.status-in_progress");
        (await coordinator.TextContentAsync("#agreement-deadline-passed") ?? string.Empty).ShouldBe(" deadline 31 jan 2025 verstreken");

        var admin = await PhoneSignInAsync("admin");
        findings.AddRange(await PageChecks.VisitAsync(admin, "#/accounts", "#accounts-table", "wijkaanpak-accounts"));

        // Then nothing sticks out of the screen, axe finds nothing serious and every word is Dutch
        findings.ShouldBeEmpty(string.Join("\n", findings));

        // And the audit trail tells each change as a sentence: who with the party, amounts in euros, parties by name
        var audit = (await gemeenteApi.SendAsync(HttpMethod.Get, $"api/v1/wijkaanpak/programmes/{programmeId}/audit")).AsArray().Select(e => e!["description"]!.GetValue<string>()).ToList();
        audit.ShouldContain("Eva de Vries (Gemeente Utrecht) legde financiering vast: € 18.500.000 van Gemeente Utrecht voor ‘Renovatie en verduurzaming’, van 1 januari 2025 tot en met 31 december 2027");
        audit.ShouldContain("Eva de Vries (Gemeente Utrecht) zette de afspraak ‘Buurtconciërge in elke flat met een lange naam die op een telefoon moet afbreken’ op ‘in uitvoering’");
        audit.ShouldContain("Mohamed Bakker (Mitros) maakte de afspraak ‘Meer gezinswoningen’ (eigenaar Mitros, deadline 31 januari 2025)");
    }

    /// <summary>A phone-sized browser of its own for an account, signed in through the sign-in page.</summary>
    private async Task<IPage> PhoneSignInAsync(string who)
    {
        var page = await PageChecks.NewPhonePageAsync(Browser, new Uri(Url("#/signin")));
        await page.WaitForSelectorAsync("#signin-form");
        await page.FillAsync("#signin-user", server.Accounts[who]);
        await page.FillAsync("#signin-password", WijkaanpakServer.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#whoami");
        return page;
    }

    /// <summary>Mitros's agreement past its deadline (linked to an indicator) and the gemeente's funding stream, in a programme with Mitros.</summary>
    private async Task<System.Text.Json.Nodes.JsonNode> LateAgreementAndFundingAsync(ApiClient mitrosApi, ApiClient gemeenteApi, string programmeId)
    {
        var late = await mitrosApi.SendAsync(HttpMethod.Post, $"api/v1/wijkaanpak/programmes/{programmeId}/agreements", new
        {
            title = "Meer gezinswoningen",
            deliverable = "120 eengezinswoningen",
            ownerPartyId = server.Parties["Mitros"],
            deadline = "2025-01-31",
            indicators = new[] { new { indicator = "households_with_children", target = 4200 } },
        });
        await gemeenteApi.SendAsync(HttpMethod.Post, $"api/v1/wijkaanpak/programmes/{programmeId}/funding", new
        {
            funderPartyId = server.Parties["Gemeente Utrecht"],
            amount = 18_500_000m,
            from = "2025-01-01",
            to = "2027-12-31",
            purpose = "Renovatie en verduurzaming",
        });
        return late;
    }

    private async Task<string> PublishedProgrammeAsync(string name)
    {
        using var gemeente = await server.SignInAsync(server.Accounts["gemeente"]);
        var programme = await gemeente.SendAsync(HttpMethod.Post, "api/v1/wijkaanpak/programmes", new
        {
            name,
            areaCode = "WK034403",
            startDate = "2025-01-01",
            startYear = 2023,
            description = "Wijkaanpak",
            goals = Array.Empty<object>(),
        });
        var id = programme["id"]!.GetValue<long>();
        await gemeente.SendAsync(HttpMethod.Post, $"api/v1/wijkaanpak/programmes/{id}/coalition", new { partyId = server.Parties["Mitros"], from = "2025-01-01" });
        var current = await gemeente.SendAsync(HttpMethod.Get, $"api/v1/wijkaanpak/programmes/{id}");
        await gemeente.SendAsync(HttpMethod.Post, $"api/v1/wijkaanpak/programmes/{id}/publish", new { published = true }, $"\"{current["version"]}\"");
        return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private string Url(string hash) => new Uri(server.BaseAddress, "/" + hash).ToString();

    private Task<IPage> NewPageAsync(string hash) => NewPageAsync(new Uri(Url(hash)));

    /// <summary>A browser of its own for an account, signed in through the sign-in page, at <paramref name="hash"/>.</summary>
    private async Task<IPage> SignInAsync(string who, string hash)
    {
        var page = await NewPageAsync(hash);
        await page.WaitForSelectorAsync("#signin-form");
        await page.FillAsync("#signin-user", server.Accounts[who]);
        await page.FillAsync("#signin-password", WijkaanpakServer.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#whoami");
        await page.WaitForFunctionAsync("(hash) => location.hash === hash", hash);
        await page.WaitForSelectorAsync("main h1");
        return page;
    }

    private static async Task AddAgreementAsync(IPage page, string title, string deadline, (string Indicator, string Target)? linked)
    {
        await page.WaitForSelectorAsync("#agreement-form");
        await page.FillAsync("#agreement-title", title);
        await page.FillAsync("#agreement-deliverable", title + ", met de bewoners.");
        await page.FillAsync("#agreement-deadline", deadline);
        if (linked is var (indicator, target))
        {
            await page.SelectOptionAsync("#agreement-indicator", indicator);
            await page.FillAsync("#agreement-target", target);
        }

        await page.ClickAsync("#agreement-form button[type=submit]");
        await WaitForHashAsync(page, "^#/agreement/\\d+$");
        await page.WaitForSelectorAsync($"h1:has-text('{title}')");
    }

    private static async Task ChangeStatusAsync(IPage page, string status, string? comment)
    {
        await page.SelectOptionAsync("#status-new", status);
        await page.FillAsync("#status-comment", comment ?? string.Empty);
        await page.ClickAsync("#status-form button[type=submit]");
        await page.WaitForSelectorAsync($"#agreement-status.status-{status}");
    }
}
