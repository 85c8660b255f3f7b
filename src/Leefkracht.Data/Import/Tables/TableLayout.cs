using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import.Text;

namespace Leefkracht.Data.Import.Tables;

/// <summary>An indicator column: where it is, what it maps to and how its values convert.</summary>
internal sealed record IndicatorColumn(int Index, string Header, IndicatorDefinition Indicator, double Scale, bool ZeroMeansMissing = false);

/// <summary>
/// What a header row says about a table: which column holds codes, names, levels, periods and which
/// indicator each other column carries.
/// </summary>
internal sealed class TableLayout
{
    private const int HeaderSearchDepth = 30;

    public required int HeaderRecord { get; init; }

    public required string[] Header { get; init; }

    public int? CodeColumn { get; init; }

    public int? NameColumn { get; init; }

    public int? LevelColumn { get; init; }

    public int? PeriodColumn { get; init; }

    public int? GemeenteNameColumn { get; init; }

    public int? IndicatorNameColumn { get; init; }

    public int? ValueColumn { get; init; }

    public required List<IndicatorColumn> Indicators { get; init; }

    /// <summary>A year stated in the preamble (StatLine title lines such as "Kerncijfers wijken en buurten 2015").</summary>
    public int? PreambleYear { get; init; }

    public int Width => Header.Length;

    /// <summary>KWB tables define the areas of their year's division; other tables only refer to known areas.</summary>
    public static bool DefinesAreas(FileKind kind) => kind is FileKind.KwbShortCodes or FileKind.KwbOData or FileKind.KwbStatLine or FileKind.KwbSelection;

    /// <summary>Names the shape of a wide table from its header, for the report and for choosing the import order.</summary>
    public (FileKind Kind, ImportShape Shape) Classify(char delimiter)
    {
        var headers = Header.Select(ColumnName.Normalize).ToHashSet(StringComparer.Ordinal);
        if (headers.Contains("gwb code 10") || headers.Contains("gwb code"))
        {
            var shortCodes = ImportShape.Of("Shape.KwbShortCodes").Separated(delimiter);
            return (FileKind.KwbShortCodes, PeriodColumn is null ? shortCodes : shortCodes.And("Shape.OneRowPerAreaAndYear"));
        }

        if (headers.Contains("wijkenenbuurten") || headers.Contains("codering 3"))
        {
            return (FileKind.KwbOData, ImportShape.Of("Shape.KwbOData").Separated(delimiter));
        }

        if (headers.Contains("code") && headers.Contains("level") && headers.Contains("name"))
        {
            return (FileKind.KwbSelection, ImportShape.Of("Shape.KwbSelection").Separated(delimiter));
        }

        if (NameColumn is not null)
        {
            var export = WithPreamble(ImportShape.Of("Shape.StatLineExport").Separated(delimiter));
            return (FileKind.KwbStatLine, CodeColumn is null ? export.And("Shape.NamesInsteadOfCodes") : export);
        }

        return PeriodColumn is not null
            ? (FileKind.AreaPeriodTable, ImportShape.Of("Shape.AreaPeriodTable").Separated(delimiter))
            : (FileKind.KwbStatLine, WithPreamble(ImportShape.Of("Shape.CodedTable").Separated(delimiter)));
    }

    private ImportShape WithPreamble(ImportShape shape) => HeaderRecord > 0 ? shape.And("Shape.Preamble", HeaderRecord) : shape;

