using Leefkracht.Core.Leefbaarometer;
using Leefkracht.Data.Import.Text;
using Leefkracht.Data.Storage;

namespace Leefkracht.Data.Import.Tables;

/// <summary>
/// Reads the Leefbaarometer's open-data score files (Ministerie van BZK): one row per unit and year with the unit's
/// code (<c>PC4</c>, <c>bu_code</c>, <c>wk_code</c>, <c>gm_code</c> or <c>grid_id</c>), <c>jaar</c>, the score
/// <c>lbm</c>, its deviation <c>afw</c> and, where published, the five dimension contributions
/// <c>fys, onv, soc, vrz, won</c> and the official class <c>kscore</c>. The scores are kept as external scores,
/// never turned into indicators: they are shown beside our index, not used in it.
/// </summary>
/// <remarks>
/// A file holds one edition: <c>lbm − afw</c> is its fixed national reference and must be one constant over the
/// whole file (within <see cref="LeefbaarometerEdition.Tolerance"/>), otherwise the file is refused, because
/// two scales would be mixed. Where the dimensions are given they must add up to <c>afw</c>.
/// </remarks>
public sealed class LeefbaarometerReader : IImportReader
{
    /// <summary>How far the dimensions may miss <c>afw</c> before a warning (published values carry 15 digits; rounded files 3–4).</summary>
    private const double DimensionTolerance = 1e-3;

    private static readonly (string Header, LeefbaarometerUnit Unit)[] UnitColumns =
    [
        ("pc4", LeefbaarometerUnit.Postcode), ("postcode", LeefbaarometerUnit.Postcode), ("bu code", LeefbaarometerUnit.Buurt),
        ("wk code", LeefbaarometerUnit.Wijk), ("gm code", LeefbaarometerUnit.Gemeente), ("grid id", LeefbaarometerUnit.Grid),
    ];

    /// <summary>Whether a (normalised) header is a Leefbaarometer score file: a unit column, <c>jaar</c>, <c>lbm</c> and <c>afw</c>.</summary>
    public static bool Recognises(IReadOnlySet<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Contains("lbm") && header.Contains("afw") && header.Contains("jaar") && UnitColumns.Any(u => header.Contains(u.Header));
    }

