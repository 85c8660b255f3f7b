using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using Leefkracht.Wijkaanpak.Domain;

namespace Leefkracht.Wijkaanpak.Storage;

/// <summary>
/// <see cref="IWijkaanpakStore"/> in one SQL text for SQLite and PostgreSQL (standard SQL with <c>@name</c> parameters
/// and <c>RETURNING</c>, which both accept); <see cref="WijkaanpakDialect"/> holds the differences.
/// </summary>
internal sealed class RelationalWijkaanpakStore(WijkaanpakDialect dialect, TimeProvider clock, Func<ValueTask> dispose) : IWijkaanpakStore
{
    private readonly EntityMap<Agreement> _agreements = EntityMaps.AgreementsIn(clock.LocalTimeZone);

    public Task<IReadOnlyList<Party>> ListPartiesAsync(CancellationToken cancellationToken = default) =>
        ListAsync(EntityMaps.Parties, null, null, "name", cancellationToken);

    public Task<Party?> GetPartyAsync(long id, CancellationToken cancellationToken = default) => GetAsync(EntityMaps.Parties, id, cancellationToken);

    public Task<Party> CreatePartyAsync(string name, PartyType type, AuditActor actor, CancellationToken cancellationToken = default) =>
        CreateAsync(EntityMaps.Parties, new Party(0, name, type), actor, cancellationToken);

    public Task<IReadOnlyList<AccountRecord>> ListAccountsAsync(CancellationToken cancellationToken = default) =>
        ListAsync(EntityMaps.Accounts, null, null, "user_key", cancellationToken);

    public Task<AccountRecord?> GetAccountAsync(long id, CancellationToken cancellationToken = default) => GetAsync(EntityMaps.Accounts, id, cancellationToken);

