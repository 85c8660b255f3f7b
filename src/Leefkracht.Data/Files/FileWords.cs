using Leefkracht.Core.Text;

namespace Leefkracht.Data.Files;

/// <summary>
/// What went wrong with a file, in the user's language (FileWords.resx, Dutch; FileWords.en.resx): the operating
/// system's exceptions say it in English only ("Could not find file …", "Access to the path … is denied"), so the
/// sentence is ours, names the path, and keeps the system's text as the detail.
/// </summary>
public static class FileWords
{
    // The disk-full codes: ENOSPC on Unix (.NET keeps the errno as the HResult), ERROR_DISK_FULL and
    // ERROR_HANDLE_DISK_FULL on Windows.
    private const int NoSpaceErrno = 28;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>The words, in the user's language.</summary>
    public static Words Words { get; } = new(typeof(FileWords));

    /// <summary>
    /// Whether <paramref name="exception"/> is one a user causes and can fix (a missing file or folder, no permission,
    /// a full disk, a path too long, another I/O failure), rather than a mistake in the code.
    /// </summary>
    public static bool IsFileProblem(Exception exception) => exception is IOException or UnauthorizedAccessException;

    /// <summary>
    /// "het bestand ‘x.json’ bestaat niet (melding van het systeem: Could not find file '/data/x.json'.)": the kind of
    /// problem, the path (or, when it is not known, a sentence without it) and the system's own text.
    /// </summary>
    /// <param name="exception">An <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.</param>
    /// <param name="path">The path as the user gave it; null when the failing path is not known here.</param>
    /// <param name="writing">Whether the file was being written (for the wording of an I/O failure of another kind).</param>
    public static string Describe(Exception exception, string? path, bool writing = false)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var kind = exception switch
        {
            FileNotFoundException => "NotFound",
            DirectoryNotFoundException => "DirectoryMissing",
            UnauthorizedAccessException => "AccessDenied",
            PathTooLongException => "PathTooLong",
            IOException { HResult: NoSpaceErrno or WindowsDiskFull or WindowsHandleDiskFull } => "DiskFull",
            _ => writing ? "CannotWrite" : "CannotRead",
        };
        var sentence = path is null ? Words["File.Unnamed." + kind] : Words.Format("File." + kind, path);
        return Words.Format("File.Detail", sentence, exception.Message);
    }

    /// <summary>"er is geen bestand of map ‘x’": a path given to read that names nothing.</summary>
    public static string NoSuchPath(string path) => Words.Format("File.NoSuchPath", path);
}
