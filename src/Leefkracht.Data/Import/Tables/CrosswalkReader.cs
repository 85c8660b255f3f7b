using Leefkracht.Data.Import.Text;
using Leefkracht.Data.Storage;

namespace Leefkracht.Data.Import.Tables;

/// <summary>
/// Reads address-weighted crosswalks between divisions in the long form of the VNG "grenswijzigen" matrices:
/// <c>matrix,level,adres_variant,van_jaar,naar_jaar,voor_postcode,naar_code,van_code,aantal_adressen</c>.
/// Codes come without prefix (<c>0363</c>, <c>036301</c>) and get <c>GM</c>/<c>WK</c> from the level.
/// Postcode-to-area rows (<c>voor_postcode</c> TRUE) are skipped: their source is not an area.
/// </summary>
public sealed class CrosswalkReader : IImportReader
{
    private static readonly string[] Required = ["level", "van jaar", "naar jaar", "van code", "naar code", "aantal adressen"];

    /// <inheritdoc/>
    public ImportBatch Read(SourceFile file, ImportContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(context);
        var issues = new IssueLog(file.Name);
        var batch = new ImportBatch(FileKind.Crosswalk, "address-weighted crosswalk (grenswijzigingen)", issues);
        if (TableText.Load(file, issues) is not { } text)
        {
            return batch;
        }

        var headerRecord = text.Records.FirstOrDefault(r => !r.IsBlank);
        var header = headerRecord?.Fields.Select(ColumnName.Normalize).ToList() ?? [];
        var missing = Required.Where(h => !header.Contains(h)).ToList();
        if (headerRecord is null || missing.Count > 0)
        {
            issues.FileError($"not a crosswalk: the header lacks {string.Join(", ", missing)}");
            return batch;
        }

        int Column(string name) => header.IndexOf(name);
        var (level, from, to, fromCode, toCode, addresses) = (Column("level"), Column("van jaar"), Column("naar jaar"), Column("van code"), Column("naar code"), Column("aantal adressen"));
        var variant = Column("adres variant");
        var postcode = Column("voor postcode");
        var skippedPostcode = 0;
        foreach (var record in text.Records.SkipWhile(r => r != headerRecord).Skip(1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (record.IsBlank)
            {
                continue;
            }

            batch.RowsRead++;
            var f = record.Fields;
            if (record.UnterminatedQuote || f.Length != header.Count)
            {
                Reject(batch, record, null, null, record.UnterminatedQuote ? "the file ends inside a quoted field (truncated file?)"
                    : string.Create(CultureInfo.InvariantCulture, $"row has {f.Length} fields but the header has {header.Count}"));
                continue;
            }

            if (postcode >= 0 && f[postcode].Trim().Equals("TRUE", StringComparison.OrdinalIgnoreCase))
            {
                batch.RowsSkipped++;
                skippedPostcode++;
                continue;
            }

            var areaLevel = f[level].Trim().ToLowerInvariant() switch
            {
                "gemeente" => AreaLevel.Gemeente,
                "wijk" => AreaLevel.Wijk,
                "buurt" => AreaLevel.Buurt,
                _ => (AreaLevel?)null,
            };
            if (areaLevel is null)
            {
                Reject(batch, record, level, f[level], "level must be gemeente, wijk or buurt");
                continue;
            }

            if (TableText.ParsePeriod(f[from]) is not { } fromYear || TableText.ParsePeriod(f[to]) is not { } toYear)
            {
                Reject(batch, record, from, $"{f[from]}→{f[to]}", "van_jaar and naar_jaar must be years");
                continue;
            }

            if (!TryCode(f[fromCode], areaLevel.Value, out var source, out var error) || !TryCode(f[toCode], areaLevel.Value, out var target, out error))
            {
                Reject(batch, record, fromCode, $"{f[fromCode]}→{f[toCode]}", $"invalid area code: {error}");
                continue;
            }

            if (CbsValue.Read(f[addresses], out var count) != CellKind.Number || count < 0)
            {
                Reject(batch, record, addresses, f[addresses], "aantal_adressen must be a non-negative number");
                continue;
            }

            batch.CrosswalkLinks.Add(new CrosswalkLink(areaLevel.Value, fromYear, toYear, source, target, count, variant >= 0 ? f[variant].Trim() : "adressen"));
        }

        if (skippedPostcode > 0)
        {
            issues.Info(null, postcode + 1, "voor_postcode", "TRUE", string.Create(CultureInfo.InvariantCulture, $"{skippedPostcode} postcode-to-area rows skipped (their source is a postcode, not an area)"));
        }

        return batch;
    }

    private static bool TryCode(string cell, AreaLevel level, out AreaCode code, out string? error)
    {
        var text = cell.Trim();
        var prefix = level switch
        {
            AreaLevel.Gemeente => "GM",
            AreaLevel.Wijk => "WK",
            _ => "BU",
        };
        return AreaCode.TryParse(text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? text : prefix + text, out code, out error);
    }

    private static void Reject(ImportBatch batch, CsvRecord record, int? column, string? value, string reason)
    {
        batch.RowsRejected++;
        batch.Issues.Error(record.Line, column + 1, null, value, reason);
    }
}
