namespace Leefkracht.Data.Import;

/// <summary>What happened to one file.</summary>
public enum ImportOutcome
{
    /// <summary>Stored (its errors, if any, were within the tolerance).</summary>
    Stored,

    /// <summary>A file with the same SHA-256 was imported before; nothing changed.</summary>
    AlreadyImported,

    /// <summary>Too many errors, or nothing recognisable: nothing was stored.</summary>
    Rejected,
}

/// <summary>How often one kind of finding occurred in a file.</summary>
/// <param name="Severity">Its severity.</param>
/// <param name="Reason">What the kind of finding is called, in the user's language (or the reason itself, for a finding without a code).</param>
/// <param name="Count">How often it occurred.</param>
/// <param name="Code">The kind's code (<see cref="ImportIssue.Code"/>), when it has one.</param>
public sealed record IssueCount(IssueSeverity Severity, string Reason, int Count, string? Code = null);

/// <summary>
/// The report of one file's import: what it was, what happened, counts of rows read, stored, skipped and
/// rejected, and every finding with file, line, column, value and reason.
/// </summary>
public sealed record ImportReport
{
    public required string File { get; init; }

    public string? Sha256 { get; init; }

    public long SizeBytes { get; init; }

    public FileKind Kind { get; init; }

    public required string Shape { get; init; }

    public ImportOutcome Outcome { get; init; }

    /// <summary>One sentence for humans: why it was rejected, or what was stored (without the outcome, which <see cref="Outcome"/> gives and a reader shows in its own words).</summary>
    public required string Summary { get; init; }

    public int RowsRead { get; init; }

    public int RowsStored { get; init; }

    public int RowsSkipped { get; init; }

    public int RowsRejected { get; init; }

    public int Errors { get; init; }

    public int Warnings { get; init; }

    public int AreasStored { get; init; }

    public int ValuesRead { get; init; }

    public int ValuesStored { get; init; }

    public int ValuesReplaced { get; init; }

    public int BoundariesStored { get; init; }

    public int LinksStored { get; init; }

    /// <summary>The id of the provenance record, when stored (or of the earlier import, when already imported).</summary>
    public long? ImportId { get; init; }

    public double ElapsedSeconds { get; init; }

    /// <summary>Findings kept in detail (the first <see cref="IssueLog.DetailLimitPerReason"/> of each reason).</summary>
    public IReadOnlyList<ImportIssue> Issues { get; init; } = [];

    /// <summary>All findings counted by reason.</summary>
    public IReadOnlyList<IssueCount> IssueCounts { get; init; } = [];

    /// <summary>Where the file was fetched from (<c>leefkracht fetch</c>); null for a file the user named.</summary>
    public ImportOrigin? Origin { get; init; }
}

/// <summary>
/// Where a fetched file came from, kept with the import's provenance: the address it was fetched from, the
/// publisher's table or dataset, when it was fetched, and the validators the server sent.
/// </summary>
/// <param name="Url">The first address fetched (paged sources: the first page).</param>
/// <param name="Table">The table or dataset id (for example <c>84583NED</c>).</param>
/// <param name="FetchedAt">When the last part was fetched or revalidated.</param>
/// <param name="ETag">The ETag of the first response, if the server sent one.</param>
/// <param name="Parts">How many responses (pages) the file was assembled from.</param>
public sealed record ImportOrigin(string Url, string Table, DateTimeOffset FetchedAt, string? ETag, int Parts);
