using System.Data.Common;
using System.Net.Sockets;
using Leefkracht.Core.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Leefkracht.Data.Storage;

/// <summary>
/// A database failure in words (StoreWords.resx, Dutch; StoreWords.en.resx): SQLite's and PostgreSQL's errors and the
/// store's own refusals (<see cref="StoreUnavailableException"/>) say what is wrong in English only, so the sentence is
/// ours and the driver's text is kept as the detail.
/// </summary>
/// <param name="Code">The name of the words (<c>Sqlite.Busy</c>, <c>Postgres.CannotConnect</c>): stable, for programs.</param>
/// <param name="Message">The whole sentence in the user's language, with the driver's text after "melding van de database:".</param>
/// <param name="Unavailable">
/// Whether the database cannot be used at all (cannot open or connect, login refused, damaged, newer schema), rather
/// than one operation failing (busy, read-only, full): the CLI's exit code 3 against 1, the API's 503 against 500.
/// </param>
public sealed record StoreFailure(string Code, string Message, bool Unavailable)
{
    // SQLite's primary result codes (https://sqlite.org/rescode.html); the extended code's low byte is the primary one.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCannotOpen = 14;
    private const int SqliteNotADatabase = 26;

    /// <summary>The words, in the user's language.</summary>
    public static Words Words { get; } = new(typeof(StoreFailure));

    /// <summary>
    /// <paramref name="exception"/> in words when it is a database failure (a <see cref="DbException"/> or a
    /// <see cref="StoreUnavailableException"/>, also when wrapped); null otherwise.
    /// </summary>
    public static StoreFailure? Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StoreUnavailableException unavailable:
                    return Of(unavailable);
                case SqliteException sqlite:
                    return Of(sqlite);
                case NpgsqlException npgsql:
                    return Of(npgsql);
                case DbException other:
                    return Worded("Database.Other", other.Message, unavailable: false);
            }
        }

        return null;
    }

    private static StoreFailure Of(StoreUnavailableException exception)
    {
        var code = "Problem." + exception.Problem;
        var sentence = Words.Format(code, [exception.Location, .. exception.Facts]);
        // The driver's own text when there is one; a setting that cannot be read keeps what is wrong with it. The
        // store's other details are its English advice, which the words already give.
        var message = exception.InnerException is PostgresException postgres ? Words.Format("Detail", sentence, postgres.MessageText)
            : exception.InnerException is { } inner ? Words.Format("Detail", sentence, (inner.InnerException ?? inner).Message)
            : exception.Problem == StoreProblem.InvalidSetting ? Words.Format("Detail.Setting", sentence, exception.Detail)
            : sentence;
        return new StoreFailure(code, message, Unavailable: true);
    }

    private static StoreFailure Of(SqliteException exception) => (exception.SqliteErrorCode & 0xFF) switch
    {
        SqliteBusy or SqliteLocked => Worded("Sqlite.Busy", exception.Message, unavailable: false),
        SqliteReadOnly => Worded("Sqlite.ReadOnly", exception.Message, unavailable: false),
        SqliteFull => Worded("Sqlite.Full", exception.Message, unavailable: false),
        SqliteCorrupt or SqliteNotADatabase => Worded("Sqlite.Corrupt", exception.Message, unavailable: true),
        SqliteCannotOpen => Worded("Sqlite.CannotOpen", exception.Message, unavailable: true),
        SqliteIoError => Worded("Sqlite.Io", exception.Message, unavailable: false),
        _ => Worded("Database.Other", exception.Message, unavailable: false),
    };

    private static StoreFailure Of(NpgsqlException exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } p =>
            Worded("Postgres.Authentication", p.MessageText, unavailable: true),
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } p => Worded("Postgres.DatabaseMissing", p.MessageText, unavailable: true),
        PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } p => Worded("Postgres.Timeout", p.MessageText, unavailable: false),
        PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow } p =>
            Worded("Postgres.CannotConnect", p.MessageText, unavailable: true),
        PostgresException p => Worded("Database.Other", p.MessageText, unavailable: false),
        { InnerException: TimeoutException } => Worded("Postgres.Timeout", exception.Message, unavailable: false),
        { InnerException: SocketException or IOException } => Worded("Postgres.CannotConnect", (exception.InnerException ?? exception).Message, unavailable: true),
        _ => Worded("Database.Other", exception.Message, unavailable: false),
    };

    private static StoreFailure Worded(string code, string detail, bool unavailable) =>
        new(code, Words.Format("Detail", Words[code], detail), unavailable);
}
