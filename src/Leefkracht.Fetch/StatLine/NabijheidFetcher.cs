using System.Text;
using System.Text.Json;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Storage;
using Leefkracht.Fetch.Http;

namespace Leefkracht.Fetch.StatLine;

/// <summary>
/// Fetches a year of Nabijheid voorzieningen (CBS's distances from the residents' addresses to facilities, per
/// gemeente, wijk and buurt) and imports it: <c>DataProperties</c> first (mapped by <see cref="NabijheidColumns"/>,
/// unknown columns reported), then <c>TypedDataSet</c> filtered on the server to the gemeente, page by page, written
/// as an area-period table (<c>code,level,gm_code,jaar</c>, then every column of the table: the mapped ones under
/// the catalog's KWB code, the others under their key, so the import report lists them too) and imported in one
/// transaction with its origin. The table has the division of its year; like the police and RIVM series it only
/// refers to areas, so the Kerncijfers of that division come first (<c>fetch kwb</c>).
/// </summary>
public sealed class NabijheidFetcher : StatLineFetcher
{
    /// <summary>A fetcher that imports into <paramref name="store"/>, reading the StatLine feed of the options.</summary>
    public NabijheidFetcher(FetchClient client, FetchOptions options, IMonitorStore store, CatalogDocument catalog, TimeProvider clock)
        : base(client, options, store, catalog, clock, o => o.StatLine)
    {
    }

    /// <summary>Fetches and imports one year for a gemeente (code or name), or with null the whole country.</summary>
    /// <exception cref="FetchException">No table for the year, the gemeente is not in the table, no column maps, or the service failed.</exception>
    public async Task<TableFetchResult> FetchAsync(int year, string? gemeente, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        var table = NabijheidTables.For(year) ?? throw FetchException.WrongInput(
            Options.StatLine,
            null,
            FetchWords.Words.Format("NabijheidNoTable", year, string.Join(", ", NabijheidTables.Years)));
        var number = gemeente is null ? null : await GemeenteNumberAsync(table, gemeente, cancellationToken).ConfigureAwait(false);
        progress?.Report(new FetchProgress(table, "columns", 0, 0));
        var address = Client.Address(table, "DataProperties");
        var (properties, transfer, _) = await Client.ReadAllAsync(address, table, null, "columns", cancellationToken).ConfigureAwait(false);
        var columns = NabijheidColumns.Map(Properties(properties), Catalog);
        if (columns.IndicatorCount == 0)
        {
            throw new FetchException(address, 200, FetchWords.Words.Format("NabijheidNothingMaps", table, string.Join(", ", NabijheidColumns.Topics.Select(t => t.Count is null ? t.Stem : $"{t.Stem} {t.Count}"))));
        }

        var first = Client.Address(table, "TypedDataSet", number is null ? null : $"substringof('{number}',WijkenEnBuurten)");
        var ((rows, pages, firstPage), counting) = await Client.ReadRowsAsync(first, table, progress, cancellationToken).ConfigureAwait(false);
        transfer = transfer.Plus(counting).Plus(pages);

        // substringof also matches the digits elsewhere in a code (BU05990344); NL00 and other codes are not areas here.
        var kept = rows
            .Select(r => (Row: r, Code: Text(r, "WijkenEnBuurten").Trim()))
            .Where(r => number is null ? SeriesFetcher.Level(r.Code) is not null : GemeenteCodes.Contains(number, r.Code))
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        if (kept.Count == 0)
        {
            throw new FetchException(first, 200, number is null ? FetchWords.Words.Format("SeriesNoRows", table, year) : FetchWords.Words.Format("SeriesNoRowsIn", table, year, "GM" + number));
        }

        var scope = number is null ? "NL" : "GM" + number;
        progress?.Report(new FetchProgress(table, "import", pages.Requests, kept.Count));
        var origin = Origin(first, table, firstPage, pages);
        var fileName = string.Create(CultureInfo.InvariantCulture, $"nabijheid_{table}_{year}_{scope}.csv");
        var (file, report) = await Staged.ImportAsync(fileName, AreaPeriodCsv(columns, year, kept), year, origin, skipAreasOutsideTheStore: true, cancellationToken).ConfigureAwait(false);
        return new TableFetchResult(table, year, number is null ? null : scope, columns, kept.Count, transfer, file, report);
    }

    private static List<StatLineProperty> Properties(List<JsonElement> items) =>
        [.. items
            .Select(i => (Key: Text(i, "Key").Trim(), Type: Text(i, "Type"), Title: Text(i, "Title"), Unit: i.TryGetProperty("Unit", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null))
            .Where(i => i.Key.Length > 0 && i.Type != "TopicGroup")
            .Select(i => new StatLineProperty(i.Key, i.Title.Length > 0 ? i.Title : i.Key, i.Type, i.Unit))];

    /// <summary>
    /// The area-period layout of the police and RIVM files, with one column per table column (sorted by code, the
    /// same rows give the same bytes, so a second fetch is recognised by the importer and changes nothing).
    /// </summary>
    private static byte[] AreaPeriodCsv(StatLineColumns columns, int year, List<(JsonElement Row, string Code)> rows)
    {
        var data = columns.Columns.Where(c => c.Fate != ColumnFate.Structural).ToList();
        var text = new StringBuilder("code,level,gm_code,jaar");
        foreach (var column in data)
        {
            text.Append(',').Append(column.CatalogName);
        }

        text.Append('\n');
        foreach (var (row, code) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{code},{SeriesFetcher.Level(code)},GM{code.AsSpan(2, 4)},{year}");
            foreach (var column in data)
            {
                text.Append(',').Append(row.TryGetProperty(column.Property.Key, out var cell) && cell.ValueKind == JsonValueKind.Number ? cell.GetRawText() : ".");
            }

            text.Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
