using System.IO.Compression;
using System.Text;
using Leefkracht.Core.Indicators;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Data.Storage;
using Leefkracht.Fetch.Caching;
using Leefkracht.Fetch.Http;

namespace Leefkracht.Fetch.Postcodes;

/// <summary>What fetching one year's postcode file did.</summary>
/// <param name="Year">The division year (the file's buurten, wijken and gemeenten, and its postcodes, are of that year).</param>
/// <param name="Url">The address.</param>
/// <param name="Addresses">The address lines read.</param>
/// <param name="Postcodes">The PC4 areas found.</param>
/// <param name="Wijken">The wijken they link to.</param>
/// <param name="Gemeenten">The gemeenten they link to.</param>
/// <param name="Transfer">What the network did.</param>
/// <param name="File">The crosswalk file handed to the importer.</param>
/// <param name="Import">The importer's report.</param>
public sealed record PostcodeCrosswalkResult(int Year, Uri Url, int Addresses, int Postcodes, int Wijken, int Gemeenten, TransferCount Transfer, string File, ImportReport Import);

/// <summary>
/// The PC4 → wijk and PC4 → gemeente crosswalk of a division year, from the source the VNG "grenswijzigen" matrices
/// are themselves made from: CBS's "Buurt, wijk en gemeente {year} voor postcode-huisnummer", a zip with one line per
/// address (<c>PC6;Huisnummer;Buurt2019;Wijk2019;Gemeente2019</c>, codes as numbers). The addresses are counted per
/// PC4 (the first four characters of the PC6) and wijk or gemeente, written as the grenswijzigen postcode rows
/// (<c>voor_postcode</c> TRUE, <c>van_jaar</c> = <c>naar_jaar</c> = the year, variant <c>pc6_huisnummer</c>) and
/// imported in one transaction with the file's address and ETag as origin, so that <c>compare --external
/// leefbaarometer</c> can carry PC4 scores to the wijken of that year. The download goes through the cache (a second
/// run costs a 304, and the same counts are "already imported").
/// </summary>
public sealed class PostcodeCrosswalkFetcher(FetchClient client, FetchOptions options, IMonitorStore store, CatalogDocument catalog, TimeProvider clock)
{
    /// <summary>
    /// The published files by year, as the grenswijzigen package (reidhin/grenswijzigen, data-raw/config_grenswijzigingen.R)
    /// downloads them; CBS moves them between publications, so <see cref="FetchOptions.PostcodeTemplate"/> overrides them.
    /// </summary>
    private static readonly Dictionary<int, string> Published = new()
    {
        [2016] = "https://www.cbs.nl/-/media/_excel/2016/38/2016-cbs-pc6huisnr20160801_buurt.zip",
        [2017] = "https://www.cbs.nl/-/media/_excel/2017/38/2017-cbs-pc6huisnr20170801_buurt.zip",
        [2018] = "https://www.cbs.nl/-/media/_excel/2018/36/2018-cbs-pc6huisnr20180801_buurt--vs2.zip",
        [2019] = "https://www.cbs.nl/-/media/_excel/2019/42/2019-cbs-pc6huisnr20190801_buurt.zip",
        [2020] = "https://www.cbs.nl/-/media/_excel/2020/39/2020-cbs-pc6huisnr20200801-buurt.zip",
        [2021] = "https://www.cbs.nl/-/media/_excel/2021/36/2021-cbs-pc6huisnr20200801_buurt.zip",
        [2022] = "https://www.cbs.nl/-/media/_excel/2022/37/2022-cbs-pc6huisnr20210801_buurt.zip",
        [2023] = "https://download.cbs.nl/maatwerk/2023-cbs-pc6huisnr20230801_buurt.zip",
    };

    /// <summary>The address of a year's file: the template's when one is set, else CBS's known one, else null.</summary>
    public static Uri? AddressFor(FetchOptions options, int year)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.PostcodeTemplate is { } template
            ? new Uri(template.Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
            : Published.TryGetValue(year, out var known) ? new Uri(known) : null;
    }