    public async Task<AccountRecord?> FindAccountAsync(string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return (await ListAsync(EntityMaps.Accounts, "user_key", EntityMaps.Key(userName), "id", cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public Task<AccountRecord> CreateAccountAsync(AccountRecord account, AuditActor actor, CancellationToken cancellationToken = default) =>
        CreateAsync(EntityMaps.Accounts, account with { Version = 1, FailedLogins = 0, LockedUntil = null }, actor, cancellationToken);

    public Task<WriteResult<AccountRecord>> UpdateAccountAsync(AccountRecord changed, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return UpdateCoreAsync<AccountRecord, long>(
            EntityMaps.Accounts,
            changed.Id,
            changed.Version,
            before => (changed, null, EndsSessions(before, changed) ? [changed.Id] : []),
            actor,
            "update",
            async (connection, transaction, accounts) =>
            {
                foreach (var account in accounts)
                {
                    await using var end = Command(connection, transaction, "DELETE FROM wk_sessions WHERE account_id = @a", ("a", account));
                    await end.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken);

        // A new password ends the sessions the old one opened (a stolen password or cookie is then worthless); so does
        // disabling, which must not be undone for old cookies by enabling the account again.
        static bool EndsSessions(AccountRecord before, AccountRecord after) =>
            !string.Equals(before.PasswordHash, after.PasswordHash, StringComparison.Ordinal) || (after.Disabled && !before.Disabled);
    }

    public async Task<DateTimeOffset?> RecordLoginFailureAsync(long accountId, int lockAfter, DateTimeOffset lockUntil, CancellationToken cancellationToken = default)
    {
        // One statement, so concurrent failures cannot lose a count. SET reads the old values on both databases.
        return await WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = Command(
                    connection,
                    transaction,
                    "UPDATE wk_accounts SET failed_logins = CASE WHEN failed_logins + 1 >= @n THEN 0 ELSE failed_logins + 1 END, "
                    + "locked_until = CASE WHEN failed_logins + 1 >= @n THEN @until ELSE locked_until END WHERE id = @id RETURNING locked_until",
                    ("n", (long)lockAfter),
                    ("until", lockUntil),
                    ("id", accountId));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var lockedUntil = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new Row(reader, dialect).MomentOrNull(0) : null;
                return (lockedUntil, true);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task RecordLoginSuccessAsync(long accountId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE wk_accounts SET failed_logins = 0, locked_until = NULL WHERE id = @id AND (failed_logins <> 0 OR locked_until IS NOT NULL)", cancellationToken, ("id", accountId));

    public Task StartSessionAsync(long accountId, string tokenHash, DateTimeOffset expires, CancellationToken cancellationToken = default) =>
        WriteAsync(
            async (connection, transaction) =>
            {
                var now = clock.GetUtcNow();
                await using (var purge = Command(connection, transaction, "DELETE FROM wk_sessions WHERE expires_at <= @now", ("now", now)))
                {
                    await purge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await using var insert = Command(
                    connection,
                    transaction,
                    "INSERT INTO wk_sessions (account_id, token_hash, created_at, expires_at) VALUES (@a, @h, @now, @end)",
                    ("a", accountId),
                    ("h", tokenHash),
                    ("now", now),
                    ("end", expires));
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return (0, true);
            },
            cancellationToken);

    public async Task<long?> SessionAccountAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        // Moments compare as values in PostgreSQL and as ISO 8601 UTC text of one fixed form in SQLite, where the text
        // order is the time order.
        await using var connection = await dialect.Open(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT account_id FROM wk_sessions WHERE token_hash = @h AND expires_at > @now", ("h", tokenHash), ("now", now));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } id and not DBNull ? Convert.ToInt64(id, CultureInfo.InvariantCulture) : null;
    }

    public Task EndSessionAsync(string tokenHash, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM wk_sessions WHERE token_hash = @h", cancellationToken, ("h", tokenHash));

    public async Task<IReadOnlyList<string>> LoadProtectionKeysAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.Open(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT xml FROM wk_protection_keys ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    // Two instances starting together may both create a key: both are kept (under their own names), and Data
    // Protection picks one default from the ring every instance reads.
    public Task SaveProtectionKeyAsync(string name, string xml, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO wk_protection_keys (name, xml) VALUES (@n, @x) ON CONFLICT (name) DO NOTHING", cancellationToken, ("n", name), ("x", xml));

    public async Task<IReadOnlyList<ProgrammeAccess>> ListProgrammesAsync(CancellationToken cancellationToken = default)
    {
        var programmes = await ListAsync(EntityMaps.Programmes, null, null, "id", cancellationToken).ConfigureAwait(false);
        var members = (await ListAsync(EntityMaps.Members, null, null, "id", cancellationToken).ConfigureAwait(false)).ToLookup(m => m.ProgrammeId);
        return [.. programmes.Select(p => new ProgrammeAccess(p, [.. members[p.Id]]))];
    }

    public async Task<ProgrammeAccess?> GetProgrammeAsync(long id, CancellationToken cancellationToken = default)
    {
        var programme = await GetAsync(EntityMaps.Programmes, id, cancellationToken).ConfigureAwait(false);
        return programme is null ? null : new ProgrammeAccess(programme, [.. await ListAsync(EntityMaps.Members, "programme_id", id, "id", cancellationToken).ConfigureAwait(false)]);
    }

    public Task<ProgrammeAccess> CreateProgrammeAsync(Programme programme, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return WriteAsync(
            async (connection, transaction) =>
            {
                var created = await InsertAsync(connection, transaction, EntityMaps.Programmes, programme with { Version = 1 }, actor, cancellationToken).ConfigureAwait(false);
                var member = await InsertAsync(
                    connection, transaction, EntityMaps.Members, new CoalitionMember(0, created.Id, created.CoordinatorPartyId, created.StartDate, null, 1), actor, cancellationToken).ConfigureAwait(false);
                return (new ProgrammeAccess(created, [member]), true);
            },
            cancellationToken);
    }

    public Task<WriteResult<Programme>> UpdateProgrammeAsync(Programme changed, AuditActor actor, CancellationToken cancellationToken = default) =>
        UpdateAsync(EntityMaps.Programmes, changed, actor, "update", cancellationToken);

    public Task<CoalitionMember?> GetMemberAsync(long id, CancellationToken cancellationToken = default) => GetAsync(EntityMaps.Members, id, cancellationToken);

    public Task<CoalitionMember> AddMemberAsync(CoalitionMember member, AuditActor actor, CancellationToken cancellationToken = default) =>
        CreateAsync(EntityMaps.Members, member with { Version = 1 }, actor, cancellationToken);

    public Task<WriteResult<CoalitionMember>> UpdateMemberAsync(CoalitionMember changed, AuditActor actor, CancellationToken cancellationToken = default) =>
        UpdateAsync(EntityMaps.Members, changed, actor, "end", cancellationToken);

    public Task<IReadOnlyList<Agreement>> ListAgreementsAsync(long programmeId, CancellationToken cancellationToken = default) =>
        ListAsync(_agreements, "programme_id", programmeId, "id", cancellationToken);

    public Task<Agreement?> GetAgreementAsync(long id, CancellationToken cancellationToken = default) => GetAsync(_agreements, id, cancellationToken);

    public Task<Agreement> CreateAgreementAsync(Agreement agreement, AuditActor actor, CancellationToken cancellationToken = default) =>
        CreateAsync(_agreements, agreement with { Version = 1, Status = AgreementStatus.Planned, StatusSetOn = null }, actor, cancellationToken);

    public Task<WriteResult<Agreement>> UpdateAgreementAsync(Agreement changed, AuditActor actor, CancellationToken cancellationToken = default) =>
        UpdateAsync(_agreements, changed, actor, "update", cancellationToken);

    public Task<WriteResult<Agreement>> ChangeAgreementStatusAsync(long id, int expectedVersion, Func<Agreement, StatusChangeOutcome> change, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return UpdateCoreAsync(
            _agreements,
            id,
            expectedVersion,
            before =>
            {
                var outcome = change(before);
                return (outcome.Agreement, outcome.Error, outcome.History);
            },
            actor,
            "status",
            async (connection, transaction, history) =>
            {
                foreach (var entry in history)
                {
                    await using var insert = Command(
                        connection,
                        transaction,
                        "INSERT INTO wk_agreement_history (agreement_id, from_status, to_status, at, account_id, comment) VALUES (@a, @f, @t, @at, @who, @c)",
                        ("a", id),
                        ("f", entry.From.Code()),
                        ("t", entry.To.Code()),
                        ("at", entry.At),
                        ("who", entry.AccountId),
                        ("c", entry.Comment));
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<AgreementStatusChange>> LoadHistoryAsync(long agreementId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.Open(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT from_status, to_status, at, account_id, comment FROM wk_agreement_history WHERE agreement_id = @a ORDER BY id", ("a", agreementId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var history = new List<AgreementStatusChange>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new Row(reader, dialect);
            history.Add(AgreementStatusChange.Read(EntityMaps.ParseStatus(row.Text(0)), EntityMaps.ParseStatus(row.Text(1)), row.Moment(2), row.LongOrNull(3), row.TextOrNull(4)));
        }

        return history;
    }

    public Task<IReadOnlyList<AgreementComment>> LoadCommentsAsync(long agreementId, CancellationToken cancellationToken = default) =>
        ListAsync(EntityMaps.Comments, "agreement_id", agreementId, "id", cancellationToken);

    public Task<AgreementComment> AddCommentAsync(AgreementComment comment, long programmeId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(comment);
        return WriteAsync(
            async (connection, transaction) =>
            {
                var created = await InsertAsync(connection, transaction, EntityMaps.Comments, comment, actor, cancellationToken, programmeId).ConfigureAwait(false);
                return (created, true);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<Initiative>> ListInitiativesAsync(long programmeId, CancellationToken cancellationToken = default) =>
        ListAsync(EntityMaps.Initiatives, "programme_id", programmeId, "id", cancellationToken);

    public Task<Initiative?> GetInitiativeAsync(long id, CancellationToken cancellationToken = default) => GetAsync(EntityMaps.Initiatives, id, cancellationToken);

    public Task<Initiative> CreateInitiativeAsync(Initiative initiative, AuditActor actor, CancellationToken cancellationToken = default) =>
        CreateAsync(EntityMaps.Initiatives, initiative with { Version = 1, Status = InitiativeStatus.Submitted }, actor, cancellationToken);

    public Task<WriteResult<Initiative>> UpdateInitiativeAsync(Initiative changed, AuditActor actor, CancellationToken cancellationToken = default) =>
        UpdateAsync(EntityMaps.Initiatives, changed, actor, "status", cancellationToken);

    public Task<IReadOnlyList<Funding>> ListFundingAsync(long programmeId, CancellationToken cancellationToken = default) =>
        ListAsync(EntityMaps.Funding, "programme_id", programmeId, "id", cancellationToken);

    public Task<Funding?> GetFundingAsync(long id, CancellationToken cancellationToken = default) => GetAsync(EntityMaps.Funding, id, cancellationToken);

    public Task<Funding> CreateFundingAsync(Funding funding, AuditActor actor, CancellationToken cancellationToken = default) =>
        CreateAsync(EntityMaps.Funding, funding with { Version = 1 }, actor, cancellationToken);

    public Task<WriteResult<Funding>> UpdateFundingAsync(Funding changed, AuditActor actor, CancellationToken cancellationToken = default) =>
        UpdateAsync(EntityMaps.Funding, changed, actor, "update", cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> LoadAuditAsync(long? programmeId, CancellationToken cancellationToken = default)
    {
        const string Columns = "SELECT id, at, account_id, account_name, programme_id, entity, entity_id, action, before_json, after_json FROM wk_audit";
        await using var connection = await dialect.Open(cancellationToken).ConfigureAwait(false);
        await using var command = programmeId is { } id
            ? Command(connection, null, Columns + " WHERE programme_id = @p ORDER BY id DESC", ("p", id))
            : Command(connection, null, Columns + " WHERE programme_id IS NULL ORDER BY id DESC");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new Row(reader, dialect);
            entries.Add(new AuditEntry(row.Long(0), row.Moment(1), row.LongOrNull(2), row.TextOrNull(3), row.LongOrNull(4), row.Text(5), row.Long(6), row.Text(7), row.TextOrNull(8), row.TextOrNull(9)));
        }

        return entries;
    }

    public ValueTask DisposeAsync() => dispose();

    private async Task<T?> GetAsync<T>(EntityMap<T> map, long id, CancellationToken cancellationToken)
        where T : class
    {
        await using var connection = await dialect.Open(cancellationToken).ConfigureAwait(false);
        return await GetAsync(connection, null, map, id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T?> GetAsync<T>(DbConnection connection, DbTransaction? transaction, EntityMap<T> map, long id, CancellationToken cancellationToken)
        where T : class
    {
        await using var command = Command(connection, transaction, $"SELECT {map.SelectColumns} FROM {map.Table} WHERE id = @id", ("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? map.Read(new Row(reader, dialect)) : null;
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(EntityMap<T> map, string? column, object? value, string orderBy, CancellationToken cancellationToken)
        where T : class
    {
        await using var connection = await dialect.Open(cancellationToken).ConfigureAwait(false);
        var where = column is null ? string.Empty : $" WHERE {column} = @v";
        await using var command = Command(connection, null, $"SELECT {map.SelectColumns} FROM {map.Table}{where} ORDER BY {orderBy}", column is null ? [] : [("v", value)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map.Read(new Row(reader, dialect)));
        }

        return rows;
    }

    private Task<T> CreateAsync<T>(EntityMap<T> map, T entity, AuditActor actor, CancellationToken cancellationToken)
        where T : class =>
        WriteAsync(async (connection, transaction) => (await InsertAsync(connection, transaction, map, entity, actor, cancellationToken).ConfigureAwait(false), true), cancellationToken);

    private async Task<T> InsertAsync<T>(DbConnection connection, DbTransaction transaction, EntityMap<T> map, T entity, AuditActor actor, CancellationToken cancellationToken, long? programmeId = null)
        where T : class
    {
        var values = map.Values(entity);
        await using var command = Command(
            connection,
            transaction,
            $"INSERT INTO {map.Table} ({string.Join(", ", map.Columns)}) VALUES ({string.Join(", ", map.Columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))}) RETURNING id",
            [.. values.Select((v, i) => ("p" + i.ToString(CultureInfo.InvariantCulture), v))]);
        var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        var created = map.WithId(entity, id);
        await AuditAsync(connection, transaction, actor, programmeId ?? map.ProgrammeId(created), map.Entity, id, "create", null, map.Audit?.Invoke(created) ?? created, cancellationToken).ConfigureAwait(false);
        return created;
    }

    private Task<WriteResult<T>> UpdateAsync<T>(EntityMap<T> map, T changed, AuditActor actor, string action, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(changed);
        return UpdateCoreAsync<T, int>(map, map.Id(changed), map.Version!(changed), _ => (changed, null, []), actor, action, null, cancellationToken);
    }

    /// <summary>
    /// The one versioned write: in a transaction, read the row; refuse if it is gone or its version is not the
    /// expected one; let <paramref name="change"/> decide the new row; write it with a compare-and-set on the version
    /// (0 rows: someone else won the race, also across processes); write <paramref name="alsoWrite"/>'s rows and the
    /// audit row; commit. Anything short of that rolls back.
    /// </summary>
    private Task<WriteResult<T>> UpdateCoreAsync<T, TExtra>(
        EntityMap<T> map,
        long id,
        int expectedVersion,
        Func<T, (T? After, string? Error, ImmutableArray<TExtra> Extra)> change,
        AuditActor actor,
        string action,
        Func<DbConnection, DbTransaction, ImmutableArray<TExtra>, Task>? alsoWrite,
        CancellationToken cancellationToken)
        where T : class =>
        WriteAsync<WriteResult<T>>(
            async (connection, transaction) =>
            {
                var before = await GetAsync(connection, transaction, map, id, cancellationToken).ConfigureAwait(false);
                if (before is null)
                {
                    return (new WriteResult<T>(WriteOutcome.NotFound, null), false);
                }

                var current = map.Version!(before);
                if (current != expectedVersion)
                {
                    return (new WriteResult<T>(WriteOutcome.Conflict, null, current), false);
                }

                var (after, error, extra) = change(before);
                if (after is null)
                {
                    return (new WriteResult<T>(WriteOutcome.Invalid, null, current, error), false);
                }

                after = map.WithVersion!(map.WithId(after, id), expectedVersion + 1);
                var columns = map.Columns[..^1]; // all but version, which the statement increments
                var values = map.Values(after);
                await using var update = Command(
                    connection,
                    transaction,
                    $"UPDATE {map.Table} SET {string.Join(", ", columns.Select((c, i) => $"{c} = @p{i.ToString(CultureInfo.InvariantCulture)}"))}, version = version + 1 WHERE id = @id AND version = @version",
                    [.. columns.Select((_, i) => ("p" + i.ToString(CultureInfo.InvariantCulture), values[i])), ("id", id), ("version", (long)expectedVersion)]);
                if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                {
                    return (new WriteResult<T>(WriteOutcome.Conflict, null, expectedVersion + 1), false);
                }

                if (alsoWrite is not null)
                {
                    await alsoWrite(connection, transaction, extra).ConfigureAwait(false);
                }

                await AuditAsync(connection, transaction, actor, map.ProgrammeId(after), map.Entity, id, action, map.Audit?.Invoke(before) ?? before, map.Audit?.Invoke(after) ?? after, cancellationToken).ConfigureAwait(false);
                return (new WriteResult<T>(WriteOutcome.Written, after), true);
            },
            cancellationToken);

    private async Task AuditAsync(DbConnection connection, DbTransaction transaction, AuditActor actor, long? programmeId, string entity, long entityId, string action, object? before, object? after, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            transaction,
            "INSERT INTO wk_audit (at, account_id, account_name, programme_id, entity, entity_id, action, before_json, after_json) VALUES (@at, @who, @name, @p, @e, @id, @action, @before, @after)",
            ("at", clock.GetUtcNow()),
            ("who", actor.AccountId),
            ("name", actor.Name),
            ("p", programmeId),
            ("e", entity),
            ("id", entityId),
            ("action", action),
            ("before", before is null ? null : WijkaanpakJson.Write(before)),
            ("after", after is null ? null : WijkaanpakJson.Write(after)));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs one statement in a write transaction of its own.</summary>
    private Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = Command(connection, transaction, sql, parameters);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return (0, true);
            },
            cancellationToken);

    /// <summary>Runs <paramref name="body"/> in one write transaction; commits when it says so, else rolls back.</summary>
    private async Task<TResult> WriteAsync<TResult>(Func<DbConnection, DbTransaction, Task<(TResult Result, bool Commit)>> body, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.Open(cancellationToken).ConfigureAwait(false);
        await using var transaction = await dialect.BeginWrite(connection, cancellationToken).ConfigureAwait(false);
        var (result, commit) = await body(connection, transaction).ConfigureAwait(false);
        if (commit)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value switch
            {
                null => DBNull.Value,
                DateTimeOffset moment => dialect.Moment(moment),
                _ => value,
            };
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
