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

    /// <summary>How much a gzip file must have expanded before <see cref="MaxRatio"/> applies (small files may compress well).</summary>
    /// <value>The default is 16 MiB.</value>
    public long RatioCheckedFromBytes { get; init; } = 16L << 20;
}