    /// <summary>Fetches the postcode file of <paramref name="year"/> and imports its PC4 crosswalk.</summary>
    /// <exception cref="FetchException">No file is known for the year, the service failed, or the answer is not the file.</exception>
    public Task<PostcodeCrosswalkResult> FetchAsync(int year, CancellationToken cancellationToken) => FetchAsync(year, null, cancellationToken);

    /// <summary>
    /// Fetches the postcode file of <paramref name="year"/> and imports its PC4 crosswalk, reporting the download in
    /// bytes against the file's <c>Content-Length</c> (stage <see cref="FetchProgress.Download"/>), then the import.
    /// </summary>
    /// <exception cref="FetchException">No file is known for the year, the service failed, or the answer is not the file.</exception>
    public async Task<PostcodeCrosswalkResult> FetchAsync(int year, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var url = AddressFor(options, year) ?? throw FetchException.WrongInput(
            new Uri("https://www.cbs.nl/"),
            null,
            FetchWords.Words.Format("PostcodeNoFile", year, string.Join(", ", Published.Keys)));
        var cache = new DownloadCache(options.CacheFolder, clock);
        var source = Path.GetFileName(url.AbsolutePath);
        var response = await cache.GetResumableAsync(client.Http, url, options.MaxRetryAttempts, options.RetryBaseDelay, FetchProgress.Downloading(progress, source), cancellationToken).ConfigureAwait(false);
        progress?.Report(new FetchProgress(source, FetchProgress.Download, 1, 0, response.Body.LongLength, response.Body.LongLength));
        Counts counts;
        try
        {
            counts = Count(url, response.Body);
        }
        catch (FetchException)
        {
            cache.DiscardPart(url);
            throw;
        }

        cache.Keep(response);
        progress?.Report(new FetchProgress(source, "import", 1, counts.Addresses));
        var origin = new ImportOrigin(url.AbsoluteUri, $"cbs-pc6huisnr-{year}", clock.GetUtcNow(), response.ETag, 1);
        var fileName = string.Create(CultureInfo.InvariantCulture, $"pc4_naar_gemeente_en_wijk_{year}-{year}_cbs_pc6huisnr.csv");
        var (file, report) = await new StagedImport(store, catalog, options, clock).ImportAsync(fileName, Crosswalk(year, counts), year, origin, cancellationToken).ConfigureAwait(false);
        return new PostcodeCrosswalkResult(
            year,
            url,
            counts.Addresses,
            counts.Wijk.Keys.Select(k => k.Postcode).Distinct(StringComparer.Ordinal).Count(),
            counts.Wijk.Keys.Select(k => k.Area).Distinct(StringComparer.Ordinal).Count(),
            counts.Gemeente.Keys.Select(k => k.Area).Distinct(StringComparer.Ordinal).Count(),
            TransferCount.None.Add(response),
            file,
            report);
    }

