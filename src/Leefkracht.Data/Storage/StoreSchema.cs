using System.Collections.Immutable;
using System.Reflection;
using Leefkracht.Data.Storage.Relational;

namespace Leefkracht.Data.Storage;

/// <summary>
/// A part of the database that one project owns: its tables (what a backup holds of it) and its migrations, for
/// SQLite and for PostgreSQL, embedded in that project's assembly as <c>NNNN_name.sql</c>.
/// </summary>
public sealed class StoreSchemaPart
{
    private StoreSchemaPart(string name, ImmutableArray<StoreTable> tables, IReadOnlyList<Migration> sqlite, IReadOnlyList<Migration> postgres)
    {
        Name = name;
        Tables = tables;
        SqliteMigrations = sqlite;
        PostgresMigrations = postgres;
    }

    /// <summary>What the part holds, for messages (for example <c>monitor</c>).</summary>
    public string Name { get; }

    /// <summary>The part's tables, referred-to tables first.</summary>
    public ImmutableArray<StoreTable> Tables { get; }

    internal IReadOnlyList<Migration> SqliteMigrations { get; }

    internal IReadOnlyList<Migration> PostgresMigrations { get; }

    /// <summary>
    /// A part whose migrations are the embedded resources of <paramref name="assembly"/> under the two prefixes. Both
    /// kinds number their scripts alike: version N of the SQLite schema and version N of the PostgreSQL schema hold the
    /// same tables, so that a backup of either restores into the other.
    /// </summary>
    public static StoreSchemaPart FromResources(string name, ImmutableArray<StoreTable> tables, Assembly assembly, string sqlitePrefix, string postgresPrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var sqlite = EmbeddedMigrations.Load(assembly, sqlitePrefix);
        var postgres = EmbeddedMigrations.Load(assembly, postgresPrefix);
        if (!sqlite.Select(m => m.Name).SequenceEqual(postgres.Select(m => m.Name), StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"the {name} part numbers its SQLite and PostgreSQL migrations differently");
        }

        return new StoreSchemaPart(name, tables, sqlite, postgres);
    }
}

/// <summary>
/// The logical schema of a database: the parts it is made of, in order (the monitor's first). What a store migrates,
/// exports and restores, and what a backup holds, all follow it. Migration versions count across the parts (the
/// monitor's 0001, the wijkaanpak's 0002, …), so <c>schema_migrations</c> records one sequence whichever project
/// a script belongs to, and the highest version is the schema version written into backups.
/// </summary>
public sealed class StoreSchema
{
    private readonly ImmutableArray<StoreSchemaPart> _parts;

    private StoreSchema(ImmutableArray<StoreSchemaPart> parts)
    {
        _parts = parts;
        Tables = [.. parts.SelectMany(p => p.Tables)];
        SqliteMigrations = [.. parts.SelectMany(p => p.SqliteMigrations).OrderBy(m => m.Version)];
        PostgresMigrations = [.. parts.SelectMany(p => p.PostgresMigrations).OrderBy(m => m.Version)];
        if (SqliteMigrations.Select(m => m.Version).Distinct().Count() != SqliteMigrations.Count)
        {
            throw new InvalidOperationException($"two parts of the schema ({string.Join(", ", parts.Select(p => p.Name))}) use one migration number");
        }

        if (Tables.Select(t => t.Name).Distinct(StringComparer.Ordinal).Count() != Tables.Length)
        {
            throw new InvalidOperationException($"two parts of the schema ({string.Join(", ", parts.Select(p => p.Name))}) define one table");
        }

        Version = SqliteMigrations[^1].Version;
    }

    /// <summary>The monitor's part alone: imports, areas, indicators, observations, boundaries, crosswalk (migration 0001).</summary>
    public static StoreSchema Monitor { get; } = new([StoreTables.MonitorPart]);

    /// <summary>Every table, referred-to tables first.</summary>
    public ImmutableArray<StoreTable> Tables { get; }

    /// <summary>The version of this logical schema (its highest migration), written into backups.</summary>
    public int Version { get; }

    internal IReadOnlyList<Migration> SqliteMigrations { get; }

    internal IReadOnlyList<Migration> PostgresMigrations { get; }

    /// <summary>This schema with one more part, whose migrations and tables come after this one's.</summary>
    public StoreSchema With(StoreSchemaPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return new StoreSchema(_parts.Add(part));
    }

    /// <summary>Whether the schema holds a part.</summary>
    public bool Contains(StoreSchemaPart part) => _parts.Contains(part);

    /// <summary>The tables a backup of logical schema <paramref name="version"/> holds.</summary>
    public IEnumerable<StoreTable> InVersion(int version) => Tables.Where(t => t.Since <= version);
}
