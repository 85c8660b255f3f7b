using Leefkracht.Data.Catalog;

namespace Leefkracht.Data.Import;

/// <summary>What a reader needs besides the file: the catalog, the known areas and the user's options.</summary>
/// <param name="Catalog">The indicator catalog with its column aliases.</param>
/// <param name="Areas">Areas known before this file.</param>
/// <param name="Options">The user's choices.</param>
public sealed record ImportContext(CatalogDocument Catalog, AreaDirectory Areas, ImportOptions Options);
