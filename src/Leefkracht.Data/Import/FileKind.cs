namespace Leefkracht.Data.Import;

/// <summary>The kinds of source file Leefkracht recognises from their content.</summary>
public enum FileKind
{
    /// <summary>Not recognised.</summary>
    Unknown,

    /// <summary>KWB with CBS's <c>kwb-YYYY.xlsx</c> short codes (<c>gwb_code_10</c>, <c>a_inw</c>, <c>p_wcorpw</c>, …).</summary>
    KwbShortCodes,

    /// <summary>KWB with StatLine OData keys (<c>WijkenEnBuurten</c>, <c>AantalInwoners_5</c>, …).</summary>
    KwbOData,

    /// <summary>A StatLine export with Dutch headers (path style, R <c>make.names</c> style or flattened), with codes or names.</summary>
    KwbStatLine,

    /// <summary>The national KWB 2024 selection with police and health columns (<c>code,level,name,gm_code,…</c>).</summary>
    KwbSelection,

    /// <summary>A wide table with an area code, a year column and indicator columns (police, health, panels).</summary>
    AreaPeriodTable,

    /// <summary>Another organisation's scores per area, such as the Rotterdam Wijkprofiel sheets.</summary>
    ExternalScores,

    /// <summary>Leefbaarometer scores (BZK open data) per PC4, buurt, wijk, gemeente or 100 m grid cell.</summary>
    Leefbaarometer,

    /// <summary>A long table <c>area_code,year,indicator,value</c>.</summary>
    LongTable,

    /// <summary>An address-weighted crosswalk between two divisions (grenswijzigingen).</summary>
    Crosswalk,

    /// <summary>Boundaries as GeoJSON (WGS84 or RD New).</summary>
    GeoJson,

    /// <summary>Boundaries as TopoJSON.</summary>
    TopoJson,
}
