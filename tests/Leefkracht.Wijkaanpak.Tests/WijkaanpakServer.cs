using Leefkracht.Wijkaanpak.Storage;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(Leefkracht.Wijkaanpak.Tests.WijkaanpakServer))]

namespace Leefkracht.Wijkaanpak.Tests;

/// <summary>
/// The app over Utrecht's KWB 2023 and 2024 in a store of the run's kind, with a fake clock
/// (<see cref="WijkaanpakSeeds.Clock"/>) and every log message captured. Parties and accounts are seeded through the
/// store, as <c>leefkracht account add</c> does. Every test signs in from 127.0.0.1, so the per-address login limit
/// (60 a minute of real time, which the fake clock does not move) is raised: the assembly's tests sign in more often
/// than that when they run fast; the per-name limit (<c>SecurityTests</c>) stays as it is.
/// </summary>
public sealed class WijkaanpakServer() : TestServer(new TestServerOptions
{
    Sample = "utrecht",
    Clock = WijkaanpakSeeds.Clock(),
    CaptureLogs = true,
    Args = ["--Leefkracht:LoginsPerMinutePerAddress=100000"],
})
{
    public const string Password = WijkaanpakSeeds.Password;

    public IWijkaanpakStore Wijkaanpak => Services.GetRequiredService<IWijkaanpakStore>();

    public Party Gemeente { get; private set; } = null!;

    public Party Corporatie { get; private set; } = null!;

    public Party OtherCorporatie { get; private set; } = null!;

    public Party Zorg { get; private set; } = null!;

    public Party Residents { get; private set; } = null!;

    /// <summary>A new account (unique name) of a party with a role, with <see cref="Password"/>.</summary>
    public Task<AccountRecord> AccountAsync(Party party, Role role, string? password = null) =>
        WijkaanpakSeeds.AccountAsync(Wijkaanpak, $"{role.Code()}-{Guid.NewGuid():N}", $"{role} of {party.Name}", party.Id, role, password ?? Password);

    /// <summary>A signed-in client for a new account.</summary>
    public async Task<ApiClient> SignedInAsync(Party party, Role role) => await SignInAsync((await AccountAsync(party, role)).UserName, Password);

    protected override async Task SeedAsync()
    {
        Gemeente = await Wijkaanpak.CreatePartyAsync("Gemeente Utrecht", PartyType.Gemeente, WijkaanpakSeeds.Seeder);
        Corporatie = await Wijkaanpak.CreatePartyAsync("Mitros", PartyType.Corporatie, WijkaanpakSeeds.Seeder);
        OtherCorporatie = await Wijkaanpak.CreatePartyAsync("Portaal", PartyType.Corporatie, WijkaanpakSeeds.Seeder);
        Zorg = await Wijkaanpak.CreatePartyAsync("Buurtteam Binnenstad", PartyType.Zorg, WijkaanpakSeeds.Seeder);
        Residents = await Wijkaanpak.CreatePartyAsync("Bewonersplatform Binnenstad", PartyType.Bewoners, WijkaanpakSeeds.Seeder);
    }
}
