using System.Globalization;

namespace Leefkracht.Testing;

/// <summary>
/// Runs part of a test in a UI language, as the CLI's --lang and the web's request localization do: the words come
/// from the resources of <see cref="CultureInfo.CurrentUICulture"/>. Dispose to restore the previous culture.
/// </summary>
public sealed class UiLanguage : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    private UiLanguage(string name) => CultureInfo.CurrentUICulture = new CultureInfo(name);

    /// <summary>English until disposed.</summary>
    public static UiLanguage English() => new("en");

    /// <summary>Dutch (the default) until disposed.</summary>
    public static UiLanguage Dutch() => new("nl");

    public void Dispose() => CultureInfo.CurrentUICulture = _previous;
}
