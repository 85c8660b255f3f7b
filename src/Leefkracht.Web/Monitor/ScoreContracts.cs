

namespace Leefkracht.Web.Monitor;

/// <summary>Scores of many areas.</summary>
public sealed record ScoreListDto(int Year, string Level, string Reference, IReadOnlyList<ScoreRowDto> Scores);

/// <summary>One area's score in a list.</summary>
/// <param name="Code">Area code.</param>
/// <param name="Name">Name.</param>
/// <param name="Deviation">Deviation (null when not scored).</param>
/// <param name="Class">Class 1–9.</param>
/// <param name="ClassName">Class name.</param>
/// <param name="Percentile">Better than this share (%) of the reference's inhabitants.</param>
/// <param name="Dimensions">Contribution per dimension (won, fys, vrz, soc, onv).</param>
/// <param name="Resilience">Resilience score.</param>
/// <param name="ResilienceClass">Resilience class 1–5.</param>
/// <param name="NotScoredReason">Why there is no score.</param>
public sealed record ScoreRowDto(
    string Code, string? Name, double? Deviation, int? Class, string? ClassName, double? Percentile,
    IReadOnlyDictionary<string, double> Dimensions, double? Resilience, int? ResilienceClass, string? NotScoredReason);

/// <summary>Livability changes between two years.</summary>
public sealed record TrendListDto(int From, int To, string Level, string Reference, IReadOnlyList<TrendRowDto> Trends);

/// <summary>One area's change.</summary>
public sealed record TrendRowDto(string Code, string? Name, double? FromDeviation, double? ToDeviation, double? Change, int? ChangeClass, string? ChangeClassName, IReadOnlyDictionary<string, double> Dimensions, string? NotComparedReason);

/// <summary>An area's scores over all years, on one reference.</summary>
/// <param name="Code">Area code.</param>
/// <param name="Name">Name.</param>
/// <param name="Reference">The one reference all years are scored against.</param>
/// <param name="Points">One point per year the area has data for.</param>
/// <param name="Indicators">The area's stored values per indicator and year.</param>
/// <param name="Missing">Every year of the store without a score for the area, and why.</param>
public sealed record AreaHistoryDto(string Code, string? Name, string Reference, IReadOnlyList<HistoryPointDto> Points, IReadOnlyList<IndicatorSeriesDto> Indicators, IReadOnlyList<MissingYearDto> Missing);

/// <summary>One year of an area's history.</summary>
/// <param name="Year">The year.</param>
/// <param name="Deviation">The score on the one reference, or null.</param>
/// <param name="Class">Its class, or null.</param>
/// <param name="Coverage">The share of the model's weight with values.</param>
/// <param name="Dimensions">The dimension contributions.</param>
/// <param name="NotScoredReason">Why there is no score, in the user's language.</param>
/// <param name="ReasonCode">The same as a code: noInhabitants, fewInhabitants, lowCoverage or referenceTooThin.</param>
public sealed record HistoryPointDto(int Year, double? Deviation, int? Class, double Coverage, IReadOnlyDictionary<string, double> Dimensions, string? NotScoredReason, string? ReasonCode);

/// <summary>A year without a score for the area.</summary>
/// <param name="Year">The year.</param>
/// <param name="Code">notInDivision (the area did not exist in that year's division), noInhabitants, fewInhabitants, lowCoverage or referenceTooThin.</param>
/// <param name="Reason">The same in the user's language.</param>
public sealed record MissingYearDto(int Year, string Code, string Reason);

/// <summary>One indicator's values over the years.</summary>
public sealed record IndicatorSeriesDto(string Id, string Name, string Unit, IReadOnlyList<YearValueDto> Values);

/// <summary>A value in a year.</summary>
public sealed record YearValueDto(int Year, double Value);

/// <summary>The early-warning watchlist.</summary>
/// <param name="From">The year changes are measured from (null: no earlier year, no momentum).</param>
/// <param name="To">The year.</param>
/// <param name="Reference">The reference in words.</param>
/// <param name="TippingPoint">The zwak/voldoende bound on the score's scale.</param>
/// <param name="Considered">Areas considered.</param>
/// <param name="Entries">The areas on the list, highest risk first.</param>
/// <param name="RiskLabel">What the risk column means ("kans op wegzakken naar zwak of slechter").</param>
/// <param name="RiskBasis">The risk's definition and its backtest on the Leefbaarometer, in sentences, saying plainly whether it beats the lowest scores.</param>
/// <param name="BeatsLowestScore">Whether the risk beat "lowest current score" in the backtest (null: not tested).</param>
public sealed record WatchlistDto(int? From, int To, string Reference, double TippingPoint, int Considered, IReadOnlyList<WatchlistRowDto> Entries, string RiskLabel, IReadOnlyList<string> RiskBasis, bool? BeatsLowestScore);

/// <summary>One area on the watchlist.</summary>
/// <param name="Code">The area's code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Level">Its level.</param>
/// <param name="Gemeente">The name of its gemeente (null for a gemeente).</param>
/// <param name="Risk">The chance of sliding to zwak or worse within four years.</param>
/// <param name="Score">Its score (deviation) on the watchlist's reference.</param>
/// <param name="Change">The change of the score since the earlier year.</param>
/// <param name="VulnerableShare">The share of vulnerable residents.</param>
/// <param name="IsCorporatiebuurt">Whether more than two thirds of its dwellings are owned by housing corporations.</param>
/// <param name="Reasons">The rules that fire, in words.</param>
/// <param name="Class">The area's livability class in the watchlist's year, as its profile and the map show it (null: not scored).</param>
/// <param name="ClassName">That class's name.</param>
public sealed record WatchlistRowDto(string Code, string? Name, string Level, string? Gemeente, double Risk, double? Score, double? Change, double? VulnerableShare, bool IsCorporatiebuurt, IReadOnlyList<string> Reasons, int? Class = null, string? ClassName = null);
