using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Wijkaanpak.Storage;

namespace Leefkracht.Cli.Commands;

/// <summary>
/// The demo's wijkaanpak: a programme for Overvecht (WK034403, Utrecht) with the gemeente, two corporations, a
/// care organisation and residents, a few agreements in different states, funding, and one demo account per role
/// whose password is generated at random and printed once. Idempotent: when the programme exists nothing is
/// written (and no passwords are printed again; reset one with an admin account through the API).
/// </summary>
internal static class WijkaanpakDemo
{
    public const string ProgrammeName = "Overvecht Samen Vooruit";

    public static async Task SeedAsync(CliEnvironment environment, string database, CancellationToken cancellationToken)
    {
        await using var store = await WijkaanpakStores.OpenAsync(database, environment.Clock, cancellationToken).ConfigureAwait(false);
        if ((await store.ListProgrammesAsync(cancellationToken).ConfigureAwait(false)).Any(p => p.Programme.Name == ProgrammeName))
        {
            environment.Out.MarkupLine(Markup.Escape($"wijkaanpak: demo programme '{ProgrammeName}' exists; nothing changed (demo passwords were printed when the accounts were made)"));
            return;
        }

        var actor = new AuditActor(null, "leefkracht demo");
        var existing = (await store.ListPartiesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        async Task<Party> PartyAsync(string name, PartyType type) =>
            existing.TryGetValue(name, out var party) ? party : await store.CreatePartyAsync(name, type, actor, cancellationToken).ConfigureAwait(false);
        var gemeente = await PartyAsync("Gemeente Utrecht", PartyType.Gemeente).ConfigureAwait(false);
        var mitros = await PartyAsync("Mitros", PartyType.Corporatie).ConfigureAwait(false);
        var portaal = await PartyAsync("Portaal", PartyType.Corporatie).ConfigureAwait(false);
        var buurtteam = await PartyAsync("Buurtteam Overvecht", PartyType.Zorg).ConfigureAwait(false);
        var bewoners = await PartyAsync("Bewonersplatform Overvecht", PartyType.Bewoners).ConfigureAwait(false);

        // The demo accounts come first, so that the programme's history is the work of the people who would have done
        // it (the gemeente's coordinator makes the programme, each party keeps its own agreements), not of the installer.
        var table = new Table().AddColumns("account", "role", "party", "password (shown once)");
        var people = new Dictionary<long, AuditActor>();
        foreach (var (name, displayName, party, role) in new[]
        {
            ("demo-admin", "Beheerder", gemeente, Role.Admin), ("demo-gemeente", "Eva de Vries", gemeente, Role.Coordinator), ("demo-mitros", "Mohamed Bakker", mitros, Role.Partner),
            ("demo-portaal", "Pim Dekker", portaal, Role.Partner), ("demo-buurtteam", "Fatima El Amrani", buurtteam, Role.Partner), ("demo-bewoner", "Kees Smit", bewoners, Role.Bewoner),
        })
        {
            var account = await store.FindAccountAsync(name, cancellationToken).ConfigureAwait(false);
            if (account is null)
            {
                var password = Passwords.Generate();
                account = await store.CreateAccountAsync(new AccountRecord(0, name, displayName, party.Id, role, Passwords.Hash(password), false, 0, null, 1), actor, cancellationToken).ConfigureAwait(false);
                table.AddRow(Markup.Escape(name), role.Code(), Markup.Escape(party.Name), Markup.Escape(password));
            }

            if (role != Role.Admin)
            {
                people.TryAdd(party.Id, new AuditActor(account.Id, account.DisplayName));
            }
        }

        var coordinator = people[gemeente.Id];

        var created = await store.CreateProgrammeAsync(
            new Programme(
                0, ProgrammeName, "WK034403", new DateOnly(2024, 1, 1), 2023,
                "Gemeente, corporaties, buurtteam en bewoners werken samen aan een veilig, gezond en betaalbaar Overvecht.",
                [new ProgrammeGoal("Meer gezinnen blijven in de wijk wonen", "households_with_children", 4200), new ProgrammeGoal("Minder eenzijdige woningvoorraad", "dwellings_corporation_pct", 45)],
                gemeente.Id, Published: true, 1),
            coordinator,
            cancellationToken).ConfigureAwait(false);
        var programmeId = created.Programme.Id;
        foreach (var party in new[] { mitros, portaal, buurtteam, bewoners })
        {
            await store.AddMemberAsync(new CoalitionMember(0, programmeId, party.Id, new DateOnly(2024, 1, 1), null, 1), coordinator, cancellationToken).ConfigureAwait(false);
        }

        async Task<Agreement> AgreementAsync(Party owner, string title, string deliverable, DateOnly deadline, Party[] with, params IndicatorTarget[] indicators) =>
            await store.CreateAgreementAsync(new Agreement(0, programmeId, owner.Id, [.. with.Select(p => p.Id)], title, deliverable, deadline, [.. indicators], AgreementStatus.Planned, 1), people[owner.Id], cancellationToken).ConfigureAwait(false);
        var renovation = await AgreementAsync(mitros, "Renovatie Zambesidreef", "220 portiekflats gerenoveerd en verduurzaamd", new DateOnly(2025, 12, 31), [gemeente], new IndicatorTarget("dwellings_corporation_pct", 45)).ConfigureAwait(false);
        var mix = await AgreementAsync(portaal, "Woningmix Gagelbos", "80 sociale huurwoningen omgezet naar middenhuur", new DateOnly(2025, 6, 30), [gemeente], new IndicatorTarget("dwellings_corporation_pct", 45)).ConfigureAwait(false);
        var teams = await AgreementAsync(buurtteam, "Buurtteam op school", "Spreekuur op alle basisscholen in Overvecht", new DateOnly(2024, 9, 1), [gemeente], new IndicatorTarget("households_with_children", 4200)).ConfigureAwait(false);
        await AgreementAsync(gemeente, "Speelplekken vernieuwd", "Zes speelplekken vernieuwd met bewoners", new DateOnly(2026, 10, 1), [bewoners], new IndicatorTarget("households_with_children", 4200)).ConfigureAwait(false);

        var now = environment.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(environment.Clock.GetLocalNow().DateTime);
        var mitrosPerson = people[mitros.Id];
        var buurtteamPerson = people[buurtteam.Id];
        await store.ChangeAgreementStatusAsync(renovation.Id, 1, a => AgreementWorkflow.ChangeStatus(a, AgreementStatus.InProgress, today, now, mitrosPerson.AccountId, "Eerste 60 woningen klaar"), mitrosPerson, cancellationToken).ConfigureAwait(false);
        await store.ChangeAgreementStatusAsync(teams.Id, 1, a => AgreementWorkflow.ChangeStatus(a, AgreementStatus.Done, today, now, buurtteamPerson.AccountId, "Op alle 9 scholen gestart"), buurtteamPerson, cancellationToken).ConfigureAwait(false);
        _ = mix; // left planned: past its deadline it shows as late
        await store.CreateFundingAsync(new Funding(0, programmeId, gemeente.Id, 1_250_000_00, new DateOnly(2024, 1, 1), new DateOnly(2027, 12, 31), "Programmabudget wijkaanpak", 1), coordinator, cancellationToken).ConfigureAwait(false);
        await store.CreateFundingAsync(new Funding(0, programmeId, mitros.Id, 18_500_000_00, new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31), "Renovatie en verduurzaming", 1), coordinator, cancellationToken).ConfigureAwait(false);

        environment.Out.MarkupLine(Markup.Escape($"wijkaanpak: demo programme '{ProgrammeName}' (WK034403) with 4 agreements and demo accounts (demo only: note the passwords now):"));
        environment.Out.Write(table);
    }
}
