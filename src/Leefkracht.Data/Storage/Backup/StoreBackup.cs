using System.Collections.Immutable;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Leefkracht.Data.Storage.Backup;

/// <summary>What a backup holds: per table, its rows.</summary>
/// <param name="Path">The backup file.</param>
/// <param name="RowsByTable">Rows per table, in the order of the store's <see cref="StoreSchema"/>.</param>
public sealed record BackupSummary(string Path, ImmutableArray<(string Table, long Rows)> RowsByTable);

/// <summary>
/// A portable backup of a whole store, readable by either kind of store: a zip file with <c>manifest.json</c> (format
/// version, logical schema version, where it came from, and per table its columns, row count and SHA-256) and one
/// <c>tables/NAME.jsonl</c> per table of the store's <see cref="StoreSchema"/>, one JSON array per row in key order.
/// </summary>
/// <remarks>
/// Values: whole numbers and reals as JSON numbers (reals in round-trip form, so they come back bit for bit), text
/// as strings, moments as ISO 8601 UTC strings, geometries as hexadecimal WKB (WGS84), missing values as
/// <c>null</c>. The same store content gives the same table files whichever store wrote them. This is also the way
/// to move from SQLite to PostgreSQL: back up one, restore into the other.
/// </remarks>
public static class StoreBackup
{
    /// <summary>The <c>format</c> written in the manifest.</summary>
    public const string Format = "leefkracht-backup";

    /// <summary>The version of the file layout.</summary>
    public const int FormatVersion = 1;

