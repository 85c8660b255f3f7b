using System.Text.RegularExpressions;
using Leefkracht.Data.Import.Text;

namespace Leefkracht.Data.Import.Tables;

/// <summary>A delimited text file split into records, or the reason it could not be.</summary>
internal sealed partial class TableText
{
    private TableText(char delimiter, List<CsvRecord> records, bool latin1)
    {
        Delimiter = delimiter;
        Records = records;
        UsedLatin1 = latin1;
    }

    public char Delimiter { get; }

    public List<CsvRecord> Records { get; }

    public bool UsedLatin1 { get; }

    /// <summary>
    /// The start every table reader shares: the file's issue log, the reader's batch (returned as it is when the file
    /// cannot be read) and the file decoded and split (null when it cannot be read, with the reason logged).
    /// </summary>
    public static (ImportBatch Batch, IssueLog Issues, TableText? Text) Open(SourceFile file, ImportContext context, FileKind kind, ImportShape description)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(context);
        var issues = new IssueLog(file.Name);
        return (new ImportBatch(kind, description, issues), issues, Load(file, issues, context.Options.Limits));
    }

    /// <summary>
    /// The rows a reader reads from <paramref name="records"/>: the records that are not blank, in order, each counted in
    /// <see cref="ImportBatch.RowsRead"/> as it is handed out. Cancellation is checked before every record.
    /// </summary>
    public static IEnumerable<CsvRecord> Rows(IEnumerable<CsvRecord> records, ImportBatch batch, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (record.IsBlank)
            {
                continue;
            }

            batch.RowsRead++;
            yield return record;
        }
    }

    /// <summary>The header of a plain table (no preamble): the first record that is not blank, null when there is none, and its column names normalised.</summary>
    public (CsvRecord? Record, List<string> Names) PlainHeader()
    {
        var record = Records.FirstOrDefault(r => !r.IsBlank);
        return (record, record?.Fields.Select(ColumnName.Normalize).ToList() ?? []);
    }

    /// <summary>
    /// Decodes and splits a file; on failure, or at the first line with more fields than <paramref name="limits"/>
    /// allow, logs a file error and returns <see langword="null"/>.
    /// </summary>
    public static TableText? Load(SourceFile file, IssueLog issues, ImportLimits limits)
    {
        if (file.Content.Length == 0)
        {
            issues.FileError(ImportWords.Reason("Import.Empty"));
            return null;
        }

        if (TextDecoding.LooksBinary(file.Content))
        {
            issues.FileError(ImportWords.Reason("Import.Binary"));
            return null;
        }

        var text = TextDecoding.Decode(file.Content, out var latin1);
        if (string.IsNullOrWhiteSpace(text))
        {
            issues.FileError(ImportWords.Reason("Import.Whitespace"));
            return null;
        }

        if (CsvParser.DetectDelimiter(text) is not { } delimiter)
        {
            issues.FileError(ImportWords.Reason("Import.NoDelimiter"));
            return null;
        }

        if (latin1)
        {
            issues.Warning(null, null, null, null, ImportWords.Reason("Import.Latin1"));
        }

        var records = new List<CsvRecord>();
        foreach (var record in CsvParser.Records(text, delimiter))
        {
            if (record.Fields.Length > limits.MaxFields)
            {
                issues.FileError(ImportWords.Reason("Import.TooManyFields", record.Line, record.Fields.Length, limits.MaxFields));
                return null;
            }

            records.Add(record);
        }

        return new TableText(delimiter, records, latin1);
    }

    /// <summary>A year 2000–2099 that occurs once in a file name, as in <c>kwb2019_denhaag.csv</c>.</summary>
    public static int? YearFromFileName(string fileName) =>
        YearIn(Path.GetFileNameWithoutExtension(Path.GetFileName(fileName).Replace(".gz", string.Empty, StringComparison.OrdinalIgnoreCase)));

    /// <summary>A year 2000–2099 (or 19xx) that occurs exactly once in a text, such as a StatLine title line.</summary>
    public static int? YearIn(string text)
    {
        var years = YearPattern().Matches(text)
            .Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture))
            .Distinct()
            .ToList();
        return years.Count == 1 ? years[0] : null;
    }

    /// <summary>Reads a period cell: <c>2019</c>, <c>2019JJ00</c> (StatLine) or <c>2019.0</c>.</summary>
    public static int? ParsePeriod(string cell)
    {
        var match = PeriodPattern().Match(cell.Trim());
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"(?<!\d)(19|20)\d\d(?!\d)")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^((?:19|20)\d\d)(?:JJ00|\.0+)?$")]
    private static partial Regex PeriodPattern();
}
