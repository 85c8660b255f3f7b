using System.Text;

namespace Leefkracht.Data.Import;

/// <summary>One finding about a source file: where it is (file, line, column), what was there and why it matters.</summary>
/// <param name="Severity">How serious the finding is.</param>
/// <param name="File">The file name as given on the command line.</param>
/// <param name="Line">1-based line number in the (decompressed) file, when the finding is about a line.</param>
/// <param name="ColumnNumber">1-based column (field) number, when the finding is about a field.</param>
/// <param name="ColumnName">The column header, when known.</param>
/// <param name="Value">The offending text, shortened to 80 characters.</param>
/// <param name="Reason">What is wrong, in words a user can act on.</param>
public sealed record ImportIssue(
    IssueSeverity Severity,
    string File,
    int? Line,
    int? ColumnNumber,
    string? ColumnName,
    string? Value,
    string Reason)
{
    /// <summary>The location and reason in one line, for example <c>kwb.csv:14:12 [p_wcorpw] 'abc': not a number</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Severity.ToString().ToLowerInvariant()}: {File}");
        if (Line is { } line)
        {
            text.Append(CultureInfo.InvariantCulture, $":{line}");
            if (ColumnNumber is { } column)
            {
                text.Append(CultureInfo.InvariantCulture, $":{column}");
            }
        }

        if (ColumnName is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" [{ColumnName}]");
        }

        if (Value is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" '{Value}'");
        }

        text.Append(": ").Append(Reason);
        return text.ToString();
    }
}
