namespace Leefkracht.Fetch.StatLine;

/// <summary>How the periods of one year make the year's value.</summary>
public enum YearValue
{
    /// <summary>The sum over the twelve months (<c>2024MM01</c> … <c>2024MM12</c>); a year with fewer months is refused.</summary>
    SumOfTwelveMonths,

    /// <summary>The one yearly period (<c>2024JJ00</c>).</summary>
    Year,
}

/// <summary>
/// A StatLine table outside the Kerncijfers that gives one catalog indicator per area and year, with its other
/// dimensions fixed to one member (all crimes, adults, the estimate rather than its margins). The keys are those of
/// the tables CBS publishes for third parties on <c>dataderden.cbs.nl</c>, as their <c>DataProperties</c> and the
/// public clients that read them name them.
/// </summary>
/// <param name="Kind">The fetch command's name for it.</param>
/// <param name="Table">The StatLine table id.</param>
/// <param name="Topic">The stem of the topic key (the key without <c>_number</c>), found in the table's <c>DataProperties</c>.</param>
/// <param name="Column">The header the assembled file gives the value: the catalog alias of the indicator.</param>
/// <param name="Fixed">The other dimensions and the member kept (StatLine pads keys with spaces; compared trimmed).</param>
/// <param name="Periods">How a year's value is made from the table's periods.</param>
/// <param name="Years">The years the table publishes, when they are a fixed list (null: any year it has).</param>
public sealed record StatLineSeries(string Kind, string Table, string Topic, string Column, IReadOnlyDictionary<string, string> Fixed, YearValue Periods, IReadOnlyList<int>? Years)
{
    /// <summary>
    /// Politie, registered crimes per gemeente, wijk and buurt per month (47022NED, "Geregistreerde misdrijven; wijk en
    /// buurt, maand"): <c>SoortMisdrijf</c> <c>0.0.0</c> (all crimes), summed over the twelve months of the year, as
    /// the police's yearly totals are. Indicator <c>crimes_registered</c>.
    /// </summary>
    public static StatLineSeries Politie { get; } = new(
        "politie",
        "47022NED",
        "GeregistreerdeMisdrijven",
        "geregistreerde_misdrijven_totaal",
        new Dictionary<string, string>(StringComparer.Ordinal) { ["SoortMisdrijf"] = "0.0.0 " },
        YearValue.SumOfTwelveMonths,
        null);

    /// <summary>
    /// RIVM small-area estimates of the Gezondheidsmonitor (50150NED, "Gezondheid per wijk en buurt"): adults 18 and
    /// over (<c>Leeftijd</c> <c>20300</c>), the estimate itself (<c>Marges</c> <c>MW00000</c>, not its 95 % bounds),
    /// share in good or very good perceived health. Indicator <c>good_health_pct</c>.
    /// </summary>
    public static StatLineSeries Gezondheid { get; } = new(
        "gezondheid",
        "50150NED",
        "GoedErvarenGezondheid",
        "goed_ervaren_gezondheid_pct",
        new Dictionary<string, string>(StringComparer.Ordinal) { ["Leeftijd"] = "20300", ["Marges"] = "MW00000" },
        YearValue.Year,
        [2012, 2016, 2020, 2022, 2024]);

    /// <summary>The series the fetch command knows, by kind.</summary>
    public static IReadOnlyList<StatLineSeries> All { get; } = [Politie, Gezondheid];

    /// <summary>The <c>Perioden</c> clause of a year, in the feed's OData v3 filter syntax.</summary>
    internal string PeriodFilter(int year) => Periods == YearValue.Year
        ? string.Create(CultureInfo.InvariantCulture, $"Perioden eq '{year}JJ00'")
        : string.Create(CultureInfo.InvariantCulture, $"substringof('{year}MM',Perioden)");
}
