using System.Collections.Immutable;
using System.Data.Common;
using NetTopologySuite.IO;

namespace Leefkracht.Data.Storage.Relational;

/// <summary>
/// The read queries of <see cref="IMonitorStore"/>, written once for both stores: the schemas agree on table and
/// column names, and the few differences are in <see cref="SqlDialect"/>. Every method runs on an open connection
/// the store owns (and, where given, inside its transaction).
/// </summary>
internal static class StoreReads
{
    /// <summary>The columns of <c>imports</c> that make an <see cref="ImportRecord"/>, in <see cref="ReadImport"/>'s order.</summary>
    public const string ImportColumns =
        "id, file_name, sha256, kind, shape, imported_at, size_bytes, rows_read, rows_stored, rows_skipped, rows_rejected, "
        + "areas_stored, values_stored, values_replaced, boundaries_stored, links_stored, errors, warnings";

    public static async Task<ImportRecord?> FindImportAsync(DbConnection connection, string sha256, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT {ImportColumns} FROM imports WHERE sha256 = @sha ORDER BY id LIMIT 1", ("sha", sha256));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadImport(reader) : null;
    }

    public static async Task<ImportRecord> LoadImportAsync(DbConnection connection, long id, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT {ImportColumns} FROM imports WHERE id = @id", ("id", id));
        command.Transaction = transaction;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadImport(reader) : throw new InvalidOperationException($"import #{id} not found");
    }