    private const string ManifestEntry = "manifest.json";

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>
    /// Writes a backup of <paramref name="store"/> to <paramref name="path"/> (which must not exist): first to a
    /// temporary file next to it, renamed when complete, so a failed backup leaves no partial file behind.
    /// </summary>
    public static async Task<BackupSummary> WriteAsync(IMonitorStore store, string path, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(clock);
        if (File.Exists(path))
        {
            throw new IOException(BackupWords.Words.Format("Backup.Exists", path));
        }

        var full = Path.GetFullPath(path);
        var partial = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        try
        {
            ImmutableArray<BackupTableEntry> tables;
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: false))
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            {
                using var writer = new ArchiveWriter(zip);
                await store.ExportAsync(writer, cancellationToken).ConfigureAwait(false);
                tables = writer.Entries;
                var manifest = new BackupManifest(Format, FormatVersion, store.Schema.Version, StoreTables.Normalise(clock.GetUtcNow()), store.Kind.ToString().ToLowerInvariant(), tables);
                await using var entry = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal).Open();
                await JsonSerializer.SerializeAsync(entry, manifest, ManifestJson, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, full);
            return new BackupSummary(path, [.. tables.Select(t => (t.Name, t.Rows))]);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Restores a backup into <paramref name="store"/>: checks the whole file first (manifest, versions, every
    /// table's SHA-256), then loads it in the store's one transaction, checking every row and every table's row
    /// count on the way; any problem leaves the store as it was. A store with data is refused unless
    /// <paramref name="replaceExisting"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a Leefkracht backup, is damaged or comes from a newer version; the message says which and where.</exception>
    public static async Task<BackupSummary> RestoreAsync(string path, IMonitorStore store, bool replaceExisting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(store);
        using var reader = ArchiveReader.Open(path, store.Schema);
        reader.VerifyChecksums(cancellationToken);
        await store.RestoreAsync(reader, replaceExisting, cancellationToken).ConfigureAwait(false);
        return new BackupSummary(path, [.. reader.Manifest.Tables.Select(t => (t.Name, t.Rows))]);
    }

    /// <summary>The manifest of a backup file (checked against <paramref name="schema"/>), without restoring it.</summary>
    public static BackupManifest ReadManifest(string path, StoreSchema schema)
    {
        using var reader = ArchiveReader.Open(path, schema);
        return reader.Manifest;
    }

    private static string EntryName(StoreTable table) => $"tables/{table.Name}.jsonl";

    /// <summary>Streams each table into its zip entry, hashing and counting as it goes.</summary>
    private sealed class ArchiveWriter : IStoreRowSink, IDisposable
    {
        private readonly ZipArchive _zip;
        private readonly ImmutableArray<BackupTableEntry>.Builder _entries = ImmutableArray.CreateBuilder<BackupTableEntry>();
        private readonly MemoryStream _line = new();
        private readonly Utf8JsonWriter _json;
        private StoreTable? _table;
        private Stream? _entry;
        private IncrementalHash? _hash;
        private long _rows;

        public ArchiveWriter(ZipArchive zip)
        {
            _zip = zip;
            _json = new Utf8JsonWriter(_line);
        }

        public ImmutableArray<BackupTableEntry> Entries => _entries.ToImmutable();

        public void BeginTable(StoreTable table)
        {
            _table = table;
            _entry = _zip.CreateEntry(EntryName(table), CompressionLevel.Fastest).Open();
            _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            _rows = 0;
        }

        public void WriteRow(object?[] row)
        {
            var table = _table ?? throw new InvalidOperationException("WriteRow before BeginTable");
            _line.SetLength(0);
            _json.Reset(_line);
            _json.WriteStartArray();
            for (var i = 0; i < row.Length; i++)
            {
                WriteValue(_json, table.Columns[i], row[i]);
            }

            _json.WriteEndArray();
            _json.Flush();
            _line.WriteByte((byte)'\n');
            var bytes = _line.GetBuffer().AsSpan(0, (int)_line.Length);
            _hash!.AppendData(bytes);
            _entry!.Write(bytes);
            _rows++;
        }

        public void EndTable()
        {
            var table = _table ?? throw new InvalidOperationException("EndTable before BeginTable");
            _entries.Add(new BackupTableEntry(
                table.Name,
                EntryName(table),
                [.. table.Columns.Select(c => new BackupColumn(c.Name, c.Kind.ToString(), c.Nullable))],
                _rows,
                Convert.ToHexStringLower(_hash!.GetHashAndReset())));
            _hash.Dispose();
            _entry!.Dispose();
            _table = null;
        }

        public void Dispose()
        {
            _json.Dispose();
            _line.Dispose();
            _hash?.Dispose();
            _entry?.Dispose();
        }

        private static void WriteValue(Utf8JsonWriter json, StoreColumn column, object? value)
        {
            switch (value)
            {
                case null:
                    json.WriteNullValue();
                    break;
                case long whole:
                    json.WriteNumberValue(whole);
                    break;
                case double real when double.IsFinite(real):
                    json.WriteNumberValue(real);
                    break;
                case string text:
                    json.WriteStringValue(text);
                    break;
                case DateTimeOffset moment:
                    json.WriteStringValue(StoreTables.Normalise(moment).ToString("O", CultureInfo.InvariantCulture));
                    break;
                case byte[] wkb:
                    json.WriteStringValue(Convert.ToHexString(wkb));
                    break;
                default:
                    throw new InvalidOperationException($"column {column.Name}: cannot back up the value {value} ({value.GetType().Name})");
            }
        }
    }

    /// <summary>Reads and checks a backup file; hands each table's rows to a store's restore.</summary>
    private sealed class ArchiveReader : IStoreRowSource, IDisposable
    {
        private readonly ZipArchive _zip;
        private readonly string _name;

        private ArchiveReader(ZipArchive zip, string name, BackupManifest manifest)
        {
            _zip = zip;
            _name = name;
            Manifest = manifest;
        }

        public BackupManifest Manifest { get; }

        public static ArchiveReader Open(string path, StoreSchema schema)
        {
            var name = Path.GetFileName(path);
            ZipArchive zip;
            try
            {
                zip = ZipFile.OpenRead(path);
            }
            catch (InvalidDataException exception)
            {
                // A truncated zip loses its central directory at the end, so it reads as no zip at all.
                throw BackupWords.Problem("Backup.NotZip", name, exception.Message);
            }

            try
            {
                var entry = zip.GetEntry(ManifestEntry) ?? throw BackupWords.Problem("Backup.NoManifest", name, ManifestEntry);
                BackupManifest? manifest;
                using (var stream = entry.Open())
                {
                    try
                    {
                        manifest = JsonSerializer.Deserialize<BackupManifest>(stream, ManifestJson);
                    }
                    catch (JsonException exception)
                    {
                        throw BackupWords.Problem("Backup.ManifestUnreadable", name, ManifestEntry, exception.Message);
                    }
                    catch (InvalidDataException exception)
                    {
                        throw BackupWords.Problem("Backup.Unpackable", name, ManifestEntry, exception.Message);
                    }
                }

                Check(name, manifest, schema);
                return new ArchiveReader(zip, name, manifest!);
            }
            catch
            {
                zip.Dispose();
                throw;
            }
        }

        /// <summary>Checks every table file against its SHA-256 in the manifest, before anything is written.</summary>
        public void VerifyChecksums(CancellationToken cancellationToken)
        {
            foreach (var table in Manifest.Tables)
            {
                using var stream = Entry(table).Open();
                using var hash = SHA256.Create();
                string sha256;
                try
                {
                    sha256 = Convert.ToHexStringLower(hash.ComputeHash(stream));
                }
                catch (InvalidDataException exception)
                {
                    // The compressed data itself is broken (the zip's inflater says so in English).
                    throw BackupWords.Problem("Backup.Unpackable", _name, table.File, exception.Message);
                }

                if (!string.Equals(sha256, table.Sha256, StringComparison.Ordinal))
                {
                    throw BackupWords.Problem("Backup.Damaged", _name, table.File);
                }

                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        public IEnumerable<object?[]> ReadRows(StoreTable table)
        {
            if (table.Since > Manifest.SchemaVersion)
            {
                yield break; // a table added after the backup's schema version: it had none of these rows
            }

            var entry = Manifest.Tables.Single(t => t.Name == table.Name);
            using var stream = Entry(entry).Open();
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
            long line = 0;
            while (reader.ReadLine() is { } text)
            {
                line++;
                yield return ParseRow(table, text, BackupWords.Words.Format("Backup.Where", _name, entry.File, line.ToString(CultureInfo.InvariantCulture)));
            }

            if (line != entry.Rows)
            {
                throw BackupWords.Problem("Backup.RowCount", _name, entry.File, line.ToString(CultureInfo.InvariantCulture), entry.Rows.ToString(CultureInfo.InvariantCulture));
            }
        }

        public void Dispose() => _zip.Dispose();

        private ZipArchiveEntry Entry(BackupTableEntry table) =>
            _zip.GetEntry(table.File) ?? throw BackupWords.Problem("Backup.Missing", _name, table.File);

        private static object?[] ParseRow(StoreTable table, string text, string where)
        {
            JsonElement[] values;
            try
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind != JsonValueKind.Array)
                {
                    throw BackupWords.Problem("Backup.NotArray", where);
                }

                values = [.. document.RootElement.EnumerateArray().Select(v => v.Clone())];
            }
            catch (JsonException exception)
            {
                throw BackupWords.Problem("Backup.NotJson", where, exception.Message);
            }

            if (values.Length != table.Columns.Length)
            {
                throw BackupWords.Problem("Backup.ValueCount", where, values.Length.ToString(CultureInfo.InvariantCulture), table.Columns.Length.ToString(CultureInfo.InvariantCulture));
            }

            var row = new object?[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                row[i] = ParseValue(table.Columns[i], values[i], where);
            }

            return row;
        }

        private static object? ParseValue(StoreColumn column, JsonElement value, string where)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return column.Nullable ? null : throw BackupWords.Problem("Backup.Empty", where, column.Name);
            }

            try
            {
                return column.Kind switch
                {
                    ColumnKind.WholeNumber when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var whole) => whole,
                    ColumnKind.Real when value.ValueKind == JsonValueKind.Number => value.GetDouble(),
                    ColumnKind.Text when value.ValueKind == JsonValueKind.String => value.GetString(),
                    ColumnKind.Timestamp when value.ValueKind == JsonValueKind.String =>
                        DateTimeOffset.ParseExact(value.GetString()!, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToUniversalTime(),
                    ColumnKind.Geometry when value.ValueKind == JsonValueKind.String => Convert.FromHexString(value.GetString()!),
                    _ => throw new FormatException(),
                };
            }
            catch (FormatException)
            {
                throw BackupWords.Problem("Backup.WrongKind", where, column.Name, value.GetRawText(), Describe(column.Kind));
            }
        }

