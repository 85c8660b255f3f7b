using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Leefkracht.Data.Documents;

namespace Leefkracht.Monitor.Models;

/// <summary>
/// The JSON metadata of a model file, generated at compile time: every monitor command parses the shipped model at its
/// start, and the reflection serializer spent about 0.1 s of CPU building this metadata with Reflection.Emit
/// (docs/benchmarks.md, "score under a second"). Every type a <see cref="Field{T}"/> of the model holds is listed,
/// since a field's value is deserialised by its own type; one left out is still read, by reflection.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ModelBody))]
[JsonSerializable(typeof(ModelRulesBody))]
[JsonSerializable(typeof(ClassesBody))]
[JsonSerializable(typeof(DimensionBody))]
[JsonSerializable(typeof(IndicatorBody))]
[JsonSerializable(typeof(FitBody))]
[JsonSerializable(typeof(CoefficientBody))]
[JsonSerializable(typeof(YardstickBody))]
[JsonSerializable(typeof(YardstickReferenceBody))]
[JsonSerializable(typeof(YardstickIndicatorBody))]
[JsonSerializable(typeof(AlignmentBody))]
[JsonSerializable(typeof(ImputationBody))]
[JsonSerializable(typeof(TargetBody))]
[JsonSerializable(typeof(ResidualBandBody))]
[JsonSerializable(typeof(ImmutableArray<Field<double>>))]
[JsonSerializable(typeof(ImmutableArray<Field<ImmutableArray<Field<double>>>>))]
[JsonSerializable(typeof(ImmutableArray<Field<DimensionBody>>))]
[JsonSerializable(typeof(ImmutableArray<Field<IndicatorBody>>))]
[JsonSerializable(typeof(ImmutableArray<Field<CoefficientBody>>))]
[JsonSerializable(typeof(ImmutableArray<Field<YardstickIndicatorBody>>))]
[JsonSerializable(typeof(ImmutableArray<Field<ResidualBandBody>>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, Field<double>>))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
