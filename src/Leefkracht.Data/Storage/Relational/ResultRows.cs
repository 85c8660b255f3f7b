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

    /// <summary>
    /// The version of some parts of the data (<see cref="DataScopes"/>): for each scope the id of the last import that
    /// wrote to it (0 when none did since the store was created or restored), as <c>@;values:2024=17;</c>. The
    /// versions are kept as rows of kind <see cref="ScopeKind"/> in the results table itself, written by the import.
    /// </summary>
    public static async Task<string> ScopedVersionAsync(DbConnection connection, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = StoreReads.Command(connection, "SELECT key, data_version FROM results WHERE kind = @kind", ("kind", ScopeKind)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                versions[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return "@;" + string.Concat(scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(s => $"{s}={versions.GetValueOrDefault(s, "0")};"));
    }

    /// <summary>
    /// Called in the transaction of an import that wrote to <paramref name="scopes"/>: gives those scopes the import's
    /// id as their version and deletes the results that depend on them, and every result keyed by the whole data's
    /// version (<see cref="DataVersionAsync"/>), which every import changes. Results of other scopes stay valid.
    /// </summary>
    public static async Task InvalidateAsync(DbConnection connection, DbTransaction transaction, long importId, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        await ExecuteAsync(connection, transaction, "DELETE FROM results WHERE kind <> @kind AND data_version NOT LIKE '@;%'", cancellationToken, ("kind", ScopeKind)).ConfigureAwait(false);
        foreach (var scope in scopes)
        {
            // Scope names hold no LIKE wildcards (letters, digits, colons).
            await ExecuteAsync(connection, transaction, "DELETE FROM results WHERE kind <> @kind AND data_version LIKE @pattern", cancellationToken, ("kind", ScopeKind), ("pattern", $"%;{scope}=%")).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "DELETE FROM results WHERE kind = @kind AND key = @scope", cancellationToken, ("kind", ScopeKind), ("scope", scope)).ConfigureAwait(false);
            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO results (kind, key, data_version, content) VALUES (@kind, @scope, @version, @content)",
                cancellationToken,
                ("kind", ScopeKind),
                ("scope", scope),
                ("version", importId.ToString(CultureInfo.InvariantCulture)),
                ("content", Array.Empty<byte>())).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Deletes every stored result and scope version: called in the transaction of a restore, which replaces the data
    /// (and may bring back import ids that versions were made of).
    /// </summary>
    public static Task ClearAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "DELETE FROM results", cancellationToken);

    /// <summary>A turn that begins at once and holds nothing (<see cref="IMonitorStore.TakeResultTurnAsync"/> of a SQLite store).</summary>
    public static IAsyncDisposable NoTurn { get; } = new NothingHeld();

    private sealed class NothingHeld : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>The kind of the rows that hold the version of a data scope (<see cref="ScopedVersionAsync"/>).</summary>
    public const string ScopeKind = "data-scope";

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = StoreReads.Command(connection, sql, parameters);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
