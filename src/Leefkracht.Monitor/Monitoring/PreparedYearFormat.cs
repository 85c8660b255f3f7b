using System.Collections.Immutable;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace Leefkracht.Monitor.Monitoring;

/// <summary>
/// A prepared year (<see cref="PreparedYear"/>) as bytes for the store's results table: the year's rows, then each
/// column as a bitmap of the rows that have a value followed by those values as raw doubles, then the filled cells,
/// all Brotli-compressed. Reading it back is a copy of arrays, not a parse, so a stored national year (about 18,000
/// areas × 170 indicators) is read in tens of milliseconds instead of being loaded from the observations and prepared.
/// </summary>
/// <remarks>
/// Binary because JSON of the same table is several times larger and slower to read (every double as text); the
/// bitmap because most columns are sparse over the three levels (a buurt-only figure leaves the wijken empty).
/// </remarks>
public static class PreparedYearFormat
{
    /// <summary>Changes when the layout does, so that a store written by an older build is recomputed, not misread.</summary>
    public const string Version = "prepared-v1";

    /// <summary>The prepared year as compressed bytes.</summary>
    public static byte[] Write(PreparedYear prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var table = prepared.Table;
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Fastest))
        using (var writer = new BinaryWriter(brotli, Encoding.UTF8))
        {
            writer.Write(table.Period);
            writer.Write(table.Areas.Length);
            foreach (var area in table.Areas)
            {
                writer.Write(area.Code.Value);
                writer.Write(area.Year);
            }

            var columns = table.IndicatorIds;
            writer.Write(columns.Length);
            var present = new byte[(table.Areas.Length + 7) / 8];
            var values = new List<double>(table.Areas.Length);
            foreach (var id in columns)
            {
                writer.Write(id);
                Array.Clear(present);
                values.Clear();
                var column = table.Column(id);
                for (var row = 0; row < column.Length; row++)
                {
                    if (!double.IsNaN(column[row]))
                    {
                        present[row >> 3] |= (byte)(1 << (row & 7));
                        values.Add(column[row]);
                    }
                }

                writer.Write(present);
                writer.Write(values.Count);
                writer.Write(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(values)));
            }

            writer.Write(prepared.Aggregated.Count);
            foreach (var (area, indicator) in prepared.Aggregated)
            {
                writer.Write(table.RowOf(area));
                writer.Write(indicator);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A prepared year written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a prepared year.</exception>
    public static PreparedYear Read(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            using var reader = new BinaryReader(new BrotliStream(new MemoryStream(content), CompressionMode.Decompress), Encoding.UTF8);
            var period = reader.ReadInt32();
            var areas = new AreaKey[reader.ReadInt32()];
            for (var row = 0; row < areas.Length; row++)
            {
                areas[row] = new AreaKey(AreaCode.Parse(reader.ReadString()), reader.ReadInt32());
            }

            var columnCount = reader.ReadInt32();
            var columns = new Dictionary<string, double[]>(columnCount, StringComparer.Ordinal);
            var present = new byte[(areas.Length + 7) / 8];
            for (var c = 0; c < columnCount; c++)
            {
                var id = reader.ReadString();
                reader.BaseStream.ReadExactly(present);
                var values = new double[reader.ReadInt32()];
                reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
                var column = new double[areas.Length];
                var next = 0;
                for (var row = 0; row < column.Length; row++)
                {
                    column[row] = (present[row >> 3] & (1 << (row & 7))) != 0 ? values[next++] : double.NaN;
                }

                if (next != values.Length)
                {
                    throw new InvalidDataException($"column {id} has {values.Length} values for {next} rows marked present");
                }

                columns.Add(id, column);
            }

            var filled = reader.ReadInt32();
            var aggregated = new HashSet<(AreaKey, string)>(filled);
            for (var i = 0; i < filled; i++)
            {
                aggregated.Add((areas[reader.ReadInt32()], reader.ReadString()));
            }

            return new PreparedYear(IndicatorTable.FromColumns(period, ImmutableArray.Create(areas), columns), aggregated);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("a stored prepared year is cut short", exception);
        }
    }
}
