using Leefkracht.Data.Import.Text;
using Leefkracht.Data.Storage;

namespace Leefkracht.Data.Import.Tables;

/// <summary>
/// Reads every wide table shape: one row per area, one column per indicator. That covers the KWB in all the
/// shapes it comes in (kwb-YYYY short codes, OData keys, StatLine exports with Dutch headers and preambles,
/// names instead of codes, the national 2024 selection) and area-period tables such as the police and health
/// series (a code, a year column and indicator columns).
/// </summary>
/// <remarks>
/// KWB tables define their areas (code, the data year as division, name). Area-period tables only carry
/// values: their codes must already be known, and each value is attached to the division the code belongs to
/// (see <see cref="AreaDirectory.DivisionFor"/>).
/// </remarks>
public sealed class WideTableReader : IImportReader
{
    /// <inheritdoc/>
    public ImportBatch Read(SourceFile file, ImportContext context, CancellationToken cancellationToken)
    {
        var (batch, issues, text) = TableText.Open(file, context, FileKind.Unknown, ImportShape.Of("Shape.UnrecognisedTable"));
        if (text is null || TableLayout.Find(text.Records, context.Catalog, issues) is not { } layout)
        {
            return batch;
        }

        var (kind, shape) = layout.Classify(text.Delimiter);
        var result = new ImportBatch(kind, shape, issues);
        if (layout.Indicators.Count == 0)
        {
            issues.FileError(ImportWords.Reason("Import.NoIndicatorColumn"));
            return result;
        }

        if (layout.CodeColumn is null && layout.NameColumn is null)
        {
            issues.FileError(ImportWords.Reason("Import.NoAreaColumn"));
            return result;
        }

        int? fileYear = null;
        if (layout.PeriodColumn is null)
        {
            fileYear = context.Options.Year ?? layout.PreambleYear ?? TableText.YearFromFileName(file.Name);
            if (fileYear is null)
            {
                issues.FileError(ImportWords.Reason("Import.NoYear"));
                return result;
            }
        }

        new RowReader(context, text, layout, result, fileYear, TableLayout.DefinesAreas(kind)).ReadAll(cancellationToken);
        return result;
    }

