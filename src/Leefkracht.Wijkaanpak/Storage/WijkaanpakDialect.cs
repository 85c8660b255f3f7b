using System.Data.Common;
using System.Globalization;
using Leefkracht.Data.Storage;

namespace Leefkracht.Wijkaanpak.Storage;

/// <summary>
/// What differs between the two databases for the wijkaanpak: how a connection and a write transaction are opened,
/// and how moments travel (SQLite: ISO 8601 text; PostgreSQL: timestamptz). The SQL text itself is shared.
/// </summary>
/// <param name="Open">Opens a connection (pooled).</param>
/// <param name="BeginWrite">
/// Starts a write transaction. SQLite: BEGIN IMMEDIATE, so writers queue for the lock instead of failing at commit.
/// PostgreSQL: READ COMMITTED; the compare-and-set <c>UPDATE … AND version = @version</c> re-checks the row after
/// waiting for a concurrent writer's lock, so exactly one of two racing updates wins.
/// </param>
/// <param name="MomentsAsText">Whether moments are stored as text (SQLite).</param>
internal sealed record WijkaanpakDialect(
    Func<CancellationToken, Task<DbConnection>> Open,
    Func<DbConnection, CancellationToken, Task<DbTransaction>> BeginWrite,
    bool MomentsAsText)
{
    public object Moment(DateTimeOffset moment) =>
        MomentsAsText ? StoreTables.Normalise(moment).ToString("O", CultureInfo.InvariantCulture) : StoreTables.Normalise(moment);

    public DateTimeOffset ReadMoment(DbDataReader reader, int ordinal) => MomentsAsText
        ? DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToUniversalTime()
        : reader.GetFieldValue<DateTimeOffset>(ordinal).ToUniversalTime();
}

/// <summary>Reads one row's columns by position, in the dialect's way for moments.</summary>
internal readonly struct Row(DbDataReader reader, WijkaanpakDialect dialect)
{
    public long Long(int i) => reader.GetInt64(i);

    public long? LongOrNull(int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);

    public int Int(int i) => checked((int)reader.GetInt64(i));

    public bool Bool(int i) => reader.GetInt64(i) != 0;

    public string Text(int i) => reader.GetString(i);

    public string? TextOrNull(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    public DateOnly Date(int i) => DateOnly.ParseExact(reader.GetString(i), Dates.Format, CultureInfo.InvariantCulture);

    public DateOnly? DateOrNull(int i) => reader.IsDBNull(i) ? null : Date(i);

    public DateTimeOffset Moment(int i) => dialect.ReadMoment(reader, i);

    public DateTimeOffset? MomentOrNull(int i) => reader.IsDBNull(i) ? null : dialect.ReadMoment(reader, i);
}

/// <summary>Dates as the stores keep them: <c>yyyy-MM-dd</c> text in both databases (so backups are the same).</summary>
internal static class Dates
{
    public const string Format = "yyyy-MM-dd";

    public static string Text(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    public static string? Text(DateOnly? date) => date is { } d ? Text(d) : null;
}
