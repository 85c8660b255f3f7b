namespace Leefkracht.Web.Hosting;

/// <summary>
/// The tile layer drawn under the map's colours (docs/web.md, "Base map"): <c>Leefkracht:BaseMap:TileUrl</c>, an XYZ
/// template in EPSG:3857 (default the PDOK BRT-Achtergrondkaart, grey), and <c>Leefkracht:BaseMap:Attribution</c>.
/// An empty URL turns the tiles off; the dashboard then draws only its context layer from the store's boundaries,
/// which it draws in any case, so that a demo without a network still shows where you are.
/// </summary>
/// <param name="TileUrl">The tile template (<c>{z}/{x}/{y}</c>), or null when tiles are off.</param>
/// <param name="Attribution">Who the tiles come from.</param>
public sealed record BaseMap(string? TileUrl, string Attribution)
{
    /// <summary>The PDOK BRT-Achtergrondkaart, grey, in Web Mercator: open data of the Kadaster (CC BY 4.0).</summary>
    public const string PdokTiles = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png";

    /// <summary>The attribution the PDOK tiles ask for.</summary>
    public const string PdokAttribution = "Kaart: Kadaster / PDOK BRT-Achtergrondkaart (CC BY 4.0)";

    /// <summary>The origin the tiles are fetched from (<c>https://service.pdok.nl</c>), the one host the CSP lets images come from; null when tiles are off.</summary>
    public string? Origin => TileUrl is null ? null : new Uri(TileUrl.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)).GetLeftPart(UriPartial.Authority);

    /// <summary>Reads the settings; a URL that is not an absolute http(s) template stops the start with a message that names the setting.</summary>
    public static BaseMap From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Leefkracht:BaseMap");
        var url = section["TileUrl"] ?? PdokTiles;
        if (string.IsNullOrWhiteSpace(url))
        {
            return new BaseMap(null, string.Empty);
        }

        var template = url.Trim();
        var probe = template.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !template.Contains("{z}", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Leefkracht:BaseMap:TileUrl must be an http(s) tile template with {{z}}, {{x}} and {{y}}, such as {PdokTiles}; '{template}' is not");
        }

        var attribution = section["Attribution"] ?? (template == PdokTiles ? PdokAttribution : uri.Host);
        return new BaseMap(template, attribution);
    }
}
