using Leefkracht.Fetch;

namespace Leefkracht.Cli;

/// <summary>The command's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>Something unexpected (a bug, a locked database, a full disk).</summary>
    public const int Failure = 1;

    /// <summary>Invalid input: a rejected file, an unknown area, a bad option. The reason is on stderr.</summary>
    public const int InvalidInput = 2;

    /// <summary>
    /// The database cannot be used: PostgreSQL unreachable, login refused, database or PostGIS missing, schema newer
    /// than this program, or a restore into a database that holds data. The reason and what to do are on stderr.
    /// </summary>
    public const int StoreUnavailable = 3;

    /// <summary>A source (CBS StatLine, PDOK, the Leefbaarometer) could not be reached or refused; the store is unchanged.</summary>
    public const int SourceUnavailable = 4;

    /// <summary>
    /// The exit of a fetch that failed: <see cref="InvalidInput"/> when what the user gave leads nowhere in the source
    /// (an unknown or ambiguous gemeente name, a year the source has no table for), else <see cref="SourceUnavailable"/>. Every fetch command maps here.
    /// </summary>
    public static int Of(FetchException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.InputWasWrong ? InvalidInput : SourceUnavailable;
    }
}
