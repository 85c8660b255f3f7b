using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Wijkaanpak.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Leefkracht.Testing;

/// <summary>What the wijkaanpak's test servers start from: the clock, the password, accounts made through the store.</summary>
public static class WijkaanpakSeeds
{
    /// <summary>The password of every seeded account.</summary>
    public const string Password = "correct horse battery staple";

    /// <summary>Who seeds: the tests, as <c>leefkracht account add</c> is the system.</summary>
    public static AuditActor Seeder { get; } = new(null, "tests");

    /// <summary>
    /// A clock at 23:00 UTC on 1 March 2025 (its local time zone is UTC), so that a test can make "today" the next day by
    /// advancing it 90 minutes, which leaves the 8-hour sessions of parallel tests alone.
    /// </summary>
    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2025, 3, 1, 23, 0, 0, TimeSpan.Zero));

    /// <summary>Makes an account through the store, as <c>leefkracht account add</c> does.</summary>
    public static Task<AccountRecord> AccountAsync(IWijkaanpakStore store, string userName, string displayName, long partyId, Role role, string password = Password) =>
        store.CreateAccountAsync(new AccountRecord(0, userName, displayName, partyId, role, Passwords.Hash(password), false, 0, null, 1), Seeder);
}
