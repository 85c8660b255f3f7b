using System.Collections.Immutable;
using System.Globalization;
using Leefkracht.Core.Areas;
using Leefkracht.Core.Indicators;
using Leefkracht.Data.Import;
using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;

namespace Leefkracht.Data.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file, created and migrated on open. One instance holds one connection;
/// it is not meant to be shared between threads.
/// </summary>
public sealed class SqliteMonitorStore : IMonitorStore
{
    private readonly SqliteConnection _connection;
    private Dictionary<long, AreaKey>? _areaKeysById;

    private SqliteMonitorStore(SqliteConnection connection, string path, int schemaVersion)
    {
        _connection = connection;
        Location = path;
        SchemaVersion = schemaVersion;
    }

    /// <inheritdoc/>
    public string Location { get; }

    /// <summary>The schema version after migration.</summary>
    public int SchemaVersion { get; }

    /// <summary>Opens (creating if needed) and migrates the database at <paramref name="path"/>.</summary>
    public static SqliteMonitorStore Open(string path, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(clock);
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
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
            var version = SqliteMigrator.Migrate(connection, clock);
            return new SqliteMonitorStore(connection, path, version);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public Task<ImportRecord?> FindImportAsync(string sha256, CancellationToken cancellationToken = default)
    {
        using var command = Command($"SELECT {ImportColumns} FROM imports WHERE sha256 = $sha ORDER BY id LIMIT 1");
        command.Parameters.AddWithValue("$sha", sha256);
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? ReadImport(reader) : null);
    }

