using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Leefkracht.Web.Hosting;

/// <summary>
/// Renders the printable pages (Razor components: <c>Monitor/AreaReportPage</c>, <c>Wijkaanpak/AccountabilityPage</c>)
/// to HTML on the server with <see cref="HtmlRenderer"/>: the markup lives in templates and every value is
/// HTML-encoded by Razor, rather than built up in strings.
/// </summary>
internal sealed class HtmlPages(ILoggerFactory loggers) : IDisposable
{
    // The pages use no service of the app. The encoder writes text as it is (é, −, ·) rather than as character
    // references; it still escapes what HTML needs escaped (< > & " ').
    private readonly ServiceProvider _services = new ServiceCollection().AddSingleton(HtmlEncoder.Create(UnicodeRanges.All)).BuildServiceProvider();

    /// <summary>The page's HTML with the given parameters (property name → value).</summary>
    public async Task<string> RenderAsync<TPage>(IDictionary<string, object?> parameters)
        where TPage : IComponent
    {
        await using var renderer = new HtmlRenderer(_services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var page = await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(parameters));
            return page.ToHtmlString();
        });
    }

    public void Dispose() => _services.Dispose();
}