    public static async Task<IReadOnlyList<ImportRecord>> ListImportsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT {ImportColumns} FROM imports ORDER BY id");
        return await ReadAllAsync(command, ReadImport, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<string?> ImportReportJsonAsync(DbConnection connection, long importId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT report_json FROM imports WHERE id = @id", ("id", importId));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public static async Task<IReadOnlyList<Area>> LoadAreasAsync(DbConnection connection, SqlDialect dialect, AreaQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.Level is { } level)
        {
            where.Add("level = @level");
            parameters.Add(("level", (int)level));
        }

        if (query.Year is { } year)
        {
            where.Add("year = @year");
            parameters.Add(("year", year));
        }

        if (query.Within is { } within)
        {
            where.Add(within.Level switch
            {
                AreaLevel.Land => "1 = 1",
                AreaLevel.Gemeente => "gemeente = @within",
                AreaLevel.Wijk => "(code = @within OR parent = @within)",
                _ => "code = @within",
            });
            parameters.Add(("within", within.Value));
        }

        if (!string.IsNullOrWhiteSpace(query.NameContains))
        {
            where.Add($"name {dialect.CaseInsensitiveLike} @name ESCAPE '\\'");
            parameters.Add(("name", "%" + EscapeLike(query.NameContains.Trim()) + "%"));
        }

        await using var command = Command(
            connection,
            "SELECT code, year, name FROM areas" + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty) + " ORDER BY level, code, year",
            [.. parameters]);
        return await ReadAllAsync(
            command,
            reader => new Area(AreaCode.Parse(reader.GetString(0)), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2)),
            cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<StoredObservation>> LoadObservationsAsync(DbConnection connection, AreaCode code, int? period, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            "SELECT a.year, o.period, i.key, o.value, im.file_name FROM observations o "
            + "JOIN areas a ON a.id = o.area_id JOIN indicators i ON i.id = o.indicator_id JOIN imports im ON im.id = o.import_id "
            + "WHERE a.code = @code" + (period is null ? string.Empty : " AND o.period = @p")
            + " ORDER BY o.period, a.year, i.key",
            [("code", code.Value), .. period is { } p ? [("p", (object?)p)] : Array.Empty<(string, object?)>()]);
        return await ReadAllAsync(
            command,
            reader => new StoredObservation(new AreaKey(code, reader.GetInt32(0)), reader.GetInt32(1), reader.GetString(2), reader.GetDouble(3), reader.GetString(4)),
            cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<BoundaryRecord>> LoadBoundariesAsync(
        DbConnection connection, SqlDialect dialect, AreaLevel level, int year, AreaCode? within, BoundingBox? box, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            $"SELECT a.code, {dialect.BoundaryWkb} FROM boundaries b JOIN areas a ON a.id = b.area_id WHERE a.level = @level AND a.year = @year"
            + (within is null ? string.Empty : " AND (a.gemeente = @within OR a.parent = @within OR a.code = @within)")
            + (box is null ? string.Empty : " AND " + dialect.BoundaryInBox)
            + " ORDER BY a.code",
            [
                ("level", (int)level),
                ("year", year),
                .. within is { } w ? [("within", (object?)w.Value)] : Array.Empty<(string, object?)>(),
                .. box is { } b ? [("x0", (object?)b.MinX), ("y0", b.MinY), ("x1", b.MaxX), ("y1", b.MaxY)] : Array.Empty<(string, object?)>(),
            ]);
        var wkb = new WKBReader();
        return await ReadAllAsync(
            command,
            reader =>
            {
                var geometry = wkb.Read((byte[])reader.GetValue(1));
                geometry.SRID = 4326;
                return new BoundaryRecord(new AreaKey(AreaCode.Parse(reader.GetString(0)), year), geometry);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<CrosswalkLink>> LoadCrosswalkAsync(DbConnection connection, AreaLevel level, int fromYear, int toYear, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            "SELECT from_code, to_code, addresses, variant FROM crosswalk WHERE level = @level AND from_year = @from AND to_year = @to ORDER BY variant, from_code, to_code",
            ("level", (int)level),
            ("from", fromYear),
            ("to", toYear));
        return await ReadAllAsync(
            command,
            reader => new CrosswalkLink(level, fromYear, toYear, AreaCode.Parse(reader.GetString(0)), AreaCode.Parse(reader.GetString(1)), reader.GetDouble(2), reader.GetString(3)),
            cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyDictionary<int, int>> CountValuesAsync(DbConnection connection, string indicatorId, CancellationToken cancellationToken)
    {
        // Walks the periods through the primary key (period, indicator, area) and counts each period's rows of the one
        // indicator by a range of that key: a GROUP BY over the join scanned every observation of every year (4.4
        // million rows, 0.2 s of CPU, in a store of 13 national years), and a fresh server's first request waits for it
        // (docs/benchmarks.md, "First profile after a restart").
        await using var command = Command(
            connection,
            """
            WITH RECURSIVE periods (period) AS (
                SELECT MIN(period) FROM observations
                UNION ALL
                SELECT (SELECT MIN(o.period) FROM observations o WHERE o.period > periods.period) FROM periods WHERE periods.period IS NOT NULL)
            SELECT period, n FROM (
                SELECT p.period, (SELECT COUNT(*) FROM observations o WHERE o.period = p.period AND o.indicator_id = i.id) AS n
                FROM periods p JOIN indicators i ON i.key = @k
                WHERE p.period IS NOT NULL) counted
            WHERE n > 0
            """,
            ("k", indicatorId));
        var rows = await ReadAllAsync(command, reader => (Period: reader.GetInt32(0), Count: Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Period, r => r.Count);
    }

    public static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<int, int>>> CountAllValuesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            "SELECT i.key, c.period, c.n FROM (SELECT indicator_id, period, COUNT(*) AS n FROM observations GROUP BY indicator_id, period) c JOIN indicators i ON i.id = c.indicator_id");
        var rows = await ReadAllAsync(command, reader => (Key: reader.GetString(0), Period: reader.GetInt32(1), Count: Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => r.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, int>)g.ToDictionary(r => r.Period, r => r.Count), StringComparer.Ordinal);
    }

    public static async Task<StoreSummary> SummarizeAsync(DbConnection connection, int schemaVersion, CancellationToken cancellationToken)
    {
        await using var areasCommand = Command(connection, "SELECT level, year, COUNT(*) FROM areas GROUP BY level, year ORDER BY level, year");
        var areas = await ReadAllAsync(areasCommand, reader => (Level: (AreaLevel)reader.GetInt32(0), Year: reader.GetInt32(1), Count: Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false);
        await using var valuesCommand = Command(connection, "SELECT period, COUNT(*) FROM observations GROUP BY period ORDER BY period");
        var values = await ReadAllAsync(valuesCommand, reader => (Period: reader.GetInt32(0), Count: Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false);
        return new StoreSummary(
            schemaVersion,
            await CountAsync(connection, "imports", null, cancellationToken).ConfigureAwait(false),
            areas.ToDictionary(a => (a.Level, a.Year), a => a.Count),
            values.ToDictionary(v => v.Period, v => v.Count),
            await CountAsync(connection, "boundaries", null, cancellationToken).ConfigureAwait(false),
            await CountAsync(connection, "crosswalk", null, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Whether any of the tables holds a row.</summary>
    public static async Task<bool> HoldsDataAsync(DbConnection connection, DbTransaction? transaction, IEnumerable<StoreTable> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            await using var command = Command(connection, $"SELECT EXISTS (SELECT 1 FROM {table.Name})");
            command.Transaction = transaction;
            if (Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every area's id and key.</summary>
    public static async Task<Dictionary<long, AreaKey>> AreaKeysByIdAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT id, code, year FROM areas");
        command.Transaction = transaction;
        var rows = await ReadAllAsync(command, reader => (Id: reader.GetInt64(0), Key: new AreaKey(AreaCode.Parse(reader.GetString(1)), reader.GetInt32(2))), cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Id, r => r.Key);
    }

    /// <summary>Every indicator's id and catalog key.</summary>
    public static async Task<Dictionary<long, string>> IndicatorKeysByIdAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT id, key FROM indicators");
        command.Transaction = transaction;
        var rows = await ReadAllAsync(command, reader => (Id: reader.GetInt64(0), Key: reader.GetString(1)), cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Id, r => r.Key);
    }

    /// <summary>
    /// The query that reads one period for <see cref="ColumnarPeriod"/>: (indicator, area, value) ordered by
    /// indicator then area, optionally for one level. <paramref name="period"/> and <paramref name="level"/> are
    /// integers written into the text, because PostgreSQL's COPY takes no parameters.
    /// </summary>
    public static string PeriodQuery(int period, AreaLevel? level) => level is null
        ? string.Create(CultureInfo.InvariantCulture, $"SELECT indicator_id, area_id, value FROM observations WHERE period = {period} ORDER BY indicator_id, area_id")
        : string.Create(CultureInfo.InvariantCulture, $"SELECT o.indicator_id, o.area_id, o.value FROM observations o JOIN areas a ON a.id = o.area_id WHERE o.period = {period} AND a.level = {(int)level} ORDER BY o.indicator_id, o.area_id");

    /// <summary>
    /// The query that reads some indicators of one level and period for <see cref="ColumnarPeriod"/> (see
    /// <see cref="PeriodQuery"/>); <paramref name="indicatorIds"/> are the stored ids (integers, written into the text).
    /// An empty list reads nothing.
    /// </summary>
    public static string IndicatorsQuery(int period, AreaLevel level, IReadOnlyCollection<long> indicatorIds) => string.Create(CultureInfo.InvariantCulture,
        $"SELECT o.indicator_id, o.area_id, o.value FROM observations o JOIN areas a ON a.id = o.area_id WHERE o.period = {period} AND a.level = {(int)level} AND o.indicator_id IN ({(indicatorIds.Count == 0 ? "-1" : string.Join(", ", indicatorIds))}) ORDER BY o.indicator_id, o.area_id");

    /// <summary>The stored ids of the indicators whose catalog keys are given (keys the store does not hold are left out).</summary>
    public static long[] IdsOf(Dictionary<long, string> indicatorKeysById, IEnumerable<string> keys)
    {
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        return [.. indicatorKeysById.Where(kv => wanted.Contains(kv.Value)).Select(kv => kv.Key).Order()];
    }

    public static ImportRecord ReadImport(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetFieldValue<DateTimeOffset>(5).ToUniversalTime(),
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

    /// <summary>A command with <c>@name</c> parameters; a <see langword="null"/> value is sent as SQL NULL.</summary>
    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static async Task<int> CountAsync(DbConnection connection, string table, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT COUNT(*) FROM {table}");
        command.Transaction = transaction;
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task<List<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

/// <summary>
/// Turns the rows of one period — (indicator id, area id, value), grouped by indicator — into a columnar
/// <see cref="IndicatorTable"/>: one <see cref="double"/>[] per indicator, <see cref="double.NaN"/> where an area
/// has no value. Both stores stream their rows into it.
/// </summary>
internal sealed class ColumnarPeriod
{
    private readonly List<long> _indicatorOfRow = [];
    private readonly List<long> _areaOfRow = [];
    private readonly List<double> _valueOfRow = [];

    /// <summary>The distinct ids of the areas the rows added so far name.</summary>
    public long[] AreaIds => [.. _areaOfRow.Distinct()];

    public void Add(long indicatorId, long areaId, double value)
    {
        _indicatorOfRow.Add(indicatorId);
        _areaOfRow.Add(areaId);
        _valueOfRow.Add(value);
    }

    public IndicatorTable Build(int period, IReadOnlyDictionary<long, AreaKey> areaKeys, IReadOnlyDictionary<long, string> indicatorKeys)
    {
        var rowOfArea = new Dictionary<long, int>();
        var areas = ImmutableArray.CreateBuilder<AreaKey>();
        foreach (var areaId in _areaOfRow.Distinct().Order())
        {
            rowOfArea.Add(areaId, areas.Count);
            areas.Add(areaKeys[areaId]);
        }

        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        double[]? column = null;
        var currentIndicator = long.MinValue;
        for (var i = 0; i < _valueOfRow.Count; i++)
        {
            if (_indicatorOfRow[i] != currentIndicator)
            {
                currentIndicator = _indicatorOfRow[i];
                column = new double[areas.Count];
                Array.Fill(column, double.NaN);
                columns.Add(indicatorKeys[currentIndicator], column);
            }

            column![rowOfArea[_areaOfRow[i]]] = _valueOfRow[i];
        }

        return IndicatorTable.FromColumns(period, areas.ToImmutable(), columns);
    }
}
