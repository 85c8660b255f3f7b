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

    /// <summary>PostGIS is not installed on the server.</summary>
    PostgisMissing,

    /// <summary>PostGIS is installed on the server but not enabled in the database, and the user may not enable it.</summary>
    PostgisNotEnabled,

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
        : this(problem, location, detail, [], innerException)
    {
    }

    /// <summary>Creates the exception with the facts its words name after the store (<see cref="Facts"/>).</summary>
    /// <param name="problem">What went wrong.</param>
    /// <param name="location">The store, as shown to people (no password).</param>
    /// <param name="detail">Details, for example the server's own message.</param>
    /// <param name="facts">The facts the words of <paramref name="problem"/> name after the store.</param>
    /// <param name="innerException">The driver's exception, if any.</param>
    public StoreUnavailableException(StoreProblem problem, string location, string detail, IReadOnlyList<string> facts, Exception? innerException = null)
        : base($"{location}: {detail}", innerException)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Problem = problem;
        Location = location;
        Detail = detail;
        Facts = facts;
    }

    /// <summary>What went wrong.</summary>
    public StoreProblem Problem { get; }

    /// <summary>The store, as shown to people (no password).</summary>
    public string Location { get; }

    /// <summary>Details, for example the server's own message.</summary>
    public string Detail { get; }

    /// <summary>
    /// What the words of the problem name after the store (<see cref="StoreFailure"/>), so that a translated sentence
    /// keeps them: a newer schema's version and the newest this build knows; the database PostGIS is missing in.
    /// </summary>
    public IReadOnlyList<string> Facts { get; }
}
