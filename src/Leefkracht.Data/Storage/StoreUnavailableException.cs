namespace Leefkracht.Data.Storage;

/// <summary>Why a store could not be opened or used.</summary>
public enum StoreProblem
{
    /// <summary>The <c>--db</c> / <c>LEEFKRACHT_DB</c> setting cannot be understood.</summary>
    InvalidSetting,

    /// <summary>No PostgreSQL server answers at the given host and port.</summary>
    Unreachable,

    /// <summary>The server refused the user name or password.</summary>
    AuthenticationFailed,

    /// <summary>The database named in the connection string does not exist.</summary>
    DatabaseMissing,

    /// <summary>PostGIS is not installed on the server, or not enabled in the database and the user may not enable it.</summary>
    PostgisMissing,

    /// <summary>The database was written by a newer version of Leefkracht.</summary>
    SchemaTooNew,

    /// <summary>Restore was asked into a store that already holds data, without <c>--force</c>.</summary>
    NotEmpty,
}

/// <summary>
/// A store that cannot be opened or used as asked, with the reason and what to do. The message names the store by
/// its <see cref="StoreLocation.Display"/> and never contains a password.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What went wrong.</param>
    /// <param name="location">The store, as shown to people (no password).</param>
    /// <param name="detail">Details, for example the server's own message.</param>
    /// <param name="innerException">The driver's exception, if any.</param>
    public StoreUnavailableException(StoreProblem problem, string location, string detail, Exception? innerException = null)
        : base($"{location}: {detail}", innerException)
    {
        Problem = problem;
        Location = location;
        Detail = detail;
    }

    /// <summary>What went wrong.</summary>
    public StoreProblem Problem { get; }

    /// <summary>The store, as shown to people (no password).</summary>
    public string Location { get; }

    /// <summary>Details, for example the server's own message.</summary>
    public string Detail { get; }
}
