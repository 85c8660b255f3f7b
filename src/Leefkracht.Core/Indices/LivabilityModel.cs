using Leefkracht.Core.Indicators;

namespace Leefkracht.Core.Indices;

/// <summary>One indicator of a weight model.</summary>
/// <param name="IndicatorId">The catalog indicator.</param>
/// <param name="Weight">Relative weight within its dimension (any positive scale; renormalised per area over the indicators present).</param>
/// <param name="Direction">Whether higher values raise (<see cref="Indicators.Direction.HigherIsBetter"/>) or lower livability.</param>
/// <param name="Reason">Why the indicator is in the model with this weight and direction.</param>
public sealed record ModelIndicator(string IndicatorId, double Weight, Direction Direction, string Reason);

/// <summary>One Leefbaarometer dimension of a weight model.</summary>
/// <param name="Dimension">The dimension.</param>
/// <param name="Weight">Share of the total (the dimension weights of a model sum to 1).</param>
/// <param name="Indicators">The indicators that measure it.</param>
/// <param name="Reason">Why the dimension has this weight.</param>
public sealed record ModelDimension(LivabilityDimension Dimension, double Weight, IReadOnlyList<ModelIndicator> Indicators, string Reason);

/// <summary>
/// The rules that decide whether an area gets a score.
/// </summary>
/// <param name="MinimumCoverage">Smallest share of the model's weight (over indicators that have a reference) an area must have values for.</param>
/// <param name="MinimumPopulation">Fewest inhabitants an area must have (the Leefbaarometer warns that areas with few inhabitants get extreme scores).</param>
/// <param name="ZScoreLimit">Standard scores are clipped to ±this value so that one extreme indicator cannot dominate.</param>
/// <param name="MinimumReferenceShare">Smallest share of the reference population an indicator must cover to be standardised at all.</param>
/// <param name="MinimumReferenceCoverage">
/// Smallest share of the model's weight the reference must be able to standardise; below it no area is scored,
/// because a "livability" score would rest on one or two indicators (a year with only health figures, say).
/// </param>
public sealed record ScoringRules(
    double MinimumCoverage = 0.6,
    double MinimumPopulation = 100,
    double ZScoreLimit = 3.0,
    double MinimumReferenceShare = 0.5,
    double MinimumReferenceCoverage = 0.4);

/// <summary>
/// A livability weight model: dimensions with weights, indicators with weights and directions, the class scale
/// and the scoring rules. Models are versioned files (see docs/indices.md); the default is hand-set, others are
/// estimated (<see cref="Fit"/> says how).
/// </summary>
/// <param name="Id">Stable identifier, for example <c>leefkracht-default</c>.</param>
/// <param name="Version">Increases whenever weights, classes or rules change.</param>
/// <param name="Description">What the model is for.</param>
/// <param name="Method"><c>hand-set</c> or <c>estimated</c>.</param>
/// <param name="Dimensions">The dimensions and their indicators.</param>
/// <param name="Classes">The nine livability classes on the deviation scale.</param>
/// <param name="ChangeClasses">The nine change classes on the scale of a change in deviation.</param>
/// <param name="Rules">When an area gets a score.</param>
/// <param name="Fit">For estimated models: how the weights were estimated.</param>
/// <param name="Yardstick">
/// For calibrated models: the fixed reference, indicator set, coefficients and imputation the model scores with
/// (<see cref="YardstickIndex"/>); the reference passed in is then not used.
/// </param>
public sealed record LivabilityModel(
    string Id,
    int Version,
    string Description,
    string Method,
    IReadOnlyList<ModelDimension> Dimensions,
    ClassScale Classes,
    ClassScale ChangeClasses,
    ScoringRules Rules,
    ModelFit? Fit = null,
    Yardstick? Yardstick = null)
{
    /// <summary>Every indicator the model uses.</summary>
    public IEnumerable<string> IndicatorIds => Yardstick is { } y
        ? y.Indicators.Select(i => i.IndicatorId)
        : Dimensions.SelectMany(d => d.Indicators).Select(i => i.IndicatorId);

    /// <summary>
    /// The fixed reference of a yardstick model as a <see cref="StandardisationReference"/> (means in the indicators'
    /// own units, back-transformed; standard deviations on the transformed scale); null for other models.
    /// </summary>
    public StandardisationReference? FixedReference => Yardstick is { } y
        ? new StandardisationReference(
            y.ReferenceDescription,
            y.ReferenceDescriptionDutch,
            y.ReferenceYear,
            y.Indicators.ToDictionary(i => i.IndicatorId, i => new IndicatorMoments(i.Untransformed(i.Mean), i.StandardDeviation, 0, 1), StringComparer.Ordinal))
        : null;
}

