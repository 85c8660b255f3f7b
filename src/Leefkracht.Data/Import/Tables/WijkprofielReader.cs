using Leefkracht.Data.Import.Text;
using Leefkracht.Data.Storage;

namespace Leefkracht.Data.Import.Tables;

/// <summary>
/// Reads the Rotterdam Wijkprofiel "datastructuur" sheets (one CSV per sheet, as Gemeente Rotterdam OBI
/// publishes them): the social, physical and safety index per Rotterdam wijk, imported as external scores so
/// that Leefkracht's index can be compared with the city's own.
/// </summary>
/// <remarks>
/// The layout: line 1 holds the year in its second cell (<c>,2016,in hoefijzer = 1,…</c>), line 2 the variable
/// codes (<c>naam gebied (voormalig deelgemeente),wijknr,BUURT85,SI,SIs,SIo,…</c>), line 3 their Dutch labels,
/// and the data start on line 4. Only the index columns the catalog knows (theme <c>wijkprofiel</c>: SI, SIs, SIo,
/// FI, FIs, FIo, VI, VIs, VIo) are imported; the survey items and sub-indices are not indicators of ours.
/// Rotterdam's wijken (numbers below 1000) are CBS buurten of Rotterdam: each is found by its name, else by its
/// number (the last two digits of the CBS buurt code, BU0599xx<b>71</b> for wijk 71 Tarwewijk). Numbers from 1000 up
/// are Rotterdam's own groupings (halves or combinations of CBS buurten, gebieden, the city) and are skipped with
/// a note. Index 100 is the Rotterdam average of 2014.
/// </remarks>
public sealed class WijkprofielReader : IImportReader
{
    private static readonly AreaCode Rotterdam = AreaCode.Parse("GM0599");

    /// <summary>Whether the records look like a Wijkprofiel sheet: line 2 starts with the gebied, wijk number and BUURT85 columns.</summary>
    public static bool Recognises(IReadOnlyList<CsvRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count < 3 || records[1].Fields.Length < 4)
        {
            return false;
        }

