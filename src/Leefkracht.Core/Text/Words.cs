using System.Globalization;
using System.Resources;

namespace Leefkracht.Core.Text;

/// <summary>
/// One feature's user-facing words: a neutral (Dutch) <c>.resx</c> beside the type named by the constructor, with an
/// English <c>.en.resx</c> next to it, read in <see cref="CultureInfo.CurrentUICulture"/> (set by the CLI's
/// <c>--lang</c> and by the web's request localization). See docs/localization.md.
/// </summary>
/// <param name="resources">The type whose full name is the resources' base name (the .resx beside its .cs file).</param>
public sealed class Words(Type resources)
{
    private readonly ResourceManager _manager = new(resources);

    /// <summary>Whether the user reads English; Dutch otherwise. For words that come in pairs from data (the catalog's names).</summary>
    public static bool InEnglish => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    /// <summary>The word named <paramref name="key"/> in the user's language.</summary>
    /// <exception cref="MissingManifestResourceException">There is no such word: a mistake in the code.</exception>
    public string this[string key] => Find(key) ?? throw new MissingManifestResourceException($"no word '{key}' in {resources.FullName}.resx");

    /// <summary>The word named <paramref name="key"/>, or null when there is none.</summary>
    public string? Find(string key) => _manager.GetString(key, CultureInfo.CurrentUICulture);

    /// <summary>The word named <paramref name="key"/> with its <c>{0}</c>, <c>{1}</c>, … filled in (numbers formatted invariantly: pass them formatted).</summary>
    public string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);
}