/// <summary>
/// Nine ordered classes defined by eight ascending upper bounds: a value below the first bound is class 1, a value
/// at or above the last is class 9.
/// </summary>
/// <param name="UpperBounds">Eight ascending bounds.</param>
/// <param name="Names">Nine names, class 1 first (Dutch).</param>
/// <param name="NamesEnglish">Nine names, class 1 first (English).</param>
public sealed record ClassScale(IReadOnlyList<double> UpperBounds, IReadOnlyList<string> Names, IReadOnlyList<string> NamesEnglish)
{
    /// <summary>The class (1–9) of a value.</summary>
    public int ClassOf(double value)
    {
        for (var i = 0; i < UpperBounds.Count; i++)
        {
            if (value < UpperBounds[i])
            {
                return i + 1;
            }
        }

        return UpperBounds.Count + 1;
    }

    /// <summary>The name of a class (1–9) in the user's language (<see cref="Text.Words.InEnglish"/>; Dutch otherwise).</summary>
    public string NameOf(int @class) => (Text.Words.InEnglish ? NamesEnglish : Names)[@class - 1];

    /// <summary>The Leefbaarometer's class names (1 zeer onvoldoende … 4 zwak … 9 uitstekend).</summary>
    public static IReadOnlyList<string> LeefbaarometerNames { get; } =
        ["zeer onvoldoende", "ruim onvoldoende", "onvoldoende", "zwak", "voldoende", "ruim voldoende", "goed", "zeer goed", "uitstekend"];

    /// <summary>English renderings of <see cref="LeefbaarometerNames"/>.</summary>
    public static IReadOnlyList<string> LeefbaarometerNamesEnglish { get; } =
        ["very poor", "poor", "insufficient", "weak", "sufficient", "amply sufficient", "good", "very good", "excellent"];

    /// <summary>The Leefbaarometer's development classes (1 sterk verslechterd … 5 geen verandering … 9 sterk verbeterd).</summary>
    public static IReadOnlyList<string> ChangeNames { get; } =
        ["sterk verslechterd", "verslechterd", "enigszins verslechterd", "licht verslechterd", "geen verandering", "licht verbeterd", "enigszins verbeterd", "verbeterd", "sterk verbeterd"];

    /// <summary>English renderings of <see cref="ChangeNames"/>.</summary>
    public static IReadOnlyList<string> ChangeNamesEnglish { get; } =
        ["strong decline", "decline", "moderate decline", "slight decline", "no change", "slight improvement", "moderate improvement", "improvement", "strong improvement"];
}

/// <summary>How an estimated model's weights were obtained.</summary>
/// <param name="Target">The indicator (or external score) the weights were fitted to, for example <c>log(woz_mean)</c>.</param>
/// <param name="Period">The year of the data.</param>
/// <param name="Level">The level of the areas (buurt, usually).</param>
/// <param name="Observations">The number of areas with complete data.</param>
/// <param name="Lambda">The ridge penalty chosen by cross-validation (on standardised predictors).</param>
/// <param name="Folds">The number of cross-validation folds.</param>
/// <param name="Seed">The seed of the fold assignment.</param>
/// <param name="RSquared">In-sample R².</param>
/// <param name="RSquaredOutOfFold">Cross-validated (out-of-fold) R².</param>
/// <param name="Coefficients">Per predictor: coefficient per standard deviation, its standard error, and the raw-unit coefficient.</param>
public sealed record ModelFit(
    string Target,
    int Period,
    string Level,
    int Observations,
    double Lambda,
    int Folds,
    int Seed,
    double RSquared,
    double RSquaredOutOfFold,
    IReadOnlyList<FittedCoefficient> Coefficients);

/// <summary>One estimated coefficient.</summary>
/// <param name="IndicatorId">The predictor.</param>
/// <param name="PerStandardDeviation">Effect on the target of one (reference) standard deviation more of the predictor.</param>
/// <param name="StandardError">Standard error of <paramref name="PerStandardDeviation"/>.</param>
/// <param name="PerUnit">Effect of one unit (in the indicator's own unit).</param>
public sealed record FittedCoefficient(string IndicatorId, double PerStandardDeviation, double StandardError, double PerUnit);
