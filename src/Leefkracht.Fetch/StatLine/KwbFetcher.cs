using System.Text;
using System.Text.Json;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Storage;
using Leefkracht.Fetch.Http;

namespace Leefkracht.Fetch.StatLine;

/// <summary>
/// Fetches a year of Kerncijfers wijken en buurten from StatLine and imports it: the table's <c>DataProperties</c>
/// first (every column mapped to the catalog, unknown ones reported), then the gemeente's code if a name was given,
/// then <c>TypedDataSet</c> page by page (filtered on the server to the gemeente), assembled into one CSV with the
/// OData keys as header and handed to the existing atomic import with its provenance (URL, table, time, ETag).
/// </summary>
public sealed class KwbFetcher : StatLineFetcher
{
    /// <summary>A fetcher that imports into <paramref name="store"/>.</summary>
    public KwbFetcher(FetchClient client, FetchOptions options, IMonitorStore store, CatalogDocument catalog, TimeProvider clock)
        : base(client, options, store, catalog, clock, o => o.StatLine)
    {
    }

    /// <summary>Fetches and imports one year, for one gemeente (code or name) or, with null, the whole country.</summary>
    /// <exception cref="FetchException">No table for the year, the gemeente is not in it, or the service failed.</exception>
    public async Task<TableFetchResult> FetchAsync(int year, string? gemeente, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        var table = KwbTables.For(year) ?? throw FetchException.WrongInput(
            Options.StatLine,
            null,
            FetchWords.Words.Format("KwbNoTable", year, string.Join(", ", KwbTables.Years)));
        progress?.Report(new FetchProgress(table, "columns", 0, 0));
        var (properties, transfer, _) = await Client.ReadAllAsync(Client.Address(table, "DataProperties"), table, null, "columns", cancellationToken).ConfigureAwait(false);
        var columns = ReadColumns(table, properties);
        var gemeenteNumber = gemeente is null ? null : await GemeenteNumberAsync(table, gemeente, cancellationToken).ConfigureAwait(false);

        // substringof is the OData v3 function StatLine filters codes with (cbsodataR's has_substring); it also
        // matches the number elsewhere in a code (BU05990344), so rows are checked again below.
        var first = Client.Address(table, "TypedDataSet", gemeenteNumber is null ? null : $"substringof('{gemeenteNumber}',WijkenEnBuurten)");
        var ((rows, pages, firstPage), counting) = await Client.ReadRowsAsync(first, table, progress, cancellationToken).ConfigureAwait(false);
        transfer = transfer.Plus(counting).Plus(pages);
        var kept = rows.Where(r => gemeenteNumber is null || InGemeente(r, gemeenteNumber)).ToList();
        if (kept.Count == 0)
        {
            throw new FetchException(first, 200, gemeenteNumber is null ? FetchWords.Words["KwbNoRows"] : FetchWords.Words.Format("KwbNoRowsFor", $"GM{gemeenteNumber}"));
        }

        // TypedDataSet holds codes only; the names of the areas are the titles of the WijkenEnBuurten dimension.
        var dimension = Client.Address(table, "WijkenEnBuurten", gemeenteNumber is null ? null : $"substringof('{gemeenteNumber}',Key)");
        var (regions, names, _) = await Client.ReadAllAsync(dimension, table, progress, "names", cancellationToken).ConfigureAwait(false);
        transfer = transfer.Plus(names);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            titles.TryAdd(Text(region, "Key").Trim(), Text(region, "Title").Trim());
        }

        var scope = gemeenteNumber is null ? "NL" : $"GM{gemeenteNumber}";
        progress?.Report(new FetchProgress(table, "import", pages.Requests, kept.Count));
        var origin = Origin(first, table, firstPage, pages);
        var (file, report) = await Staged.ImportAsync($"kwb{year}_{table}_{scope}.csv", ODataCsv.Write(kept, titles, columns.CatalogNames), year, origin, cancellationToken).ConfigureAwait(false);
        return new TableFetchResult(table, year, gemeenteNumber is null ? null : scope, columns, kept.Count, transfer, file, report);
    }

    private StatLineColumns ReadColumns(string table, List<JsonElement> properties)
    {
        try
        {
            return StatLineColumns.Read(JsonSerializer.SerializeToUtf8Bytes(properties), Catalog);
        }
        catch (InvalidDataException exception)
        {
            throw new FetchException(Client.Address(table, "DataProperties"), 200, exception.Message, exception);
        }
    }

    private static bool InGemeente(JsonElement row, string number) => GemeenteCodes.Contains(number, Text(row, "WijkenEnBuurten"));
}

/// <summary>
/// Rows of a <c>TypedDataSet</c> as a comma-separated table with the OData keys as header, the shape the importer
/// already reads (<c>KwbOData</c>), plus a <c>Regio</c> column with the area's name from the dimension: strings
/// trimmed of StatLine's padding, numbers in invariant notation, missing values as StatLine's <c>.</c>. The same rows always give the same bytes, so a second fetch is recognised by the
/// importer's SHA-256 check and changes nothing.
/// </summary>
internal static class ODataCsv
{
    /// <param name="rows">The rows.</param>
    /// <param name="names">The areas' names by code.</param>
    /// <param name="catalogNames">The catalog's name of a key where it differs (the same topic under another year's number).</param>
    public static byte[] Write(IReadOnlyList<JsonElement> rows, IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, string> catalogNames)
    {
        var header = rows[0].EnumerateObject().Select(p => p.Name).Where(n => n != "ID").ToList();
        var text = new StringBuilder();
        text.Append("Regio,").AppendJoin(',', header.Select(h => Quote(catalogNames.GetValueOrDefault(h, h)))).Append('\n');
        foreach (var row in rows)
        {
            var code = row.TryGetProperty("WijkenEnBuurten", out var key) && key.ValueKind == JsonValueKind.String ? key.GetString()!.Trim() : string.Empty;
            text.Append(Quote(names.GetValueOrDefault(code, string.Empty)));
            foreach (var name in header)
            {
                text.Append(',').Append(row.TryGetProperty(name, out var value) ? Cell(value) : ".");
            }

            text.Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Quote(value.GetString()!.Trim()),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "1",
        JsonValueKind.False => "0",
        _ => ".",
    };

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
