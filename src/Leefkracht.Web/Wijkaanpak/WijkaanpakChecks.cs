using Leefkracht.Data.Catalog;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>Checks the wijkaanpak's request bodies share.</summary>
internal static class WijkaanpakChecks
{
    internal static void Required(RequestErrors errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > maxLength)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"required, at most {maxLength} characters"));
        }
    }

    internal static bool IsIndicator(string? id) => id is not null && CatalogDocument.Default.Catalog.TryGet(id, out _);
}
