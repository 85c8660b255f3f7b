using System.Text.RegularExpressions;

namespace Leefkracht.Fetch;

/// <summary>A gemeente given by code: <c>GM0344</c>, <c>gm0344</c> or <c>0344</c>.</summary>
internal static partial class GemeenteCodes
{
    /// <summary>The four digits of a gemeente code, or null when <paramref name="text"/> is not one (a name, say).</summary>
    public static string? Number(string text) =>
        Code().Match(text.Trim()) is { Success: true } match ? match.Groups["number"].Value : null;

    /// <summary>Whether a KWB area code (GM/WK/BU) lies in the gemeente with <paramref name="number"/>.</summary>
    public static bool Contains(string number, string areaCode)
    {
        var code = areaCode.Trim();
        return code.Length >= 6 && code[..2] is "GM" or "WK" or "BU" && code.AsSpan(2, 4).SequenceEqual(number);
    }

    [GeneratedRegex("^(?:GM)?(?<number>[0-9]{4})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Code();
}