    /// <summary>The per-row work, with the state one file needs.</summary>
    private sealed class RowReader(
        ImportContext context,
        TableText text,
        TableLayout layout,
        ImportBatch batch,
        int? fileYear,
        bool definesAreas)
    {
        private readonly IssueLog _issues = batch.Issues;
        private readonly Dictionary<(AreaCode, int), int> _firstLineOfArea = [];
        private readonly Dictionary<int, AreaNameResolver> _resolvers = [];
        private readonly SortedDictionary<(int Period, int Division), int> _attached = [];
        private int _missingCells;
        private int _zerosAsMissing;
        private DivisionPlan? _divisions;

        /// <summary>The division plan of a referring table, made from all its coded rows on first use.</summary>
        private DivisionPlan Divisions => _divisions ??= new DivisionPlan(context.Areas, text.Records
            .Skip(layout.HeaderRecord + 1)
            .Where(r => layout.CodeColumn is { } c && c < r.Fields.Length && AreaCode.TryParse(r.Fields[c], out _))
            .Select(r => (AreaCode.Parse(r.Fields[layout.CodeColumn!.Value]), layout.PeriodColumn is { } p && p < r.Fields.Length ? TableText.ParsePeriod(r.Fields[p]) : fileYear))
            .Where(x => x.Item2 is not null)
            .Select(x => (x.Item1, x.Item2!.Value)));

        public void ReadAll(CancellationToken cancellationToken)
        {
            var records = text.Records;
            var start = SkipUnitRows(records, layout.HeaderRecord + 1);
            for (var r = start; r < records.Count; r++)
            {
                if ((r & 0x3FF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var record = records[r];
                if (record.IsBlank)
                {
                    continue;
                }

                batch.RowsRead++;
                ReadRow(record);
            }

            if (_missingCells > 0)
            {
                _issues.Info(null, null, null, null, ImportWords.Reason("Import.MissingCells", _missingCells));
            }

            if (_zerosAsMissing > 0)
            {
                _issues.Info(null, null, null, null, ImportWords.Reason("Import.ZerosAsMissing", _zerosAsMissing));
            }

            foreach (var ((period, division), count) in _attached.Where(a => a.Key.Period != a.Key.Division))
            {
                _issues.Info(null, null, null, null, ImportWords.Reason("Import.OtherDivision", count, period, division));
            }

            batch.Shape = batch.Shape.And("Shape.IndicatorColumns", layout.Indicators.Count);
        }

        /// <summary>StatLine exports put a row of units ("aantal", "x 1 000 euro") under the header.</summary>
        private int SkipUnitRows(List<CsvRecord> records, int start)
        {
            while (start < records.Count && IsUnitRow(records[start]))
            {
                _issues.Info(records[start].Line, null, null, null, ImportWords.Reason("Import.UnitRow"));
                start++;
            }

            return start;
        }

        private bool IsUnitRow(CsvRecord record) =>
            !record.IsBlank
            && (layout.CodeColumn is not { } c || c >= record.Fields.Length || !AreaCode.TryParse(record.Fields[c], out _))
            && layout.Indicators.All(i => i.Index >= record.Fields.Length || CbsValue.Read(record.Fields[i.Index], out _) != CellKind.Number)
            && layout.Indicators.Any(i => i.Index < record.Fields.Length && !string.IsNullOrWhiteSpace(record.Fields[i.Index]));

        private void ReadRow(CsvRecord record)
        {
            var fields = record.Fields;
            if (record.UnterminatedQuote)
            {
                Reject(record, null, null, ImportWords.Reason("Import.UnterminatedQuote"));
                return;
            }

            // StatLine exports end with "Bron: CBS" (alone, or followed by empty fields).
            if (record.FilledFieldCount <= 1 && !LooksLikeArea(fields[0]))
            {
                _issues.Info(record.Line, null, null, fields[0].Trim(), ImportWords.Reason("Import.Footer"));
                batch.RowsSkipped++;
                return;
            }

            if (fields.Length != layout.Width)
            {
                Reject(record, null, string.Join(text.Delimiter, fields.Take(3)) + (fields.Length > 3 ? "…" : string.Empty),
                    ImportWords.Reason("Import.FieldCount", fields.Length, layout.Width));
                return;
            }

            if (!TryPeriod(record, out var period) || !TryArea(record, period, out var area, out var name))
            {
                return;
            }

            if (!CheckLevel(record, area))
            {
                return;
            }

            if (_firstLineOfArea.TryGetValue((area, period), out var firstLine))
            {
                Reject(record, layout.CodeColumn ?? layout.NameColumn, area.Value,
                    ImportWords.Reason("Import.AreaTwice", area, period, firstLine));
                return;
            }

            _firstLineOfArea[(area, period)] = record.Line;
            int division;
            if (definesAreas)
            {
                division = period;
                batch.Areas.Add(new Area(area, division, name ?? GemeenteName(fields, area)));
            }
            else if ((context.Options.Division ?? Divisions.DivisionFor(area, period)) is { } known)
            {
                division = known;
                if (context.Options.Division is not null && !context.Areas.Contains(new AreaKey(area, known)))
                {
                    Reject(record, layout.CodeColumn, area.Value, ImportWords.Reason("Import.NotInGivenDivision", area, known));
                    return;
                }
            }
            else if (context.Options.SkipAreasOutsideTheStore)
            {
                batch.RowsSkipped++;
                _issues.Warning(record.Line, layout.CodeColumn + 1, layout.CodeColumn is { } c ? layout.Header[c] : null, area.Value, ImportWords.Reason("Import.NotInStoreSkipped", area));
                return;
            }
            else
            {
                Reject(record, layout.CodeColumn, area.Value, ImportWords.Reason("Import.NotInAnyDivision", area));
                return;
            }

            var key = new AreaKey(area, division);
            var stored = 0;
            foreach (var column in layout.Indicators)
            {
                if (ReadValue(record, column, out var value))
                {
                    batch.Observations.Add(new ObservationRecord(key, period, column.Indicator.Id, value));
                    stored++;
                }
            }

            _attached[(period, division)] = _attached.GetValueOrDefault((period, division)) + stored;
        }

        private bool ReadValue(CsvRecord record, IndicatorColumn column, out double value)
        {
            var cell = record.Fields[column.Index];
            switch (CbsValue.Read(cell, out value))
            {
                case CellKind.Missing:
                    _missingCells++;
                    return false;
                case CellKind.Invalid:
                    _issues.Error(record.Line, column.Index + 1, column.Header, cell.Trim(), ImportWords.Reason("Import.NotANumber", Describe(column.Indicator.Unit), column.Indicator.Id));
                    return false;
                case CellKind.Number when value == 0 && column.ZeroMeansMissing:
                    _zerosAsMissing++;
                    return false;
                case CellKind.Number:
                    break;
            }

            value *= column.Scale;
            if (column.Indicator.Range is { } range && !range.Contains(value))
            {
                _issues.Error(record.Line, column.Index + 1, column.Header, cell.Trim(),
                    ImportWords.Reason("Import.OutOfRange", Invariant(range.Minimum), Invariant(range.Maximum), column.Indicator.Id, Describe(column.Indicator.Unit)));
                return false;
            }

            return true;
        }

        private bool TryPeriod(CsvRecord record, out int period)
        {
            if (layout.PeriodColumn is not { } p)
            {
                period = fileYear!.Value;
                return true;
            }

            if (TableText.ParsePeriod(record.Fields[p]) is { } year)
            {
                period = year;
                return true;
            }

            period = 0;
            Reject(record, p, record.Fields[p].Trim(), ImportWords.Reason("Import.NotAYear"));
            return false;
        }

        private bool TryArea(CsvRecord record, int period, out AreaCode area, out string? name)
        {
            name = layout.NameColumn is { } n ? NullIfEmpty(record.Fields[n]) : null;
            if (layout.CodeColumn is { } c)
            {
                if (AreaCode.TryParse(record.Fields[c], out area, out var error))
                {
                    return true;
                }

                if (IsPlaceholderCode(record.Fields[c]))
                {
                    _issues.Info(record.Line, c + 1, layout.Header[c], record.Fields[c].Trim(), ImportWords.Reason("Import.Placeholder"));
                    batch.RowsSkipped++;
                    return false;
                }

                Reject(record, c, record.Fields[c].Trim(), ImportWords.Reason("Import.InvalidCode", error));
                return false;
            }

            area = default;
            if (name is null)
            {
                Reject(record, layout.NameColumn, null, ImportWords.Reason("Import.NoAreaName"));
                return false;
            }

            if (Resolver(record, period, name) is not { } resolver)
            {
                return false;
            }

            if (resolver.Resolve(name, out var note) is { } resolved)
            {
                if (note is not null)
                {
                    _issues.Info(record.Line, layout.NameColumn + 1, layout.Header[layout.NameColumn!.Value], name, ImportWords.Reason("Import.NameResolved", resolved, note));
                }

                area = resolved;
                return true;
            }

            Reject(record, layout.NameColumn, name, ImportWords.Reason("Import.NameUnknown", resolver.Gemeente));
            return false;
        }

        /// <summary>The resolver for a period, set up from --gemeente or from the first row's name.</summary>
        private AreaNameResolver? Resolver(CsvRecord record, int period, string firstName)
        {
            if (_resolvers.TryGetValue(period, out var resolver))
            {
                return resolver;
            }

            AreaCode gemeente;
            string gemeenteName;
            if (context.Options.Gemeente is { } option)
            {
                if (AreaCode.TryParse(option, out var code) && code.Level == AreaLevel.Gemeente)
                {
                    gemeente = code;
                }
                else if (context.Areas.FindGemeenten(option) is [var single])
                {
                    gemeente = single;
                }
                else
                {
                    Reject(record, null, option, ImportWords.Reason("Import.GemeenteOption"));
                    return null;
                }

                gemeenteName = context.Areas.NameOf(new AreaKey(gemeente, context.Areas.DivisionFor(gemeente, period) ?? period)) ?? option;
            }
            else if (context.Areas.FindGemeenten(firstName) is [var single])
            {
                gemeente = single;
                gemeenteName = firstName;
            }
            else
            {
                Reject(record, layout.NameColumn, firstName,
                    ImportWords.Reason("Import.NamesWithoutGemeente"));
                return null;
            }

            resolver = new AreaNameResolver(context.Areas, gemeente, gemeenteName, period);
            _resolvers.Add(period, resolver);
            batch.Shape = batch.Shape.And("Shape.NamesWithin", gemeente.Value);
            return resolver;
        }

        private bool CheckLevel(CsvRecord record, AreaCode area)
        {
            if (layout.LevelColumn is not { } l)
            {
                return true;
            }

            var stated = record.Fields[l].Trim();
            if (stated.Length == 0 || string.Equals(stated, area.Level.ToString(), StringComparison.OrdinalIgnoreCase)
                || (area.Level == AreaLevel.Land && stated.Equals("Nederland", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            Reject(record, l, stated, ImportWords.Reason("Import.LevelMismatch", stated, area, area.Level.ToString().ToLowerInvariant()));
            return false;
        }

        private string? GemeenteName(string[] fields, AreaCode area) =>
            area.Level == AreaLevel.Gemeente && layout.GemeenteNameColumn is { } g ? NullIfEmpty(fields[g]) : null;

        private void Reject(CsvRecord record, int? column, string? value, IssueReason reason)
        {
            batch.RowsRejected++;
            _issues.Error(record.Line, column + 1, column is { } c && c < layout.Header.Length ? layout.Header[c] : null, value, reason);
        }

        private static bool LooksLikeArea(string cell) => AreaCode.TryParse(cell, out _);

        /// <summary>A level prefix, digits and trailing dashes (<c>WK1916--</c>): a row for areas that could not be placed.</summary>
        private static bool IsPlaceholderCode(string cell)
        {
            var text = cell.Trim();
            if (text.Length < 3 || !text.EndsWith('-') || !(text.StartsWith("GM", StringComparison.OrdinalIgnoreCase) || text.StartsWith("WK", StringComparison.OrdinalIgnoreCase) || text.StartsWith("BU", StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            var rest = text[2..].TrimEnd('-');
            return rest.All(char.IsAsciiDigit);
        }

        private static string? NullIfEmpty(string cell) => string.IsNullOrWhiteSpace(cell) ? null : cell.Trim();

        /// <summary>What a unit's values are, in the user's language (the unit's name for units without words).</summary>
        private static string Describe(IndicatorUnit unit) => ImportWords.Words.Find("Unit." + unit) ?? unit.ToString();

        private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
