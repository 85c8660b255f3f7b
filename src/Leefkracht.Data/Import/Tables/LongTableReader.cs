using Leefkracht.Data.Import.Text;
using Leefkracht.Data.Storage;

namespace Leefkracht.Data.Import.Tables;

/// <summary>
/// Reads long tables <c>area_code,year,indicator,value</c> (police, health, surveys, anything else). The
/// indicator column holds catalog ids or any alias the catalog knows. Codes must already be known; values are
/// attached to the division the code belongs to (or to <see cref="ImportOptions.Division"/>).
/// </summary>
public sealed class LongTableReader : IImportReader
{
    /// <inheritdoc/>
    public ImportBatch Read(SourceFile file, ImportContext context, CancellationToken cancellationToken)
    {
        var (batch, issues, text) = TableText.Open(file, context, FileKind.LongTable, ImportShape.Of("Shape.LongTable"));
        if (text is null || TableLayout.Find(text.Records, context.Catalog, issues) is not { } layout)
        {
            return batch;
        }

        if (layout.CodeColumn is not { } codeColumn || layout.IndicatorNameColumn is not { } indicatorColumn || layout.ValueColumn is not { } valueColumn)
        {
            issues.FileError(ImportWords.Reason("Import.LongColumns"));
            return batch;
        }

        var fileYear = layout.PeriodColumn is null ? context.Options.Year ?? TableText.YearFromFileName(file.Name) : null;
        if (layout.PeriodColumn is null && fileYear is null)
        {
            issues.FileError(ImportWords.Reason("Import.LongYear"));
            return batch;
        }

        batch.Shape = batch.Shape.Separated(text.Delimiter);
        var seen = new Dictionary<(AreaCode, int, string), int>();
        var divisions = new DivisionPlan(context.Areas, text.Records.Skip(layout.HeaderRecord + 1)
            .Where(r => r.Fields.Length == layout.Width && AreaCode.TryParse(r.Fields[codeColumn], out _))
            .Select(r => (AreaCode.Parse(r.Fields[codeColumn]), layout.PeriodColumn is { } pc ? TableText.ParsePeriod(r.Fields[pc]) : fileYear))
            .Where(x => x.Item2 is not null)
            .Select(x => (x.Item1, x.Item2!.Value)));
        foreach (var record in TableText.Rows(text.Records.Skip(layout.HeaderRecord + 1), batch, cancellationToken))
        {
            var fields = record.Fields;
            if (record.UnterminatedQuote || fields.Length != layout.Width)
            {
                Reject(batch, record, null, null, record.UnterminatedQuote
                    ? ImportWords.Reason("Import.UnterminatedQuote")
                    : ImportWords.Reason("Import.FieldCount", fields.Length, layout.Width), layout);
                continue;
            }

            if (!AreaCode.TryParse(fields[codeColumn], out var code, out var codeError))
            {
                Reject(batch, record, codeColumn, fields[codeColumn], ImportWords.Reason("Import.InvalidCode", codeError), layout);
                continue;
            }

            int period;
            if (layout.PeriodColumn is { } p)
            {
                if (TableText.ParsePeriod(fields[p]) is not { } year)
                {
                    Reject(batch, record, p, fields[p], ImportWords.Reason("Import.NotAYear"), layout);
                    continue;
                }

                period = year;
            }
            else
            {
                period = fileYear!.Value;
            }

            if (!context.Catalog.Catalog.TryResolveColumn(fields[indicatorColumn], out var alias))
            {
                Reject(batch, record, indicatorColumn, fields[indicatorColumn], ImportWords.Reason("Import.UnknownIndicator"), layout);
                continue;
            }

            var indicator = context.Catalog.Catalog[alias.IndicatorId];
            var division = context.Options.Division ?? divisions.DivisionFor(code, period);
            if (division is null || !context.Areas.Contains(new AreaKey(code, division.Value)))
            {
                Reject(batch, record, codeColumn, code.Value, context.Options.Division is { } d ? ImportWords.Reason("Import.NotInGivenDivision", code, d) : ImportWords.Reason("Import.NotInAnyDivision", code), layout);
                continue;
            }

            if (seen.TryGetValue((code, period, indicator.Id), out var firstLine))
            {
                Reject(batch, record, indicatorColumn, indicator.Id, ImportWords.Reason("Import.ValueTwice", indicator.Id, code, period, firstLine), layout);
                continue;
            }

            seen[(code, period, indicator.Id)] = record.Line;
            switch (CbsValue.Read(fields[valueColumn], out var value))
            {
                case CellKind.Missing:
                    batch.RowsSkipped++;
                    issues.Info(record.Line, valueColumn + 1, layout.Header[valueColumn], fields[valueColumn].Trim(), ImportWords.Reason("Import.MissingValue"));
                    continue;
                case CellKind.Invalid:
                    Reject(batch, record, valueColumn, fields[valueColumn], ImportWords.Reason("Import.NotANumberOf", indicator.Id), layout);
                    continue;
                case CellKind.Number:
                    break;
            }

            value *= alias.Scale;
            if (indicator.Range is { } range && !range.Contains(value))
            {
                Reject(batch, record, valueColumn, fields[valueColumn], ImportWords.Reason("Import.OutOfRangeOf", range.Minimum.ToString(CultureInfo.InvariantCulture), range.Maximum.ToString(CultureInfo.InvariantCulture), indicator.Id), layout);
                continue;
            }

            batch.Observations.Add(new ObservationRecord(new AreaKey(code, division.Value), period, indicator.Id, value));
        }

        return batch;
    }

    private static void Reject(ImportBatch batch, CsvRecord record, int? column, string? value, IssueReason reason, TableLayout layout)
    {
        batch.RowsRejected++;
        batch.Issues.Error(record.Line, column + 1, column is { } c ? layout.Header[c] : null, value?.Trim(), reason);
    }
}
