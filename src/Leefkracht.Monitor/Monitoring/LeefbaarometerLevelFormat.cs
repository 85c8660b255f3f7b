using System.IO.Compression;
using System.Text;
using Leefkracht.Core.Leefbaarometer;

namespace Leefkracht.Monitor.Monitoring;

/// <summary>
/// A level's Leefbaarometer values (<see cref="LeefbaarometerLevel"/>) as bytes for the store's results table: the
/// provenance, then per area its code and its values (every field, doubles as they are), Brotli-compressed.
/// </summary>
/// <remarks>
/// Stored because carrying the postcode scores to the wijken of a year reads every PC4 score and the postcode
/// crosswalk and takes about 0.3 s of CPU, which was most of the first profile after a restart (docs/benchmarks.md,
/// "First profile after a restart"). Binary, not JSON, because the JSON serialiser's first use in a fresh process
/// costs more than reading the values.
/// </remarks>
public static class LeefbaarometerLevelFormat
{
    /// <summary>Changes when the layout does, so that a store written by an older build is recomputed, not misread.</summary>
    public const string Version = "lbm-level-v1";

    /// <summary>The level's values as compressed bytes.</summary>
    public static byte[] Write(LeefbaarometerLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Fastest))
        using (var writer = new BinaryWriter(brotli, Encoding.UTF8))
        {
            writer.Write(Version);
            writer.Write((int)level.Level);
            writer.Write(level.DivisionYear);
            WriteProvenance(writer, level.Provenance);
            writer.Write(level.Values.Count);
            foreach (var (code, values) in level.Values)
            {
                writer.Write(code.Value);
                writer.Write(values.Count);
                foreach (var value in values)
                {
                    WriteValue(writer, value);
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The level <see cref="Write"/> wrote, equal to it field for field (the areas in the same order).</summary>
    /// <exception cref="InvalidDataException">The content is not of this format.</exception>
    public static LeefbaarometerLevel Read(byte[] content)
    {
        using var brotli = new BrotliStream(new MemoryStream(content), CompressionMode.Decompress);
        using var reader = new BinaryReader(brotli, Encoding.UTF8);
        if (reader.ReadString() != Version)
        {
            throw new InvalidDataException("stored Leefbaarometer values of another format");
        }

        var level = (AreaLevel)reader.ReadInt32();
        var divisionYear = reader.ReadInt32();
        var provenance = ReadProvenance(reader);
        var count = reader.ReadInt32();
        var values = new Dictionary<AreaCode, IReadOnlyList<LeefbaarometerValue>>(count);
        for (var i = 0; i < count; i++)
        {
            var code = AreaCode.Parse(reader.ReadString());
            var series = new LeefbaarometerValue[reader.ReadInt32()];
            for (var j = 0; j < series.Length; j++)
            {
                series[j] = ReadValue(reader, code);
            }

            values.Add(code, series);
        }

        return new LeefbaarometerLevel(level, divisionYear, values, provenance);
    }

    private static void WriteProvenance(BinaryWriter writer, LeefbaarometerProvenance? provenance)
    {
        writer.Write(provenance is not null);
        if (provenance is null)
        {
            return;
        }

        writer.Write(provenance.Source);
        writer.Write(provenance.Edition);
        writer.Write(provenance.Reference);
        writer.Write(provenance.Files.Count);
        foreach (var file in provenance.Files)
        {
            writer.Write(file);
        }

        writer.Write(provenance.Carry is not null);
        if (provenance.Carry is not null)
        {
            writer.Write(provenance.Carry);
        }

        writer.Write(provenance.ClassBasis);
    }

    private static LeefbaarometerProvenance? ReadProvenance(BinaryReader reader)
    {
        if (!reader.ReadBoolean())
        {
            return null;
        }

        var source = reader.ReadString();
        var edition = reader.ReadString();
        var reference = reader.ReadDouble();
        var files = new string[reader.ReadInt32()];
        for (var i = 0; i < files.Length; i++)
        {
            files[i] = reader.ReadString();
        }

        var carry = reader.ReadBoolean() ? reader.ReadString() : null;
        return new LeefbaarometerProvenance(source, edition, reference, files, carry, reader.ReadString());
    }

    private static void WriteValue(BinaryWriter writer, LeefbaarometerValue value)
    {
        writer.Write(value.Area.Year);
        writer.Write(value.Year);
        writer.Write(value.Score);
        writer.Write(value.Deviation);
        writer.Write(value.Dimensions is not null);
        if (value.Dimensions is { } d)
        {
            writer.Write(d.Physical);
            writer.Write(d.Nuisance);
            writer.Write(d.Social);
            writer.Write(d.Amenities);
            writer.Write(d.Housing);
        }

        writer.Write(value.Reference);
        writer.Write((int)value.CarriedFrom);
        writer.Write(value.Coverage);
        writer.Write(value.Purity);
        writer.Write(value.Postcodes);
    }

    private static LeefbaarometerValue ReadValue(BinaryReader reader, AreaCode code)
    {
        var area = new AreaKey(code, reader.ReadInt32());
        var year = reader.ReadInt32();
        var score = reader.ReadDouble();
        var deviation = reader.ReadDouble();
        var dimensions = reader.ReadBoolean()
            ? new LeefbaarometerDimensions(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble())
            : null;
        return new LeefbaarometerValue(area, year, score, deviation, dimensions, reader.ReadDouble(), (LeefbaarometerUnit)reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadInt32());
    }
}
