using Leefkracht.Core.Text;

namespace Leefkracht.Data.Export;

/// <summary>
/// How a CSV file separates fields and writes numbers. RFC 4180 (<c>,</c> and a decimal point) is what programs read;
/// Dutch Excel reads a CSV with the list separator and decimal separator of the Dutch regional settings
/// (<c>;</c> and a decimal comma), and only takes the file for UTF-8 when it starts with a byte order mark.
/// </summary>
public sealed record CsvDialect
{
    private CsvDialect(string name, char separator, char decimalSeparator, bool byteOrderMark)
    {
        Name = name;
        Separator = separator;
        ByteOrderMark = byteOrderMark;
        // Invariant apart from the decimal separator: no group separators (Excel would read 1.234 as 1234 in nl-NL,
        // but other readers would not), and dates, should a caller pass one, in the invariant form.
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = decimalSeparator.ToString();
        Culture = CultureInfo.ReadOnly(culture);
    }

    /// <summary>RFC 4180: comma-separated, numbers with a decimal point, no byte order mark.</summary>
    public static CsvDialect Rfc4180 { get; } = new("rfc4180", ',', '.', byteOrderMark: false);

    /// <summary>What Excel with Dutch regional settings opens as columns: semicolon-separated, decimal comma, UTF-8 BOM.</summary>
    public static CsvDialect ExcelNl { get; } = new("excel-nl", ';', ',', byteOrderMark: true);

    /// <summary>Every dialect, by <see cref="Name"/>.</summary>
    public static IReadOnlyList<CsvDialect> All { get; } = [Rfc4180, ExcelNl];

    /// <summary>The name a user chooses the dialect by (<c>rfc4180</c>, <c>excel-nl</c>).</summary>
    public string Name { get; }

    /// <summary>The field separator.</summary>
    public char Separator { get; }

    /// <summary>Numbers are written with this culture: invariant, with the dialect's decimal separator.</summary>
    public CultureInfo Culture { get; }

    /// <summary>Whether a file in this dialect starts with the UTF-8 byte order mark.</summary>
    public bool ByteOrderMark { get; }

    /// <summary>The dialect for readers in the UI culture's language: Dutch users open downloads in Dutch Excel, others get RFC 4180.</summary>
    public static CsvDialect ForReader => Words.InEnglish ? Rfc4180 : ExcelNl;

    /// <summary>The dialect of a name (case-insensitive), or null when there is none.</summary>
    public static CsvDialect? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public override string ToString() => Name;
}
