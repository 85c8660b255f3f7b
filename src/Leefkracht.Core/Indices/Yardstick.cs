using Leefkracht.Core.Areas;
using Leefkracht.Core.Indicators;

namespace Leefkracht.Core.Indices;

/// <summary>How an indicator's value is transformed before it is standardised.</summary>
public enum IndicatorTransform
{
    /// <summary>The value itself.</summary>
    Identity,

    /// <summary>ln x; a value ≤ 0 counts as missing.</summary>
    Log,

    /// <summary>ln(1 + x); a value &lt; 0 counts as missing.</summary>
    Log1p,
}

/// <summary>
/// How a nominal or survey-edition indicator is put on the reference year's footing, from national figures only
/// (so that no import of other areas changes it): WOZ is divided by the national price index of its year, the RIVM
/// health estimate is shifted by the difference between its edition's national mean and the reference edition's.
/// A year without a factor has no comparable value: the indicator then counts as missing (and is imputed).
/// </summary>
/// <param name="Divide">Whether the value is divided by the year's factor (a price index) rather than shifted.</param>
/// <param name="ByYear">Per year: the index (divide) or the offset to subtract (shift).</param>
public sealed record TimeAlignment(bool Divide, IReadOnlyDictionary<int, double> ByYear)
{
    /// <summary>The value of year <paramref name="period"/> on the reference year's footing; NaN when the year has no factor.</summary>
    public double Align(double value, int period) =>
        !ByYear.TryGetValue(period, out var factor) ? double.NaN : Divide ? value / factor : value - factor;
}

/// <summary>One indicator of a fixed yardstick.</summary>
/// <param name="IndicatorId">The catalog indicator.</param>
/// <param name="Transform">Applied to <paramref name="Factor"/> × the (aligned) value before standardising.</param>
/// <param name="Factor">Unit factor (for example 1,000 to turn crimes per household into crimes per 1,000 households).</param>
/// <param name="Dimension">The Leefbaarometer dimension it is shown under.</param>
/// <param name="Mean">Reference mean μ of the transformed value (fixed; never re-estimated on import).</param>
/// <param name="StandardDeviation">Reference standard deviation σ of the transformed value.</param>
/// <param name="Coefficient">β: the effect on the target of one reference standard deviation; 0 when the fit put it at its sign bound.</param>
/// <param name="StandardError">Standard error of β (0 at a bound).</param>
/// <param name="Alignment">How values of other years are put on the reference year's footing, if they need to be.</param>
public sealed record YardstickIndicator(
    string IndicatorId,
    IndicatorTransform Transform,
    double Factor,
    LivabilityDimension Dimension,
    double Mean,
    double StandardDeviation,
    double Coefficient,
    double StandardError,
    TimeAlignment? Alignment = null)
{
    /// <summary>The transformed value t(x) of a raw value of year <paramref name="period"/>; NaN when it has none.</summary>
    public double Transformed(double value, int period)
    {
        if (double.IsNaN(value))
        {
            return double.NaN;
        }

        var x = Factor * (Alignment is { } a ? a.Align(value, period) : value);
        return Transform switch
        {
            IndicatorTransform.Log => x > 0 ? Math.Log(x) : double.NaN,
            IndicatorTransform.Log1p => x >= 0 ? Math.Log(1 + x) : double.NaN,
            _ => x,
        };
    }

    /// <summary>The raw value (reference-year footing) whose transformed value is <paramref name="transformed"/>.</summary>
    public double Untransformed(double transformed) => Transform switch
    {
        IndicatorTransform.Log => Math.Exp(transformed),
        IndicatorTransform.Log1p => Math.Exp(transformed) - 1,
        _ => transformed,
    } / Factor;
}

/// <summary>
/// The joint distribution of the clipped standard scores in the reference (population-weighted mean and covariance),
/// used to estimate a missing standard score from the present ones (Gaussian conditional expectation).
/// </summary>
/// <param name="Mean">m, in the order of the yardstick's indicators.</param>
/// <param name="Covariance">S, row by row in the same order.</param>
/// <param name="Inflation">Factor on the imputation standard deviation (the Gaussian interval is slightly too narrow for clipped scores).</param>
public sealed record ImputationModel(IReadOnlyList<double> Mean, IReadOnlyList<IReadOnlyList<double>> Covariance, double Inflation);

