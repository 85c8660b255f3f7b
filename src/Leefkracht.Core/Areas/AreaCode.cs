using System.Diagnostics.CodeAnalysis;

namespace Leefkracht.Core.Areas;

/// <summary>
/// A validated CBS area code: <c>NL00</c>, <c>GM0344</c>, <c>WK034401</c> or <c>BU03440101</c>.
/// </summary>
/// <remarks>
/// CBS codes are hierarchical by construction: a buurt code is its gemeente code (4 digits), its wijk
/// number (2) and its buurt number (2). The wijk and buurt parts are usually digits, but gemeenten may use
/// letters (Amsterdam since 2022: <c>WK0363AA</c>, <c>BU0363AE01</c>), so they are validated as
/// upper-case letters or digits. Input is trimmed (StatLine pads codes with spaces) and upper-cased.
/// See the KWB metadata field <c>Codering_3</c>.
/// </remarks>
public readonly record struct AreaCode : IComparable<AreaCode>
{
    private const string CountryCode = "NL00";

    private AreaCode(string value, AreaLevel level)
    {
        Value = value;
        Level = level;
    }

    /// <summary>The code for the whole of the Netherlands.</summary>
    public static AreaCode Nederland { get; } = new(CountryCode, AreaLevel.Land);

    /// <summary>The normalised code text, for example <c>BU03440101</c>.</summary>
    public string Value { get; }

    /// <summary>The level the code's prefix denotes.</summary>
    public AreaLevel Level { get; }

    /// <summary>The four digits of the gemeente, or <see langword="null"/> for the country.</summary>
    public string? GemeenteNumber => Level == AreaLevel.Land ? null : Value.Substring(2, 4);

    /// <summary>The gemeente this area lies in (itself for a gemeente; the country has none).</summary>
    public AreaCode? Gemeente => Level switch
    {
        AreaLevel.Land => null,
        AreaLevel.Gemeente => this,
        _ => new AreaCode(string.Concat("GM", Value.AsSpan(2, 4)), AreaLevel.Gemeente),
    };

    /// <summary>
    /// The area directly above this one: buurt → wijk → gemeente → country; <see langword="null"/> for the country.
    /// </summary>
    public AreaCode? Parent => Level switch
    {
        AreaLevel.Buurt => new AreaCode(string.Concat("WK", Value.AsSpan(2, 6)), AreaLevel.Wijk),
        AreaLevel.Wijk => new AreaCode(string.Concat("GM", Value.AsSpan(2, 4)), AreaLevel.Gemeente),
        AreaLevel.Gemeente => Nederland,
        _ => null,
    };

    /// <summary>Whether <paramref name="ancestor"/> is this area or one of the areas above it.</summary>
    public bool IsWithin(AreaCode ancestor)
    {
        for (AreaCode? current = this; current is { } c; current = c.Parent)
        {
            if (c == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses a code or throws a <see cref="FormatException"/> that says what is wrong.</summary>
    public static AreaCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var code, out var error) ? code : throw new FormatException(error);
    }

    /// <summary>Tries to parse a code.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out AreaCode code) => TryParse(text, out code, out _);

    /// <summary>Tries to parse a code; on failure <paramref name="error"/> explains why, in the user's language (AreaWords.resx).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out AreaCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = AreaWords.Words["Code.Empty"];
            return false;
        }

        var value = text.Trim().ToUpperInvariant();
        if (value == CountryCode)
        {
            code = Nederland;
            error = null;
            return true;
        }

        if (value.Length < 2)
        {
            error = AreaWords.Words.Format("Code.TooShort", text.Trim());
            return false;
        }

        var (level, length) = value[..2] switch
        {
            "GM" => (AreaLevel.Gemeente, 6),
            "WK" => (AreaLevel.Wijk, 8),
            "BU" => (AreaLevel.Buurt, 10),
            _ => (AreaLevel.Land, 0),
        };
        if (length == 0)
        {
            error = AreaWords.Words.Format("Code.Prefix", text.Trim());
            return false;
        }

        if (value.Length != length)
        {
            error = AreaWords.Words.Format("Code.Length", text.Trim(), level.ToString().ToLowerInvariant(), value[..2], length - 2);
            return false;
        }

        for (var i = 2; i < 6; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                error = AreaWords.Words.Format("Code.Gemeente", text.Trim(), value[2..6]);
                return false;
            }
        }

        for (var i = 6; i < length; i++)
        {
            if (!char.IsAsciiDigit(value[i]) && !char.IsAsciiLetterUpper(value[i]))
            {
                error = AreaWords.Words.Format("Code.Character", text.Trim(), value[i]);
                return false;
            }
        }

        code = new AreaCode(value, level);
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public int CompareTo(AreaCode other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Orders codes by their text.</summary>
    public static bool operator <(AreaCode left, AreaCode right) => left.CompareTo(right) < 0;

    /// <summary>Orders codes by their text.</summary>
    public static bool operator >(AreaCode left, AreaCode right) => left.CompareTo(right) > 0;

    /// <summary>Orders codes by their text.</summary>
    public static bool operator <=(AreaCode left, AreaCode right) => left.CompareTo(right) <= 0;

    /// <summary>Orders codes by their text.</summary>
    public static bool operator >=(AreaCode left, AreaCode right) => left.CompareTo(right) >= 0;
}
