using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Wijkaanpak.Storage;

namespace Leefkracht.Cli.Tests;

/// <summary><c>leefkracht account add</c>, on the run's database.</summary>
public sealed class AccountCommandTests : IDisposable
{
    private readonly TestStore _store = TestStore.Create();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task AccountAdd_ReadsThePasswordFromStandardInput_AndStoresOnlyItsHash()
    {
        const string Password = "Bootstrap-wachtwoord-2026";

        var result = await CliRunner.RunWithInputAsync(Password + "\n", "account", "add", "--name", "beheer", "--party", "Gemeente Utrecht", "--party-type", "gemeente", "--role", "admin", "--db", _store.Setting);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("account beheer (admin) van Gemeente Utrecht aangemaakt");
        (result.Out + result.Error).ShouldNotContain(Password);
        _store.Snapshot().ShouldNotContain(Password);
        await using var store = await WijkaanpakStores.OpenAsync(_store.Setting, TimeProvider.System, TestContext.Current.CancellationToken);
        var account = (await store.FindAccountAsync("BEHEER", TestContext.Current.CancellationToken)).ShouldNotBeNull();
        account.Role.ShouldBe(Role.Admin);
        Passwords.Verify(Password, account.PasswordHash).ShouldBeTrue();
    }

    [Fact]
    public async Task AccountAdd_ShortPasswordOrUnknownParty_IsRefused()
    {
        var shortPassword = await CliRunner.RunWithInputAsync("kort\n", "account", "add", "--name", "a", "--party", "Mitros", "--party-type", "corporatie", "--role", "partner", "--db", _store.Setting);
        var unknownParty = await CliRunner.RunWithInputAsync("lang-genoeg-wachtwoord\n", "account", "add", "--name", "b", "--party", "Nergens", "--role", "partner", "--db", _store.Setting);

        shortPassword.ExitCode.ShouldBe(2);
        shortPassword.Error.ShouldBe("het wachtwoord moet minstens 12 tekens hebben\n");
        unknownParty.ExitCode.ShouldBe(2);
        unknownParty.Error.ShouldBe("--party: er is geen partij ‘Nergens’; geef --party-type (gemeente, corporatie, zorg, welzijn, politie, bewoners) om haar aan te maken\n");
    }

    [Fact]
    public async Task AccountAdd_InEnglish_ConfirmsAndRefusesInEnglish()
    {
        var created = await CliRunner.RunWithInputAsync("Bootstrap-wachtwoord-2026\n", "account", "add", "--name", "coord", "--party", "Mitros", "--party-type", "corporatie", "--role", "coordinator", "--lang", "en", "--db", _store.Setting);
        var shortPassword = await CliRunner.RunWithInputAsync("kort\n", "account", "add", "--name", "c", "--party", "Mitros", "--role", "partner", "--lang", "en", "--db", _store.Setting);

        created.ExitCode.ShouldBe(0, created.Error);
        created.Out.ShouldContain("account coord (coordinator) of Mitros created");
        shortPassword.ExitCode.ShouldBe(2);
        shortPassword.Error.ShouldBe("the password must have at least 12 characters\n");
    }
}
