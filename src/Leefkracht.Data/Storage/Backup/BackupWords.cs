using Leefkracht.Core.Text;

namespace Leefkracht.Data.Storage.Backup;

/// <summary>
/// Why a backup cannot be restored, in the user's language (BackupWords.resx, Dutch; BackupWords.en.resx): not a
/// backup, damaged, cut short, or written by a newer Leefkracht. The file, the entry and the line stay as written; what
/// .NET says in English (a zip or JSON reader's message) is kept as the detail.
/// </summary>
internal static class BackupWords
{
    /// <summary>The words, in the user's language.</summary>
    public static Words Words { get; } = new(typeof(BackupWords));

    /// <summary>A backup that cannot be restored, its message worded from <paramref name="code"/> (the name of its words).</summary>
    public static InvalidDataException Problem(string code, params object?[] arguments) => new(Words.Format(code, arguments));
}
