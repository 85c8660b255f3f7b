using System.Data;
using System.Net.Sockets;
using Leefkracht.Core.Leefbaarometer;
using Leefkracht.Data.Storage.Backup;
using Leefkracht.Data.Storage.Relational;
using NetTopologySuite.IO;
using Npgsql;
using NpgsqlTypes;

namespace Leefkracht.Data.Storage.Postgres;

/// <summary>
/// Server mode: the store in a PostgreSQL database with PostGIS, migrated on open. Same contract as the SQLite
/// store; several processes (app instances, imports) may use one database at once.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Thread-safe: every call takes a connection from the instance's pool, so one instance can serve a whole
/// web app.</item>
/// <item>An import is one transaction. Writers (imports, restores) take a transaction-level advisory lock, so two
/// processes importing at once run one after the other instead of deadlocking on each other's rows; readers are
/// never blocked.</item>
/// <item>Bulk writes go through binary COPY into temporary staging tables, then one set-based merge per table that
/// leaves equal values alone (an import of the same data changes nothing) and counts inserted and replaced rows.</item>
/// <item>Reads that need several queries (a period: areas, indicators, values) run in one repeatable-read
/// transaction, so they see one state of the database even while another instance imports.</item>
/// </list>
/// </remarks>
public sealed class PostgresMonitorStore : IMonitorStore
{
    /// <summary>PostgreSQL names every geometry column of <see cref="StoreTables"/> <c>geom</c> (SQLite keeps <c>wkb</c>).</summary>
    private const string GeometryColumn = "geom";

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>
    /// Connections for imports, backups and restores: without Npgsql's 30-second command timeout (unless the
    /// connection string sets one), because moving a whole national dataset on a busy server can take longer; they
    /// end when done or when the caller cancels.
    /// </summary>
    private readonly NpgsqlDataSource _batchSource;

    private PostgresMonitorStore(NpgsqlDataSource dataSource, StoreLocation location, StoreSchema schema, int schemaVersion)
    {
        _dataSource = dataSource;
        var batch = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        var setByUser = location.ConnectionString.Contains("Command Timeout", StringComparison.OrdinalIgnoreCase)
            || location.ConnectionString.Contains("CommandTimeout", StringComparison.OrdinalIgnoreCase);
        if (!setByUser)
        {
            batch.CommandTimeout = 0;
        }

        _batchSource = NpgsqlDataSource.Create(batch.ConnectionString);
        Location = location.Display;
        Schema = schema;
        SchemaVersion = schemaVersion;
    }

    /// <inheritdoc/>
    public string Location { get; }

    /// <inheritdoc/>
    public StoreKind Kind => StoreKind.Postgres;

    /// <summary>The schema version after migration.</summary>
    public int SchemaVersion { get; }

    /// <inheritdoc/>
    public StoreSchema Schema { get; }

