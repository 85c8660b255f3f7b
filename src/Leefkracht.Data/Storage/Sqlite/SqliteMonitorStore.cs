using Leefkracht.Core.Leefbaarometer;
using Leefkracht.Data.Storage.Relational;
using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;

namespace Leefkracht.Data.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file, created and migrated on open. One instance holds one connection;
/// it is not meant to be shared between threads (open one per request or unit of work).
/// </summary>
public sealed class SqliteMonitorStore : IMonitorStore
{
    private readonly SqliteConnection _connection;
    private Dictionary<long, AreaKey>? _areaKeysById;
    private long _areaKeysDataVersion;

    private SqliteMonitorStore(SqliteConnection connection, string path, StoreSchema schema, int schemaVersion)
    {
        _connection = connection;
        Location = path;
        Schema = schema;
        SchemaVersion = schemaVersion;
    }

    /// <inheritdoc/>
    public string Location { get; }

    /// <inheritdoc/>
    public StoreKind Kind => StoreKind.Sqlite;

    /// <inheritdoc/>
    public StoreSchema Schema { get; }

    /// <summary>The schema version after migration.</summary>
    public int SchemaVersion { get; }

    /// <summary>Opens (creating if needed) and migrates the database at <paramref name="path"/> to <paramref name="schema"/>.</summary>
    public static SqliteMonitorStore Open(string path, TimeProvider clock, StoreSchema schema)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(schema);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();

            // busy_timeout: a second process that writes (an import, a migration) waits for the first one's
            // transaction — a national import takes seconds — instead of failing with "database is locked".
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 60000;");
            var version = SqliteMigrator.Migrate(connection, schema, path, clock);
            return new SqliteMonitorStore(connection, path, schema, version);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public Task<ImportRecord?> FindImportAsync(string sha256, CancellationToken cancellationToken = default) =>
        StoreReads.FindImportAsync(_connection, sha256, cancellationToken);