        var header = records[1].Fields;
        return ColumnName.Normalize(header[0]).StartsWith("naam gebied", StringComparison.Ordinal)
            && ColumnName.Normalize(header[1]) == "wijknr"
            && ColumnName.Normalize(header[2]) == "buurt85";
    }

    /// <inheritdoc/>
    public ImportBatch Read(SourceFile file, ImportContext context, CancellationToken cancellationToken)
    {
        var (batch, issues, text) = TableText.Open(file, context, FileKind.ExternalScores, ImportShape.Of("Shape.Wijkprofiel"));
        if (text is null)
        {
            return batch;
        }

        var records = text.Records;
        if (!Recognises(records))
        {
            issues.FileError(ImportWords.Reason("Import.NotWijkprofiel"));
            return batch;
        }

        var yearCell = records[0].Fields.Length > 1 ? records[0].Fields[1].Trim() : string.Empty;
        var period = context.Options.Year ?? TableText.ParsePeriod(yearCell);
        if (period is null)
        {
            issues.Error(records[0].Line, 2, null, yearCell, ImportWords.Reason("Import.WijkprofielYear"));
            return batch;
        }

        var header = records[1].Fields.Select(f => f.Trim()).ToArray();
        var columns = IndexColumns(header, context, issues, records[1].Line);
        if (columns.Count == 0)
        {
            issues.FileError(ImportWords.Reason("Import.WijkprofielNoIndex"));
            return batch;
        }

        batch.Shape = ImportShape.Of("Shape.WijkprofielOf", period.Value.ToString(CultureInfo.InvariantCulture))
            .Separated(text.Delimiter)
            .And("Shape.IndexColumns", columns.Count, string.Join(", ", columns.Select(c => c.Header)));
        var gemeente = Rotterdam;
        var skippedAggregates = 0;
        foreach (var record in TableText.Rows(records.Skip(3), batch, cancellationToken))
        {
            if (record.Fields.Length != header.Length)
            {
                Reject(batch, record, null, null, ImportWords.Reason("Import.FieldCountShort", record.Fields.Length, header.Length));
                continue;
            }

            var numberCell = record.Fields[1].Trim();
            var name = record.Fields[2].Trim();
            if (!int.TryParse(numberCell, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                Reject(batch, record, 2, numberCell, ImportWords.Reason("Import.WijkNumber"));
                continue;
            }

            if (number >= 1000)
            {
                // Gebieden (4000s), the city (5000) and Rotterdam's own splits and combinations of CBS buurten.
                batch.RowsSkipped++;
                skippedAggregates++;
                issues.Info(record.Line, 2, header[1], $"{number} {name}", ImportWords.Reason("Import.WijkprofielGrouping"));
                continue;
            }

            if (Resolve(context.Areas, gemeente, name, number, period.Value, out var note) is not { } code)
            {
                Reject(batch, record, 3, name, ImportWords.Reason("Import.WijkprofielBuurtUnknown", gemeente, name, number.ToString("00", CultureInfo.InvariantCulture)));
                continue;
            }

            if (note is not null)
            {
                issues.Info(record.Line, 3, header[2], name, ImportWords.Reason("Import.NameResolved", code, note));
            }

            var key = new AreaKey(code, context.Options.Division ?? context.Areas.DivisionFor(code, period.Value)!.Value);
            foreach (var column in columns)
            {
                var cell = record.Fields[column.Index];
                switch (CbsValue.Read(cell, out var value))
                {
                    case CellKind.Number when column.Indicator.Range?.Contains(value) != false:
                        batch.Observations.Add(new ObservationRecord(key, period.Value, column.Indicator.Id, value * column.Scale));
                        break;
                    case CellKind.Number:
                        issues.Error(record.Line, column.Index + 1, column.Header, cell.Trim(), ImportWords.Reason("Import.OutOfRangeIndex", column.Indicator.Id));
                        break;
                    case CellKind.Invalid:
                        issues.Error(record.Line, column.Index + 1, column.Header, cell.Trim(), ImportWords.Reason("Import.NotAnIndex", column.Indicator.Id));
                        break;
                    case CellKind.Missing:
                        break;
                }
            }
        }

        if (skippedAggregates > 0)
        {
            batch.Shape = batch.Shape.And("Shape.GroupingsSkipped", skippedAggregates);
        }

        return batch;
    }

    private static List<IndicatorColumn> IndexColumns(string[] header, ImportContext context, IssueLog issues, int line)
    {
        var columns = new List<IndicatorColumn>();
        var others = 0;
        for (var c = 3; c < header.Length; c++)
        {
            if (context.Catalog.Catalog.TryResolveColumn(header[c], out var alias) && context.Catalog.Catalog[alias.IndicatorId] is { Theme: "wijkprofiel" } indicator)
            {
                if (columns.All(existing => existing.Indicator.Id != indicator.Id))
                {
                    columns.Add(new IndicatorColumn(c, header[c], indicator, alias.Scale));
                }
            }
            else
            {
                others++;
            }
        }

        if (others > 0)
        {
            issues.Info(line, null, null, null, ImportWords.Reason("Import.WijkprofielOthers", others));
        }

        return columns;
    }

    private static AreaCode? Resolve(AreaDirectory areas, AreaCode gemeente, string name, int number, int period, out string? note)
    {
        note = null;
        if (areas.ResolveName(name, AreaLevel.Buurt, gemeente, period) is { } byName)
        {
            return byName.Code;
        }

        var suffix = number.ToString("00", CultureInfo.InvariantCulture);
        var byNumber = areas.CodesWithin(gemeente, AreaLevel.Buurt).Where(code => code.Value.EndsWith(suffix, StringComparison.Ordinal)).ToList();
        if (byNumber.Count == 1)
        {
            note = ImportWords.Words.Format("Note.BuurtByNumber", byNumber[0], areas.LatestNameOf(byNumber[0]));
            return byNumber[0];
        }

        return null;
    }

    private static void Reject(ImportBatch batch, CsvRecord record, int? column, string? value, IssueReason reason)
    {
        batch.RowsRejected++;
        batch.Issues.Error(record.Line, column, null, value, reason);
    }
}
