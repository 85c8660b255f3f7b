using System.Globalization;
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
        var decomposed = header.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

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
}
