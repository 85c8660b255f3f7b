namespace Leefkracht.Data.Import;

/// <summary>
/// How large an import file may be, so that a bad or hostile file is refused early and with a clear message instead of
/// exhausting memory (docs/security.md, "Limits"). Every limit is checked while the file is read, chunk by chunk: a
/// gzip bomb is stopped after a few megabytes, not after it has been expanded.
/// </summary>
public sealed record ImportLimits
{
    /// <summary>The defaults: far above every real source file (the largest, a national buurt map, is about 300 MB).</summary>
    public static ImportLimits Default { get; } = new();

    /// <summary>The largest (decompressed) content of one file, in bytes (<c>--max-file-mb</c>).</summary>
    /// <value>The default is 1 GiB.</value>
    public long MaxBytes { get; init; } = 1L << 30;

    /// <summary>
    /// The longest line of a table, in bytes (<c>--max-line-kb</c>). JSON files (boundaries) are exempt: a GeoJSON file is
    /// often one line; their nesting is bounded by the JSON reader's depth limit of 64.
    /// </summary>
    /// <value>The default is 1 MiB: a table line with a detailed polygon in WKT is a few hundred kilobytes.</value>
    public int MaxLineBytes { get; init; } = 1 << 20;

    /// <summary>
    /// The largest ratio of decompressed to compressed size of a gzip file (<c>--max-ratio</c>), checked once more than
    /// <see cref="RatioCheckedFromBytes"/> are decompressed. Real tables and maps compress 5 to 30 times; a bomb 1,000 times.
    /// </summary>
    /// <value>The default is 200.</value>
    public int MaxRatio { get; init; } = 200;

    /// <summary>
    /// The most fields of one table line (<c>--max-fields</c>). A line of a megabyte of delimiters would otherwise become
    /// a million fields, and a file of such lines gigabytes of them.
    /// </summary>
    /// <value>The default is 10,000: the widest real table (a KWB year) has about 120 columns.</value>
    public int MaxFields { get; init; } = 10_000;

    /// <summary>The deepest nesting of a JSON file (boundaries) (<c>--max-depth</c>).</summary>
    /// <value>The default is 64 (System.Text.Json's own): GeoJSON and TopoJSON nest fewer than ten levels.</value>
    public int MaxJsonDepth { get; init; } = 64;

    /// <summary>How much a gzip file must have expanded before <see cref="MaxRatio"/> applies (small files may compress well).</summary>
    /// <value>The default is 16 MiB.</value>
    public long RatioCheckedFromBytes { get; init; } = 16L << 20;

    /// <summary>
    /// The refusal of JSON nested deeper than <see cref="MaxJsonDepth"/>, when <paramref name="exception"/> is the JSON
    /// reader's (System.Text.Json names the depth in its message, and has no other way to tell); otherwise null.
    /// </summary>
    internal string? TooDeep(System.Text.Json.JsonException exception) => IsTooDeep(exception)
        ? ImportWords.Words.Format("Json.TooDeep", MaxJsonDepth)
        : null;

    /// <summary>
    /// Whether <paramref name="exception"/> (or the one it wraps) is System.Text.Json's refusal of nesting beyond its
    /// maximum depth: its wording, since it has no other way to tell ("Expected depth to be zero" is a truncated file).
    /// </summary>
    public static bool IsTooDeep(Exception? exception) =>
        exception is not null && (exception.Message.Contains("maximum configured depth", StringComparison.Ordinal)
            || exception.Message.Contains("maximum allowed depth", StringComparison.Ordinal)
            || IsTooDeep(exception.InnerException));
}
