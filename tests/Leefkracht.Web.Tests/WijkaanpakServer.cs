using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Wijkaanpak.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Leefkracht.Web.Tests;

/// <summary>
/// The app over Utrecht's KWB 2023 and 2024 with a fake clock (<see cref="WijkaanpakSeeds.Clock"/>), for the wijkaanpak
/// browser tests. The administrator is made as <c>leefkracht account add</c> makes one (through the store); the
/// parties and the other accounts are made by that administrator through the API, as an application manager would.
/// </summary>
public sealed class WijkaanpakServer() : TestServer(new TestServerOptions
{
    Sample = "utrecht",
    Clock = WijkaanpakSeeds.Clock(),
    // Every test signs in from 127.0.0.1: the per-address login limit (docs/security.md) would refuse a fast run.
    Args = ["--Leefkracht:LoginsPerMinutePerAddress=100000"],
})
{
    public const string Password = WijkaanpakSeeds.Password;

    /// <summary>User names of the accounts, by who they are.</summary>
    public Dictionary<string, string> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Party ids by name.</summary>
    public Dictionary<string, long> Parties { get; } = new(StringComparer.Ordinal);

    /// <summary>An API session of an account (the same calls the pages make, cookies kept as a browser does).</summary>
    public Task<ApiClient> SignInAsync(string userName) => SignInAsync(userName, Password);

    protected override async Task SeedAsync()
    {
        var wijkaanpak = Services.GetRequiredService<IWijkaanpakStore>();
        var beheer = await wijkaanpak.CreatePartyAsync("Gemeente Utrecht", PartyType.Gemeente, WijkaanpakSeeds.Seeder);
        Parties[beheer.Name] = beheer.Id;
        await WijkaanpakSeeds.AccountAsync(wijkaanpak, "beheer", "Beheerder", beheer.Id, Role.Admin);
        Accounts["admin"] = "beheer";
        using var admin = await SignInAsync("beheer");
        foreach (var (name, type) in new[] { ("Mitros", "corporatie"), ("Portaal", "corporatie"), ("Buurtteam Overvecht", "zorg"), ("Bewonersplatform Overvecht", "bewoners") })
        {
            Parties[name] = (await admin.SendAsync(HttpMethod.Post, "api/v1/wijkaanpak/parties", new { name, type }))["id"]!.GetValue<long>();
        }

        foreach (var (who, userName, displayName, party, role) in new[]
        {
            ("gemeente", "e.devries", "Eva de Vries", "Gemeente Utrecht", "coordinator"),
            ("mitros", "m.bakker", "Mohamed Bakker", "Mitros", "partner"),
            ("portaal", "s.jansen", "Sanne Jansen", "Portaal", "partner"),
            ("buurtteam", "f.elamrani", "Fatima El Amrani", "Buurtteam Overvecht", "partner"),
            ("bewoner", "k.smit", "Kees Smit", "Bewonersplatform Overvecht", "bewoner"),
        })
        {
            await admin.SendAsync(HttpMethod.Post, "api/v1/accounts", new { userName, displayName, partyId = Parties[party], role, password = Password });
            Accounts[who] = userName;
        }
    }
}
