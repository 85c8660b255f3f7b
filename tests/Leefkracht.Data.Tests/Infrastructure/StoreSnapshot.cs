using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Leefkracht.Data.Tests.Infrastructure;

/// <summary>
/// A logical dump of every row of every table of a SQLite file, to check that an operation changed nothing
/// (rather than assume it).
/// </summary>
internal static class StoreSnapshot
{
    public static string Of(string databasePath, params string[] exceptTables)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new StringBuilder();
        foreach (var table in tables.Where(t => !exceptTables.Contains(t)))
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" LIMIT 0";
            int columns;
            using (var shape = select.ExecuteReader())
            {
                columns = shape.FieldCount;
            }

            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {string.Join(", ", Enumerable.Range(1, columns))}";
            using var reader = select.ExecuteReader();
            var rows = 0;
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    dump.Append(value is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(value, CultureInfo.InvariantCulture)).Append('|');
                }

                dump.Append('\n');
            }

            dump.Insert(0, $"{table}: {rows}\n");
        }

        return dump.ToString();
    }
}
