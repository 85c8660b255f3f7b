namespace Leefkracht.Data.Import;

/// <summary>
/// Collects the issues of one file. Repeated findings of the same kind (thousands of suppressed values,
/// say) are all counted, but only the first <see cref="DetailLimitPerReason"/> of each reason are kept
/// in detail, so a report stays readable and a 100 MB garbage file cannot exhaust memory.
/// </summary>
public sealed class IssueLog
{
    /// <summary>Detailed issues kept per distinct reason.</summary>
    public const int DetailLimitPerReason = 50;

    private readonly List<ImportIssue> _issues = [];
    private readonly Dictionary<(IssueSeverity, string), int> _countByReason = [];
    private readonly Dictionary<string, string> _kindByKey = new(StringComparer.Ordinal);

    /// <summary>Starts a log for one file.</summary>
    public IssueLog(string file) => File = file;

    /// <summary>The file the issues are about.</summary>
    public string File { get; }

    /// <summary>The number of errors, including those not kept in detail.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>The number of warnings, including those not kept in detail.</summary>
    public int WarningCount { get; private set; }

    /// <summary>The issues kept in detail, in the order they were found.</summary>
    public IReadOnlyList<ImportIssue> Issues => _issues;

    /// <summary>How often each (severity, reason key) occurred; the key is the finding's code when it has one.</summary>
    public IReadOnlyDictionary<(IssueSeverity Severity, string Reason), int> CountByReason => _countByReason;

    /// <summary>
    /// What a reason key that is a code is called where findings are counted: its <c>Kind.*</c> words, or the first
    /// finding's words when it has none; null when the key is not a code (a finding that is only words).
    /// </summary>
    public string? KindOfCode(string key) => _kindByKey.GetValueOrDefault(key);

    /// <summary>Records an error about a field or line, worded with its code.</summary>
    public void Error(int? line, int? column, string? columnName, string? value, IssueReason reason) =>
        Add(IssueSeverity.Error, line, column, columnName, value, reason.Text, reason.Code, reason.Code);

    /// <summary>Records a warning, worded with its code.</summary>
    public void Warning(int? line, int? column, string? columnName, string? value, IssueReason reason) =>
        Add(IssueSeverity.Warning, line, column, columnName, value, reason.Text, reason.Code, reason.Code);

    /// <summary>Records an informational note, worded with its code.</summary>
    public void Info(int? line, int? column, string? columnName, string? value, IssueReason reason) =>
        Add(IssueSeverity.Info, line, column, columnName, value, reason.Text, reason.Code, reason.Code);

    /// <summary>Records a finding about the file as a whole, worded with its code.</summary>
    public void FileError(IssueReason reason) => Add(IssueSeverity.Error, null, null, null, null, reason.Text, reason.Code, reason.Code);

    /// <summary>Records an error about a field or line.</summary>
    public void Error(int? line, int? column, string? columnName, string? value, string reason, string? reasonKey = null) =>
        Add(IssueSeverity.Error, line, column, columnName, value, reason, reasonKey, null);

    /// <summary>Records a warning.</summary>
    public void Warning(int? line, int? column, string? columnName, string? value, string reason, string? reasonKey = null) =>
        Add(IssueSeverity.Warning, line, column, columnName, value, reason, reasonKey, null);

    /// <summary>Records an informational note.</summary>
    public void Info(int? line, int? column, string? columnName, string? value, string reason, string? reasonKey = null) =>
        Add(IssueSeverity.Info, line, column, columnName, value, reason, reasonKey, null);

    /// <summary>Records a finding about the file as a whole.</summary>
    public void FileError(string reason) => Add(IssueSeverity.Error, null, null, null, null, reason, null, null);

    private void Add(IssueSeverity severity, int? line, int? column, string? columnName, string? value, string reason, string? reasonKey, string? code)
    {
        switch (severity)
        {
            case IssueSeverity.Error:
                ErrorCount++;
                break;
            case IssueSeverity.Warning:
                WarningCount++;
                break;
            case IssueSeverity.Info:
                break;
        }

        // Group by a stable key (the reason without the varying value) so that limits apply per kind of finding.
        var key = (severity, reasonKey ?? reason);
        _countByReason[key] = _countByReason.GetValueOrDefault(key) + 1;
        if (code is not null && !_kindByKey.ContainsKey(code))
        {
            _kindByKey[code] = ImportWords.Kind(code) ?? reason;
        }

        if (_countByReason[key] <= DetailLimitPerReason)
        {
            _issues.Add(new ImportIssue(severity, File, line, column, columnName, Shorten(value), reason, code));
        }
    }

    private static string? Shorten(string? value) =>
        value is null ? null : value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 77), "...");
}
