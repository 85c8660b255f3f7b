using Npgsql;

namespace Leefkracht.Data.Storage;

/// <summary>The kind of database behind a store.</summary>
public enum StoreKind
{
    /// <summary>The embedded default: one SQLite file.</summary>
    Sqlite,

    /// <summary>Server mode: PostgreSQL with PostGIS.</summary>
    Postgres,
}

/// <summary>
/// Where a store is, parsed from the one setting users give (<c>--db</c>, <c>LEEFKRACHT_DB</c>, the web app's
/// configuration): a file path means SQLite; a PostgreSQL connection string (<c>Host=…;Database=…</c>) or URL
/// (<c>postgresql://user:password@host:port/database</c>) means server mode.
/// </summary>
/// <remarks>
/// <see cref="Display"/> never contains a password, so it is safe in messages and logs; the password lives only in
/// <see cref="ConnectionString"/>, which must not be shown.
/// </remarks>
public sealed record StoreLocation
{
    private StoreLocation(StoreKind kind, string target, string display)
    {
        Kind = kind;
        Target = target;
        Display = display;
    }

    /// <summary>SQLite or PostgreSQL.</summary>
    public StoreKind Kind { get; }

    /// <summary>The SQLite file path; for PostgreSQL the Npgsql connection string (secret: may hold a password).</summary>
    private string Target { get; }

    /// <summary>The file path (SQLite only).</summary>
    public string Path => Kind == StoreKind.Sqlite ? Target : throw new InvalidOperationException("not a SQLite store");

    /// <summary>The Npgsql connection string (PostgreSQL only). Holds the password: never print it.</summary>
    public string ConnectionString => Kind == StoreKind.Postgres ? Target : throw new InvalidOperationException("not a PostgreSQL store");

    /// <summary>A description for people: the path, or <c>postgresql://user@host:port/database</c> without password.</summary>
    public string Display { get; }

    /// <inheritdoc/>
    public override string ToString() => Display;

    /// <summary>A SQLite file.</summary>
    public static StoreLocation Sqlite(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new StoreLocation(StoreKind.Sqlite, path, path);
    }

    /// <summary>
    /// Reads the setting. Throws <see cref="StoreUnavailableException"/> (reason
    /// <see cref="StoreProblem.InvalidSetting"/>) for a connection string or URL that cannot be understood; the
    /// message never repeats the setting, which may hold a password.
    /// </summary>
    public static StoreLocation Parse(string setting)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(setting);
        var text = setting.Trim();
        if (text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            return Postgres(FromUrl(text));
        }

        return LooksLikeConnectionString(text) ? Postgres(FromConnectionString(text)) : Sqlite(setting);
    }

    private static StoreLocation Postgres(NpgsqlConnectionStringBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new StoreUnavailableException(StoreProblem.InvalidSetting, "PostgreSQL", "the connection string names no Host");
        }

        // Npgsql keeps the password out of ConnectionString once a connection is open unless told otherwise; the
        // store opens several connections (a pool), so it needs the password kept.
        builder.PersistSecurityInfo = true;
        var user = string.IsNullOrEmpty(builder.Username) ? string.Empty : builder.Username + "@";
        var port = builder.Port == NpgsqlConnection.DefaultPort ? string.Empty : ":" + builder.Port.ToString(CultureInfo.InvariantCulture);
        var database = string.IsNullOrEmpty(builder.Database) ? string.Empty : "/" + builder.Database;
        var schema = string.IsNullOrEmpty(builder.SearchPath) ? string.Empty : $" (search path {builder.SearchPath})";
        return new StoreLocation(StoreKind.Postgres, builder.ConnectionString, $"postgresql://{user}{builder.Host}{port}{database}{schema}");
    }

    /// <summary>A key=value list whose keys include a host: <c>Host=…</c> or <c>Server=…</c>.</summary>
    private static bool LooksLikeConnectionString(string text) =>
        text.Contains('=', StringComparison.Ordinal)
        && text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(part => part.StartsWith("host=", StringComparison.OrdinalIgnoreCase) || part.StartsWith("server=", StringComparison.OrdinalIgnoreCase));

    private static NpgsqlConnectionStringBuilder FromConnectionString(string text)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException exception)
        {
            // The exception names the offending key, never a value.
            throw new StoreUnavailableException(StoreProblem.InvalidSetting, "PostgreSQL", $"the connection string cannot be read: {FirstSentence(exception.Message)}");
        }
    }

    /// <summary>
    /// Turns <c>postgresql://user:password@host:port/database?key=value</c> (the libpq URL form) into an Npgsql
    /// connection string. Query parameters are passed on as Npgsql keywords, with libpq's <c>sslmode</c> and
    /// <c>application_name</c> translated.
    /// </summary>
    private static NpgsqlConnectionStringBuilder FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new StoreUnavailableException(StoreProblem.InvalidSetting, "PostgreSQL", "the postgresql:// URL cannot be read (expected postgresql://user:password@host:port/database)");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']') };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            var keyword = key.ToLowerInvariant() switch
            {
                "sslmode" => "SSL Mode",
                "application_name" => "Application Name",
                "connect_timeout" => "Timeout",
                _ => key,
            };
            try
            {
                builder[keyword] = keyword == "SSL Mode" ? SslMode(value) : value;
            }
            catch (ArgumentException)
            {
                throw new StoreUnavailableException(StoreProblem.InvalidSetting, "PostgreSQL", $"the URL parameter '{key}' is not understood");
            }
        }

        return builder;
    }

    /// <summary>libpq's sslmode values as Npgsql spells them.</summary>
    private static string SslMode(string value) => value.ToLowerInvariant() switch
    {
        "verify-ca" => "VerifyCA",
        "verify-full" => "VerifyFull",
        var other => other,
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
