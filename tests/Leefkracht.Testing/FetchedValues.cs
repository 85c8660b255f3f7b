using System.Globalization;
using System.Text.RegularExpressions;
using Leefkracht.Data.Catalog;

namespace Leefkracht.Testing;

/// <summary>What a fetch should leave in the store, worked out from the fixture rows the fake serves, and what it did.</summary>
public static partial class FetchedValues
{
    /// <summary>
    /// The indicator values of one StatLine row (cells by OData key) as the catalog maps them: every column the catalog
    /// knows, with a number in it, in the catalog's unit; a 0 where the catalog says 0 means missing is not a value.
    /// </summary>
    public static Dictionary<string, double> OfRow(IReadOnlyDictionary<string, string> row)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, cell) in row)
        {
            if (CatalogDocument.Default.Catalog.TryResolveColumn(key, out var alias)
                && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && !(alias.ZeroMeansMissing && value == 0))
            {
                values[alias.IndicatorId] = value * alias.Scale;
            }
        }

        return values;
    }

    /// <summary>How many rows a table of the store holds (read from its snapshot, so on SQLite and PostgreSQL alike).</summary>
    public static int RowCount(TestStore store, string table) =>
        int.Parse(TableHeader().Matches(store.Snapshot()).Single(m => m.Groups["table"].Value == table).Groups["rows"].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<table>\w+): (?<rows>[0-9]+)$", RegexOptions.Multiline)]
    private static partial Regex TableHeader();
}
