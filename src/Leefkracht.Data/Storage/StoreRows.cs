namespace Leefkracht.Data.Storage;

/// <summary>
/// Receives a store's rows table by table (see <see cref="IMonitorStore.ExportAsync"/>). A row holds one value per
/// column of the table, typed by <see cref="ColumnKind"/>: <see cref="long"/>, <see cref="double"/>,
/// <see cref="string"/>, <see cref="DateTimeOffset"/> (UTC), <see cref="byte"/>[] (WKB), or <see langword="null"/>.
/// </summary>
public interface IStoreRowSink
{
    /// <summary>The rows that follow belong to <paramref name="table"/>.</summary>
    void BeginTable(StoreTable table);

    /// <summary>One row; the array may be reused by the caller after the call.</summary>
    void WriteRow(object?[] row);

    /// <summary>The current table is complete.</summary>
    void EndTable();
}

/// <summary>Supplies the rows of each table for <see cref="IMonitorStore.RestoreAsync"/>, typed as for <see cref="IStoreRowSink"/>.</summary>
public interface IStoreRowSource
{
    /// <summary>The rows of one table, in any order; an invalid row throws (and the restore rolls back).</summary>
    IEnumerable<object?[]> ReadRows(StoreTable table);
}
