using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;

namespace Leefkracht.Monitor.Monitoring;

/// <summary>
/// A scored year (<see cref="ScoredYear"/>) and a year's resilience (<see cref="ResilienceYear"/>) as bytes for the
/// store's results table, compactly: the reference they were standardised against and every area's headline — score,
/// class, coverage, reason, estimates, and each dimension's contribution and coverage; for resilience also capacity,
/// pressure, the vulnerable share and the corporatiebuurt flag — written field by field in columns (doubles as their
/// raw bits, so a score read back is the computed one to the last bit), all Brotli-compressed. What lists, maps,
/// <c>score</c> and watchlists need is read in one pass; the indicators' contributions that make up each dimension
/// (about 30 per area, most of the old stored form's 16 MB) and resilience's parts are not stored but computed again
/// from the prepared year, the model and the stored reference when first asked for (a profile, <c>explain</c>): area
/// by area for the first few, then the whole year at once.
/// </summary>
/// <remarks>
/// <para>
/// The prepared year and the model are not in it: the reader is given them (the prepared year is stored on its own,
/// <see cref="PreparedYearFormat"/>, and the model is part of the result's key). The scores are one per row of the
/// prepared table, in table order (what <see cref="LivabilityIndex.Compute"/> and <see cref="ResilienceIndex.Compute"/>
/// return), so an area and its year are the table's and are not written either; a read checks the count.
/// </para>
/// <para>
/// Recomputing the contributions gives the stored headline's numbers to the last bit: the same pure function of the
/// same prepared table, model and reference (<c>StoredResultsTests</c> compares every contribution read back with the
/// computed one). The percentiles' reference scores are rebuilt from the scores and the table's inhabitants when they
/// come from the year itself (<see cref="ScoredYear.PercentilesFromOwnYear"/>), and kept as they are otherwise.
/// </para>
/// </remarks>
public static class ScoredYearFormat
{
    /// <summary>Changes when the layout does, so that a store written by an older build is recomputed, not misread.</summary>
    public const string Version = "scored-v3";

    /// <summary>How many areas' contributions are computed one by one before the whole year is computed at once.</summary>
    private const int SingleAreas = 32;

    /// <summary>The columns of a livability score's fields (<see cref="ResultWriter.WriteColumns"/>).</summary>
    private const int LivabilityColumns = 10;

    /// <summary>The columns of a resilience score's fields.</summary>
    private const int ResilienceColumns = 13;

    /// <summary>A scored year as compressed bytes.</summary>
    public static byte[] Write(ScoredYear scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        return Compressed(writer =>
        {
            WriteScores(writer, scored.Period, scored.Reference, scored.Scores, LivabilityColumns, ResultWriter.WriteScore);

            writer.Write(scored.PercentilesFromOwnYear);
            if (scored.PercentilesFromOwnYear)
            {
                writer.WriteShared(scored.PercentileGemeente?.Value);
            }
            else
            {
                writer.Write(scored.ReferenceScores.Count);
                foreach (var (deviation, inhabitants) in scored.ReferenceScores)
                {
                    writer.Write(deviation);
                    writer.Write(inhabitants);
                }
            }
        });
    }

