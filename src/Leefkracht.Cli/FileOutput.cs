using Leefkracht.Data.Documents;
using Leefkracht.Data.Files;

namespace Leefkracht.Cli;

/// <summary>
/// Reading and writing the files a user names (a model, a scenario, an output file) with the operating system's
/// failures said in the user's language: which file, what is wrong, and the system's own text as the detail
/// (<see cref="FileWords"/>). docs/localization.md.
/// </summary>
internal static class FileOutput
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>; a failure becomes a <see cref="FileProblemException"/> that names the path.</summary>
    public static async Task WriteAsync(string path, string text, CancellationToken cancellationToken = default)
    {
        try
        {
            await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (FileWords.IsFileProblem(exception))
        {
            throw new FileProblemException(FileWords.Describe(exception, path, writing: true), exception);
        }
    }

    /// <summary>
    /// Why a document named by <paramref name="path"/> could not be read: its own problems (a
    /// <see cref="DocumentException"/> lists them with their JSON paths) or the file problem in words.
    /// </summary>
    public static string ReadFailure(Exception exception, string? path) =>
        exception is DocumentException || path is null ? exception.Message : FileWords.Describe(exception, path);
}

/// <summary>A file the user named could not be written; the message says which and why, in the user's language.</summary>
internal sealed class FileProblemException(string message, Exception inner) : Exception(message, inner);
