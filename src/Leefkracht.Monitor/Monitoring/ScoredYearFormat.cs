using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;

namespace Leefkracht.Monitor.Monitoring;

/// <summary>
/// A scored year (<see cref="ScoredYear"/>) and a year's resilience (<see cref="ResilienceYear"/>) as bytes for the
/// store's results table: the reference they were standardised against and every area's score with all its parts,
/// written field by field (doubles as their raw bits, so a score read back is the computed one to the last bit), all
/// Brotli-compressed. The prepared year and the model are not in it: the reader is given them (the prepared year is
/// stored on its own, <see cref="PreparedYearFormat"/>, and the model is part of the result's key).
/// </summary>
/// <remarks>
/// Binary for the reason <see cref="PreparedYearFormat"/> is: the national 2024 has 18,309 scores with about 30
/// contributions each, which as JSON took as long to read back as to compute. Strings (area codes, indicator ids) are
/// written once and referred to by number after that, so a read shares one instance of each id.
/// </remarks>
public static class ScoredYearFormat
{
    /// <summary>Changes when the layout does, so that a store written by an older build is recomputed, not misread.</summary>
    public const string Version = "scored-v1";

    /// <summary>A scored year as compressed bytes.</summary>
    public static byte[] Write(ScoredYear scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        return Compressed(writer =>
        {
            writer.Write(scored.Period);
            writer.WriteReference(scored.Reference);
            writer.Write(scored.Scores.Count);
            foreach (var score in scored.Scores)
            {
                writer.WriteScore(score);
            }

            writer.Write(scored.ReferenceScores.Count);
            foreach (var (deviation, inhabitants) in scored.ReferenceScores)
            {
                writer.Write(deviation);
                writer.Write(inhabitants);
            }
        });
    }

