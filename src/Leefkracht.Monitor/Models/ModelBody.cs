using System.Collections.Immutable;
using Leefkracht.Data.Documents;

namespace Leefkracht.Monitor.Models;

// The JSON shape of a livability model file (Models/*.json, docs/models.md), as written: every field a Field<T>, so
// that ModelDocument's checks can name every bad one. Unknown fields are tolerated, as they always were.

/// <summary>A model file.</summary>
internal sealed record ModelBody(
    Field<string> Id,
    Field<double> Version,
    Field<string> Method,
    Field<string> Description,
    Field<ModelRulesBody> Rules,
    Field<ClassesBody> Classes,
    Field<ClassesBody> ChangeClasses,
    Field<ImmutableArray<Field<DimensionBody>>> Dimensions,
    Field<FitBody> Fit,
    Field<YardstickBody> Yardstick) : DocumentBody;

/// <summary>The scoring rules of a model.</summary>
internal sealed record ModelRulesBody(
    Field<double> MinimumCoverage,
    Field<double> MinimumPopulation,
    Field<double> ZScoreLimit,
    Field<double> MinimumReferenceShare,
    Field<double> MinimumReferenceCoverage) : DocumentBody;

/// <summary>A class scale: eight ascending upper bounds.</summary>
internal sealed record ClassesBody(Field<ImmutableArray<Field<double>>> UpperBounds) : DocumentBody;

/// <summary>A dimension and its weighted indicators.</summary>
internal sealed record DimensionBody(Field<string> Dimension, Field<double> Weight, Field<string> Reason, Field<ImmutableArray<Field<IndicatorBody>>> Indicators) : DocumentBody
{
    /// <summary>A dimension item that is not an object: every field missing.</summary>
    public static DimensionBody Empty { get; } = new(default, default, default, default);
}

/// <summary>An indicator of a dimension.</summary>
internal sealed record IndicatorBody(Field<string> Id, Field<double> Weight, Field<string> Direction, Field<string> Reason) : DocumentBody
{
    /// <summary>An indicator item that is not an object: every field missing.</summary>
    public static IndicatorBody Empty { get; } = new(default, default, default, default);
}

/// <summary>How an estimated model was fitted.</summary>
internal sealed record FitBody(
    Field<string> Target,
    Field<double> Period,
    Field<string> Level,
    Field<double> Observations,
    Field<double> Lambda,
    Field<double> Folds,
    Field<double> Seed,
    Field<double> RSquared,
    Field<double> RSquaredOutOfFold,
    Field<ImmutableArray<Field<CoefficientBody>>> Coefficients) : DocumentBody;

/// <summary>One fitted coefficient.</summary>
internal sealed record CoefficientBody(Field<string> Id, Field<double> PerStandardDeviation, Field<double> StandardError, Field<double> PerUnit) : DocumentBody;

/// <summary>The fixed yardstick of a calibrated model (docs/indices.md#yardstick).</summary>
internal sealed record YardstickBody(
    Field<YardstickReferenceBody> Reference,
    Field<double> Intercept,
    Field<ImmutableArray<Field<YardstickIndicatorBody>>> Indicators,
    Field<ImputationBody> Imputation,
    Field<TargetBody> Target) : DocumentBody;

/// <summary>The base year and description of the fixed reference.</summary>
internal sealed record YardstickReferenceBody(Field<double> Year, Field<string> Description, Field<string> DescriptionDutch) : DocumentBody;

/// <summary>One indicator of the yardstick: transform, fixed mean and standard deviation, coefficient.</summary>
internal sealed record YardstickIndicatorBody(
    Field<string> Id,
    Field<string> Transform,
    Field<double> Factor,
    Field<string> Dimension,
    Field<double> Mean,
    Field<double> StandardDeviation,
    Field<double> Coefficient,
    Field<double> StandardError,
    Field<AlignmentBody> Alignment) : DocumentBody
{
    /// <summary>An indicator item that is not an object: every field missing.</summary>
    public static YardstickIndicatorBody Empty { get; } = new(default, default, default, default, default, default, default, default, default);
}

/// <summary>The time alignment of an indicator: a national factor per year.</summary>
internal sealed record AlignmentBody(Field<bool> Divide, Field<IReadOnlyDictionary<string, Field<double>>> ByYear) : DocumentBody;

/// <summary>The Gaussian imputation of missing indicators.</summary>
internal sealed record ImputationBody(
    Field<double> Inflation,
    Field<ImmutableArray<Field<double>>> Mean,
    Field<ImmutableArray<Field<ImmutableArray<Field<double>>>>> Covariance) : DocumentBody;

/// <summary>The scale the model was calibrated to, for the nowcast.</summary>
internal sealed record TargetBody(Field<string> Name, Field<double> Constant, Field<double> LatestMeasurement, Field<ImmutableArray<Field<ResidualBandBody>>> Residuals) : DocumentBody;

/// <summary>The out-of-sample residual quantiles of one level and size band.</summary>
internal sealed record ResidualBandBody(
    Field<string> Level,
    Field<double> MinimumInhabitants,
    Field<double> Q025,
    Field<double> Q05,
    Field<double> Q50,
    Field<double> Q95,
    Field<double> Q975) : DocumentBody
{
    /// <summary>A band item that is not an object: every field missing.</summary>
    public static ResidualBandBody Empty { get; } = new(default, default, default, default, default, default, default);
}
