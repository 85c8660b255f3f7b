namespace Leefkracht.Web.Monitor;

/// <summary>The years a map layer has values for at a level.</summary>
/// <param name="Level">gemeente, wijk or buurt.</param>
/// <param name="By">The colouring asked for.</param>
/// <param name="Indicator">The indicator of an indicator or cluster layer.</param>
/// <param name="Years">Every year with at least one value, oldest first.</param>
public sealed record MapYearsDto(string Level, string By, string? Indicator, IReadOnlyList<MapYearDto> Years);

/// <summary>One year of a map layer.</summary>
/// <param name="Year">The year.</param>
/// <param name="WithValue">How many of the areas the map draws for that year have a value.</param>
/// <param name="Areas">How many areas the map draws (the boundaries nearest to the year, within the gemeente when one was asked).</param>
/// <param name="Coverage">WithValue / Areas (0–1).</param>
public sealed record MapYearDto(int Year, int WithValue, int Areas, double Coverage);

/// <summary>The tiles under the map (<c>Leefkracht:BaseMap</c>); <paramref name="TileUrl"/> null when they are off.</summary>
public sealed record BaseMapDto(string? TileUrl, string Attribution);
