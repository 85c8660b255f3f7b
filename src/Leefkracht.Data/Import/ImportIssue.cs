namespace Leefkracht.Data.Import;

/// <summary>
/// One finding about a source file: where it is (file, line, column), what was there and why it matters, in the
/// user's language, with a stable code for the kind of finding (docs/data-import.md#what-the-report-says).
/// </summary>
/// <param name="Severity">How serious the finding is.</param>
/// <param name="File">The file name as given on the command line.</param>
/// <param name="Line">1-based line number in the (decompressed) file, when the finding is about a line.</param>
/// <param name="ColumnNumber">1-based column (field) number, when the finding is about a field.</param>
/// <param name="ColumnName">The column header, when known.</param>
/// <param name="Value">The offending text, shortened to 80 characters.</param>
/// <param name="Reason">What is wrong, in words a user can act on (worded when it was found, in the UI culture).</param>
/// <param name="Code">
/// The kind of finding, the same in every language (<c>Import.NotANumber</c>): the name of its words in
/// ImportWords.resx (<c>Boundary.NoCode</c>, <c>Crs.Unknown</c> for the boundary readers). Null for a finding that is only words.
/// </param>
public sealed record ImportIssue(
    IssueSeverity Severity,
    string File,
    int? Line,
    int? ColumnNumber,
    string? ColumnName,
    string? Value,
    string Reason,
    string? Code = null)
{
    /// <summary>
    /// The location and reason in one line, in the user's language: <c>fout in kwb.csv, regel 14, kolom 12 (p_wcorpw),
    /// waarde 'abc': geen getal …</c> / <c>error in kwb.csv, line 14, column 12 (p_wcorpw), value 'abc': not a number …</c>.
    /// </summary>
    public override string ToString()
    {
        var words = ImportWords.Words;
        var where = new List<string> { File };
        if (Line is { } line)
        {
            where.Add(words.Format("Issue.Line", line));
        }

        if (Line is not null && ColumnNumber is { } column)
        {
            where.Add(ColumnName is null ? words.Format("Issue.Column", column) : words.Format("Issue.ColumnNamed", column, ColumnName));
        }
        else if (ColumnName is not null)
        {
            where.Add(words.Format("Issue.Column", ColumnName));
        }

        if (Value is not null)
        {
            where.Add(words.Format("Issue.Value", Value));
        }

        return words.Format("Issue", words["Severity." + Severity], string.Join(", ", where), Reason);
    }
}

/// <summary>What a finding says and the code of its kind, made by <see cref="ImportWords.Reason"/>.</summary>
/// <param name="Code">The kind of finding (<c>Import.NotANumber</c>).</param>
/// <param name="Text">The finding in the user's language.</param>
public readonly record struct IssueReason(string Code, string Text);
