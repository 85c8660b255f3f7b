using System.Text;

namespace Leefkracht.Core.Indicators;

/// <summary>
/// Normalises column headers so that spelling variants of one CBS column compare equal.
/// </summary>
/// <remarks>
/// CBS columns reach us as OData keys (<c>AantalInwoners_5</c>), R <c>make.names</c> output
/// (<c>Bevolking.Aantal.inwoners..aantal.</c>), flattened StatLine paths with underscores and
/// trailing separators (<c>Zorg_Wmo_cliënten_</c>) and pipe-separated StatLine headers. Normalising
/// case, diacritics and every run of punctuation to one space makes the variants of one source style
/// identical (<c>Zorg_Wmo_cliënten_</c> and <c>Zorg_Wmo_cliënten</c> both become <c>zorg wmo clienten</c>),
/// so the catalog lists each style once. Styles that differ in words are separate aliases.
/// </remarks>
public static class ColumnName
{
    /// <summary>Lower-case, strip diacritics and collapse punctuation and spaces into single spaces.</summary>
    public static string Normalize(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var builder = new StringBuilder(header.Length);
        var pendingSpace = false;
        foreach (var raw in header)
        {
            var c = FoldDiacritic(raw);
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The base letter of an accented Latin letter (é → e, ë → e, ï → i). Done with a table rather than Unicode
    /// decomposition because the product runs with invariant globalization, where decomposition is not available.
    /// </summary>
    private static char FoldDiacritic(char c)
    {
        if (c < '\u00C0' || c > '\u017F')
        {
            return c;
        }

        const string From = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿ";
        const string To = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyy";
        var index = From.IndexOf(c, StringComparison.Ordinal);
        return index >= 0 ? To[index] : c;
    }
}