    /// <inheritdoc/>
    public ImportBatch Read(SourceFile file, ImportContext context, CancellationToken cancellationToken)
    {
        var (batch, issues, text) = TableText.Open(file, context, FileKind.Leefbaarometer, ImportShape.Of("Shape.Leefbaarometer"));
        if (text is null)
        {
            return batch;
        }

        var (headerRecord, header) = text.PlainHeader();
        if (headerRecord is null || !Recognises(header.ToHashSet(StringComparer.Ordinal)))
        {
            issues.FileError(ImportWords.Reason("Import.NotLeefbaarometer"));
            return batch;
        }

        var units = UnitColumns.Where(u => header.Contains(u.Header)).ToList();
        if (units.Select(u => u.Unit).Distinct().Count() > 1)
        {
            issues.FileError(ImportWords.Reason("Import.LbmUnits", string.Join(", ", units.Select(u => u.Header.Replace(' ', '_')))));
            return batch;
        }

        var (unitHeader, unit) = units[0];
        var columns = new Columns(header.IndexOf(unitHeader), header.IndexOf("jaar"), header.IndexOf("lbm"), header.IndexOf("afw"), [.. LeefbaarometerDimensions.ShortNames.Select(name => header.IndexOf(name))], header.IndexOf("kscore"), [.. headerRecord.Fields.Select(f => f.Trim())]);
        if (columns.Dimensions.Any(c => c >= 0) && columns.Dimensions.Any(c => c < 0))
        {
            issues.FileError(ImportWords.Reason("Import.LbmDimensions", string.Join(", ", LeefbaarometerDimensions.ShortNames.Where((_, d) => columns.Dimensions[d] < 0))));
            return batch;
        }

        var lines = new Dictionary<(string Code, int Year), int>();
        var scores = new List<(LeefbaarometerScore Score, int Line)>();
        foreach (var record in TableText.Rows(text.Records.SkipWhile(r => r != headerRecord).Skip(1), batch, cancellationToken))
        {
            if (ReadRow(record, header, columns, unit, batch) is not { } score)
            {
                continue;
            }

            if (lines.TryGetValue((score.Code, score.Year), out var earlier))
            {
                Reject(batch, record, columns, columns.Code, $"{score.Code} {score.Year}", ImportWords.Reason("Import.LbmSecondScore", earlier));
                continue;
            }

            lines.Add((score.Code, score.Year), record.Line);
            scores.Add((score, record.Line));
        }

        var (reference, outlier, spread) = LeefbaarometerEdition.ReferenceOf([.. scores.Select(s => s.Score)]);
        if (outlier is not null)
        {
            var line = scores.First(s => ReferenceEquals(s.Score, outlier)).Line;
            issues.Error(line, columns.Lbm + 1, columns.Names[columns.Lbm], outlier.Score.ToString("R", CultureInfo.InvariantCulture), ImportWords.Reason(
                "Import.LbmReference", spread.ToString("G3", CultureInfo.InvariantCulture), (outlier.Score - outlier.Deviation).ToString("R", CultureInfo.InvariantCulture)));
            return batch;
        }

        if (reference is { } constant)
        {
            batch.Leefbaarometer = new LeefbaarometerBatch(constant, [.. scores.Select(s => s.Score)]);
            var years = scores.Select(s => s.Score.Year).Distinct().Order().ToList();
            batch.Shape = ImportShape.Of("Shape.LeefbaarometerPer", unitHeader.Replace(' ', '_'), string.Join(", ", years))
                .And("Shape.LbmReference", constant.ToString("R", CultureInfo.InvariantCulture))
                .And(columns.Dimensions[0] >= 0 ? "Shape.WithDimensions" : "Shape.WithoutDimensions");
        }

        return batch;
    }

    private static LeefbaarometerScore? ReadRow(CsvRecord record, List<string> header, Columns columns, LeefbaarometerUnit unit, ImportBatch batch)
    {
        var f = record.Fields;
        if (record.UnterminatedQuote || f.Length != header.Count)
        {
            Reject(batch, record, columns, null, null, record.UnterminatedQuote ? ImportWords.Reason("Import.UnterminatedQuote")
                : ImportWords.Reason("Import.FieldCountShort", f.Length, header.Count));
            return null;
        }

        if (Code(f[columns.Code], unit) is not { } code)
        {
            Reject(batch, record, columns, columns.Code, f[columns.Code], unit switch
            {
                LeefbaarometerUnit.Postcode => ImportWords.Reason("Import.LbmPc4"),
                LeefbaarometerUnit.Grid => ImportWords.Reason("Import.LbmGrid"),
                _ => ImportWords.Reason("Import.LbmCode", unit.ToString().ToLowerInvariant()),
            });
            return null;
        }

        if (TableText.ParsePeriod(f[columns.Year]) is not { } year)
        {
            Reject(batch, record, columns, columns.Year, f[columns.Year], ImportWords.Reason("Import.LbmYear"));
            return null;
        }

        var (lbmKind, lbm) = Number(f[columns.Lbm]);
        var (afwKind, afw) = Number(f[columns.Afw]);
        if (lbmKind == CellKind.Missing && afwKind == CellKind.Missing)
        {
            batch.RowsSkipped++;
            batch.Issues.Warning(record.Line, columns.Lbm + 1, "lbm", f[columns.Lbm], ImportWords.Reason("Import.LbmNoScore"));
            return null;
        }

        if (lbmKind != CellKind.Number || afwKind != CellKind.Number)
        {
            var (column, name) = lbmKind != CellKind.Number ? (columns.Lbm, "lbm") : (columns.Afw, "afw");
            Reject(batch, record, columns, column, f[column], ImportWords.Reason("Import.LbmNumber", name));
            return null;
        }

        var dimensions = Dimensions(record, columns, afw, batch, out var rejected);
        if (rejected)
        {
            return null;
        }

        int? official = null;
        if (columns.Class >= 0 && Number(f[columns.Class]) is var (classKind, value) && classKind != CellKind.Missing)
        {
            if (classKind != CellKind.Number || value != Math.Floor(value) || value is < 1 or > 9)
            {
                Reject(batch, record, columns, columns.Class, f[columns.Class], ImportWords.Reason("Import.LbmClass"));
                return null;
            }

            official = (int)value;
        }

        return new LeefbaarometerScore(unit, code, year, lbm, afw, dimensions, official);
    }