    /// <summary>A scored year written by <see cref="Write(ScoredYear)"/>, with the model and prepared year it was computed with.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a scored year of <paramref name="prepared"/>.</exception>
    public static ScoredYear ReadScoredYear(byte[] content, LivabilityModel model, PreparedYear prepared)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(prepared);
        var table = prepared.Table;
        return Decompressed(content, reader =>
        {
            var (period, reference, scores) = ReadScores<LivabilityScore, DimensionContribution>(
                reader, table, LivabilityColumns, reference => include => LivabilityIndex.Compute(table, model, reference, include), s => s.Dimensions, ResultReader.ReadLivabilityScore);

            if (reader.ReadBoolean())
            {
                var gemeente = reader.ReadShared() is { } code ? AreaCode.Parse(code) : (AreaCode?)null;
                return new ScoredYear(period, model, reference, prepared, scores, ScoredYear.ReferenceScoresOf(table, scores, gemeente))
                {
                    PercentilesFromOwnYear = true,
                    PercentileGemeente = gemeente,
                };
            }

            var referenceScores = new (double, double)[reader.ReadCount()];
            for (var i = 0; i < referenceScores.Length; i++)
            {
                referenceScores[i] = (reader.ReadDouble(), reader.ReadDouble());
            }

            return new ScoredYear(period, model, reference, prepared, scores, referenceScores);
        });
    }

    /// <summary>A year's resilience as compressed bytes.</summary>
    public static byte[] Write(ResilienceYear resilience)
    {
        ArgumentNullException.ThrowIfNull(resilience);
        return Compressed(writer =>
        {
            WriteScores(writer, resilience.Period, resilience.Reference, resilience.Scores, ResilienceColumns, ResultWriter.WriteScore);
        });
    }

    /// <summary>A year's resilience written by <see cref="Write(ResilienceYear)"/>, with the model and prepared year it was computed with.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a year's resilience of <paramref name="prepared"/>.</exception>
    public static ResilienceYear ReadResilienceYear(byte[] content, ResilienceModel model, PreparedYear prepared)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(prepared);
        var table = prepared.Table;
        return Decompressed(content, reader =>
        {
            var (period, reference, scores) = ReadScores<ResilienceScore, ResilienceContribution>(
                reader, table, ResilienceColumns, reference => include => ResilienceIndex.Compute(table, model, reference, include), s => s.Contributions, ResultReader.ReadResilienceScore);
            return new ResilienceYear(period, model, reference, prepared, scores);
        });
    }

    /// <summary>
    /// What a scored year and a year's resilience share: the year, the reference and one score per row of the
    /// prepared table, whose parts are computed on demand by <paramref name="computeWith"/> the read reference.
    /// </summary>
    private static (int Period, StandardisationReference Reference, TScore[] Scores) ReadScores<TScore, TPart>(
        ResultReader reader,
        IndicatorTable table,
        int columnCount,
        Func<StandardisationReference, Func<Func<AreaKey, bool>?, IReadOnlyList<TScore>>> computeWith,
        Func<TScore, IReadOnlyList<TPart>> partsOf,
        Func<ResultReader[], AreaKey, int, PartsOnDemand<TScore, TPart>, int, TScore> readScore)
    {
        var period = reader.ReadPeriod(table);
        var reference = reader.ReadReference();
        var parts = new PartsOnDemand<TScore, TPart>(table, computeWith(reference), partsOf);
        var scores = new TScore[reader.ReadRows(table)];
        var columns = reader.ReadColumns(columnCount);
        for (var row = 0; row < scores.Length; row++)
        {
            scores[row] = readScore(columns, table.Areas[row], period, parts, row);
        }

        return (period, reference, scores);
    }

    /// <summary>The year, the reference and the scores' fields in columns (<see cref="ResultWriter.WriteColumns"/>).</summary>
    private static void WriteScores<TScore>(ResultWriter writer, int period, StandardisationReference reference, IReadOnlyList<TScore> scores, int columnCount, Action<TScore, ResultWriter[]> writeScore)
    {
        writer.Write(period);
        writer.WriteReference(reference);
        writer.Write(scores.Count);
        var columns = ResultWriter.NewColumns(columnCount);
        foreach (var score in scores)
        {
            writeScore(score, columns);
        }

        writer.WriteColumns(columns);
    }

    /// <summary>
    /// The parts of a year's scores the stored form leaves out, computed again when first asked for: the first
    /// <see cref="SingleAreas"/> areas one by one (a profile asks for one area and its wijk and gemeente), then the
    /// whole year at once (a list or export of every area, which would otherwise compute the year once per area).
    /// </summary>
    private sealed class PartsOnDemand<TScore, TPart>(IndicatorTable table, Func<Func<AreaKey, bool>?, IReadOnlyList<TScore>> compute, Func<TScore, IReadOnlyList<TPart>> partsOf)
    {
        private readonly Lock _lock = new();
        private IReadOnlyList<TScore>? _year;
        private int _single;

        public IReadOnlyList<TPart> Of(int row)
        {
            lock (_lock)
            {
                if (_year is null && _single < SingleAreas)
                {
                    _single++;
                    var area = table.Areas[row];
                    return partsOf(compute(a => a == area)[0]);
                }

                _year ??= compute(null);
                return partsOf(_year[row]);
            }
        }

        /// <summary>The parts of one row, as a list that computes them when it is first read.</summary>
        public DeferredList<TPart> Deferred(int row) => new(() => Of(row));
    }

    /// <summary>A list computed when it is first read.</summary>
    private sealed class DeferredList<T>(Func<IReadOnlyList<T>> compute) : IReadOnlyList<T>
    {
        private IReadOnlyList<T>? _items;

        private IReadOnlyList<T> Items => LazyInitializer.EnsureInitialized(ref _items, compute);

        public T this[int index] => Items[index];

        public int Count => Items.Count;

        public IEnumerator<T> GetEnumerator() => Items.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static byte[] Compressed(Action<ResultWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Optimal))
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

        /// <summary>Writers of <paramref name="count"/> columns in memory, written out by <see cref="WriteColumns"/>.</summary>
        public static ResultWriter[] NewColumns(int count) => [.. Enumerable.Range(0, count).Select(_ => new ResultWriter(new MemoryStream()))];

        /// <summary>
        /// The columns one after the other, each with its length: a field of every area side by side compresses far
        /// better than the areas' fields in turn (the constant, the coverage and the reasons repeat; the estimated
        /// indicators follow a few patterns).
        /// </summary>
        public void WriteColumns(ResultWriter[] columns)
        {
            Write(columns.Length);
            foreach (var column in columns)
            {
                column.Flush();
                var bytes = ((MemoryStream)column.BaseStream).ToArray();
                Write(bytes.Length);
                Write(bytes);
                column.Dispose();
            }
        }

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

        /// <summary>The fields of a livability score, each into its own column (<see cref="LivabilityColumns"/>).</summary>
        public static void WriteScore(LivabilityScore score, ResultWriter[] c)
        {
            c[0].WriteNullable(score.Deviation);
            c[1].WriteNullable(score.Class);
            c[2].Write(score.Coverage);
            c[3].WriteShared(score.NotScoredReason);
            c[4].Write(score.Constant);
            c[5].Write(score.Uncertainty is not null);
            if (score.Uncertainty is { } uncertainty)
            {
                c[5].Write7BitEncodedInt(uncertainty.Estimated.Count);
                foreach (var id in uncertainty.Estimated)
                {
                    c[5].WriteShared(id);
                }

                c[6].Write(uncertainty.StandardDeviation);
            }

            // The dimensions' sums and coverages (what lists, maps and `score` show); their indicators' parts are
            // computed again when asked for.
            c[7].Write7BitEncodedInt(score.Dimensions.Count);
            foreach (var dimension in score.Dimensions)
            {
                c[7].Write7BitEncodedInt((int)dimension.Dimension);
                c[8].Write(dimension.Contribution);
                c[9].Write(dimension.Coverage);
            }
        }

        /// <summary>The fields of a resilience score, each into its own column (<see cref="ResilienceColumns"/>); the gap in the last.</summary>
        public static void WriteScore(ResilienceScore score, ResultWriter[] c)
        {
            c[0].WriteNullable(score.Score);
            c[1].WriteNullable(score.Class);
            c[2].WriteNullable(score.Capacity);
            c[3].WriteNullable(score.Pressure);
            c[4].Write(score.Contributions.Count > 0);
            c[5].WriteShared(score.VulnerableIndicator);
            c[6].WriteNullable(score.VulnerableShare);
            c[7].WriteNullable(score.LocationQuotientGemeente);
            c[8].WriteNullable(score.LocationQuotientCountry);
            c[9].WriteNullable(score.CorporationShare);
            c[10].Write(score.IsCorporatiebuurt);
            c[11].WriteNullable(score.Turnover);
            c[12].WriteGap(score.NotScoredReason);
        }

        private void WriteGap(ScoreGap? gap)
        {
            Write(gap is not null);
            if (gap is not null)
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

        /// <summary>The columns <see cref="ResultWriter.WriteColumns"/> wrote, each read on its own.</summary>
        public ResultReader[] ReadColumns(int expected)
        {
            var count = ReadCount();
            if (count != expected)
            {
                throw new InvalidDataException($"a stored result has {count} columns, not {expected}");
            }

            var columns = new ResultReader[count];
            for (var i = 0; i < count; i++)
            {
                var length = ReadCount();
                var bytes = ReadBytes(length);
                columns[i] = bytes.Length == length ? new ResultReader(new MemoryStream(bytes)) : throw new EndOfStreamException();
            }

            return columns;
        }

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

        public string ReadSharedText() => ReadShared() ?? throw new InvalidDataException("a stored string is missing");

        public int ReadCount()
        {
            var count = ReadInt32();
            return count >= 0 ? count : throw new InvalidDataException($"a stored count is negative ({count})");
        }

        public double? ReadNullableDouble() => ReadBoolean() ? ReadDouble() : null;

        public int? ReadNullableInt() => ReadBoolean() ? ReadInt32() : null;

        /// <summary>The year, which must be the prepared table's.</summary>
        public int ReadPeriod(IndicatorTable table)
        {
            var period = ReadInt32();
            return period == table.Period ? period : throw new InvalidDataException($"a stored result of {period} is read with the prepared year {table.Period}");
        }

        /// <summary>The number of scores, which must be one per row of the prepared table.</summary>
        public int ReadRows(IndicatorTable table)
        {
            var count = ReadCount();
            return count == table.Areas.Length ? count : throw new InvalidDataException($"a stored result has {count} scores for the {table.Areas.Length} areas of its prepared year");
        }

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

        public static LivabilityScore ReadLivabilityScore(ResultReader[] c, AreaKey area, int period, PartsOnDemand<LivabilityScore, DimensionContribution> parts, int row)
        {
            var deviation = c[0].ReadNullableDouble();
            var @class = c[1].ReadNullableInt();
            var coverage = c[2].ReadDouble();
            var reason = c[3].ReadShared();
            var constant = c[4].ReadDouble();
            ScoreUncertainty? uncertainty = null;
            if (c[5].ReadBoolean())
            {
                var estimated = new string[c[5].Read7BitEncodedInt()];
                for (var i = 0; i < estimated.Length; i++)
                {
                    estimated[i] = c[5].ReadSharedText();
                }

                uncertainty = new ScoreUncertainty(estimated, c[6].ReadDouble());
            }

            var dimensions = new DimensionContribution[c[7].Read7BitEncodedInt()];
            for (var d = 0; d < dimensions.Length; d++)
            {
                var index = d;
                dimensions[d] = new DimensionContribution(
                    (LivabilityDimension)c[7].Read7BitEncodedInt(),
                    c[8].ReadDouble(),
                    c[9].ReadDouble(),
                    new DeferredList<IndicatorContribution>(() => parts.Of(row)[index].Indicators));
            }

            return new LivabilityScore(area, period, deviation, @class, dimensions, coverage, reason, constant, uncertainty);
        }

        public static ResilienceScore ReadResilienceScore(ResultReader[] c, AreaKey area, int period, PartsOnDemand<ResilienceScore, ResilienceContribution> parts, int row) => new(
            area,
            period,
            c[0].ReadNullableDouble(),
            c[1].ReadNullableInt(),
            c[2].ReadNullableDouble(),
            c[3].ReadNullableDouble(),
            c[4].ReadBoolean() ? parts.Deferred(row) : Array.Empty<ResilienceContribution>(),
            VulnerableIndicator: c[5].ReadShared(),
            VulnerableShare: c[6].ReadNullableDouble(),
            LocationQuotientGemeente: c[7].ReadNullableDouble(),
            LocationQuotientCountry: c[8].ReadNullableDouble(),
            CorporationShare: c[9].ReadNullableDouble(),
            IsCorporatiebuurt: c[10].ReadBoolean(),
            Turnover: c[11].ReadNullableDouble(),
            NotScoredReason: c[12].ReadBoolean() ? c[12].ReadGap() : null);

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
