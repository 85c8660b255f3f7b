using System.Data.Common;

namespace Leefkracht.Data.Storage.Relational;

/// <summary>
/// Writes the provenance row of an import, the same SQL for both stores: inserted first with zero counts (so the
/// values can refer to it), then given the counts of what was written.
/// </summary>
internal static class ImportRows
{
    /// <summary>Inserts the provenance row and returns its id. <paramref name="importedAt"/> is in the store's own form of a moment.</summary>
    public static async Task<long> InsertAsync(DbConnection connection, DbTransaction transaction, ImportProvenance provenance, object importedAt, CancellationToken cancellationToken)
    {
        await using var command = StoreReads.Command(
            connection,
            "INSERT INTO imports (file_name, sha256, kind, shape, imported_at, size_bytes, rows_read, rows_stored, rows_skipped, rows_rejected, "
            + "areas_stored, values_stored, values_replaced, boundaries_stored, links_stored, errors, warnings, report_json) "
            + "VALUES (@f, @sha, @kind, @shape, @at, @size, @read, @stored, @skipped, @rejected, 0, 0, 0, 0, 0, @errors, @warnings, @report) RETURNING id",
            ("f", provenance.FileName),
            ("sha", provenance.Sha256),
            ("kind", provenance.Kind),
            ("shape", provenance.Shape),
            ("at", importedAt),
            ("size", provenance.SizeBytes),
            ("read", provenance.RowsRead),
            ("stored", provenance.RowsStored),
            ("skipped", provenance.RowsSkipped),
            ("rejected", provenance.RowsRejected),
            ("errors", provenance.Errors),
            ("warnings", provenance.Warnings),
            ("report", provenance.ReportJson));
        command.Transaction = transaction;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Records what the import wrote.</summary>
    public static async Task UpdateCountsAsync(DbConnection connection, DbTransaction transaction, long importId, WrittenCounts counts, CancellationToken cancellationToken)
    {
        await using var command = StoreReads.Command(
            connection,
            "UPDATE imports SET areas_stored = @a, values_stored = @v, values_replaced = @r, boundaries_stored = @b, links_stored = @l WHERE id = @id",
            ("a", counts.Areas),
            ("v", counts.Values),
            ("r", counts.ValuesReplaced),
            ("b", counts.Boundaries),
            ("l", counts.Links),
            ("id", importId));
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>What one import wrote: rows inserted or changed per table (equal rows left alone do not count).</summary>
internal readonly record struct WrittenCounts(int Areas, int Values, int ValuesReplaced, int Boundaries, int Links);
