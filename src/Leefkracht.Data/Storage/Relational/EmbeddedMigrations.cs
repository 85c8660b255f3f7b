using System.Reflection;

namespace Leefkracht.Data.Storage.Relational;

/// <summary>One schema migration: <c>Migrations/NNNN_name.sql</c>, embedded in the assembly.</summary>
/// <param name="Version">The number NNNN.</param>
/// <param name="Name">The file name without extension, recorded in <c>schema_migrations</c>.</param>
/// <param name="Sql">The script.</param>
internal sealed record Migration(int Version, string Name, string Sql);

/// <summary>The migration scripts of one store kind and one part of the schema, read from embedded resources in version order.</summary>
internal static class EmbeddedMigrations
{
    public static IReadOnlyList<Migration> Load(Assembly assembly, string resourcePrefix)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource[resourcePrefix.Length..^".sql".Length];
            var version = int.Parse(name.AsSpan(0, 4), CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            migrations.Add(new Migration(version, name, reader.ReadToEnd()));
        }

        return migrations.Count > 0 ? migrations : throw new InvalidOperationException($"No embedded migrations found under {resourcePrefix}.");
    }

    /// <summary>Refuses a database written by a newer version of Leefkracht: this one would not understand it.</summary>
    public static void EnsureNotNewer(int current, int latest, string location)
    {
        if (current > latest)
        {
            throw new StoreUnavailableException(
                StoreProblem.SchemaTooNew,
                location,
                string.Create(CultureInfo.InvariantCulture, $"the database has schema version {current}, newer than the {latest} this version of Leefkracht knows; upgrade Leefkracht"),
                [current.ToString(CultureInfo.InvariantCulture), latest.ToString(CultureInfo.InvariantCulture)]);
        }
    }
}
