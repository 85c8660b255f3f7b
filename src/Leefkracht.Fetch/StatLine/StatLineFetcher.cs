using System.Text.Json;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Data.Storage;
using Leefkracht.Fetch.Caching;
using Leefkracht.Fetch.Http;

namespace Leefkracht.Fetch.StatLine;

/// <summary>What fetching one year of a StatLine table with area rows did (KWB, Nabijheid voorzieningen).</summary>
/// <param name="Table">The StatLine table.</param>
/// <param name="Year">The year.</param>
/// <param name="Gemeente">The gemeente code (GMxxxx) fetched, or null for the whole country.</param>
/// <param name="Columns">The table's columns and what became of each.</param>
/// <param name="Rows">The rows (areas) fetched.</param>
/// <param name="Transfer">What the network did.</param>
/// <param name="File">The assembled file handed to the importer.</param>
/// <param name="Import">The importer's report.</param>
public sealed record TableFetchResult(string Table, int Year, string? Gemeente, StatLineColumns Columns, int Rows, TransferCount Transfer, string File, ImportReport Import);

/// <summary>
/// What the StatLine fetchers (KWB, the police and RIVM series, Nabijheid voorzieningen) share: a client of one OData
/// feed through the download cache, the catalog, the staged import into the store, the clock that dates an import's
/// origin, and reading a text cell of a row.
/// </summary>
public abstract class StatLineFetcher
{
    /// <param name="client">The HTTP client with its resilience handler.</param>
    /// <param name="options">Where the sources live.</param>
    /// <param name="store">The store the fetched table is imported into.</param>
    /// <param name="catalog">The indicator catalog.</param>
    /// <param name="clock">The clock of the cache and of the import's origin.</param>
    /// <param name="feed">Which OData feed of the options this fetcher reads (StatLine, or the third-party feed).</param>
    private protected StatLineFetcher(FetchClient client, FetchOptions options, IMonitorStore store, CatalogDocument catalog, TimeProvider clock, Func<FetchOptions, Uri> feed)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(feed);
        Client = new StatLineClient(client.Http, new DownloadCache(options.CacheFolder, clock), feed(options));
        Options = options;
        Catalog = catalog;
        Staged = new StagedImport(store, catalog, options, clock);
        Clock = clock;
    }

    private protected StatLineClient Client { get; }

    private protected FetchOptions Options { get; }

    private protected CatalogDocument Catalog { get; }

    private protected StagedImport Staged { get; }

    private protected TimeProvider Clock { get; }

    /// <summary>The origin an import keeps: the first page's address and ETag, the table, the time and how many pages.</summary>
    private protected ImportOrigin Origin(Uri first, string table, CachedResponse firstPage, TransferCount pages) =>
        new(first.AbsoluteUri, table, Clock.GetUtcNow(), firstPage.ETag, pages.Requests);

    /// <summary>
    /// The four digits of the gemeente <paramref name="gemeente"/> names: a code (GM0344, 0344) as it is, a name as
    /// <see cref="GemeenteNames"/> finds it among the gemeenten of <paramref name="table"/>'s own region dimension
    /// (so the name is that of the table's year). Read before any data are, so a name that leads nowhere costs one
    /// small request and stores nothing.
    /// </summary>
    /// <exception cref="FetchException">
    /// The name is unknown in the table or fits several gemeenten (<see cref="FetchException.InputWasWrong"/>); the
    /// message lists candidates.
    /// </exception>
    private protected async Task<string> GemeenteNumberAsync(string table, string gemeente, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gemeente);
        if (GemeenteCodes.Number(gemeente) is { } number)
        {
            return number;
        }

        var address = Client.Address(table, "WijkenEnBuurten", "substringof('GM',Key)");
        var (regions, _, _) = await Client.ReadAllAsync(address, table, null, "gemeenten", cancellationToken).ConfigureAwait(false);
        var gemeenten = regions
            .Select(r => new GemeenteName(Text(r, "Key").Trim(), Text(r, "Title").Trim()))
            .Where(g => g.Code.StartsWith("GM", StringComparison.Ordinal) && GemeenteCodes.Number(g.Code) is not null)
            .ToList();
        var choice = GemeenteNames.Choose(gemeenten, gemeente.Trim());
        if (choice.Found is { } found)
        {
            return found.Code[2..];
        }

        var candidates = string.Join(", ", choice.Candidates);
        throw FetchException.WrongInput(address, 200, choice.Ambiguous
            ? FetchWords.Words.Format("GemeenteAmbiguous", gemeente.Trim(), table, candidates)
            : FetchWords.Words.Format("KwbNoGemeente", gemeente.Trim(), table) + (candidates.Length > 0 ? FetchWords.Words.Format("KwbDidYouMean", candidates) : string.Empty));
    }

    /// <summary>A text cell of a row (StatLine's padding kept), or empty when the row has no text there.</summary>
    private protected static string Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
