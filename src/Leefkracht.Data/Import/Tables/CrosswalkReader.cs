using Leefkracht.Data.Import.Text;
using Leefkracht.Data.Storage;

namespace Leefkracht.Data.Import.Tables;

/// <summary>
/// Reads address-weighted crosswalks between divisions in the long form of the VNG "grenswijzigen" matrices:
/// <c>matrix,level,adres_variant,van_jaar,naar_jaar,voor_postcode,naar_code,van_code,aantal_adressen</c>.
/// Codes come without prefix (<c>0363</c>, <c>036301</c>) and get <c>GM</c>/<c>WK</c> from the level.
/// Postcode-to-area rows (<c>voor_postcode</c> TRUE: addresses of a PC4 area per gemeente or wijk) are kept as a
/// postcode crosswalk, which carries scores published per PC4 (the Leefbaarometer) to our areas.
/// </summary>
public sealed class CrosswalkReader : IImportReader
{
    private static readonly string[] Required = ["level", "van jaar", "naar jaar", "van code", "naar code", "aantal adressen"];

    /// <inheritdoc/>
    public ImportBatch Read(SourceFile file, ImportContext context, CancellationToken cancellationToken)
    {
        var (batch, issues, text) = TableText.Open(file, context, FileKind.Crosswalk, ImportShape.Of("Shape.Crosswalk"));
        if (text is null)
        {
            return batch;
        }

        var (headerRecord, header) = text.PlainHeader();
        var missing = Required.Where(h => !header.Contains(h)).ToList();
        if (headerRecord is null || missing.Count > 0)
        {
            issues.FileError(ImportWords.Reason("Import.NotCrosswalk", string.Join(", ", missing)));
            return batch;
        }

        int Column(string name) => header.IndexOf(name);
        var (level, from, to, fromCode, toCode, addresses) = (Column("level"), Column("van jaar"), Column("naar jaar"), Column("van code"), Column("naar code"), Column("aantal adressen"));
        var variant = Column("adres variant");
        var postcode = Column("voor postcode");
        var postcodeLinks = 0;
        foreach (var record in TableText.Rows(text.Records.SkipWhile(r => r != headerRecord).Skip(1), batch, cancellationToken))
        {
            var f = record.Fields;
            if (record.UnterminatedQuote || f.Length != header.Count)
            {
                Reject(batch, record, null, null, record.UnterminatedQuote ? ImportWords.Reason("Import.UnterminatedQuote")
                    : ImportWords.Reason("Import.FieldCountShort", f.Length, header.Count));
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
                Reject(batch, record, level, f[level], ImportWords.Reason("Import.CrosswalkLevel"));
                continue;
            }

            if (TableText.ParsePeriod(f[from]) is not { } fromYear || TableText.ParsePeriod(f[to]) is not { } toYear)
            {
                Reject(batch, record, from, $"{f[from]}→{f[to]}", ImportWords.Reason("Import.CrosswalkYears"));
                continue;
            }

            var isPostcode = postcode >= 0 && f[postcode].Trim().Equals("TRUE", StringComparison.OrdinalIgnoreCase);
            if (isPostcode)
            {
                if (ReadPostcodeLink(batch, record, (level, fromCode, toCode, addresses), areaLevel.Value, (fromYear, toYear), variant) is { } link)
                {
                    batch.PostcodeLinks.Add(link);
                    postcodeLinks++;
                }

                continue;
            }

            if (!TryCode(f[fromCode], areaLevel.Value, out var source, out var error) || !TryCode(f[toCode], areaLevel.Value, out var target, out error))
            {
                Reject(batch, record, fromCode, $"{f[fromCode]}→{f[toCode]}", ImportWords.Reason("Import.InvalidCode", error));
                continue;
            }

            if (CbsValue.Read(f[addresses], out var count) != CellKind.Number || count < 0)
            {
                Reject(batch, record, addresses, f[addresses], ImportWords.Reason("Import.CrosswalkAddresses"));
                continue;
            }

            batch.CrosswalkLinks.Add(new CrosswalkLink(areaLevel.Value, fromYear, toYear, source, target, count, variant >= 0 ? f[variant].Trim() : "adressen"));
        }

        if (postcodeLinks > 0)
        {
            issues.Info(null, postcode + 1, "voor_postcode", "TRUE", ImportWords.Reason("Import.PostcodeLinks", postcodeLinks));
        }

        return batch;
    }

    private static PostcodeLink? ReadPostcodeLink(ImportBatch batch, CsvRecord record, (int Level, int From, int To, int Addresses) columns, AreaLevel level, (int From, int To) years, int variant)
    {
        var f = record.Fields;
        var postcode = f[columns.From].Trim();
        if (postcode.Length != 4 || !postcode.All(char.IsAsciiDigit) || postcode[0] == '0')
        {
            Reject(batch, record, columns.From, postcode, ImportWords.Reason("Import.PostcodeCode"));
            return null;
        }

        if (level is not (AreaLevel.Gemeente or AreaLevel.Wijk))
        {
            Reject(batch, record, columns.Level, f[columns.Level], ImportWords.Reason("Import.PostcodeLevel"));
            return null;
        }

        if (!TryCode(f[columns.To], level, out var target, out var error))
        {
            Reject(batch, record, columns.To, f[columns.To], ImportWords.Reason("Import.InvalidCode", error));
            return null;
        }

        if (CbsValue.Read(f[columns.Addresses], out var count) != CellKind.Number || count < 0)
        {
            Reject(batch, record, columns.Addresses, f[columns.Addresses], ImportWords.Reason("Import.CrosswalkAddresses"));
            return null;
        }

        return new PostcodeLink(level, years.From, years.To, postcode, target, count, variant >= 0 ? f[variant].Trim() : "adressen");
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

    private static void Reject(ImportBatch batch, CsvRecord record, int? column, string? value, IssueReason reason)
    {
        batch.RowsRejected++;
        batch.Issues.Error(record.Line, column + 1, null, value, reason);
    }
}
