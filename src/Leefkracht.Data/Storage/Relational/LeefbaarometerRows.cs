using System.Data;
using System.Data.Common;
using Leefkracht.Core.Leefbaarometer;

namespace Leefkracht.Data.Storage.Relational;

/// <summary>
/// Writes and reads the Leefbaarometer's scores and the postcode crosswalk, with one SQL text for both stores: the
/// tables are small (tens of thousands of rows for a national PC4 file), so parameterised upserts inside the
/// import's transaction are fast enough and keep one code path.
/// </summary>
internal static class LeefbaarometerRows
{
    /// <summary>Writes the batch's Leefbaarometer scores and postcode cells; returns (scores written, cells written).</summary>
    public static async Task<(int Scores, int Links)> WriteAsync(DbConnection connection, DbTransaction transaction, StoreBatch batch, long importId, CancellationToken cancellationToken)
    {
        var scores = batch.Leefbaarometer is { } lbm ? await WriteScoresAsync(connection, transaction, lbm, importId, cancellationToken).ConfigureAwait(false) : 0;
        var links = batch.PostcodeLinks is { Count: > 0 } cells ? await WriteLinksAsync(connection, transaction, cells, importId, cancellationToken).ConfigureAwait(false) : 0;
        return (scores, links);
    }

    /// <summary>Every stored score of one kind of unit (optionally one code), oldest import first.</summary>
    public static async Task<IReadOnlyList<StoredLeefbaarometerScore>> LoadScoresAsync(DbConnection connection, LeefbaarometerUnit unit, string? code, CancellationToken cancellationToken)
    {
        await using var command = StoreReads.Command(
            connection,
            "SELECT code, year, edition, reference, lbm, afw, fys, onv, soc, vrz, won, kscore, import_id FROM leefbaarometer "
            + "WHERE unit = @unit AND (@code IS NULL OR code = @code) ORDER BY import_id, code, year",
            ("unit", (int)unit),
            ("code", code));
        ((DbParameter)command.Parameters[1]).DbType = DbType.String;
        var rows = new List<StoredLeefbaarometerScore>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var dimensions = reader.IsDBNull(6) ? null : new LeefbaarometerDimensions(reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9), reader.GetDouble(10));
            int? official = reader.IsDBNull(11) ? null : Convert.ToInt32(reader.GetValue(11), CultureInfo.InvariantCulture);
            var score = new LeefbaarometerScore(unit, reader.GetString(0), reader.GetInt32(1), reader.GetDouble(4), reader.GetDouble(5), dimensions, official);
            rows.Add(new StoredLeefbaarometerScore(score, reader.GetString(2), reader.GetDouble(3), reader.GetInt64(12)));
        }

        return rows;
    }

    /// <summary>The postcode crosswalk cells into one level of division <paramref name="toYear"/> from postcode division <paramref name="fromYear"/>.</summary>
    public static async Task<IReadOnlyList<PostcodeLink>> LoadLinksAsync(DbConnection connection, AreaLevel level, int fromYear, int toYear, CancellationToken cancellationToken)
    {
        await using var command = StoreReads.Command(
            connection,
            "SELECT postcode, to_code, addresses, variant FROM postcode_crosswalk WHERE level = @level AND from_year = @from AND to_year = @to ORDER BY variant, postcode, to_code",
            ("level", (int)level),
            ("from", fromYear),
            ("to", toYear));
        var rows = new List<PostcodeLink>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new PostcodeLink(level, fromYear, toYear, reader.GetString(0), AreaCode.Parse(reader.GetString(1)), reader.GetDouble(2), reader.GetString(3)));
        }

        return rows;
    }

    /// <summary>The (postcode division, area division) pairs the postcode crosswalk holds for a level.</summary>
    public static async Task<IReadOnlyList<(int From, int To)>> LoadLinkYearsAsync(DbConnection connection, AreaLevel level, CancellationToken cancellationToken)
    {
        await using var command = StoreReads.Command(connection, "SELECT DISTINCT from_year, to_year FROM postcode_crosswalk WHERE level = @level ORDER BY from_year, to_year", ("level", (int)level));
        var rows = new List<(int, int)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((reader.GetInt32(0), reader.GetInt32(1)));
        }

        return rows;
    }

    private static async Task<int> WriteScoresAsync(DbConnection connection, DbTransaction transaction, LeefbaarometerBatch batch, long importId, CancellationToken cancellationToken)
    {
        await using var command = StoreReads.Command(
            connection,
            "INSERT INTO leefbaarometer (unit, code, year, edition, reference, lbm, afw, fys, onv, soc, vrz, won, kscore, import_id) "
            + "VALUES (@unit, @code, @year, @edition, @reference, @lbm, @afw, @fys, @onv, @soc, @vrz, @won, @kscore, @import) "
            + "ON CONFLICT (unit, code, year, edition) DO UPDATE SET reference = excluded.reference, lbm = excluded.lbm, afw = excluded.afw, fys = excluded.fys, "
            + "onv = excluded.onv, soc = excluded.soc, vrz = excluded.vrz, won = excluded.won, kscore = excluded.kscore, import_id = excluded.import_id",
            ("unit", 0), ("code", string.Empty), ("year", 0), ("edition", batch.Edition), ("reference", batch.Reference), ("lbm", 0.0), ("afw", 0.0),
            ("fys", 0.0), ("onv", 0.0), ("soc", 0.0), ("vrz", 0.0), ("won", 0.0), ("kscore", 0), ("import", importId));
        command.Transaction = transaction;
        var p = command.Parameters;
        var written = 0;
        foreach (var score in BatchRows.LastPerKey(batch.Scores, s => (s.Unit, s.Code, s.Year)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            p[0].Value = (int)score.Unit;
            p[1].Value = score.Code;
            p[2].Value = score.Year;
            p[5].Value = score.Score;
            p[6].Value = score.Deviation;
            var dimensions = score.Dimensions?.Values;
            for (var d = 0; d < 5; d++)
            {
                p[7 + d].Value = dimensions is null ? DBNull.Value : dimensions[d];
                p[7 + d].DbType = DbType.Double;
            }

            p[12].Value = score.OfficialClass is { } official ? official : DBNull.Value;
            p[12].DbType = DbType.Int32;
            written += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    private static async Task<int> WriteLinksAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PostcodeLink> links, long importId, CancellationToken cancellationToken)
    {
        await using var command = StoreReads.Command(
            connection,
            "INSERT INTO postcode_crosswalk (level, variant, from_year, to_year, postcode, to_code, addresses, import_id) "
            + "VALUES (@level, @variant, @from, @to, @postcode, @code, @addresses, @import) "
            + "ON CONFLICT (level, variant, from_year, to_year, postcode, to_code) DO UPDATE SET addresses = excluded.addresses, import_id = excluded.import_id",
            ("level", 0), ("variant", string.Empty), ("from", 0), ("to", 0), ("postcode", string.Empty), ("code", string.Empty), ("addresses", 0.0), ("import", importId));
        command.Transaction = transaction;
        var p = command.Parameters;
        var written = 0;
        foreach (var link in BatchRows.LastPerKey(links, l => (l.Level, l.Variant, l.FromYear, l.ToYear, l.Postcode, l.To)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            p[0].Value = (int)link.Level;
            p[1].Value = link.Variant;
            p[2].Value = link.FromYear;
            p[3].Value = link.ToYear;
            p[4].Value = link.Postcode;
            p[5].Value = link.To.Value;
            p[6].Value = link.Addresses;
            written += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return written;
    }
}
