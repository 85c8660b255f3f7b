using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Leefkracht.Wijkaanpak.Storage;

/// <summary>
/// Password hashes: PBKDF2-HMAC-SHA512 (OWASP's 2023 minimum of 210,000 iterations), a random 16-byte salt per
/// password, a 32-byte hash, kept as <c>pbkdf2-sha512$iterations$salt$hash</c> (base64) so the iteration count can
/// be raised later without invalidating stored hashes.
/// </summary>
public static class Passwords
{
    /// <summary>The iterations of new hashes.</summary>
    public const int Iterations = 210_000;

    /// <summary>The shortest password accepted.</summary>
    public const int MinimumLength = 12;

    private const string Scheme = "pbkdf2-sha512";

    /// <summary>A hash computed once for "no such account", so that an unknown name costs the same as a wrong password.</summary>
    private static readonly Lazy<string> Decoy = new(() => Hash("decoy password that matches nothing"));

    /// <summary>Hashes a password with a new random salt.</summary>
    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA512, 32);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="stored"/>; null (no such account, no password) does the same work and fails.</summary>
    public static bool Verify(string password, string? stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        var parts = (stored ?? Decoy.Value).Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, expected.Length);
        return stored is not null && CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>A random password for demo accounts: 20 characters from an alphabet without look-alikes.</summary>
    public static string Generate()
    {
        const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(Alphabet, 20);
    }
}
