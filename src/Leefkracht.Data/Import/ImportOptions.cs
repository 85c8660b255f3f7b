namespace Leefkracht.Data.Import;

/// <summary>Choices the user makes for an import; everything else is detected from the content.</summary>
public sealed record ImportOptions
{
    /// <summary>
    /// How many errors (rejected rows or values) a file may have and still be stored. With the default
    /// of 0 a single bad value rejects the whole file, and the store is left exactly as it was.
    /// </summary>
    /// <value>The default is 0.</value>
    public int MaxErrors { get; init; }

    /// <summary>The year the data describe, when neither the content nor the file name says.</summary>
    public int? Year { get; init; }

    /// <summary>The gemeente of a file that names areas instead of coding them (for example Heerlen's StatLine exports).</summary>
    public string? Gemeente { get; init; }

    /// <summary>The division year the codes of a long or area-period table belong to, when it is not the data year.</summary>
    public int? Division { get; init; }

    /// <summary>
    /// Skip, with a warning, the rows of an area-period table whose area is in no division of the store, instead of
    /// counting them as errors. For fetched series (police, RIVM, Nabijheid): a table may carry areas of a division
    /// the store does not hold (a newer one, or a gemeente not fetched), and those few should not cost the whole year.
    /// A file on disk keeps the strict default, where such a row is an error.
    /// </summary>
    public bool SkipAreasOutsideTheStore { get; init; }

    /// <summary>Import even when a file with the same SHA-256 was imported before.</summary>
    public bool Force { get; init; }

    /// <summary>Where the files of this run were fetched from, recorded in their reports (null for files on disk).</summary>
    public ImportOrigin? Origin { get; init; }

    /// <summary>How large a file may be (size, line length, gzip expansion); a file beyond them is rejected unread.</summary>
    public ImportLimits Limits { get; init; } = ImportLimits.Default;
}