    /// <summary>
    /// Connects, enables PostGIS if needed and migrates. Throws <see cref="StoreUnavailableException"/> with the
    /// reason and what to do when the server cannot be reached, refuses the login, lacks the database or PostGIS,
    /// or holds a newer schema.
    /// </summary>
    public static async Task<PostgresMonitorStore> OpenAsync(StoreLocation location, TimeProvider clock, StoreSchema schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(clock);
        var dataSource = NpgsqlDataSource.Create(location.ConnectionString);
        try
        {
            await using var connection = await OpenConnectionAsync(dataSource, location.Display, cancellationToken).ConfigureAwait(false);
            var version = await PostgresMigrator.MigrateAsync(connection, schema, location.Display, clock, cancellationToken).ConfigureAwait(false);
            return new PostgresMonitorStore(dataSource, location, schema, version);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task<ImportRecord?> FindImportAsync(string sha256, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await StoreReads.FindImportAsync(connection, sha256, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<StoreResult> StoreAsync(StoreBatch batch, ImportProvenance provenance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(provenance);
        await using var connection = await OpenBatchAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockWritesAsync(connection, cancellationToken).ConfigureAwait(false);
        var importId = await ImportRows.InsertAsync(connection, transaction, provenance, StoreTables.Normalise(provenance.ImportedAt), cancellationToken).ConfigureAwait(false);
        var areasStored = await UpsertAreasAsync(connection, BatchRows.DistinctAreas(batch.Areas), importId, cancellationToken).ConfigureAwait(false);
        var areaIds = (await StoreReads.AreaKeysByIdAsync(connection, transaction, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Value, p => p.Key);
        await InsertIndicatorsAsync(connection, BatchRows.IndicatorKeys(batch.Observations), cancellationToken).ConfigureAwait(false);
        var indicatorIds = (await StoreReads.IndicatorKeysByIdAsync(connection, transaction, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        var (valuesStored, valuesReplaced) = await UpsertObservationsAsync(connection, BatchRows.Observations(batch.Observations, areaIds, indicatorIds), importId, cancellationToken).ConfigureAwait(false);
        var boundariesStored = await UpsertBoundariesAsync(connection, BatchRows.Boundaries(batch.Boundaries, areaIds), importId, cancellationToken).ConfigureAwait(false);
        var linksStored = await UpsertCrosswalkAsync(connection, BatchRows.CrosswalkLinks(batch.CrosswalkLinks), importId, cancellationToken).ConfigureAwait(false);
        var (scoresStored, postcodeLinksStored) = await LeefbaarometerRows.WriteAsync(connection, transaction, batch, importId, cancellationToken).ConfigureAwait(false);
        await ImportRows.UpdateCountsAsync(connection, transaction, importId, new WrittenCounts(areasStored, valuesStored + scoresStored, valuesReplaced, boundariesStored, linksStored + postcodeLinksStored), cancellationToken).ConfigureAwait(false);
        var changed = DataScopes.Changed(batch, valuesStored + valuesReplaced, areasStored, boundariesStored, linksStored, scoresStored + postcodeLinksStored);
        await ResultRows.InvalidateAsync(connection, transaction, importId, changed, cancellationToken).ConfigureAwait(false);

        // Disposing the transaction without commit rolls everything back (also on cancellation or error above).
        cancellationToken.ThrowIfCancellationRequested();
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new StoreResult(await StoreReads.LoadImportAsync(connection, importId, null, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Area>> LoadAreasAsync(AreaQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await StoreReads.LoadAreasAsync(connection, SqlDialect.Postgres, query, cancellationToken).ConfigureAwait(false);
    }

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
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

        var indicators = await StoreReads.IndicatorKeysByIdAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var rows = new ColumnarPeriod();
        await using (var reader = await connection.BeginBinaryExportAsync($"COPY ({query(indicators)}) TO STDOUT (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            while (await reader.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                rows.Add(
                    await reader.ReadAsync<long>(NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false),
                    await reader.ReadAsync<long>(NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false),
                    await reader.ReadAsync<double>(NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false));
            }
        }

        // No cache of area ids across calls: another instance may have imported areas since. Only the areas the rows
        // name are read, in the same snapshot: on a multi-year store one year's areas (18,000), not every year's (238,000).
        var areas = await AreaKeysByIdAsync(connection, transaction, rows.AreaIds, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows.Build(period, areas, indicators);
    }

    /// <summary>The keys of the areas with the given ids.</summary>
    private static async Task<Dictionary<long, AreaKey>> AreaKeysByIdAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long[] ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT id, code, year FROM areas WHERE id = ANY(@ids)", connection, transaction);
        command.Parameters.AddWithValue("ids", ids);
        var keys = new Dictionary<long, AreaKey>(ids.Length);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(reader.GetInt64(0), new AreaKey(AreaCode.Parse(reader.GetString(1)), reader.GetInt32(2)));
        }

        return keys;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredObservation>> LoadObservationsAsync(AreaCode code, int? period = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await StoreReads.LoadObservationsAsync(connection, code, period, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<BoundaryRecord>> LoadBoundariesAsync(AreaLevel level, int year, AreaCode? within = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await StoreReads.LoadBoundariesAsync(connection, SqlDialect.Postgres, level, year, within, null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<BoundaryRecord>> LoadBoundariesInBoxAsync(AreaLevel level, int year, BoundingBox box, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await StoreReads.LoadBoundariesAsync(connection, SqlDialect.Postgres, level, year, null, box, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CrosswalkLink>> LoadCrosswalkAsync(AreaLevel level, int fromYear, int toYear, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await StoreReads.LoadCrosswalkAsync(connection, level, fromYear, toYear, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredLeefbaarometerScore>> LoadLeefbaarometerAsync(LeefbaarometerUnit unit, string? code = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await LeefbaarometerRows.LoadScoresAsync(connection, unit, code, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<PostcodeLink>> LoadPostcodeCrosswalkAsync(AreaLevel level, int fromYear, int toYear, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await LeefbaarometerRows.LoadLinksAsync(connection, level, fromYear, toYear, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<(int From, int To)>> LoadPostcodeCrosswalkYearsAsync(AreaLevel level, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await LeefbaarometerRows.LoadLinkYearsAsync(connection, level, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<int, int>> CountValuesAsync(string indicatorId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await StoreReads.CountValuesAsync(connection, indicatorId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<int, int>>> CountAllValuesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await StoreReads.CountAllValuesAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ImportRecord>> ListImportsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await StoreReads.ListImportsAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<string> DataVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ResultRows.DataVersionAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<string> DataVersionAsync(IReadOnlyCollection<string> scopes, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ResultRows.ScopedVersionAsync(connection, scopes, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<byte[]?> LoadResultAsync(StoredResultKey key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ResultRows.LoadAsync(connection, key, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task SaveResultAsync(StoredResultKey key, byte[] content, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ResultRows.SaveAsync(connection, null, key, content, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IAsyncDisposable> TakeResultTurnAsync(StoredResultKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ResultTurn.TakeAsync(connection, key, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task<string?> LoadImportReportJsonAsync(long importId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await StoreReads.ImportReportJsonAsync(connection, importId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<StoreSummary> SummarizeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        return await StoreReads.SummarizeAsync(connection, SchemaVersion, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task ExportAsync(IStoreRowSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        await using var connection = await OpenBatchAsync(cancellationToken).ConfigureAwait(false);

        // One repeatable-read snapshot for all tables: a consistent backup while other instances keep writing.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        foreach (var table in Schema.Tables)
        {
            sink.BeginTable(table);
            // Integers are read as bigint whatever their column type (binary COPY carries no type information).
            var columns = table.Columns.Select(c => c.Kind switch
            {
                ColumnKind.Geometry => $"ST_AsBinary({GeometryColumn})",
                ColumnKind.WholeNumber => c.Name + "::bigint",
                _ => c.Name,
            });
            var row = new object?[table.Columns.Length];
            await using (var reader = await connection.BeginBinaryExportAsync(
                $"COPY (SELECT {string.Join(", ", columns)} FROM {table.Name} ORDER BY {string.Join(", ", table.Key)}) TO STDOUT (FORMAT BINARY)",
                cancellationToken).ConfigureAwait(false))
            {
                while (await reader.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
                {
                    for (var i = 0; i < row.Length; i++)
                    {
                        row[i] = reader.IsNull ? Skip(reader) : table.Columns[i].Kind switch
                        {
                            ColumnKind.WholeNumber => await reader.ReadAsync<long>(cancellationToken).ConfigureAwait(false),
                            ColumnKind.Real => await reader.ReadAsync<double>(cancellationToken).ConfigureAwait(false),
                            ColumnKind.Text => await reader.ReadAsync<string>(cancellationToken).ConfigureAwait(false),
                            ColumnKind.Timestamp => (await reader.ReadAsync<DateTimeOffset>(cancellationToken).ConfigureAwait(false)).ToUniversalTime(),
                            ColumnKind.Geometry => await reader.ReadAsync<byte[]>(cancellationToken).ConfigureAwait(false),
                            var kind => throw new InvalidOperationException($"unknown column kind {kind}"),
                        };
                    }

                    sink.WriteRow(row);
                }
            }

            sink.EndTable();
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task RestoreAsync(IStoreRowSource source, bool replaceExisting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        await using var connection = await OpenBatchAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockWritesAsync(connection, cancellationToken).ConfigureAwait(false);
        if (await StoreReads.HoldsDataAsync(connection, transaction, Schema.Tables, cancellationToken).ConfigureAwait(false))
        {
            if (!replaceExisting)
            {
                throw new StoreUnavailableException(StoreProblem.NotEmpty, Location, "the database already holds data; restore into an empty database, or pass --force to replace its data");
            }

            await ExecuteAsync(connection, $"TRUNCATE {string.Join(", ", Schema.Tables.Select(t => t.Name))}", cancellationToken).ConfigureAwait(false);
        }

        foreach (var table in Schema.Tables)
        {
            await RestoreTableAsync(connection, table, source.ReadRows(table), cancellationToken).ConfigureAwait(false);
            if (table.Identity is { } identity)
            {
                // Restored rows bring their ids; new rows must continue after them.
                await ExecuteAsync(
                    connection,
                    $"SELECT setval(pg_get_serial_sequence('{table.Name}', '{identity}'), COALESCE(MAX({identity}), 0) + 1, false) FROM {table.Name}",
                    cancellationToken).ConfigureAwait(false);
            }
        }

        await CheckObservationReferencesAsync(connection, "observations", withImport: true, cancellationToken).ConfigureAwait(false);

        // Results are not in a backup: those of the replaced data are stale, and their versions may come back.
        await ResultRows.ClearAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _batchSource.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    private static object? Skip(NpgsqlBinaryExporter reader)
    {
        reader.Skip();
        return null;
    }

    /// <summary>
    /// COPYs restored rows into a staging table shaped like the target (geometry as bytea, so that plain WKB needs
    /// no PostGIS wire format), then moves them over, turning WKB into geometry with SRID 4326.
    /// </summary>
    private static async Task RestoreTableAsync(NpgsqlConnection connection, StoreTable table, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var types = await ColumnTypesAsync(connection, table, cancellationToken).ConfigureAwait(false);
        var stage = "stage_" + table.Name;
        var names = table.Columns.Select(c => c.Kind == ColumnKind.Geometry ? GeometryColumn : c.Name).ToList();
        await ExecuteAsync(
            connection,
            $"CREATE TEMP TABLE {stage} ({string.Join(", ", names.Select((n, i) => $"{n} {(table.Columns[i].Kind == ColumnKind.Geometry ? "bytea" : types[i].SqlType)}"))}) ON COMMIT DROP",
            cancellationToken).ConfigureAwait(false);
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY {stage} ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < row.Length; i++)
                {
                    await WriteValueAsync(writer, row[i], table.Columns[i].Kind == ColumnKind.Geometry ? NpgsqlDbType.Bytea : types[i].DbType, cancellationToken).ConfigureAwait(false);
                }
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var select = names.Select((n, i) => table.Columns[i].Kind == ColumnKind.Geometry ? $"ST_GeomFromWKB({n}, 4326)" : n);
        await ExecuteAsync(connection, $"INSERT INTO {table.Name} ({string.Join(", ", names)}) SELECT {string.Join(", ", select)} FROM {stage}", cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteValueAsync(NpgsqlBinaryImporter writer, object? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        switch (value)
        {
            case null:
                await writer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                break;
            case long integer when type == NpgsqlDbType.Integer:
                await writer.WriteAsync(checked((int)integer), type, cancellationToken).ConfigureAwait(false);
                break;
            case DateTimeOffset moment:
                await writer.WriteAsync(StoreTables.Normalise(moment), type, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await writer.WriteAsync(value, type, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>The PostgreSQL type of each column of a table (binary COPY needs the exact type: integer or bigint).</summary>
    private static async Task<List<(string SqlType, NpgsqlDbType DbType)>> ColumnTypesAsync(NpgsqlConnection connection, StoreTable table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @t",
            connection);
        command.Parameters.AddWithValue("t", table.Name);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                types[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return [.. table.Columns.Select(c => c.Kind == ColumnKind.Geometry ? ("bytea", NpgsqlDbType.Bytea) : types.GetValueOrDefault(c.Name) switch
        {
            "integer" => ("integer", NpgsqlDbType.Integer),
            "bigint" => ("bigint", NpgsqlDbType.Bigint),
            "double precision" => ("double precision", NpgsqlDbType.Double),
            "text" => ("text", NpgsqlDbType.Text),
            "timestamp with time zone" => ("timestamptz", NpgsqlDbType.TimestampTz),
            var other => throw new InvalidOperationException($"column {table.Name}.{c.Name} has type '{other ?? "(missing)"}', which the restore does not know"),
        })];
    }

    private static async Task LockWritesAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({AdvisoryLocks.Writes}, hashtext(current_schema()))", cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// New areas are inserted in the order the file introduced them (so ids follow the same order as in SQLite);
    /// a later file may add a name to an area a nameless file created, and never erases a name. Returns the rows
    /// inserted or named. Areas that exist are not touched, so no identity value is spent on them.
    /// </summary>
    private static async Task<int> UpsertAreasAsync(NpgsqlConnection connection, List<Area> areas, long importId, CancellationToken cancellationToken)
    {
        if (areas.Count == 0)
        {
            return 0;
        }

        await ExecuteAsync(connection, "CREATE TEMP TABLE stage_areas (ordinal integer, code text, year integer, level integer, name text, gemeente text, parent text) ON COMMIT DROP", cancellationToken).ConfigureAwait(false);
        await using (var writer = await connection.BeginBinaryImportAsync("COPY stage_areas (ordinal, code, year, level, name, gemeente, parent) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < areas.Count; i++)
            {
                var area = areas[i];
                await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(area.Code.Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(area.Year, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync((int)area.Level, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await WriteValueAsync(writer, area.Name, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteValueAsync(writer, area.Code.Gemeente?.Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteValueAsync(writer, area.Code.Parent?.Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var named = await ExecuteAsync(
            connection,
            "UPDATE areas a SET name = s.name FROM stage_areas s WHERE a.code = s.code AND a.year = s.year AND a.name IS NULL AND s.name IS NOT NULL",
            cancellationToken).ConfigureAwait(false);
        var inserted = await ExecuteAsync(
            connection,
            "INSERT INTO areas (code, year, level, name, gemeente, parent, import_id) SELECT s.code, s.year, s.level, s.name, s.gemeente, s.parent, @import "
            + "FROM stage_areas s WHERE NOT EXISTS (SELECT 1 FROM areas a WHERE a.code = s.code AND a.year = s.year) ORDER BY s.ordinal",
            cancellationToken,
            ("import", importId)).ConfigureAwait(false);
        return named + inserted;
    }

    /// <summary>Adds the catalog keys not yet known, in first-seen order (no identity value is spent on known keys).</summary>
    private static async Task InsertIndicatorsAsync(NpgsqlConnection connection, List<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }

        await ExecuteAsync(
            connection,
            "INSERT INTO indicators (key) SELECT k.key FROM unnest(@keys) WITH ORDINALITY AS k(key, ordinal) "
            + "WHERE NOT EXISTS (SELECT 1 FROM indicators i WHERE i.key = k.key) ORDER BY k.ordinal",
            cancellationToken,
            ("keys", keys.ToArray())).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes values: new ones are inserted, different ones replace the stored value (and its import), equal ones
    /// are left alone. Returns (stored, replaced) as the SQLite store counts them.
    /// </summary>
    private static async Task<(int Stored, int Replaced)> UpsertObservationsAsync(NpgsqlConnection connection, ObservationRow[] rows, long importId, CancellationToken cancellationToken)
    {
        if (rows.Length == 0)
        {
            return (0, 0);
        }

        await ExecuteAsync(connection, "CREATE TEMP TABLE stage_observations (period integer, indicator_id bigint, area_id bigint, value double precision) ON COMMIT DROP", cancellationToken).ConfigureAwait(false);
        await using (var writer = await connection.BeginBinaryImportAsync("COPY stage_observations (period, indicator_id, area_id, value) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync((int)row.Period, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(row.IndicatorId, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(row.AreaId, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(row.Value, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await CheckObservationReferencesAsync(connection, "stage_observations", withImport: false, cancellationToken).ConfigureAwait(false);

        // xmax = 0 on a returned row means it was inserted; otherwise the conflict branch replaced it.
        await using var merge = new NpgsqlCommand(
            "WITH written AS (INSERT INTO observations (period, indicator_id, area_id, value, import_id) "
            + "SELECT period, indicator_id, area_id, value, @import FROM stage_observations "
            + "ON CONFLICT (period, indicator_id, area_id) DO UPDATE SET value = EXCLUDED.value, import_id = EXCLUDED.import_id "
            + "WHERE observations.value <> EXCLUDED.value RETURNING (xmax = 0) AS inserted) "
            + "SELECT COUNT(*), COUNT(*) FILTER (WHERE NOT inserted) FROM written",
            connection);
        merge.Parameters.AddWithValue("import", importId);
        await using var reader = await merge.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (checked((int)reader.GetInt64(0)), checked((int)reader.GetInt64(1)));
    }

    /// <summary>
    /// What the foreign keys of <c>observations</c> checked row by row before migration 0006, checked set-based (one
    /// anti-join per referenced table): throws, so that the caller's transaction rolls back, when a row of
    /// <paramref name="table"/> names an area or indicator (or, <paramref name="withImport"/>, an import) that the
    /// store does not hold.
    /// </summary>
    private static async Task CheckObservationReferencesAsync(NpgsqlConnection connection, string table, bool withImport, CancellationToken cancellationToken)
    {
        (string Target, string Column, string What)[] references = [("areas", "area_id", "area"), ("indicators", "indicator_id", "indicator"), .. withImport ? [("imports", "import_id", "import")] : Array.Empty<(string, string, string)>()];
        foreach (var (target, column, what) in references)
        {
            await using var command = new NpgsqlCommand($"SELECT COUNT(*) FROM {table} o WHERE NOT EXISTS (SELECT 1 FROM {target} t WHERE t.id = o.{column})", connection);
            var missing = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            if (missing > 0)
            {
                // A restore's rows come from a file a user gives: say it in words. An import's ids come from lookups in
                // its own transaction, so a missing one there is a fault of the program.
                throw withImport
                    ? BackupWords.Problem("Backup.Missing" + char.ToUpperInvariant(what[0]) + what[1..], missing)
                    : new InvalidOperationException($"{missing} values name an {what} id that {target} does not hold; nothing was written");
            }
        }
    }

    private static async Task<int> UpsertBoundariesAsync(NpgsqlConnection connection, List<(long AreaId, NetTopologySuite.Geometries.Geometry Geometry)> boundaries, long importId, CancellationToken cancellationToken)
    {
        if (boundaries.Count == 0)
        {
            return 0;
        }

        await ExecuteAsync(connection, "CREATE TEMP TABLE stage_boundaries (ordinal integer, area_id bigint, wkb bytea) ON COMMIT DROP", cancellationToken).ConfigureAwait(false);
        var wkb = new WKBWriter();
        await using (var writer = await connection.BeginBinaryImportAsync("COPY stage_boundaries (ordinal, area_id, wkb) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < boundaries.Count; i++)
            {
                await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(boundaries[i].AreaId, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(wkb.Write(boundaries[i].Geometry), NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        // Compared as WKB, the form both stores keep: the same polygon again changes nothing.
        return await ExecuteAsync(
            connection,
            "INSERT INTO boundaries (area_id, geom, import_id) SELECT area_id, ST_GeomFromWKB(wkb, 4326), @import FROM stage_boundaries ORDER BY ordinal "
            + "ON CONFLICT (area_id) DO UPDATE SET geom = EXCLUDED.geom, import_id = EXCLUDED.import_id "
            + "WHERE ST_AsBinary(boundaries.geom) <> ST_AsBinary(EXCLUDED.geom)",
            cancellationToken,
            ("import", importId)).ConfigureAwait(false);
    }

    private static async Task<int> UpsertCrosswalkAsync(NpgsqlConnection connection, List<CrosswalkLink> links, long importId, CancellationToken cancellationToken)
    {
        if (links.Count == 0)
        {
            return 0;
        }

        await ExecuteAsync(
            connection,
            "CREATE TEMP TABLE stage_crosswalk (level integer, variant text, from_year integer, to_year integer, from_code text, to_code text, addresses double precision) ON COMMIT DROP",
            cancellationToken).ConfigureAwait(false);
        await using (var writer = await connection.BeginBinaryImportAsync("COPY stage_crosswalk (level, variant, from_year, to_year, from_code, to_code, addresses) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var link in links)
            {
                await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync((int)link.Level, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(link.Variant, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(link.FromYear, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(link.ToYear, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(link.From.Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(link.To.Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(link.Addresses, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        return await ExecuteAsync(
            connection,
            "INSERT INTO crosswalk (level, variant, from_year, to_year, from_code, to_code, addresses, import_id) "
            + "SELECT level, variant, from_year, to_year, from_code, to_code, addresses, @import FROM stage_crosswalk "
            + "ON CONFLICT (level, variant, from_year, to_year, from_code, to_code) DO UPDATE SET addresses = EXCLUDED.addresses, import_id = EXCLUDED.import_id "
            + "WHERE crosswalk.addresses <> EXCLUDED.addresses",
            cancellationToken,
            ("import", importId)).ConfigureAwait(false);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => OpenConnectionAsync(_dataSource, Location, cancellationToken);

    private Task<NpgsqlConnection> OpenBatchAsync(CancellationToken cancellationToken) => OpenConnectionAsync(_batchSource, Location, cancellationToken);

    /// <summary>
    /// Opens a pooled connection, turning the driver's failures into a <see cref="StoreUnavailableException"/>
    /// that says what is wrong and what to do, without the password.
    /// </summary>
    private static async Task<NpgsqlConnection> OpenConnectionAsync(NpgsqlDataSource dataSource, string location, CancellationToken cancellationToken)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification)
        {
            throw new StoreUnavailableException(StoreProblem.AuthenticationFailed, location, $"the server refused the login ({exception.MessageText}); check the user name and password in the connection string", exception);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            throw new StoreUnavailableException(StoreProblem.DatabaseMissing, location, $"{exception.MessageText}; create it (createdb) or name an existing database", exception);
        }
        catch (NpgsqlException exception) when (exception.InnerException is SocketException or TimeoutException || exception is NpgsqlException { IsTransient: true })
        {
            throw new StoreUnavailableException(StoreProblem.Unreachable, location, $"no PostgreSQL server answers ({(exception.InnerException ?? exception).Message}); start the server or correct Host/Port", exception);
        }
        catch (NpgsqlException exception) when (exception is not PostgresException && exception.Message.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            throw new StoreUnavailableException(StoreProblem.AuthenticationFailed, location, "the server asks for a password; add Password=… to the connection string (or the URL)", exception);
        }
    }
}
