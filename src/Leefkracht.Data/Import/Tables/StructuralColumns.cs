using System.Collections.Frozen;

namespace Leefkracht.Data.Import.Tables;

/// <summary>The role a column plays besides holding indicator values.</summary>
internal enum ColumnRole
{
    None,
    Code,
    Name,
    Level,
    Period,
    GemeenteName,
    Indicator,
    Value,
}

/// <summary>
/// Header names (normalised, see <see cref="ColumnName.Normalize"/>) of the structural columns in the
/// shapes CBS data reach us in. Content is checked as well: a "code" column must hold area codes.
/// </summary>
internal static class StructuralColumns
{
    private static readonly FrozenDictionary<string, ColumnRole> Roles = new Dictionary<string, ColumnRole>
    {
        // Area code: kwb-YYYY, OData, R make.names, StatLine, selection, derived tables, boundaries' attribute tables
        ["gwb code 10"] = ColumnRole.Code,
        ["gwb code"] = ColumnRole.Code,
        ["wijkenenbuurten"] = ColumnRole.Code,
        ["codering 3"] = ColumnRole.Code,
        ["regioaanduiding codering code"] = ColumnRole.Code,
        ["regiocode gemeente wijk buurt code"] = ColumnRole.Code,
        ["code"] = ColumnRole.Code,
        ["area code"] = ColumnRole.Code,
        ["area"] = ColumnRole.Code,
        ["regiocode"] = ColumnRole.Code,
        ["statcode"] = ColumnRole.Code,
        ["wk code"] = ColumnRole.Code,
        ["wkc"] = ColumnRole.Code, // ELAN wijkprofielen
        ["bu code"] = ColumnRole.Code,
        ["unique id"] = ColumnRole.Code,

        // Area name
        ["regio"] = ColumnRole.Name,
        ["regio s"] = ColumnRole.Name,
        ["wijken en buurten"] = ColumnRole.Name,
        ["wijk buurt"] = ColumnRole.Name,
        ["name"] = ColumnRole.Name,
        ["naam"] = ColumnRole.Name,
        ["statnaam"] = ColumnRole.Name,
        ["district type"] = ColumnRole.Name, // tommasozf's Amsterdam tables put the area name under this header
        ["wk naam"] = ColumnRole.Name,
        ["bu naam"] = ColumnRole.Name,
        ["region"] = ColumnRole.Name,

        // Level
        ["recs"] = ColumnRole.Level,
        ["soortregio 2"] = ColumnRole.Level,
        ["soort regio"] = ColumnRole.Level,
        ["regioaanduiding soort regio omschrijving"] = ColumnRole.Level,
        ["level"] = ColumnRole.Level,

        // Period
        ["perioden"] = ColumnRole.Period,
        ["periode"] = ColumnRole.Period,
        ["jaar"] = ColumnRole.Period,
        ["year"] = ColumnRole.Period,

        // Name of the gemeente an area lies in (used only as the name of gemeente rows when nothing better exists)
        ["gm naam"] = ColumnRole.GemeenteName,
        ["gemeentenaam 1"] = ColumnRole.GemeenteName,
        ["gemeentenaam"] = ColumnRole.GemeenteName,
        ["regioaanduiding gemeentenaam naam"] = ColumnRole.GemeenteName,
        ["municipality name"] = ColumnRole.GemeenteName,
        ["gm naam 2"] = ColumnRole.GemeenteName,

        // Long tables
        ["indicator"] = ColumnRole.Indicator,
        ["variable"] = ColumnRole.Indicator,
        ["onderwerp"] = ColumnRole.Indicator,
        ["value"] = ColumnRole.Value,
        ["waarde"] = ColumnRole.Value,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static ColumnRole RoleOf(string header) => Roles.GetValueOrDefault(ColumnName.Normalize(header), ColumnRole.None);
}