/// <summary>The out-of-sample residual quantiles of the target for one level and size band, for intervals on the target's scale.</summary>
/// <param name="Level">The level of the areas.</param>
/// <param name="MinimumInhabitants">The band's smallest number of inhabitants (inclusive).</param>
/// <param name="Q025">2.5 % quantile.</param>
/// <param name="Q05">5 % quantile.</param>
/// <param name="Q50">Median: the level offset added to the estimate.</param>
/// <param name="Q95">95 % quantile.</param>
/// <param name="Q975">97.5 % quantile.</param>
public sealed record ResidualBand(AreaLevel Level, double MinimumInhabitants, double Q025, double Q05, double Q50, double Q95, double Q975);

/// <summary>
/// The target's own scale, for a nowcast: the Leefbaarometer score is <see cref="Constant"/> + afw; for the years
/// after <see cref="LatestMeasurement"/> the calibrated score is also given there, with an interval.
/// </summary>
/// <param name="Name">The target, for example "Leefbaarometer 3.0".</param>
/// <param name="Constant">lbm − afw of the target's edition.</param>
/// <param name="LatestMeasurement">The latest year the target was measured in the data the model was fitted to.</param>
/// <param name="Residuals">Per level and size band.</param>
public sealed record TargetScale(string Name, double Constant, int LatestMeasurement, IReadOnlyList<ResidualBand> Residuals)
{
    /// <summary>The band for an area of <paramref name="level"/> with <paramref name="inhabitants"/>; null when the level has none.</summary>
    public ResidualBand? BandOf(AreaLevel level, double inhabitants) =>
        Residuals.Where(b => b.Level == level && inhabitants >= b.MinimumInhabitants).MaxBy(b => b.MinimumInhabitants)
            ?? Residuals.Where(b => b.Level == level).MinBy(b => b.MinimumInhabitants);
}

/// <summary>
/// A fixed yardstick: a model's reference (national, one base year), indicator set, coefficients and imputation,
/// so that an area's score is a pure function of its own values and the model file. See docs/indices.md#yardstick.
/// </summary>
/// <param name="ReferenceYear">The base year of the reference moments.</param>
/// <param name="ReferenceDescription">The reference in words (English).</param>
/// <param name="ReferenceDescriptionDutch">The same in Dutch.</param>
/// <param name="Intercept">b₀: the score of an area at the reference's mean on every indicator is b₀ (close to 0).</param>
/// <param name="Indicators">The fixed indicator set.</param>
/// <param name="Imputation">How missing indicators are estimated.</param>
/// <param name="Target">The scale the model was calibrated to, for the nowcast.</param>
public sealed record Yardstick(
    int ReferenceYear,
    string ReferenceDescription,
    string ReferenceDescriptionDutch,
    double Intercept,
    IReadOnlyList<YardstickIndicator> Indicators,
    ImputationModel Imputation,
    TargetScale? Target)
{
    /// <summary>The sum of |β| over all indicators (for coverage).</summary>
    public double TotalWeight => Indicators.Sum(i => Math.Abs(i.Coefficient));
}

/// <summary>The nowcast of an area on the target's own scale: an estimate with a 90 % and a 95 % interval and the classes they span.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Estimate">The estimated target score (lbm̂).</param>
/// <param name="Low90">Lower end of the 90 % interval.</param>
/// <param name="High90">Upper end of the 90 % interval.</param>
/// <param name="Low95">Lower end of the 95 % interval.</param>
/// <param name="High95">Upper end of the 95 % interval.</param>
/// <param name="Class">The class of the estimate.</param>
/// <param name="ClassLow90">The class of <paramref name="Low90"/>.</param>
/// <param name="ClassHigh90">The class of <paramref name="High90"/>.</param>
/// <param name="LatestMeasurement">The latest measured year of the target the nowcast extends.</param>
public sealed record Nowcast(string Target, double Estimate, double Low90, double High90, double Low95, double High95, int Class, int ClassLow90, int ClassHigh90, int LatestMeasurement);