    /// <summary>
    /// Finds the header among the first records: the row that names the most known columns (indicators
    /// and structural columns) and has at least one indicator, or (for long tables) an indicator and a value column.
    /// </summary>
    public static TableLayout? Find(List<CsvRecord> records, CatalogDocument catalog, IssueLog issues)
    {
        var bestIndex = -1;
        var bestScore = 0;
        for (var i = 0; i < Math.Min(records.Count, HeaderSearchDepth); i++)
        {
            var fields = records[i].Fields;
            if (fields.Length < 2)
            {
                continue;
            }

            var indicators = fields.Count(f => catalog.Catalog.TryResolveColumn(f, out _));
            var structural = fields.Count(f => StructuralColumns.RoleOf(f) != ColumnRole.None);
            var longTable = fields.Any(f => StructuralColumns.RoleOf(f) == ColumnRole.Value);
            var score = indicators + (2 * structural);
            if ((indicators > 0 || longTable) && score > bestScore)
            {
                (bestIndex, bestScore) = (i, score);
            }
        }

        if (bestIndex < 0)
        {
            var first = records.FirstOrDefault(r => !r.IsBlank);
            issues.Error(
                first?.Line,
                null,
                null,
                first is null ? null : string.Join(",", first.Fields.Take(6)),
                ImportWords.Reason("Import.NoHeader", HeaderSearchDepth));
            return null;
        }

        return Analyse(records, bestIndex, catalog, issues);
    }

    private static TableLayout Analyse(List<CsvRecord> records, int headerIndex, CatalogDocument catalog, IssueLog issues)
    {
        var header = records[headerIndex].Fields.Select(f => f.Trim()).ToArray();
        var headerLine = records[headerIndex].Line;
        var roles = new Dictionary<ColumnRole, int>();
        var indicators = new List<IndicatorColumn>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < header.Length; c++)
        {
            var column = header[c];
            if (column.Length == 0)
            {
                issues.Info(headerLine, c + 1, null, null, ImportWords.Reason("Import.UnnamedColumn"));
                continue;
            }

            // The first column of a structural role is the one read; a second one is noted and ignored.
            var role = StructuralColumns.RoleOf(column);
            if (role != ColumnRole.None)
            {
                if (!roles.TryAdd(role, c))
                {
                    issues.Info(headerLine, c + 1, column, null, ImportWords.Reason("Import.DuplicateRole"));
                }

                continue;
            }

            if (catalog.Catalog.TryResolveColumn(column, out var alias))
            {
                var indicator = catalog.Catalog[alias.IndicatorId];
                if (seen.TryGetValue(indicator.Id, out var first))
                {
                    issues.Warning(headerLine, c + 1, column, null, ImportWords.Reason("Import.DuplicateIndicator", indicator.Id, first + 1, header[first]));
                    continue;
                }

                seen.Add(indicator.Id, c);
                indicators.Add(new IndicatorColumn(c, column, indicator, alias.Scale, alias.ZeroMeansMissing));
            }
            else if (catalog.IgnoreReason(column) is { } reason)
            {
                issues.Info(headerLine, c + 1, column, null, ImportWords.Reason("Import.NotImported", reason));
            }
            else
            {
                issues.Warning(headerLine, c + 1, column, null, ImportWords.Reason("Import.UnknownColumn"));
            }
        }

        // A StatLine export whose first header cell is empty keeps the area names in that column.
        if (!roles.ContainsKey(ColumnRole.Code) && !roles.ContainsKey(ColumnRole.Name) && header[0].Length == 0)
        {
            roles[ColumnRole.Name] = 0;
        }

        int? Column(ColumnRole role) => roles.TryGetValue(role, out var index) ? index : null;

        return new TableLayout
        {
            HeaderRecord = headerIndex,
            Header = header,
            CodeColumn = Column(ColumnRole.Code),
            NameColumn = Column(ColumnRole.Name),
            LevelColumn = Column(ColumnRole.Level),
            PeriodColumn = Column(ColumnRole.Period),
            GemeenteNameColumn = Column(ColumnRole.GemeenteName),
            IndicatorNameColumn = Column(ColumnRole.Indicator),
            ValueColumn = Column(ColumnRole.Value),
            Indicators = indicators,
            PreambleYear = records.Take(headerIndex)
                .SelectMany(r => r.Fields)
                .Select(TableText.YearIn)
                .FirstOrDefault(y => y is not null),
        };
    }
}
