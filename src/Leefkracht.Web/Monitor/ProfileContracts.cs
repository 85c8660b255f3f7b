

namespace Leefkracht.Web.Monitor;

/// <summary>An area's profile for one year: the score that explains itself, comparisons, resilience and flags.</summary>
/// <param name="Area">The area.</param>
/// <param name="Year">The year of the data.</param>
/// <param name="Reference">What the score is compared with.</param>
/// <param name="Score">The livability score, or why there is none.</param>
/// <param name="Dimensions">The five dimensions with their indicators; the contributions add up to the score.</param>
/// <param name="Comparison">The same score for the wijk, the gemeente and the country.</param>
/// <param name="Resilience">Resilience (veerkracht), when it can be computed.</param>
/// <param name="Flags">Things to notice (corporatiebuurt, few inhabitants, values filled from buurten, …).</param>
/// <param name="Warning">Why the area is on the early-warning watchlist, if it is.</param>
/// <param name="Note">The analyst's note in words.</param>
/// <param name="Caveat">The index describes and does not prove causes.</param>
/// <param name="Leefbaarometer">The official Leefbaarometer beside our score (never part of it), when the area has one.</param>
public sealed record AreaProfileDto(
    AreaDto Area,
    int Year,
    string Reference,
    ScoreDto Score,
    IReadOnlyList<DimensionDto> Dimensions,
    ComparisonDto Comparison,
    ResilienceDto? Resilience,
    IReadOnlyList<FlagDto> Flags,
    WarningDto? Warning,
    string Note,
    string Caveat,
    LeefbaarometerDto? Leefbaarometer = null);

/// <summary>A livability score.</summary>
/// <param name="Deviation">Deviation from the reference (weighted standard-score units); null when not scored.</param>
/// <param name="Class">1 (zeer onvoldoende) … 9 (uitstekend).</param>
/// <param name="ClassName">The class's name.</param>
/// <param name="Percentile">Better than this share (%) of the reference's inhabitants.</param>
/// <param name="Coverage">Share of the model's weight the area has values for.</param>
/// <param name="NotScoredReason">Why there is no score.</param>
/// <param name="Uncertainty">When indicators were estimated from the others: which, and the 95 % interval of the deviation.</param>
/// <param name="Nowcast">For a year after the latest Leefbaarometer measurement: the expected Leefbaarometer score and class (an estimate).</param>
public sealed record ScoreDto(double? Deviation, int? Class, string? ClassName, double? Percentile, double Coverage, string? NotScoredReason, UncertaintyDto? Uncertainty = null, NowcastDto? Nowcast = null);

/// <summary>The uncertainty of a score with estimated indicators.</summary>
/// <param name="Estimated">The indicators estimated from the area's other indicators.</param>
/// <param name="Low95">Lower end of the 95 % interval of the deviation.</param>
/// <param name="High95">Upper end of the 95 % interval of the deviation.</param>
public sealed record UncertaintyDto(IReadOnlyList<string> Estimated, double Low95, double High95);

/// <summary>The expected Leefbaarometer score and class ("verwachte Leefbaarometer-klasse"): an estimate, never a measurement.</summary>
/// <param name="Label">"verwachte Leefbaarometer-klasse (schatting)" in the requested language.</param>
/// <param name="Target">The scale, for example "Leefbaarometer 3.0".</param>
/// <param name="LatestMeasurement">The latest measured year the estimate extends.</param>
/// <param name="Score">The estimated Leefbaarometer score.</param>
/// <param name="Low90">Lower end of the 90 % interval.</param>
/// <param name="High90">Upper end of the 90 % interval.</param>
/// <param name="Class">The expected class.</param>
/// <param name="ClassName">Its name.</param>
/// <param name="ClassLow">The class at the lower end of the 90 % interval.</param>
/// <param name="ClassHigh">The class at the upper end of the 90 % interval.</param>
public sealed record NowcastDto(string Label, string Target, int LatestMeasurement, double Score, double Low90, double High90, int Class, string ClassName, int ClassLow, int ClassHigh);

/// <summary>One dimension's part in the score.</summary>
/// <param name="Id">Short name: won, fys, vrz, soc, onv.</param>
/// <param name="Name">Name in the requested language.</param>
/// <param name="Contribution">Its part of the deviation.</param>
/// <param name="Coverage">Share of the dimension's weight with values.</param>
/// <param name="Indicators">The indicators, largest contribution first.</param>
public sealed record DimensionDto(string Id, string Name, double Contribution, double Coverage, IReadOnlyList<IndicatorContributionDto> Indicators);