    /// <summary>The addresses per (PC4, wijk) and (PC4, gemeente) of the archive's address file.</summary>
    internal static Counts Count(Uri url, byte[] archive)
    {
        if (archive is not [0x50, 0x4B, 0x03, 0x04, ..])
        {
            throw new FetchException(url, 200, FetchWords.Words.Format("NotZip", archive.Length));
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
            var entry = zip.Entries.FirstOrDefault(e => Path.GetFileName(e.FullName).StartsWith("pc6hnr", StringComparison.OrdinalIgnoreCase) && e.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                ?? throw new FetchException(url, 200, FetchWords.Words.Format("PostcodeNoAddressFile", string.Join(", ", zip.Entries.Select(e => e.FullName))));
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            return Count(url, entry.FullName, reader);
        }
        catch (InvalidDataException exception)
        {
            throw new FetchException(url, 200, FetchWords.Words.Format("ZipDamaged", exception.Message), exception);
        }
    }

    /// <summary>
    /// Counts the lines of an address file. The columns are found by name, as CBS has spelled them over the years
    /// (<c>PC6</c> or <c>pc</c>; <c>Wijk2019</c> or <c>wijkcode</c>; <c>Gemeente2019</c>, <c>Gem2017</c> or
    /// <c>gemeentecode</c>); a code is a number (leading zeros dropped) and is padded back (wijk 6, gemeente 4 digits).
    /// </summary>
    private static Counts Count(Uri url, string entry, StreamReader reader)
    {
        var header = (reader.ReadLine() ?? string.Empty).TrimStart('\uFEFF').Split(';').Select(h => ColumnName.Normalize(h.Trim('"'))).ToList();
        var postcode = header.FindIndex(h => h.StartsWith("pc", StringComparison.Ordinal));
        var wijk = header.FindIndex(h => h.StartsWith("wijk", StringComparison.Ordinal));
        var gemeente = header.FindIndex(h => h.StartsWith("gem", StringComparison.Ordinal));
        if (postcode < 0 || wijk < 0 || gemeente < 0)
        {
            throw new FetchException(url, 200, FetchWords.Words.Format("PostcodeColumns", entry, string.Join(";", header)));
        }

        var counts = new Counts();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var fields = text.Split(';');
            var pc4 = fields.Length > postcode ? fields[postcode].Trim('"', ' ') : string.Empty;
            if (fields.Length <= Math.Max(wijk, gemeente) || pc4.Length < 4 || pc4.AsSpan(0, 4).ContainsAnyExceptInRange('0', '9')
                || Code(fields[wijk], 6) is not { } wijkCode || Code(fields[gemeente], 4) is not { } gemeenteCode)
            {
                throw new FetchException(url, 200, FetchWords.Words.Format("PostcodeLine", entry, line, text));
            }

            counts.Add(pc4[..4], wijkCode, gemeenteCode);
        }

        return counts;
    }

    /// <summary>
    /// A wijk or gemeente code without its prefix, as the crosswalk writes it: a number padded to
    /// <paramref name="digits"/> (51801 is 051801), or a code with letters (Amsterdam's 0363AA from 2022) as it is.
    /// </summary>
    private static string? Code(string field, int digits)
    {
        var text = field.Trim('"', ' ').ToUpperInvariant();
        text = text.StartsWith("WK", StringComparison.Ordinal) || text.StartsWith("GM", StringComparison.Ordinal) ? text[2..] : text;
        return text.Length > 0 && text.All(char.IsAsciiDigit) && text.Length <= digits ? text.PadLeft(digits, '0')
            : text.Length == digits && text.All(char.IsAsciiLetterOrDigit) ? text
            : null;
    }

    /// <summary>The counts as grenswijzigen postcode rows, sorted, so the same file gives the same bytes.</summary>
    private static byte[] Crosswalk(int year, Counts counts)
    {
        var text = new StringBuilder("\"matrix\",\"level\",\"adres_variant\",\"van_jaar\",\"naar_jaar\",\"voor_postcode\",\"naar_code\",\"van_code\",\"aantal_adressen\"\n");
        foreach (var (level, links) in new[] { ("gemeente", counts.Gemeente), ("wijk", counts.Wijk) })
        {
            foreach (var ((pc4, area), addresses) in links.OrderBy(l => l.Key.Postcode, StringComparer.Ordinal).ThenBy(l => l.Key.Area, StringComparer.Ordinal))
            {
                text.Append(CultureInfo.InvariantCulture, $"\"cbs_pc6huisnr_{year}_{level}_voor_postcode\",\"{level}\",\"pc6_huisnummer\",\"{year}\",\"{year}\",TRUE,\"{area}\",\"{pc4}\",{addresses}\n");
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Addresses per PC4 and area.</summary>
    internal sealed class Counts
    {
        public int Addresses { get; private set; }

        public Dictionary<(string Postcode, string Area), int> Wijk { get; } = [];

        public Dictionary<(string Postcode, string Area), int> Gemeente { get; } = [];

        public void Add(string postcode, string wijk, string gemeente)
        {
            Addresses++;
            Wijk[(postcode, wijk)] = Wijk.GetValueOrDefault((postcode, wijk)) + 1;
            Gemeente[(postcode, gemeente)] = Gemeente.GetValueOrDefault((postcode, gemeente)) + 1;
        }
    }
}
