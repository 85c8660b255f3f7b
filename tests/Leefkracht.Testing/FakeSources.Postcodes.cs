using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Leefkracht.Testing;

/// <summary>
/// CBS's "Buurt, wijk en gemeente {year} voor postcode-huisnummer" in the fake: a zip with the address file
/// <c>pc6hnr{year}0801_gwb.csv</c> (<c>PC6;Huisnummer;Buurt{year};Wijk{year};Gemeente{year}</c>, codes as numbers, the
/// layout the public readers of the file describe) and a gemeente name list beside it. No real address file is in the
/// shared data, so the addresses are made from the real address counts of a grenswijzigen postcode crosswalk (itself
/// counted from these CBS files): one line per counted address of a PC4 in a wijk, with a made-up PC6 suffix, house
/// number and buurt (the wijk's first). Counted again per PC4 and wijk they give back the fixture's counts exactly.
/// </summary>
public sealed partial class FakeSources
{
    /// <summary>
    /// The crosswalk fixture the fake postcode file of 2019 is made from: the real address counts of Den Haag's PC4
    /// 2018 → wijk 2019 <i>grenswijzigen</i> crosswalk (Fixtures/Sources/ATTRIBUTION.md).
    /// </summary>
    public const string DenHaagCrosswalk = "pc4_naar_gemeente_en_wijk_2018-2019_adressen_GM0518.csv";

    private readonly Dictionary<int, byte[]> _postcodeFiles = [];

    /// <summary>The address template of the postcode files (<c>{year}</c> for the year), as <c>--postcode-url</c> takes it.</summary>
    public string PostcodeTemplate { get; private set; } = null!;

    /// <summary>
    /// The wijk rows of <see cref="DenHaagCrosswalk"/>: the addresses of each PC4 (<c>2491</c>) in each 2019 wijk
    /// (<c>WK051801</c>), as the file has them.
    /// </summary>
    public static IReadOnlyList<CrosswalkFixtureLink> DenHaagCrosswalkLinks() =>
    [
        .. File.ReadLines(Fixture(DenHaagCrosswalk)).Skip(1)
            .Select(l => l.Replace("\"", string.Empty, StringComparison.Ordinal).Split(','))
            .Where(f => f[1] == "wijk")
            .Select(f => new CrosswalkFixtureLink(f[7], "WK" + f[6], int.Parse(f[8], CultureInfo.InvariantCulture))),
    ];

    /// <summary>
    /// Serves the postcode file of 2019 made from <see cref="DenHaagCrosswalkLinks"/>, the one <c>fetch lbm</c> counts
    /// into the crosswalk of a store holding Den Haag's KWB 2019.
    /// </summary>
    public void ServeDenHaagPostcodes2019() => ServeDenHaagPostcodes(2019);

    /// <summary>
    /// Serves the same addresses as the postcode file of <paramref name="year"/> (its column names carry the year),
    /// for a national fetch that asks for one file per KWB year; the wijk codes stay Den Haag's of 2019.
    /// </summary>
    public void ServeDenHaagPostcodes(int year)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"PC6;Huisnummer;Buurt{year};Wijk{year};Gemeente{year}\n");
        foreach (var (postcode, wijkCode, addresses) in DenHaagCrosswalkLinks())
        {
            var wijk = int.Parse(wijkCode[2..], CultureInfo.InvariantCulture);
            for (var number = 1; number <= addresses; number++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{postcode}{(char)('A' + (number % 26))}{(char)('A' + (number / 26 % 26))};{number};{(wijk * 100) + 1};{wijk};{wijk / 100}\n");
            }
        }

        ServePostcodeFile(year, text.ToString());
    }

    /// <summary>Serves <paramref name="addresses"/> as the address file of <paramref name="year"/>'s postcode zip.</summary>
    public void ServePostcodeFile(int year, string addresses)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in new[] { ($"pc6hnr{year}0801_gwb.csv", addresses), ($"gem{year}.csv", "GWBcode8;GWBlabel\n518;'s-Gravenhage\n") })
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                entry.LastWriteTime = new DateTimeOffset(year, 8, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        _postcodeFiles[year] = buffer.ToArray();
    }

    private Task AnswerPostcodesAsync(HttpContext context, int year) =>
        _postcodeFiles.TryGetValue(year, out var file)
            ? SendPageAsync(context, context.Request.Path, ("postcodes", 1), file, "application/zip")
            : Send(context, context.Request.Path, 404, "Not Found"u8.ToArray());
}

/// <summary>A row of a postcode crosswalk fixture: <paramref name="Addresses"/> addresses of PC4 <paramref name="Postcode"/> lie in <paramref name="Wijk"/>.</summary>
public sealed record CrosswalkFixtureLink(string Postcode, string Wijk, int Addresses);
