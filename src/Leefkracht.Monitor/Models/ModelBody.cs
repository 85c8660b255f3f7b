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
    Field<FitBody> Fit) : DocumentBody;

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