    private static LeefbaarometerDimensions? Dimensions(CsvRecord record, Columns columns, double afw, ImportBatch batch, out bool rejected)
    {
        rejected = false;
        if (columns.Dimensions[0] < 0)
        {
            return null;
        }

        var values = new double[5];
        var missing = 0;
        for (var d = 0; d < 5; d++)
        {
            var column = columns.Dimensions[d];
            var (kind, value) = Number(record.Fields[column]);
            if (kind == CellKind.Invalid)
            {
                Reject(batch, record, columns, column, record.Fields[column], ImportWords.Reason("Import.LbmNumber", LeefbaarometerDimensions.ShortNames[d]));
                rejected = true;
                return null;
            }

            missing += kind == CellKind.Missing ? 1 : 0;
            values[d] = value;
        }

        if (missing == 5)
        {
            return null;
        }

        if (missing > 0)
        {
            Reject(batch, record, columns, columns.Dimensions[Array.FindIndex(values, double.IsNaN)], "NA", ImportWords.Reason("Import.LbmSomeDimensions"));
            rejected = true;
            return null;
        }

        var dimensions = new LeefbaarometerDimensions(values[0], values[1], values[2], values[3], values[4]);
        if (Math.Abs(dimensions.Sum - afw) > DimensionTolerance)
        {
            batch.Issues.Warning(record.Line, columns.Afw + 1, "afw", afw.ToString("R", CultureInfo.InvariantCulture), ImportWords.Reason("Import.LbmSum", dimensions.Sum.ToString("0.####", CultureInfo.InvariantCulture)));
        }

        return dimensions;
    }

    private static string? Code(string cell, LeefbaarometerUnit unit)
    {
        var text = cell.Trim();
        switch (unit)
        {
            case LeefbaarometerUnit.Postcode:
                return text.Length == 4 && text.All(char.IsAsciiDigit) && text[0] != '0' ? text : null;
            case LeefbaarometerUnit.Grid:
                return text.Length > 0 ? text : null;
            default:
                var (prefix, level) = unit switch
                {
                    LeefbaarometerUnit.Gemeente => ("GM", AreaLevel.Gemeente),
                    LeefbaarometerUnit.Wijk => ("WK", AreaLevel.Wijk),
                    _ => ("BU", AreaLevel.Buurt),
                };
                var full = text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? text : prefix + text;
                return AreaCode.TryParse(full, out var code) && code.Level == level ? code.Value : null;
        }
    }

    private static (CellKind Kind, double Value) Number(string cell) => (CbsValue.Read(cell, out var value), value);

    private static void Reject(ImportBatch batch, CsvRecord record, Columns columns, int? column, string? value, IssueReason reason)
    {
        batch.RowsRejected++;
        batch.Issues.Error(record.Line, column + 1, column is { } c ? columns.Names[c] : null, value, reason);
    }

    /// <summary>Where the columns are, and the header's names (for messages).</summary>
    private sealed record Columns(int Code, int Year, int Lbm, int Afw, int[] Dimensions, int Class, IReadOnlyList<string> Names);
}