        private static string Describe(ColumnKind kind) => BackupWords.Words[kind switch
        {
            ColumnKind.WholeNumber => "Kind.WholeNumber",
            ColumnKind.Real => "Kind.Real",
            ColumnKind.Text => "Kind.Text",
            ColumnKind.Timestamp => "Kind.Timestamp",
            _ => "Kind.Geometry",
        }];

        /// <summary>A backup this version can restore: the right format, not newer, and exactly the tables and columns it knows.</summary>
        private static void Check(string name, BackupManifest? manifest, StoreSchema schema)
        {
            if (manifest is null || manifest.Format != Format)
            {
                throw BackupWords.Problem("Backup.NotOurFormat", name, Format);
            }

            if (manifest.FormatVersion > FormatVersion || manifest.SchemaVersion > schema.Version)
            {
                throw BackupWords.Problem(
                    "Backup.Newer", name, manifest.FormatVersion.ToString(CultureInfo.InvariantCulture), manifest.SchemaVersion.ToString(CultureInfo.InvariantCulture),
                    FormatVersion.ToString(CultureInfo.InvariantCulture), schema.Version.ToString(CultureInfo.InvariantCulture));
            }

            var expected = schema.InVersion(manifest.SchemaVersion).Select(t => t.Name).ToList();
            var found = (manifest.Tables.IsDefault ? [] : manifest.Tables).Select(t => t.Name).ToList();
            if (!expected.SequenceEqual(found))
            {
                throw BackupWords.Problem("Backup.Tables", name, string.Join(", ", found), string.Join(", ", expected));
            }

            foreach (var (table, entry) in schema.InVersion(manifest.SchemaVersion).Zip(manifest.Tables))
            {
                var columns = entry.Columns.IsDefault ? [] : entry.Columns;
                if (!table.Columns.Select(c => (c.Name, c.Kind.ToString())).SequenceEqual(columns.Select(c => (c.Name, c.Kind))))
                {
                    throw BackupWords.Problem("Backup.Columns", name, table.Name, string.Join(", ", columns.Select(c => c.Name)), string.Join(", ", table.Columns.Select(c => c.Name)));
                }
            }
        }
    }
}