    /// <summary>A scored year written by <see cref="Write(ScoredYear)"/>, with the model and prepared year it was computed with.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a scored year.</exception>
    public static ScoredYear ReadScoredYear(byte[] content, LivabilityModel model, PreparedYear prepared) => Decompressed(content, reader =>
    {
        var period = reader.ReadInt32();
        var reference = reader.ReadReference();
        var scores = new LivabilityScore[reader.ReadCount()];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = reader.ReadLivabilityScore();
        }

        var referenceScores = new (double, double)[reader.ReadCount()];
        for (var i = 0; i < referenceScores.Length; i++)
        {
            referenceScores[i] = (reader.ReadDouble(), reader.ReadDouble());
        }

        return new ScoredYear(period, model, reference, prepared, scores, referenceScores);
    });

    /// <summary>A year's resilience as compressed bytes.</summary>
    public static byte[] Write(ResilienceYear resilience)
    {
        ArgumentNullException.ThrowIfNull(resilience);
        return Compressed(writer =>
        {
            writer.Write(resilience.Period);
            writer.WriteReference(resilience.Reference);
            writer.Write(resilience.Scores.Count);
            foreach (var score in resilience.Scores)
            {
                writer.WriteScore(score);
            }
        });
    }

    /// <summary>A year's resilience written by <see cref="Write(ResilienceYear)"/>, with the model and prepared year it was computed with.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a year's resilience.</exception>
    public static ResilienceYear ReadResilienceYear(byte[] content, ResilienceModel model, PreparedYear prepared) => Decompressed(content, reader =>
    {
        var period = reader.ReadInt32();
        var reference = reader.ReadReference();
        var scores = new ResilienceScore[reader.ReadCount()];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = reader.ReadResilienceScore();
        }

        return new ResilienceYear(period, model, reference, prepared, scores);
    });

    private static byte[] Compressed(Action<ResultWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Fastest))
        using (var writer = new ResultWriter(brotli))
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    private static T Decompressed<T>(byte[] content, Func<ResultReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            using var reader = new ResultReader(new BrotliStream(new MemoryStream(content), CompressionMode.Decompress));
            return read(reader);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("a stored scored year is cut short", exception);
        }
    }

    /// <summary>Writes the records field by field; each distinct string once, then its number.</summary>
    private sealed class ResultWriter(Stream stream) : BinaryWriter(stream, Encoding.UTF8)
    {
        private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);

        /// <summary>0 for null, n for the n-th string seen (1-based), or -1 followed by a new string.</summary>
        public void WriteShared(string? text)
        {
            if (text is null)
            {
                Write7BitEncodedInt(0);
            }
            else if (_strings.TryGetValue(text, out var number))
            {
                Write7BitEncodedInt(number);
            }
            else
            {
                _strings.Add(text, _strings.Count + 1);
                Write7BitEncodedInt(-1);
                Write(text);
            }
        }

        public void WriteNullable(double? value)
        {
            Write(value.HasValue);
            if (value is { } v)
            {
                Write(v);
            }
        }

        public void WriteNullable(int? value)
        {
            Write(value.HasValue);
            if (value is { } v)
            {
                Write(v);
            }
        }

        public void WriteArea(AreaKey area)
        {
            WriteShared(area.Code.Value);
            Write(area.Year);
        }

        public void WriteReference(StandardisationReference reference)
        {
            Write(reference.Description);
            Write(reference.DescriptionDutch);
            Write(reference.Period);
            Write(reference.Moments.Count);
            foreach (var (id, moments) in reference.Moments)
            {
                WriteShared(id);
                Write(moments.Mean);
                Write(moments.StandardDeviation);
                Write(moments.Areas);
                Write(moments.PopulationShare);
            }
        }

        public void WriteScore(LivabilityScore score)
        {
            WriteArea(score.Area);
            Write(score.Period);
            WriteNullable(score.Deviation);
            WriteNullable(score.Class);
            Write(score.Coverage);
            WriteShared(score.NotScoredReason);
            Write(score.Constant);
            Write(score.Uncertainty is not null);
            if (score.Uncertainty is { } uncertainty)
            {
                Write(uncertainty.Estimated.Count);
                foreach (var id in uncertainty.Estimated)
                {
                    WriteShared(id);
                }

                Write(uncertainty.StandardDeviation);
            }

            Write(score.Dimensions.Count);
            foreach (var dimension in score.Dimensions)
            {
                Write((int)dimension.Dimension);
                Write(dimension.Contribution);
                Write(dimension.Coverage);
                Write(dimension.Indicators.Count);
                foreach (var part in dimension.Indicators)
                {
                    WriteShared(part.IndicatorId);
                    Write(part.Value);
                    Write(part.ReferenceMean);
                    Write(part.StandardScore);
                    Write(part.Weight);
                    Write(part.Contribution);
                    Write(part.Estimated);
                }
            }
        }

        public void WriteScore(ResilienceScore score)
        {
            WriteArea(score.Area);
            Write(score.Period);
            WriteNullable(score.Score);
            WriteNullable(score.Class);
            WriteNullable(score.Capacity);
            WriteNullable(score.Pressure);
            Write(score.Contributions.Count);
            foreach (var part in score.Contributions)
            {
                WriteShared(part.IndicatorId);
                Write(part.Value);
                Write(part.StandardScore);
                Write(part.Contribution);
            }

            WriteShared(score.VulnerableIndicator);
            WriteNullable(score.VulnerableShare);
            WriteNullable(score.LocationQuotientGemeente);
            WriteNullable(score.LocationQuotientCountry);
            WriteNullable(score.CorporationShare);
            Write(score.IsCorporatiebuurt);
            WriteNullable(score.Turnover);
            Write(score.NotScoredReason is not null);
            if (score.NotScoredReason is { } gap)
            {
                WriteShared(gap.Key);
                Write(gap.Values.Length);
                foreach (var value in gap.Values)
                {
                    // The gap's values are formatted into its sentence when shown, so each keeps its type.
                    switch (value)
                    {
                        case int i:
                            Write((byte)GapValue.Int);
                            Write(i);
                            break;
                        case double d:
                            Write((byte)GapValue.Double);
                            Write(d);
                            break;
                        case string s:
                            Write((byte)GapValue.Text);
                            Write(s);
                            break;
                        default:
                            throw new NotSupportedException($"a resilience gap value of type {value?.GetType().Name ?? "null"} cannot be stored");
                    }
                }
            }
        }
    }

    private enum GapValue : byte
    {
        Int,
        Double,
        Text,
    }

    /// <summary>Reads what <see cref="ResultWriter"/> wrote.</summary>
    private sealed class ResultReader(Stream stream) : BinaryReader(stream, Encoding.UTF8)
    {
        private readonly List<string> _strings = [];

        public string? ReadShared()
        {
            var number = Read7BitEncodedInt();
            if (number == -1)
            {
                var text = ReadString();
                _strings.Add(text);
                return text;
            }

            return number == 0 ? null
                : number <= _strings.Count ? _strings[number - 1]
                : throw new InvalidDataException($"string {number} is referred to before it was written");
        }

        private string ReadSharedText() => ReadShared() ?? throw new InvalidDataException("a stored string is missing");

        public int ReadCount()
        {
            var count = ReadInt32();
            return count >= 0 ? count : throw new InvalidDataException($"a stored count is negative ({count})");
        }

        private double? ReadNullableDouble() => ReadBoolean() ? ReadDouble() : null;

        private int? ReadNullableInt() => ReadBoolean() ? ReadInt32() : null;

        private AreaKey ReadArea() => new(AreaCode.Parse(ReadSharedText()), ReadInt32());

        public StandardisationReference ReadReference()
        {
            var description = ReadString();
            var dutch = ReadString();
            var period = ReadInt32();
            var count = ReadCount();
            var moments = new Dictionary<string, IndicatorMoments>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                moments.Add(ReadSharedText(), new IndicatorMoments(ReadDouble(), ReadDouble(), ReadInt32(), ReadDouble()));
            }

            return new StandardisationReference(description, dutch, period, moments);
        }

        // The arguments of each constructor below are read in the order they are written: C# evaluates them left to right.
        public LivabilityScore ReadLivabilityScore()
        {
            var area = ReadArea();
            var period = ReadInt32();
            var deviation = ReadNullableDouble();
            var @class = ReadNullableInt();
            var coverage = ReadDouble();
            var reason = ReadShared();
            var constant = ReadDouble();
            ScoreUncertainty? uncertainty = null;
            if (ReadBoolean())
            {
                var estimated = new string[ReadCount()];
                for (var i = 0; i < estimated.Length; i++)
                {
                    estimated[i] = ReadSharedText();
                }

                uncertainty = new ScoreUncertainty(estimated, ReadDouble());
            }

            var dimensions = new DimensionContribution[ReadCount()];
            for (var d = 0; d < dimensions.Length; d++)
            {
                var dimension = (LivabilityDimension)ReadInt32();
                var contribution = ReadDouble();
                var dimensionCoverage = ReadDouble();
                var parts = new IndicatorContribution[ReadCount()];
                for (var i = 0; i < parts.Length; i++)
                {
                    parts[i] = new IndicatorContribution(ReadSharedText(), ReadDouble(), ReadDouble(), ReadDouble(), ReadDouble(), ReadDouble(), ReadBoolean());
                }

                dimensions[d] = new DimensionContribution(dimension, contribution, dimensionCoverage, parts);
            }

            return new LivabilityScore(area, period, deviation, @class, dimensions, coverage, reason, constant, uncertainty);
        }

        public ResilienceScore ReadResilienceScore()
        {
            var area = ReadArea();
            var period = ReadInt32();
            var score = ReadNullableDouble();
            var @class = ReadNullableInt();
            var capacity = ReadNullableDouble();
            var pressure = ReadNullableDouble();
            var parts = new ResilienceContribution[ReadCount()];
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = new ResilienceContribution(ReadSharedText(), ReadDouble(), ReadDouble(), ReadDouble());
            }

            return new ResilienceScore(
                area,
                period,
                score,
                @class,
                capacity,
                pressure,
                parts,
                VulnerableIndicator: ReadShared(),
                VulnerableShare: ReadNullableDouble(),
                LocationQuotientGemeente: ReadNullableDouble(),
                LocationQuotientCountry: ReadNullableDouble(),
                CorporationShare: ReadNullableDouble(),
                IsCorporatiebuurt: ReadBoolean(),
                Turnover: ReadNullableDouble(),
                NotScoredReason: ReadBoolean() ? ReadGap() : null);
        }

        private ScoreGap ReadGap()
        {
            var key = ReadSharedText();
            var values = ImmutableArray.CreateBuilder<object>(ReadCount());
            for (var i = values.Capacity; i > 0; i--)
            {
                values.Add((GapValue)ReadByte() switch
                {
                    GapValue.Int => (object)ReadInt32(),
                    GapValue.Double => ReadDouble(),
                    GapValue.Text => ReadString(),
                    var other => throw new InvalidDataException($"a stored gap value has an unknown type ({other})"),
                });
            }

            return new ScoreGap(key, values.MoveToImmutable());
        }
    }
}
