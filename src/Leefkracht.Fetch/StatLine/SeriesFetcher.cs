using System.Text;
using System.Text.Json;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Data.Storage;
using Leefkracht.Fetch.Http;

namespace Leefkracht.Fetch.StatLine;

/// <summary>What fetching one year of a series did.</summary>
/// <param name="Series">The series.</param>
/// <param name="Year">The year.</param>
/// <param name="Gemeente">The gemeente code (GMxxxx) fetched, or null for the whole country.</param>
/// <param name="TopicKey">The table's key of the topic read (for example <c>GeregistreerdeMisdrijven_1</c>).</param>
/// <param name="Rows">The table rows read (months × areas for the police).</param>
/// <param name="Areas">The areas with a value for the year.</param>
/// <param name="Transfer">What the network did.</param>
/// <param name="File">The assembled file handed to the importer.</param>
/// <param name="Import">The importer's report.</param>
public sealed record SeriesFetchResult(StatLineSeries Series, int Year, string? Gemeente, string TopicKey, int Rows, int Areas, TransferCount Transfer, string File, ImportReport Import);

/// <summary>
/// Fetches one year of a <see cref="StatLineSeries"/> (police crimes, RIVM health) and imports it: the table's
/// <c>DataProperties</c> first (the dimensions it is filtered on and the topic must be there), then
/// <c>TypedDataSet</c> filtered on the server to the gemeente, the year and the fixed members, page by page; the rows
/// are checked again, a year's months summed, and the values written as the area-period table the importer already
/// reads for these sources (<c>code,level,gm_code,jaar,&lt;alias&gt;</c>, the layout of the bundled
/// <c>politie_47022NED_…</c> and <c>rivm_50150NED_…</c> files), imported in one transaction with its provenance.
/// The codes belong to the division of the table; the importer attaches them to the imported division that has them,
/// so the Kerncijfers of that division must be in the store first (<c>fetch kwb</c>).
/// </summary>
public sealed class SeriesFetcher : StatLineFetcher
{
    /// <summary>A fetcher that imports into <paramref name="store"/>, reading the third-party feed of the options.</summary>
    public SeriesFetcher(FetchClient client, FetchOptions options, IMonitorStore store, CatalogDocument catalog, TimeProvider clock)
        : base(client, options, store, catalog, clock, o => o.DataDerden)
    {
    }

    /// <summary>Fetches and imports one year of <paramref name="series"/> for a gemeente (code or name), or with null the whole country.</summary>
    /// <exception cref="FetchException">
    /// The year is not published, the gemeente is not in the table, the table lacks a key, a month is missing, or the service failed.
    /// </exception>
    public async Task<SeriesFetchResult> FetchAsync(StatLineSeries series, int year, string? gemeente, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Years is { } years && !years.Contains(year))
        {
            throw FetchException.WrongInput(Options.DataDerden, null, FetchWords.Words.Format("SeriesNoFigures", series.Table, year, string.Join(", ", years)));
        }

        var number = gemeente is null ? null : await GemeenteNumberAsync(series.Table, gemeente, cancellationToken).ConfigureAwait(false);

        progress?.Report(new FetchProgress(series.Table, "columns", 0, 0));
        var (properties, transfer, _) = await Client.ReadAllAsync(Client.Address(series.Table, "DataProperties"), series.Table, null, "columns", cancellationToken).ConfigureAwait(false);
        var topic = TopicKey(series, properties);

        var clauses = new List<string>();
        if (number is not null)
        {
            clauses.Add($"substringof('{number}',WijkenEnBuurten)");
        }

        clauses.AddRange(series.Fixed.Select(f => $"{f.Key} eq '{f.Value}'"));
        clauses.Add(series.PeriodFilter(year));
        var first = Client.Address(series.Table, "TypedDataSet", string.Join(" and ", clauses));
        var ((rows, pages, firstPage), counting) = await Client.ReadRowsAsync(first, series.Table, progress, cancellationToken).ConfigureAwait(false);
        transfer = transfer.Plus(counting).Plus(pages);

        // The server filtered; the rows are checked again (substringof also matches the digits elsewhere in a code).
        var kept = rows.Where(r => Keep(series, year, number, r)).ToList();
        var values = YearValues(series, year, topic, kept, first);
        if (values.Count == 0)
        {
            throw new FetchException(first, 200, number is null ? FetchWords.Words.Format("SeriesNoRows", series.Table, year) : FetchWords.Words.Format("SeriesNoRowsIn", series.Table, year, "GM" + number));
        }

