namespace Leefkracht.Data.Import.Text;

/// <summary>One record of a delimited text file.</summary>
/// <param name="Line">The 1-based line the record starts on.</param>
/// <param name="Fields">The fields, unquoted.</param>
/// <param name="UnterminatedQuote">Whether the file ended inside a quoted field (a truncated file).</param>
public sealed record CsvRecord(int Line, string[] Fields, bool UnterminatedQuote)
{
    /// <summary>Whether every field is empty or whitespace.</summary>
    public bool IsBlank => Fields.All(string.IsNullOrWhiteSpace);

    /// <summary>The number of fields that are not empty.</summary>
    public int FilledFieldCount => Fields.Count(f => !string.IsNullOrWhiteSpace(f));
}
