using System.Globalization;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Leefkracht.Testing;

/// <summary>
/// National data in the fake sources: the real 2024 codebook, a national KWB table under the table id of many years,
/// and a Leefbaarometer archive with every PC4 of the country, so that a fetch can be compared with the areas another
/// fetch brought in and a national fetch of many years can be timed (bench/fetch/national.sh).
/// </summary>
public sealed partial class FakeSources
{
    /// <summary>The whole Leefbaarometer 3.0 PC4 file of the sample (every PC4 of the country, 2002-2018).</summary>
    public const string LeefbaarometerSample = "leefbaarometer/leefbaarometer3_pc4_2002-2018.csv.gz";

    private byte[]? _leefbaarometerArchive;

    /// <summary>The real <c>DataProperties</c> of 85984NED (KWB 2024): every column key, title and unit.</summary>
    public static JsonArray DataProperties2024()
    {
        using var gzip = new GZipStream(File.OpenRead(Fixture("kwb2024_85984NED_DataProperties.json.gz")), CompressionMode.Decompress);
        return JsonNode.Parse(gzip)!.AsArray();
    }

    /// <summary>
    /// Serves the real national 2024 key file (<see cref="National2024"/>, 18,310 regions) with the real 2024
    /// <c>DataProperties</c> under the table id each year of <paramref name="tables"/> has, oldest first. Every year
    /// but the last lacks as many of the file's last rows as years follow it: the importer knows a file by its SHA-256
    /// alone, and identical files would be imported once. The figures are 2024's under other years' ids: what a year
    /// of this width costs, not its content.
    /// </summary>
    public void ServeNationalYears(IReadOnlyList<string> tables)
    {
        var rows = National2024();
        var properties = DataProperties2024();
        for (var index = 0; index < tables.Count; index++)
        {
            Serve(tables[index], [.. rows.Take(rows.Count - (tables.Count - 1 - index))], (JsonArray)properties.DeepClone());
        }
    }

    /// <summary>
    /// Like <see cref="ServeNationalYears"/>, but every year keeps every region, so that tables in the latest division
    /// (the police's, the RIVM's) find all their areas in every year: the years differ only in the inhabitants of the
    /// country's row (<c>NL00</c>), which the year's index (0, 1, …) is added to, so that no two years are the same
    /// file. As there, the figures are 2024's under other years' ids.
    /// </summary>
    public void ServeNationalYearsWithEveryRegion(IReadOnlyList<string> tables)
    {
        var rows = National2024();
        var properties = DataProperties2024();
        for (var index = 0; index < tables.Count; index++)
        {
            var year = rows.Select(r => r["WijkenEnBuurten"].Trim() != "NL00" ? r : new Dictionary<string, string>(r, StringComparer.Ordinal)
            {
                ["AantalInwoners_5"] = (long.Parse(r["AantalInwoners_5"], CultureInfo.InvariantCulture) + index).ToString(CultureInfo.InvariantCulture),
            }).ToList();
            Serve(tables[index], year, (JsonArray)properties.DeepClone());
        }
    }

    /// <summary>
    /// Serves the archive with the bundled sample's complete PC4 file (24,195 real scores, every PC4 of the country)
    /// as its one entry, <c>leefbaarometer3_pc4_2002-2018.csv</c>, instead of the first 2,000 rows (all Amsterdam).
    /// </summary>
    public void ServeNationalLeefbaarometer()
    {
        using var gzip = new GZipStream(File.OpenRead(TestData.Sample(LeefbaarometerSample)), CompressionMode.Decompress);
        using var content = new MemoryStream();
        gzip.CopyTo(content);
        _leefbaarometerArchive = Zip(("leefbaarometer3_pc4_2002-2018.csv", content.ToArray()));
    }

    /// <summary>A zip of the entries, with fixed entry times so that its bytes (and ETag) never change.</summary>
    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name);
                entry.LastWriteTime = new DateTimeOffset(2024, 11, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
