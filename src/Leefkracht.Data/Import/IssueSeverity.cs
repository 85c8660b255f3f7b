namespace Leefkracht.Data.Import;

/// <summary>How serious an import issue is.</summary>
public enum IssueSeverity
{
    /// <summary>Expected and harmless (a footer line, a unit row, a column that is not an indicator).</summary>
    Info,

    /// <summary>Stored, but worth a look (an unknown column that was ignored, a value replaced by another file).</summary>
    Warning,

    /// <summary>A row or value that could not be stored; counts against the error tolerance.</summary>
    Error,
}
