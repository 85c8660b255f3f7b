namespace Leefkracht.Fetch.StatLine;

/// <summary>
/// The StatLine tables "Nabijheid voorzieningen; afstand locatie, wijk- en buurtcijfers", one per year, each on the
/// division of its year. Only the years for which a public source names the table id are listed (sources in
/// <c>tests/Leefkracht.Testing/Fixtures/Sources/nabijheid-keys/README.md</c>; 2020, 2021 and 2023 by CBS's own
/// table pages); an earlier year is refused with the list of years that have a table. 84463NED is the 2018 table and
/// 84718NED the 2019 one, as three public sources say against one.
/// </summary>
public static class NabijheidTables
{
    private static readonly SortedDictionary<int, string> ByYear = new()
    {
        [2017] = "84334NED",
        [2018] = "84463NED",
        [2019] = "84718NED",
        [2020] = "84953NED",
        [2021] = "85231NED",
        [2022] = "85560NED",
        [2023] = "85830NED",
        [2024] = "86134NED",
        [2025] = "86270NED",
    };

    /// <summary>The years that have a table.</summary>
    public static IReadOnlyCollection<int> Years => ByYear.Keys;

    /// <summary>The table of <paramref name="year"/>, or null when no table is known for it.</summary>
    public static string? For(int year) => ByYear.GetValueOrDefault(year);
}
