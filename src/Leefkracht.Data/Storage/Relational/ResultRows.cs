using System.Data.Common;

namespace Leefkracht.Data.Storage.Relational;

/// <summary>
/// The stored results (<c>results</c>, migration 0005) and the data version they are keyed by, the same SQL for both
/// stores.
/// </summary>
internal static class ResultRows
{
    /// <summary>
    /// The data version: the number of imports and the SHA-256 of the last one. The data change only through imports,
    /// and every import adds a row, so the version changes exactly when the data may have.
    /// </summary>
    public static async Task<string> DataVersionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = StoreReads.Command(connection, "SELECT COUNT(*), (SELECT sha256 FROM imports ORDER BY id DESC LIMIT 1) FROM imports");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var count = reader.GetInt64(0);
        return count == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{count}-{reader.GetString(1)}");
    }

    public static async Task<byte[]?> LoadAsync(DbConnection connection, StoredResultKey key, CancellationToken cancellationToken)
    {
        await using var command = StoreReads.Command(
            connection,
            "SELECT content FROM results WHERE kind = @kind AND key = @key AND data_version = @version",
            ("kind", key.Kind),
            ("key", key.Key),
            ("version", key.DataVersion));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
    }

    /// <summary>Stores a result unless the same one is already stored: two processes that computed it at once both succeed.</summary>
    public static async Task SaveAsync(DbConnection connection, DbTransaction? transaction, StoredResultKey key, byte[] content, CancellationToken cancellationToken)
    {
        await using var command = StoreReads.Command(
            connection,
            "INSERT INTO results (kind, key, data_version, content) VALUES (@kind, @key, @version, @content) ON CONFLICT DO NOTHING",
            ("kind", key.Kind),
            ("key", key.Key),
            ("version", key.DataVersion),
            ("content", content));
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes every stored result: called in the transaction of an import, which makes them all stale.</summary>
    public static async Task ClearAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = StoreReads.Command(connection, "DELETE FROM results");
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