    /// <inheritdoc/>
    public async Task<StoreResult> StoreAsync(StoreBatch batch, ImportProvenance provenance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(provenance);
        _areaKeysById = null;

        // IMMEDIATE: take the write lock before reading ids, so a second process importing at the same time waits
        // (busy_timeout) instead of failing half-way.
        using var transaction = _connection.BeginTransaction(deferred: false);
        try
        {
            var importId = await ImportRows.InsertAsync(_connection, transaction, provenance, Timestamp(provenance.ImportedAt), cancellationToken).ConfigureAwait(false);
            var areasStored = UpsertAreas(BatchRows.DistinctAreas(batch.Areas), importId, transaction);
            var areaIds = (await StoreReads.AreaKeysByIdAsync(_connection, transaction, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Value, p => p.Key);
            InsertIndicators(BatchRows.IndicatorKeys(batch.Observations), transaction);
            var indicatorIds = (await StoreReads.IndicatorKeysByIdAsync(_connection, transaction, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
            var (valuesStored, valuesReplaced) = UpsertObservations(BatchRows.Observations(batch.Observations, areaIds, indicatorIds), importId, cancellationToken);
            var boundariesStored = UpsertBoundaries(BatchRows.Boundaries(batch.Boundaries, areaIds), importId, transaction);
            var linksStored = UpsertCrosswalk(BatchRows.CrosswalkLinks(batch.CrosswalkLinks), importId, transaction);
            var (scoresStored, postcodeLinksStored) = await LeefbaarometerRows.WriteAsync(_connection, transaction, batch, importId, cancellationToken).ConfigureAwait(false);
            await ImportRows.UpdateCountsAsync(_connection, transaction, importId, new WrittenCounts(areasStored, valuesStored + scoresStored, valuesReplaced, boundariesStored, linksStored + postcodeLinksStored), cancellationToken).ConfigureAwait(false);
            var changed = DataScopes.Changed(batch, valuesStored + valuesReplaced, areasStored, boundariesStored, linksStored, scoresStored + postcodeLinksStored);
            await ResultRows.InvalidateAsync(_connection, transaction, importId, changed, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
            return new StoreResult(await StoreReads.LoadImportAsync(_connection, importId, null, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            transaction.Rollback();
            _areaKeysById = null;
            throw;
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<Area>> LoadAreasAsync(AreaQuery query, CancellationToken cancellationToken = default) =>
        StoreReads.LoadAreasAsync(_connection, SqlDialect.Sqlite, query, cancellationToken);

    /// <inheritdoc/>
    public Task<IndicatorTable> LoadPeriodAsync(int period, AreaLevel? level = null, CancellationToken cancellationToken = default) =>
        ReadPeriodAsync(period, _ => StoreReads.PeriodQuery(period, level), cancellationToken);

    /// <inheritdoc/>
    public Task<IndicatorTable> LoadIndicatorsAsync(int period, AreaLevel level, IReadOnlyCollection<string> indicatorIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(indicatorIds);
        return ReadPeriodAsync(period, indicators => StoreReads.IndicatorsQuery(period, level, StoreReads.IdsOf(indicators, indicatorIds)), cancellationToken);
    }

    /// <summary>Reads (indicator, area, value) rows of one period, selected by a query made from the indicator keys, into a table.</summary>
    private async Task<IndicatorTable> ReadPeriodAsync(int period, Func<Dictionary<long, string>, string> query, CancellationToken cancellationToken)
    {
        // The area ids are cached until this store writes (StoreAsync, RestoreAsync) or another connection commits
        // (PRAGMA data_version changes then), so a long-lived store sees another process's import.
        var dataVersion = Convert.ToInt64(Scalar("PRAGMA data_version"), CultureInfo.InvariantCulture);
        if (_areaKeysById is null || dataVersion != _areaKeysDataVersion)
        {
            _areaKeysById = await StoreReads.AreaKeysByIdAsync(_connection, null, cancellationToken).ConfigureAwait(false);
            _areaKeysDataVersion = dataVersion;
        }

        var indicators = await StoreReads.IndicatorKeysByIdAsync(_connection, null, cancellationToken).ConfigureAwait(false);
        var rows = new ColumnarPeriod();
        using (var command = Command(query(indicators)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(reader.GetInt64(0), reader.GetInt64(1), reader.GetDouble(2));
            }
        }

        return rows.Build(period, _areaKeysById, indicators);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<StoredObservation>> LoadObservationsAsync(AreaCode code, int? period = null, CancellationToken cancellationToken = default) =>
        StoreReads.LoadObservationsAsync(_connection, code, period, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<BoundaryRecord>> LoadBoundariesAsync(AreaLevel level, int year, AreaCode? within = null, CancellationToken cancellationToken = default) =>
        StoreReads.LoadBoundariesAsync(_connection, SqlDialect.Sqlite, level, year, within, null, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<BoundaryRecord>> LoadBoundariesInBoxAsync(AreaLevel level, int year, BoundingBox box, CancellationToken cancellationToken = default) =>
        StoreReads.LoadBoundariesAsync(_connection, SqlDialect.Sqlite, level, year, null, box, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<CrosswalkLink>> LoadCrosswalkAsync(AreaLevel level, int fromYear, int toYear, CancellationToken cancellationToken = default) =>
        StoreReads.LoadCrosswalkAsync(_connection, level, fromYear, toYear, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<StoredLeefbaarometerScore>> LoadLeefbaarometerAsync(LeefbaarometerUnit unit, string? code = null, CancellationToken cancellationToken = default) =>
        LeefbaarometerRows.LoadScoresAsync(_connection, unit, code, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<PostcodeLink>> LoadPostcodeCrosswalkAsync(AreaLevel level, int fromYear, int toYear, CancellationToken cancellationToken = default) =>
        LeefbaarometerRows.LoadLinksAsync(_connection, level, fromYear, toYear, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<(int From, int To)>> LoadPostcodeCrosswalkYearsAsync(AreaLevel level, CancellationToken cancellationToken = default) =>
        LeefbaarometerRows.LoadLinkYearsAsync(_connection, level, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<int, int>> CountValuesAsync(string indicatorId, CancellationToken cancellationToken = default) =>
        StoreReads.CountValuesAsync(_connection, indicatorId, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<string, IReadOnlyDictionary<int, int>>> CountAllValuesAsync(CancellationToken cancellationToken = default) =>
        StoreReads.CountAllValuesAsync(_connection, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<ImportRecord>> ListImportsAsync(CancellationToken cancellationToken = default) =>
        StoreReads.ListImportsAsync(_connection, cancellationToken);

    /// <inheritdoc/>
    public Task<string> DataVersionAsync(CancellationToken cancellationToken = default) =>
        ResultRows.DataVersionAsync(_connection, cancellationToken);

    /// <inheritdoc/>
    public Task<string> DataVersionAsync(IReadOnlyCollection<string> scopes, CancellationToken cancellationToken = default) =>
        ResultRows.ScopedVersionAsync(_connection, scopes, cancellationToken);

    /// <inheritdoc/>
    public Task<byte[]?> LoadResultAsync(StoredResultKey key, CancellationToken cancellationToken = default) =>
        ResultRows.LoadAsync(_connection, key, cancellationToken);

    /// <inheritdoc/>
    public Task SaveResultAsync(StoredResultKey key, byte[] content, CancellationToken cancellationToken = default) =>
        ResultRows.SaveAsync(_connection, null, key, content, cancellationToken);

    /// <inheritdoc/>
    public Task<IAsyncDisposable> TakeResultTurnAsync(StoredResultKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(ResultRows.NoTurn);

    /// <inheritdoc/>
    public Task<string?> LoadImportReportJsonAsync(long importId, CancellationToken cancellationToken = default) =>
        StoreReads.ImportReportJsonAsync(_connection, importId, cancellationToken);

    /// <inheritdoc/>
    public Task<StoreSummary> SummarizeAsync(CancellationToken cancellationToken = default) =>
        StoreReads.SummarizeAsync(_connection, SchemaVersion, cancellationToken);

    /// <inheritdoc/>
    public Task ExportAsync(IStoreRowSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);

        // A read transaction in WAL mode sees one snapshot for all tables, whatever other processes write meanwhile.
        using var transaction = _connection.BeginTransaction(deferred: true);
        foreach (var table in Schema.Tables)
        {
            sink.BeginTable(table);
            using var command = Command(
                $"SELECT {string.Join(", ", table.Columns.Select(c => c.Name))} FROM {table.Name} ORDER BY {string.Join(", ", table.Key)}",
                transaction);
            using var reader = command.ExecuteReader();
            var row = new object?[table.Columns.Length];
            while (reader.Read())
            {
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : table.Columns[i].Kind switch
                    {
                        ColumnKind.WholeNumber => reader.GetInt64(i),
                        ColumnKind.Real => reader.GetDouble(i),
                        ColumnKind.Text => reader.GetString(i),
                        ColumnKind.Timestamp => DateTimeOffset.Parse(reader.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToUniversalTime(),
                        ColumnKind.Geometry => (byte[])reader.GetValue(i),
                        var kind => throw new InvalidOperationException($"unknown column kind {kind}"),
                    };
                }

                sink.WriteRow(row);
            }

            sink.EndTable();
            cancellationToken.ThrowIfCancellationRequested();
        }

        transaction.Commit();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task RestoreAsync(IStoreRowSource source, bool replaceExisting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        _areaKeysById = null;
        using var transaction = _connection.BeginTransaction(deferred: false);
        try
        {
            if (await StoreReads.HoldsDataAsync(_connection, transaction, Schema.Tables, cancellationToken).ConfigureAwait(false))
            {
                if (!replaceExisting)
                {
                    throw new StoreUnavailableException(StoreProblem.NotEmpty, Location, "the database already holds data; restore into an empty database, or pass --force to replace its data");
                }

                foreach (var table in Schema.Tables.Reverse())
                {
                    using var delete = Command($"DELETE FROM {table.Name}", transaction);
                    delete.ExecuteNonQuery();
                }
            }

            foreach (var table in Schema.Tables)
            {
                RestoreTable(table, source.ReadRows(table), cancellationToken);
            }

            // Results are not in a backup: those of the replaced data are stale, and their versions may come back.
            await ResultRows.ClearAsync(_connection, transaction, cancellationToken).ConfigureAwait(false);
            transaction.Commit();
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Inserts restored rows with one prepared statement; a geometry also fills the bounding-box columns
    /// (<c>min_x … max_y</c>) that SQLite keeps beside the WKB for box queries.
    /// </summary>
    private void RestoreTable(StoreTable table, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var geometry = table.Columns.IndexOf(table.Columns.FirstOrDefault(c => c.Kind == ColumnKind.Geometry)!);
        var columns = table.Columns.Select(c => c.Name).Concat(geometry >= 0 ? ["min_x", "min_y", "max_x", "max_y"] : []).ToList();
        using var insert = RawStatement.Prepare(
            _connection.Handle!,
            $"INSERT INTO {table.Name} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)))})");
        var values = new object?[columns.Count];
        var wkb = new WKBReader();
        var count = 0;
        foreach (var row in rows)
        {
            if ((++count & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (var i = 0; i < row.Length; i++)
            {
                values[i] = row[i] is DateTimeOffset moment ? Timestamp(moment) : row[i];
            }

            if (geometry >= 0)
            {
                var envelope = wkb.Read((byte[])row[geometry]!).EnvelopeInternal;
                (values[^4], values[^3], values[^2], values[^1]) = (envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY);
            }

            insert.Execute(values);
        }
    }

    /// <summary>How SQLite keeps a moment: ISO 8601 text in UTC, to the microsecond.</summary>
    private static string Timestamp(DateTimeOffset moment) => StoreTables.Normalise(moment).ToString("O", CultureInfo.InvariantCulture);

    private int UpsertAreas(List<Area> areas, long importId, SqliteTransaction transaction)
    {
        // A later file may add a name to an area a nameless file created; it never erases a name.
        using var command = Command(
            "INSERT INTO areas (code, year, level, name, gemeente, parent, import_id) VALUES ($code, $year, $level, $name, $gm, $parent, $import) "
            + "ON CONFLICT (code, year) DO UPDATE SET name = excluded.name WHERE areas.name IS NULL AND excluded.name IS NOT NULL",
            transaction);
        var code = command.Parameters.Add("$code", SqliteType.Text);
        var year = command.Parameters.Add("$year", SqliteType.Integer);
        var level = command.Parameters.Add("$level", SqliteType.Integer);
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var gemeente = command.Parameters.Add("$gm", SqliteType.Text);
        var parent = command.Parameters.Add("$parent", SqliteType.Text);
        command.Parameters.AddWithValue("$import", importId);
        command.Prepare();
        var changed = 0;
        foreach (var area in areas)
        {
            code.Value = area.Code.Value;
            year.Value = area.Year;
            level.Value = (int)area.Level;
            name.Value = (object?)area.Name ?? DBNull.Value;
            gemeente.Value = (object?)area.Code.Gemeente?.Value ?? DBNull.Value;
            parent.Value = (object?)area.Code.Parent?.Value ?? DBNull.Value;
            changed += command.ExecuteNonQuery();
        }

        return changed;
    }

    /// <summary>
    /// Writes the batch's values: a new value is inserted, a different value replaces the stored one, an equal
    /// value is left alone (so re-importing a file changes nothing). Values are written in primary-key order so
    /// that the B-tree grows at its end.
    /// </summary>
    /// <remarks>
    /// This is the hot path of an import (285,000 values for the national 2024 selection). It uses SQLite's
    /// statement API directly because Microsoft.Data.Sqlite looks every parameter up by name on every execution;
    /// the raw API is about three times faster here (see docs/benchmarks.md). The statements run on the same
    /// connection, inside the caller's transaction.
    /// </remarks>
    private (int Stored, int Replaced) UpsertObservations(ObservationRow[] rows, long importId, CancellationToken cancellationToken)
    {
        if (rows.Length == 0)
        {
            return (0, 0);
        }

        var handle = _connection.Handle!;
        using var insert = RawStatement.Prepare(handle, "INSERT INTO observations (period, indicator_id, area_id, value, import_id) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING");
        using var replace = RawStatement.Prepare(handle, "UPDATE observations SET value = ?4, import_id = ?5 WHERE period = ?1 AND indicator_id = ?2 AND area_id = ?3 AND value <> ?4");
        var stored = 0;
        var replaced = 0;
        for (var n = 0; n < rows.Length; n++)
        {
            if ((n & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var (period, indicator, area, value) = rows[n];
            if (insert.Execute(period, indicator, area, value, importId) == 1)
            {
                stored++;
            }
            else if (replace.Execute(period, indicator, area, value, importId) == 1)
            {
                stored++;
                replaced++;
            }
        }

        return (stored, replaced);
    }

    private void InsertIndicators(List<string> keys, SqliteTransaction transaction)
    {
        using var insert = Command("INSERT INTO indicators (key) VALUES ($k) ON CONFLICT (key) DO NOTHING", transaction);
        var key = insert.Parameters.Add("$k", SqliteType.Text);
        foreach (var k in keys)
        {
            key.Value = k;
            insert.ExecuteNonQuery();
        }
    }

    private int UpsertBoundaries(List<(long AreaId, NetTopologySuite.Geometries.Geometry Geometry)> boundaries, long importId, SqliteTransaction transaction)
    {
        if (boundaries.Count == 0)
        {
            return 0;
        }

        using var command = Command(
            "INSERT INTO boundaries (area_id, wkb, min_x, min_y, max_x, max_y, import_id) VALUES ($a, $wkb, $x0, $y0, $x1, $y1, $import) "
            + "ON CONFLICT (area_id) DO UPDATE SET wkb = excluded.wkb, min_x = excluded.min_x, min_y = excluded.min_y, max_x = excluded.max_x, "
            + "max_y = excluded.max_y, import_id = excluded.import_id WHERE boundaries.wkb <> excluded.wkb",
            transaction);
        var area = command.Parameters.Add("$a", SqliteType.Integer);
        var wkb = command.Parameters.Add("$wkb", SqliteType.Blob);
        var x0 = command.Parameters.Add("$x0", SqliteType.Real);
        var y0 = command.Parameters.Add("$y0", SqliteType.Real);
        var x1 = command.Parameters.Add("$x1", SqliteType.Real);
        var y1 = command.Parameters.Add("$y1", SqliteType.Real);
        command.Parameters.AddWithValue("$import", importId);
        command.Prepare();
        var writer = new WKBWriter();
        var changed = 0;
        foreach (var (id, geometry) in boundaries)
        {
            var envelope = geometry.EnvelopeInternal;
            area.Value = id;
            wkb.Value = writer.Write(geometry);
            x0.Value = envelope.MinX;
            y0.Value = envelope.MinY;
            x1.Value = envelope.MaxX;
            y1.Value = envelope.MaxY;
            changed += command.ExecuteNonQuery();
        }

        return changed;
    }

    private int UpsertCrosswalk(List<CrosswalkLink> links, long importId, SqliteTransaction transaction)
    {
        if (links.Count == 0)
        {
            return 0;
        }

        using var command = Command(
            "INSERT INTO crosswalk (level, variant, from_year, to_year, from_code, to_code, addresses, import_id) VALUES ($level, $variant, $from, $to, $fc, $tc, $n, $import) "
            + "ON CONFLICT DO UPDATE SET addresses = excluded.addresses, import_id = excluded.import_id WHERE crosswalk.addresses <> excluded.addresses",
            transaction);
        var level = command.Parameters.Add("$level", SqliteType.Integer);
        var variant = command.Parameters.Add("$variant", SqliteType.Text);
        var from = command.Parameters.Add("$from", SqliteType.Integer);
        var to = command.Parameters.Add("$to", SqliteType.Integer);
        var fromCode = command.Parameters.Add("$fc", SqliteType.Text);
        var toCode = command.Parameters.Add("$tc", SqliteType.Text);
        var addresses = command.Parameters.Add("$n", SqliteType.Real);
        command.Parameters.AddWithValue("$import", importId);
        command.Prepare();
        var changed = 0;
        foreach (var link in links)
        {
            level.Value = (int)link.Level;
            variant.Value = link.Variant;
            from.Value = link.FromYear;
            to.Value = link.ToYear;
            fromCode.Value = link.From.Value;
            toCode.Value = link.To.Value;
            addresses.Value = link.Addresses;
            changed += command.ExecuteNonQuery();
        }

        return changed;
    }

    private object? Scalar(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteScalar();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
