namespace Leefkracht.Fetch;

/// <summary>
/// Where the sources live and how patient the client is. The addresses are settings so that the same code runs
/// against the real services in use and against a local fake server in the tests.
/// </summary>
public sealed record FetchOptions
{
    /// <summary>The CBS StatLine OData feed (OData v3 with <c>odata.nextLink</c> paging; the <c>ODataApi</c> twin stops at 10,000 rows).</summary>
    public Uri StatLine { get; init; } = new("https://opendata.cbs.nl/ODataFeed/odata/");

    /// <summary>
    /// The OData feed of the tables CBS publishes for third parties (police 47022NED, RIVM 50150NED): the same
    /// OData v3 format as <see cref="StatLine"/>, on its own host.
    /// </summary>
    public Uri DataDerden { get; init; } = new("https://dataderden.cbs.nl/ODataFeed/odata/");

    /// <summary>
    /// PDOK's OGC API Features for the CBS wijken en buurten of one year; <c>{year}</c> is replaced by the year.
    /// </summary>
    public string PdokTemplate { get; init; } = "https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1/";

    /// <summary>Features per page asked of PDOK (OGC API <c>limit</c>; PDOK allows up to 1,000).</summary>
    public int PdokPageLimit { get; init; } = 1000;

    /// <summary>The folder the Leefbaarometer open-data files are published in.</summary>
    public Uri Leefbaarometer { get; init; } = new("https://www.leefbaarometer.nl/resources/");

    /// <summary>
    /// Where CBS's postcode-huisnummer file of a year is (<c>{year}</c> replaced), for the PC4 crosswalk that
    /// <c>fetch lbm</c> brings along; null: the addresses CBS published them under (2016-2023).
    /// </summary>
    public string? PostcodeTemplate { get; init; }

    /// <summary>The download cache (responses keyed by URL) and the assembled files handed to the importer.</summary>
    public required string CacheFolder { get; init; }

    /// <summary>Retries after the first attempt, for transient failures (5xx, 408, 429, dropped connections, timeouts).</summary>
    public int MaxRetryAttempts { get; init; } = 6;

    /// <summary>The first back-off delay; later ones grow exponentially, with jitter. A <c>Retry-After</c> header wins.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest a <c>Retry-After</c> may make the client wait before it gives up on the server.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one attempt (request and the whole body) may take.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one request may take across all its attempts and waits.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The PDOK base address of one year.</summary>
    public Uri PdokFor(int year) => new(PdokTemplate.Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

    /// <summary>The default cache folder: <c>leefkracht/cache</c> in the user's local application data.</summary>
    public static string DefaultCacheFolder => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "leefkracht",
        "cache");
}
