using Npgsql;

namespace Leefkracht.Data.Storage.Postgres;

/// <summary>
/// A process's turn to compute one stored result (<see cref="IMonitorStore.TakeResultTurnAsync"/>): a session advisory
/// lock on its own connection, keyed by the schema and the result's kind, key and data version, released (and the
/// connection returned to the pool) when disposed. If the process dies, the server ends the session and the lock with it.
/// </summary>
internal sealed class ResultTurn : IAsyncDisposable
{
    /// <summary>How long a waiting process sleeps between tries: computing a result takes tenths of seconds to seconds.</summary>
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(25);

    // hashtext is 32 bits: two different results that collide only take turns, which costs time, not correctness.
    private const string LockKey = "hashtext(current_schema() || '|' || @kind || '|' || @key || '|' || @version)";

    private readonly NpgsqlConnection _connection;
    private readonly StoredResultKey _key;

    private ResultTurn(NpgsqlConnection connection, StoredResultKey key)
    {
        _connection = connection;
        _key = key;
    }

    /// <summary>Tries the lock until it is free; the turn owns <paramref name="connection"/> from then on.</summary>
    public static async Task<ResultTurn> TakeAsync(NpgsqlConnection connection, StoredResultKey key, CancellationToken cancellationToken)
    {
        // pg_try_advisory_lock rather than the blocking pg_advisory_lock: a waiting process holds no server-side wait
        // that a cancelled request would have to interrupt, only a connection between tries.
        while (!await RunAsync<bool>(connection, key, $"SELECT pg_try_advisory_lock({AdvisoryLocks.Results}, {LockKey})", cancellationToken).ConfigureAwait(false))
        {
            await Task.Delay(Retry, cancellationToken).ConfigureAwait(false);
        }

        return new ResultTurn(connection, key);
    }

    public async ValueTask DisposeAsync()
    {
        await using (_connection.ConfigureAwait(false))
        {
            await RunAsync<bool>(_connection, _key, $"SELECT pg_advisory_unlock({AdvisoryLocks.Results}, {LockKey})", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<T> RunAsync<T>(NpgsqlConnection connection, StoredResultKey key, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("kind", key.Kind);
        command.Parameters.AddWithValue("key", key.Key);
        command.Parameters.AddWithValue("version", key.DataVersion);
        return (T)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
