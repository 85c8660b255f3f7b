namespace Leefkracht.Data.Import.Text;

/// <summary>The outcome of reading one cell as a number.</summary>
public enum CellKind
{
    /// <summary>A number.</summary>
    Number,

    /// <summary>A CBS missing-value marker or an empty cell.</summary>
    Missing,

    /// <summary>Text that is neither a number nor a missing marker.</summary>
    Invalid,
}

/// <summary>
/// Reads numbers the way CBS writes them: padded with spaces, with a decimal comma in <c>;</c>-separated
/// exports, and with markers for missing values.
/// </summary>
/// <remarks>
/// Missing markers (CBS "Verklaring van tekens" and common export tools): empty, <c>.</c> (gegevens
/// ontbreken / geheim), <c>x</c>, <c>?</c>, <c>-</c> (CBS uses it for "nihil"; treated as missing rather than
/// zero because other tools write it for "not available"), <c>#N/B</c> and <c>#N/A</c> (Excel), <c>NA</c> (R)
/// and <c>NaN</c>. When a cell has both <c>.</c> and <c>,</c>, the last one is the decimal separator and the
/// other a thousands separator.
/// </remarks>
public static class CbsValue
{
    private static readonly HashSet<string> MissingMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "", ".", "x", "?", "-", "#N/B", "#N/A", "NA", "NaN", "null",
    };

    /// <summary>Reads one cell.</summary>
    public static CellKind Read(string cell, out double value)
    {
        ArgumentNullException.ThrowIfNull(cell);
        value = double.NaN;
        var text = cell.Trim();
        if (MissingMarkers.Contains(text))
        {
            return CellKind.Missing;
        }

        var comma = text.LastIndexOf(',');
        var dot = text.LastIndexOf('.');
        if (comma >= 0)
        {
            text = dot > comma
                ? text.Replace(",", string.Empty, StringComparison.Ordinal)
                : text.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return CellKind.Number;
        }

        value = double.NaN;
        return CellKind.Invalid;
    }
}
