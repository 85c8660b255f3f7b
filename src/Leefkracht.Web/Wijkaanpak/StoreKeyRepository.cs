using System.Xml.Linq;
using Leefkracht.Wijkaanpak.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>
/// Keeps ASP.NET Core Data Protection's key ring in the store (<c>wk_protection_keys</c>), instead of the default
/// folder of the user running the app. Every instance on one database then protects and reads cookies and
/// antiforgery tokens with the same keys, and an instance on another database cannot read them at all — the default
/// folder was shared by every installation of one OS user, which let a cookie of one database pass on another.
/// </summary>
/// <remarks>
/// The keys are stored unencrypted, as in the default folder; they are as secret as the database. A key alone does
/// not forge a session: the cookie must also carry a token whose hash is in <c>wk_sessions</c> (docs/security.md).
/// Data Protection calls these methods synchronously and seldom (at start and when the ring is refreshed, about daily).
/// </remarks>
internal sealed class StoreKeyRepository(IWijkaanpakStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.LoadProtectionKeysAsync().GetAwaiter().GetResult().Select(xml => XElement.Parse(xml))];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.SaveProtectionKeyAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
    }
}
