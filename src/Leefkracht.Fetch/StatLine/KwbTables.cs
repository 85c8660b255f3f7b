namespace Leefkracht.Fetch.StatLine;

/// <summary>
/// The StatLine tables of Kerncijfers wijken en buurten, one per year (each year's table has the division of that
/// year and its own column keys). Ids from CBS StatLine's table catalogue.
/// </summary>
public static class KwbTables
{
    private static readonly SortedDictionary<int, string> ByYear = new()
    {
        [2013] = "82339NED",
        [2014] = "82931NED",
        [2015] = "83220NED",
        [2016] = "83487NED",
        [2017] = "83765NED",
        [2018] = "84286NED",
        [2019] = "84583NED",
        [2020] = "84799NED",
        [2021] = "85039NED",
        [2022] = "85318NED",
        [2023] = "85618NED",
        [2024] = "85984NED",
        [2025] = "86165NED",
    };

    /// <summary>The years that have a table.</summary>
    public static IReadOnlyCollection<int> Years => ByYear.Keys;

    /// <summary>The table of <paramref name="year"/>, or null when CBS publishes none (yet) for it.</summary>
    public static string? For(int year) => ByYear.GetValueOrDefault(year);
}
