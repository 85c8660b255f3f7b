using NetTopologySuite.Geometries;

namespace Leefkracht.Data.Import.Boundaries;

/// <summary>The coordinate systems boundary files may use.</summary>
internal enum BoundaryCrs
{
    /// <summary>WGS84 longitude, latitude in degrees (EPSG:4326 / OGC CRS84).</summary>
    Wgs84,

    /// <summary>RD New (EPSG:28992), metres.</summary>
    RdNew,
}

/// <summary>
/// Decides a file's coordinate system from its <c>crs</c> member, or, when there is none, from where its
/// coordinates lie; and checks that declared and actual coordinates agree.
/// </summary>
internal static class BoundaryCrsDetection
{
    // RD New's domain (RDNAPTRANS™: x −7,000 to 300,000 m, y 289,000 to 629,000 m) and a WGS84 box around the
    // Netherlands with the 12-mile zone. The two cannot be confused: degrees never reach RD's y values.
    private static readonly Envelope RdDomain = new(-7_000, 300_000, 289_000, 629_000);
    private static readonly Envelope Wgs84Domain = new(2, 8, 50, 54);

    /// <summary>Resolves the coordinate system; logs an Info when it was inferred, or a file error.</summary>
    /// <param name="crsName">The name in the <c>crs</c> member, if any.</param>
    /// <param name="extent">The extent of all coordinates in the file.</param>
    /// <param name="issues">Where to log.</param>
    /// <returns>The coordinate system, or <see langword="null"/> after a file error.</returns>
    public static BoundaryCrs? Resolve(string? crsName, Envelope extent, IssueLog issues)
    {
        if (crsName is not null)
        {
            var declared = FromName(crsName);
            if (declared is null)
            {
                issues.FileError(ImportWords.Reason("Crs.Unsupported", crsName));
                return null;
            }

            if (!extent.IsNull && !DomainOf(declared.Value).Contains(extent))
            {
                var swapped = declared == BoundaryCrs.Wgs84 && Wgs84Domain.Contains(new Envelope(extent.MinY, extent.MaxY, extent.MinX, extent.MaxX))
                    ? ImportWords.Words["Crs.Swapped"]
                    : string.Empty;
                issues.FileError(ImportWords.Reason("Crs.OutsideDeclared", Describe(declared.Value), crsName, Describe(extent), DomainText(declared.Value), swapped));
                return null;
            }

            return declared;
        }

        if (extent.IsNull)
        {
            // No coordinates at all: every feature is rejected for its geometry anyway.
            return BoundaryCrs.Wgs84;
        }

        foreach (var candidate in (ReadOnlySpan<BoundaryCrs>)[BoundaryCrs.RdNew, BoundaryCrs.Wgs84])
        {
            if (DomainOf(candidate).Contains(extent))
            {
                issues.Info(null, null, "crs", null, ImportWords.Reason("Crs.Inferred", Describe(extent), DomainText(candidate), Describe(candidate)));
                return candidate;
            }
        }

        issues.FileError(ImportWords.Reason("Crs.Unknown", Describe(extent), DomainText(BoundaryCrs.RdNew), DomainText(BoundaryCrs.Wgs84)));
        return null;
    }

    /// <summary>Recognises the usual spellings: <c>EPSG:28992</c>, <c>urn:ogc:def:crs:EPSG::28992</c>, <c>…/EPSG/0/4326</c>, <c>urn:ogc:def:crs:OGC:1.3:CRS84</c>.</summary>
    internal static BoundaryCrs? FromName(string name)
    {
        var upper = name.Trim().ToUpperInvariant();
        if (upper.EndsWith("CRS84", StringComparison.Ordinal) || upper.EndsWith("CRS:84", StringComparison.Ordinal))
        {
            return BoundaryCrs.Wgs84;
        }

        if (!upper.Contains("EPSG", StringComparison.Ordinal))
        {
            return null;
        }

        var digits = upper.Length;
        while (digits > 0 && char.IsAsciiDigit(upper[digits - 1]))
        {
            digits--;
        }

        return upper[digits..] switch
        {
            "4326" => BoundaryCrs.Wgs84,
            "28992" => BoundaryCrs.RdNew,
            _ => null,
        };
    }

    private static Envelope DomainOf(BoundaryCrs crs) => crs == BoundaryCrs.RdNew ? RdDomain : Wgs84Domain;

    private static string Describe(BoundaryCrs crs) => crs == BoundaryCrs.RdNew ? "RD New (EPSG:28992)" : "WGS84 (EPSG:4326)";

    private static string DomainText(BoundaryCrs crs) => crs == BoundaryCrs.RdNew
        ? ImportWords.Words["Crs.RdDomain"]
        : ImportWords.Words["Crs.Wgs84Domain"];

    private static string Describe(Envelope extent) =>
        ImportWords.Words.Format("Crs.Extent", BoundaryJson.Format(extent.MinX), BoundaryJson.Format(extent.MaxX), BoundaryJson.Format(extent.MinY), BoundaryJson.Format(extent.MaxY));
}