/// <summary>One indicator's part in the score, with the values it is compared with.</summary>
/// <param name="Id">Catalog id.</param>
/// <param name="Name">Name in the requested language.</param>
/// <param name="Unit">Unit (percent, count, …).</param>
/// <param name="Value">The area's value.</param>
/// <param name="ReferenceMean">The reference's (population-weighted) mean.</param>
/// <param name="GemeenteValue">The gemeente's value, if known.</param>
/// <param name="CountryValue">The value for the Netherlands: the store's Nederland row, else from the gemeenten (population-weighted for rates and means; <see cref="Leefkracht.Core.Indicators.Aggregation.National"/>).</param>
/// <param name="StandardScore">Direction-adjusted standard score (positive: better than the reference).</param>
/// <param name="Weight">Effective weight.</param>
/// <param name="Contribution">Weight × standard score.</param>
/// <param name="FromBuurten">The value was computed from the area's buurten.</param>
/// <param name="Estimated">The area has no value: it was estimated from the area's other indicators (the value shown is the estimate).</param>
/// <param name="Definition">What the indicator measures, in the user's language.</param>
public sealed record IndicatorContributionDto(
    string Id, string Name, string Unit, double Value, double ReferenceMean, double? GemeenteValue, double? CountryValue,
    double StandardScore, double Weight, double Contribution, bool FromBuurten, bool Estimated = false, string? Definition = null);

/// <summary>The score of the area next to its wijk, gemeente and the country.</summary>
public sealed record ComparisonDto(ComparedScoreDto? Wijk, ComparedScoreDto? Gemeente, ComparedScoreDto Country);

/// <summary>A compared score.</summary>
public sealed record ComparedScoreDto(string Code, string? Name, double? Deviation, int? Class, string? ClassName, IReadOnlyDictionary<string, double> Dimensions);

/// <summary>Resilience: capacity against the pressure of vulnerable households.</summary>
/// <param name="Score">Capacity − pressure; null when not scored.</param>
/// <param name="Class">1 (zeer kwetsbaar) … 5 (zeer veerkrachtig).</param>
/// <param name="ClassName">Its name.</param>
/// <param name="Capacity">The capacity side.</param>
/// <param name="Pressure">The pressure side.</param>
/// <param name="VulnerableIndicator">The headline vulnerable share's indicator name.</param>
/// <param name="VulnerableShare">Its value (%).</param>
/// <param name="LocationQuotientGemeente">Vulnerable share ÷ the gemeente's.</param>
/// <param name="LocationQuotientCountry">Vulnerable share ÷ the reference's.</param>
/// <param name="CorporationShare">Share of corporation dwellings (%).</param>
/// <param name="IsCorporatiebuurt">More than two thirds corporation dwellings.</param>
/// <param name="Turnover">Share that moved more than once (%), where measured.</param>
/// <param name="Contributions">Indicator parts (+ capacity, − pressure).</param>
/// <param name="NotScoredReason">Why there is no score.</param>
public sealed record ResilienceDto(
    double? Score, int? Class, string? ClassName, double? Capacity, double? Pressure, string? VulnerableIndicator, double? VulnerableShare,
    double? LocationQuotientGemeente, double? LocationQuotientCountry, double? CorporationShare, bool IsCorporatiebuurt, double? Turnover,
    IReadOnlyList<ResilienceContributionDto> Contributions, string? NotScoredReason);

/// <summary>One indicator's part in resilience.</summary>
public sealed record ResilienceContributionDto(string Id, string Name, double Value, double StandardScore, double Contribution);

/// <summary>Something to notice about the area.</summary>
/// <param name="Kind">A stable key (corporatiebuurt, few-inhabitants, not-scored, from-buurten, low-coverage, watchlist).</param>
/// <param name="Text">What it means, in words.</param>
public sealed record FlagDto(string Kind, string Text);

/// <summary>An early warning.</summary>
/// <param name="FromYear">The year the change is measured from.</param>
/// <param name="Risk">The model's probability of a clear decline in the next period.</param>
/// <param name="Change">Livability change since <paramref name="FromYear"/>.</param>
/// <param name="Reasons">The rules that fired, in words.</param>
public sealed record WarningDto(int? FromYear, double Risk, double? Change, IReadOnlyList<string> Reasons);

/// <summary>The areas most like one area, nationally at its level, and how they score.</summary>
/// <param name="Area">The area compared.</param>
/// <param name="Year">The year of the data.</param>
/// <param name="Method">How likeness is measured, in words.</param>
/// <param name="Variables">The variables compared, with the area's own values.</param>
/// <param name="Areas">The most similar areas, nearest first.</param>
public sealed record SimilarAreasDto(AreaDto Area, int Year, string Method, IReadOnlyList<SimilarityVariableDto> Variables, IReadOnlyList<SimilarAreaDto> Areas);

/// <summary>A variable areas are compared on.</summary>
/// <param name="Id">Catalogue id.</param>
/// <param name="Name">Name in the requested language.</param>
/// <param name="Unit">Unit (percent, count, …).</param>
/// <param name="Value">The compared area's value.</param>
public sealed record SimilarityVariableDto(string Id, string Name, string Unit, double? Value);

/// <summary>A similar area.</summary>
/// <param name="Area">The area.</param>
/// <param name="Distance">Root mean square of the differences of the standardised variables (0: the same).</param>
/// <param name="Deviation">Its livability score (deviation), if scored.</param>
/// <param name="Class">Its class.</param>
/// <param name="ClassName">The class's name.</param>
/// <param name="Values">Its values of the compared variables, by id.</param>
public sealed record SimilarAreaDto(AreaDto Area, double Distance, double? Deviation, int? Class, string? ClassName, IReadOnlyDictionary<string, double?> Values);

