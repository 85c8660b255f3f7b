using Leefkracht.Core.Text;

namespace Leefkracht.Cli;

/// <summary>
/// The words the command line shows to users: Texts.resx (Dutch, the default) and Texts.en.resx, in the UI culture
/// that <c>--lang</c> sets (<see cref="GlobalOptions.UiCulture"/>). Technical messages from the import (file, line,
/// column, reason) stay in English, the language of the data documentation they cite.
/// </summary>
internal sealed class Texts
{
    private static readonly Words Words = new(typeof(Texts));

    private Texts()
    {
    }

    /// <summary>The one instance: the words follow <see cref="CultureInfo.CurrentUICulture"/>.</summary>
    public static Texts Instance { get; } = new();

    /// <summary>The word named <paramref name="key"/>, or the key itself when there is none.</summary>
    public string this[string key] => Words.Find(key) ?? key;

    public string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);
}