    /// <inheritdoc/>
    public Task<StoreResult> StoreAsync(ImportBatch batch, ImportProvenance provenance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(provenance);
        _areaKeysById = null;
        using var transaction = _connection.BeginTransaction();
        try
        {
            var importId = InsertImport(batch, provenance, transaction);
            var areasStored = UpsertAreas(batch.Areas, importId, transaction);
            var areaIds = AreaIds(transaction);
            var (valuesStored, valuesReplaced) = UpsertObservations(batch.Observations, areaIds, importId, transaction, cancellationToken);
            var boundariesStored = UpsertBoundaries(batch.Boundaries, areaIds, importId, transaction);
            var linksStored = UpsertCrosswalk(batch.CrosswalkLinks, importId, transaction);
            using (var update = Command(
                "UPDATE imports SET areas_stored = $a, values_stored = $v, values_replaced = $r, boundaries_stored = $b, links_stored = $l WHERE id = $id",
                transaction))
            {
                update.Parameters.AddWithValue("$a", areasStored);
                update.Parameters.AddWithValue("$v", valuesStored);
                update.Parameters.AddWithValue("$r", valuesReplaced);
                update.Parameters.AddWithValue("$b", boundariesStored);
                update.Parameters.AddWithValue("$l", linksStored);
                update.Parameters.AddWithValue("$id", importId);
                update.ExecuteNonQuery();
            }

            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
            using var read = Command($"SELECT {ImportColumns} FROM imports WHERE id = $id");
            read.Parameters.AddWithValue("$id", importId);
            using var reader = read.ExecuteReader();
            reader.Read();
            return Task.FromResult(new StoreResult(ReadImport(reader)));
        }
        catch
        {
            transaction.Rollback();
            _areaKeysById = null;
            throw;
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<Area>> LoadAreasAsync(AreaQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new List<string>();
        using var command = Command(string.Empty);
        if (query.Level is { } level)
        {
            where.Add("level = $level");
            command.Parameters.AddWithValue("$level", (int)level);
        }

        if (query.Year is { } year)
        {
            where.Add("year = $year");
            command.Parameters.AddWithValue("$year", year);
        }

        if (query.Within is { } within)
        {
            where.Add(within.Level switch
            {
                AreaLevel.Land => "1 = 1",
                AreaLevel.Gemeente => "gemeente = $within",
                AreaLevel.Wijk => "(code = $within OR parent = $within)",
                _ => "code = $within",
            });
            command.Parameters.AddWithValue("$within", within.Value);
        }

        if (!string.IsNullOrWhiteSpace(query.NameContains))
        {
            where.Add("name LIKE $name ESCAPE '\\'");
            command.Parameters.AddWithValue("$name", "%" + EscapeLike(query.NameContains.Trim()) + "%");
        }

        command.CommandText = "SELECT code, year, name FROM areas"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty)
            + " ORDER BY level, code, year";
        var areas = new List<Area>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            areas.Add(new Area(AreaCode.Parse(reader.GetString(0)), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return Task.FromResult<IReadOnlyList<Area>>(areas);
    }

    /// <inheritdoc/>
    public Task<IndicatorTable> LoadPeriodAsync(int period, AreaLevel? level = null, CancellationToken cancellationToken = default)
    {
        var keys = AreaKeysById();
        var indicators = IndicatorKeysById();
        using var command = Command(level is null
            ? "SELECT indicator_id, area_id, value FROM observations WHERE period = $p"
            : "SELECT o.indicator_id, o.area_id, o.value FROM observations o JOIN areas a ON a.id = o.area_id WHERE o.period = $p AND a.level = $level");
        command.Parameters.AddWithValue("$p", period);
        if (level is { } l)
        {
            command.Parameters.AddWithValue("$level", (int)l);
        }

        // Rows come in primary-key order (indicator, area), so each indicator's values arrive together.
        var indicatorOfRow = new List<long>();
        var areaOfRow = new List<long>();
        var valueOfRow = new List<double>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                indicatorOfRow.Add(reader.GetInt64(0));
                areaOfRow.Add(reader.GetInt64(1));
                valueOfRow.Add(reader.GetDouble(2));
            }
        }

        var rowOfArea = new Dictionary<long, int>();
        var areas = ImmutableArray.CreateBuilder<AreaKey>();
        foreach (var areaId in areaOfRow.Distinct().Order())
        {
            rowOfArea.Add(areaId, areas.Count);
            areas.Add(keys[areaId]);
        }

        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        double[]? column = null;
        var currentIndicator = long.MinValue;
        for (var i = 0; i < valueOfRow.Count; i++)
        {
            if (indicatorOfRow[i] != currentIndicator)
            {
                currentIndicator = indicatorOfRow[i];
                column = new double[areas.Count];
                Array.Fill(column, double.NaN);
                columns.Add(indicators[currentIndicator], column);
            }

            column![rowOfArea[areaOfRow[i]]] = valueOfRow[i];
        }

        return Task.FromResult(IndicatorTable.FromColumns(period, areas.ToImmutable(), columns));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<StoredObservation>> LoadObservationsAsync(AreaCode code, int? period = null, CancellationToken cancellationToken = default)
    {
        using var command = Command(
            "SELECT a.year, o.period, i.key, o.value, im.file_name FROM observations o "
            + "JOIN areas a ON a.id = o.area_id JOIN indicators i ON i.id = o.indicator_id JOIN imports im ON im.id = o.import_id "
            + "WHERE a.code = $code" + (period is null ? string.Empty : " AND o.period = $p")
            + " ORDER BY o.period, a.year, i.key");
        command.Parameters.AddWithValue("$code", code.Value);
        if (period is { } p)
        {
            command.Parameters.AddWithValue("$p", p);
        }

        var observations = new List<StoredObservation>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            observations.Add(new StoredObservation(new AreaKey(code, reader.GetInt32(0)), reader.GetInt32(1), reader.GetString(2), reader.GetDouble(3), reader.GetString(4)));
        }

        return Task.FromResult<IReadOnlyList<StoredObservation>>(observations);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<BoundaryRecord>> LoadBoundariesAsync(AreaLevel level, int year, AreaCode? within = null, CancellationToken cancellationToken = default)
    {
        using var command = Command(
            "SELECT a.code, b.wkb FROM boundaries b JOIN areas a ON a.id = b.area_id WHERE a.level = $level AND a.year = $year"
            + (within is null ? string.Empty : " AND (a.gemeente = $within OR a.parent = $within OR a.code = $within)")
            + " ORDER BY a.code");
        command.Parameters.AddWithValue("$level", (int)level);
        command.Parameters.AddWithValue("$year", year);
        if (within is { } w)
        {
            command.Parameters.AddWithValue("$within", w.Value);
        }

        var wkb = new WKBReader();
        var boundaries = new List<BoundaryRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var geometry = wkb.Read((byte[])reader.GetValue(1));
            geometry.SRID = 4326;
            boundaries.Add(new BoundaryRecord(new AreaKey(AreaCode.Parse(reader.GetString(0)), year), geometry));
        }

        return Task.FromResult<IReadOnlyList<BoundaryRecord>>(boundaries);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<CrosswalkLink>> LoadCrosswalkAsync(AreaLevel level, int fromYear, int toYear, CancellationToken cancellationToken = default)
    {
        using var command = Command(
            "SELECT from_code, to_code, addresses, variant FROM crosswalk WHERE level = $level AND from_year = $from AND to_year = $to ORDER BY variant, from_code, to_code");
        command.Parameters.AddWithValue("$level", (int)level);
        command.Parameters.AddWithValue("$from", fromYear);
        command.Parameters.AddWithValue("$to", toYear);
        var links = new List<CrosswalkLink>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            links.Add(new CrosswalkLink(level, fromYear, toYear, AreaCode.Parse(reader.GetString(0)), AreaCode.Parse(reader.GetString(1)), reader.GetDouble(2), reader.GetString(3)));
        }

        return Task.FromResult<IReadOnlyList<CrosswalkLink>>(links);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<int, int>> CountValuesAsync(string indicatorId, CancellationToken cancellationToken = default)
    {
        using var command = Command("SELECT o.period, COUNT(*) FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE i.key = $k GROUP BY o.period");
        command.Parameters.AddWithValue("$k", indicatorId);
        var counts = new Dictionary<int, int>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            counts[reader.GetInt32(0)] = reader.GetInt32(1);
        }

        return Task.FromResult<IReadOnlyDictionary<int, int>>(counts);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ImportRecord>> ListImportsAsync(CancellationToken cancellationToken = default)
    {
        using var command = Command($"SELECT {ImportColumns} FROM imports ORDER BY id");
        var imports = new List<ImportRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            imports.Add(ReadImport(reader));
        }

        return Task.FromResult<IReadOnlyList<ImportRecord>>(imports);
    }

    /// <summary>The full report (JSON) of an import.</summary>
    public string? ImportReportJson(long importId)
    {
        using var command = Command("SELECT report_json FROM imports WHERE id = $id");
        command.Parameters.AddWithValue("$id", importId);
        return command.ExecuteScalar() as string;
    }

    /// <inheritdoc/>
    public Task<StoreSummary> SummarizeAsync(CancellationToken cancellationToken = default)
    {
        var areas = new Dictionary<(AreaLevel, int), int>();
        using (var command = Command("SELECT level, year, COUNT(*) FROM areas GROUP BY level, year"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                areas[((AreaLevel)reader.GetInt32(0), reader.GetInt32(1))] = reader.GetInt32(2);
            }
        }

        var values = new Dictionary<int, int>();
        using (var command = Command("SELECT period, COUNT(*) FROM observations GROUP BY period"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                values[reader.GetInt32(0)] = reader.GetInt32(1);
            }
        }

        return Task.FromResult(new StoreSummary(
            SchemaVersion,
            Scalar("SELECT COUNT(*) FROM imports"),
            areas,
            values,
            Scalar("SELECT COUNT(*) FROM boundaries"),
            Scalar("SELECT COUNT(*) FROM crosswalk")));
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }

    private const string ImportColumns =
        "id, file_name, sha256, kind, shape, imported_at, size_bytes, rows_read, rows_stored, rows_skipped, rows_rejected, "
        + "areas_stored, values_stored, values_replaced, boundaries_stored, links_stored, errors, warnings";

    private static ImportRecord ReadImport(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        reader.GetInt64(6),
        reader.GetInt32(7),
        reader.GetInt32(8),
        reader.GetInt32(9),
        reader.GetInt32(10),
        reader.GetInt32(11),
        reader.GetInt32(12),
        reader.GetInt32(13),
        reader.GetInt32(14),
        reader.GetInt32(15),
        reader.GetInt32(16),
        reader.GetInt32(17));

    private long InsertImport(ImportBatch batch, ImportProvenance provenance, SqliteTransaction transaction)
    {
        using var command = Command(
            "INSERT INTO imports (file_name, sha256, kind, shape, imported_at, size_bytes, rows_read, rows_stored, rows_skipped, rows_rejected, "
            + "areas_stored, values_stored, values_replaced, boundaries_stored, links_stored, errors, warnings, report_json) "
            + "VALUES ($f, $sha, $kind, $shape, $at, $size, $read, $stored, $skipped, $rejected, 0, 0, 0, 0, 0, $errors, $warnings, $report) RETURNING id",
            transaction);
        command.Parameters.AddWithValue("$f", provenance.FileName);
        command.Parameters.AddWithValue("$sha", provenance.Sha256);
        command.Parameters.AddWithValue("$kind", batch.Kind.ToString());
        command.Parameters.AddWithValue("$shape", batch.ShapeDescription);
        command.Parameters.AddWithValue("$at", provenance.ImportedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$size", provenance.SizeBytes);
        command.Parameters.AddWithValue("$read", batch.RowsRead);
        command.Parameters.AddWithValue("$stored", batch.RowsAccepted);
        command.Parameters.AddWithValue("$skipped", batch.RowsSkipped);
        command.Parameters.AddWithValue("$rejected", batch.RowsRejected);
        command.Parameters.AddWithValue("$errors", batch.Issues.ErrorCount);
        command.Parameters.AddWithValue("$warnings", batch.Issues.WarningCount);
        command.Parameters.AddWithValue("$report", provenance.ReportJson);
        return (long)command.ExecuteScalar()!;
    }

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

    private Dictionary<AreaKey, long> AreaIds(SqliteTransaction transaction)
    {
        using var command = Command("SELECT id, code, year FROM areas", transaction);
        var ids = new Dictionary<AreaKey, long>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids[new AreaKey(AreaCode.Parse(reader.GetString(1)), reader.GetInt32(2))] = reader.GetInt64(0);
        }

        return ids;
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
    private (int Stored, int Replaced) UpsertObservations(
        List<ObservationRecord> observations,
        Dictionary<AreaKey, long> areaIds,
        long importId,
        SqliteTransaction transaction,
        CancellationToken cancellationToken)
    {
        if (observations.Count == 0)
        {
            return (0, 0);
        }

        var indicatorIds = EnsureIndicators(observations.Select(o => o.IndicatorId).Distinct(StringComparer.Ordinal), transaction);
        var rows = new (long Period, long Indicator, long Area, double Value)[observations.Count];
        for (var n = 0; n < rows.Length; n++)
        {
            var observation = observations[n];
            if (!areaIds.TryGetValue(observation.Area, out var areaId))
            {
                throw new InvalidOperationException($"Value for unknown area {observation.Area}: the reader should have rejected it.");
            }

            rows[n] = (observation.Period, indicatorIds[observation.IndicatorId], areaId, observation.Value);
        }

        Array.Sort(rows);
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

    private Dictionary<string, long> EnsureIndicators(IEnumerable<string> keys, SqliteTransaction transaction)
    {
        using var insert = Command("INSERT INTO indicators (key) VALUES ($k) ON CONFLICT (key) DO NOTHING", transaction);
        var key = insert.Parameters.Add("$k", SqliteType.Text);
        foreach (var k in keys)
        {
            key.Value = k;
            insert.ExecuteNonQuery();
        }

        using var select = Command("SELECT id, key FROM indicators", transaction);
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            ids[reader.GetString(1)] = reader.GetInt64(0);
        }

        return ids;
    }

    private int UpsertBoundaries(List<BoundaryRecord> boundaries, Dictionary<AreaKey, long> areaIds, long importId, SqliteTransaction transaction)
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
        foreach (var boundary in boundaries)
        {
            if (!areaIds.TryGetValue(boundary.Area, out var id))
            {
                throw new InvalidOperationException($"Boundary for unknown area {boundary.Area}: the reader should have registered it.");
            }

            var envelope = boundary.Geometry.EnvelopeInternal;
            area.Value = id;
            wkb.Value = writer.Write(boundary.Geometry);
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

    private Dictionary<long, AreaKey> AreaKeysById()
    {
        if (_areaKeysById is null)
        {
            using var command = Command("SELECT id, code, year FROM areas");
            var keys = new Dictionary<long, AreaKey>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                keys[reader.GetInt64(0)] = new AreaKey(AreaCode.Parse(reader.GetString(1)), reader.GetInt32(2));
            }

            _areaKeysById = keys;
        }

        return _areaKeysById;
    }

    private Dictionary<long, string> IndicatorKeysById()
    {
        using var command = Command("SELECT id, key FROM indicators");
        var keys = new Dictionary<long, string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            keys[reader.GetInt64(0)] = reader.GetString(1);
        }

        return keys;
    }

    private int Scalar(string sql)
    {
        using var command = Command(sql);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
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

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
