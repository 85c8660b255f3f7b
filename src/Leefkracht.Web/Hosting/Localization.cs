using Microsoft.AspNetCore.Localization;

namespace Leefkracht.Web.Hosting;

/// <summary>
/// Request localization: the language of an answer comes from <c>?lang=</c>, else the culture cookie
/// (<c>.AspNetCore.Culture</c>), else <c>Accept-Language</c>, else Dutch. It sets only the UI culture, which picks the
/// words (.resx); the formatting culture stays invariant, and numbers are formatted as each writer always did.
/// </summary>
internal static class Localization
{
    /// <summary>Dutch, the default.</summary>
    public static CultureInfo Dutch { get; } = new("nl");

    /// <summary>English.</summary>
    public static CultureInfo English { get; } = new("en");

    /// <summary>nl or en from a <c>lang</c> parameter (any case, spaces around allowed); null for anything else.</summary>
    public static CultureInfo? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "nl" => Dutch,
        "en" => English,
        _ => null,
    };

    /// <summary>
    /// Takes the reader's language again for an answer worded after the request localization's scope has ended: an
    /// exception handler, or the problem details of a 404/405 written on the way out. The middleware's culture lives
    /// in the async flow of the request it called, so what runs after it returned (or after an exception left it)
    /// would otherwise word the answer in the process's language. The one place that does so.
    /// </summary>
    public static void TakeTheReadersLanguageAgain(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IRequestCultureFeature>() is { } language)
        {
            CultureInfo.CurrentUICulture = language.RequestCulture.UICulture;
        }
    }

    public static IApplicationBuilder UseLocalizedRequests(this IApplicationBuilder app)
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, Dutch),
            SupportedCultures = [CultureInfo.InvariantCulture],
            SupportedUICultures = [Dutch, English],
            RequestCultureProviders =
            [
                // An unknown lang is ignored here and refused with a 400 by the endpoints that take it (RequestErrors.Language).
                new CustomRequestCultureProvider(c => Task.FromResult(Parse(c.Request.Query["lang"]) is { } culture ? new ProviderCultureResult(culture.Name) : null)),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ],
        };
        return app.UseRequestLocalization(options);
    }
}