        var scope = number is null ? "NL" : "GM" + number;
        progress?.Report(new FetchProgress(series.Table, "import", pages.Requests, values.Count));
        var origin = Origin(first, series.Table, firstPage, pages);
        var fileName = string.Create(CultureInfo.InvariantCulture, $"{series.Kind}_{series.Table}_{year}_{scope}.csv");
        var (file, report) = await Staged.ImportAsync(fileName, AreaPeriodCsv(series, year, values), year, origin, skipAreasOutsideTheStore: true, cancellationToken).ConfigureAwait(false);
        return new SeriesFetchResult(series, year, number is null ? null : scope, topic, kept.Count, values.Count, transfer, file, report);
    }

    /// <summary>
    /// The years of <paramref name="series"/> the table publishes whole: its fixed list when it has one (RIVM), else
    /// read from the table's period dimension (<c>{table}/Perioden</c>, one small request through the cache): a year
    /// of monthly figures counts once all twelve months are there (<c>{year}MM01</c>…<c>{year}MM12</c>), a yearly
    /// figure when <c>{year}JJ00</c> is. <c>fetch --all</c> skips the other years instead of failing on them.
    /// </summary>
    /// <exception cref="FetchException">The period dimension could not be read.</exception>
    public async Task<IReadOnlyList<int>> PublishedYearsAsync(StatLineSeries series, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Years is { } fixedYears)
        {
            return fixedYears;
        }

        var (periods, _, _) = await Client.ReadAllAsync(Client.Address(series.Table, "Perioden"), series.Table, null, "periods", cancellationToken).ConfigureAwait(false);
        var keys = periods.Select(p => Text(p, "Key").Trim()).Where(k => k.Length == 8 && int.TryParse(k[..4], NumberStyles.None, CultureInfo.InvariantCulture, out _));
        var whole = series.Periods == YearValue.SumOfTwelveMonths
            ? keys.Where(k => k[4..6] == "MM").GroupBy(k => k[..4]).Where(g => g.Distinct(StringComparer.Ordinal).Count() == 12).Select(g => g.Key)
            : keys.Where(k => k[4..] == "JJ00").Select(k => k[..4]);
        return [.. whole.Select(y => int.Parse(y, CultureInfo.InvariantCulture)).Distinct().Order()];
    }

    /// <summary>The key of the series' topic in this table, and a clear error when a key the filter needs is missing.</summary>
    private string TopicKey(StatLineSeries series, List<JsonElement> properties)
    {
        var keys = properties.Select(p => (Key: Text(p, "Key").Trim(), Type: Text(p, "Type"))).Where(p => p.Key.Length > 0).ToList();
        var address = Client.Address(series.Table, "DataProperties");
        foreach (var dimension in series.Fixed.Keys.Append("WijkenEnBuurten").Append("Perioden"))
        {
            if (!keys.Any(k => k.Key == dimension))
            {
                throw new FetchException(address, 200, FetchWords.Words.Format("SeriesNoDimension", series.Table, dimension, string.Join(", ", keys.Select(k => k.Key))));
            }
        }

        var topics = keys.Where(k => k.Type == "Topic" && (k.Key == series.Topic || k.Key.StartsWith(series.Topic + "_", StringComparison.Ordinal))).ToList();
        return topics.Count == 1 ? topics[0].Key
            : throw new FetchException(address, 200, FetchWords.Words.Format("SeriesTopic", series.Table, series.Topic, topics.Count == 0 ? FetchWords.Words["SeriesNone"] : string.Join(", ", topics.Select(t => t.Key)), string.Join(", ", keys.Where(k => k.Type == "Topic").Select(k => k.Key))));
    }

    private static bool Keep(StatLineSeries series, int year, string? number, JsonElement row)
    {
        var code = Text(row, "WijkenEnBuurten").Trim();
        var inScope = number is null ? Level(code) is not null : GemeenteCodes.Contains(number, code);
        return inScope
            && series.Fixed.All(f => Text(row, f.Key).Trim() == f.Value.Trim())
            && Text(row, "Perioden").Trim().StartsWith(year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>
    /// One value per area: the month sum (a month without a figure adds nothing; an area with no figure in any month
    /// has none) or the year's figure. A year the table does not have all twelve months of is refused as a whole.
    /// </summary>
    private static SortedDictionary<string, double?> YearValues(StatLineSeries series, int year, string topic, List<JsonElement> rows, Uri first)
    {
        var periods = rows.Select(r => Text(r, "Perioden").Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (series.Periods == YearValue.SumOfTwelveMonths && periods.Count is > 0 and not 12)
        {
            throw new FetchException(first, 200, FetchWords.Words.Format("SeriesMonths", series.Table, periods.Count, year, periods[0], periods[^1]));
        }

        var values = new SortedDictionary<string, double?>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var code = Text(row, "WijkenEnBuurten").Trim();
            double? value = row.TryGetProperty(topic, out var cell) && cell.ValueKind == JsonValueKind.Number ? cell.GetDouble() : null;
            if (series.Periods == YearValue.Year && values.ContainsKey(code))
            {
                throw new FetchException(first, 200, FetchWords.Words.Format("SeriesTwoRows", series.Table, code, year, string.Join(", ", series.Fixed.Select(f => $"{f.Key} {f.Value.Trim()}"))));
            }

            values[code] = values.TryGetValue(code, out var sum) && sum is { } known ? known + (value ?? 0) : value;
        }

        return values;
    }

    /// <summary>The layout of the bundled police and RIVM files; sorted by code, so the same rows give the same bytes.</summary>
    private static byte[] AreaPeriodCsv(StatLineSeries series, int year, SortedDictionary<string, double?> values)
    {
        var text = new StringBuilder("code,level,gm_code,jaar,").Append(series.Column).Append('\n');
        foreach (var (code, value) in values)
        {
            text.Append(CultureInfo.InvariantCulture, $"{code},{Level(code)},GM{code.AsSpan(2, 4)},{year},{(value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : ".")}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The level word of a GM/WK/BU code the area-period layout carries, or null for any other code.</summary>
    internal static string? Level(string code) => code.Length < 6 ? null : code[..2] switch
    {
        "GM" => "Gemeente",
        "WK" => "Wijk",
        "BU" => "Buurt",
        _ => null,
    };
}