/// <summary>The manifest of a backup file.</summary>
/// <param name="Format">Always <see cref="StoreBackup.Format"/>.</param>
/// <param name="FormatVersion">The file layout version.</param>
/// <param name="SchemaVersion">The logical schema version (<see cref="StoreSchema.Version"/>).</param>
/// <param name="CreatedAt">When the backup was made.</param>
/// <param name="Source">The kind of store it was made from (<c>sqlite</c> or <c>postgres</c>).</param>
/// <param name="Tables">The tables, in restore order.</param>
public sealed record BackupManifest(string Format, int FormatVersion, int SchemaVersion, DateTimeOffset CreatedAt, string Source, ImmutableArray<BackupTableEntry> Tables);

/// <summary>One table of a backup.</summary>
/// <param name="Name">The table.</param>
/// <param name="File">Its entry in the zip file.</param>
/// <param name="Columns">Its columns.</param>
/// <param name="Rows">How many rows.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the entry.</param>
public sealed record BackupTableEntry(string Name, string File, ImmutableArray<BackupColumn> Columns, long Rows, string Sha256);

/// <summary>One column of a backed-up table.</summary>
/// <param name="Name">The column.</param>
/// <param name="Kind">Its <see cref="ColumnKind"/>.</param>
/// <param name="Nullable">Whether it may be empty.</param>
public sealed record BackupColumn(string Name, string Kind, bool Nullable);
