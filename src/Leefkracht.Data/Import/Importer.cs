using System.Text.Json;
using System.Text.Json.Serialization;
using Leefkracht.Core.Text;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import.Text;
using Leefkracht.Data.Storage;

namespace Leefkracht.Data.Import;

/// <summary>Where an import run is.</summary>
/// <param name="FileIndex">0-based index of the current file.</param>
/// <param name="FileCount">Number of files in the run.</param>
/// <param name="FileName">The current file.</param>
/// <param name="Stage">What is happening to it.</param>
public sealed record ImportProgress(int FileIndex, int FileCount, string FileName, string Stage);

/// <summary>
/// Imports files and folders into a store: detects each file's kind from its content, orders the files so that
/// areas come before the data that refer to them, reads each file completely, and stores it in one transaction
/// only when its errors are within <see cref="ImportOptions.MaxErrors"/>. A rejected file changes nothing;
/// a file imported before (same SHA-256) is skipped.
/// </summary>
public sealed class Importer
{
    private static readonly HashSet<string> TableExtensions = new(StringComparer.OrdinalIgnoreCase) { ".csv", ".tsv", ".txt", ".json", ".geojson", ".topojson" };

    private static readonly JsonSerializerOptions ReportJson = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly Words Words = ImportWords.Words;

    private readonly IMonitorStore _store;
    private readonly CatalogDocument _catalog;
    private readonly TimeProvider _clock;

    /// <summary>Creates an importer for a store.</summary>
    public Importer(IMonitorStore store, CatalogDocument catalog, TimeProvider clock)
    {
        _store = store;
        _catalog = catalog;
        _clock = clock;
    }

    /// <summary>Serialises a report the way it is kept with the provenance.</summary>
    public static string ToJson(ImportReport report) => JsonSerializer.Serialize(report, ReportJson);

    /// <summary>Reads a report kept with the provenance.</summary>
    public static ImportReport? FromJson(string json) => JsonSerializer.Deserialize<ImportReport>(json, ReportJson);

    /// <summary>Imports files and folders (recursively), in dependency order.</summary>
    public async Task<IReadOnlyList<ImportReport>> ImportAsync(
        IEnumerable<string> paths,
        ImportOptions options,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        var reports = new List<ImportReport>();
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(IsTableFile)
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                reports.Add(Unreadable(path, Files.FileWords.NoSuchPath(path)));
            }
        }

        // Detection needs each file's content; files are kept in memory for the import itself unless the run is
        // large, in which case they are read again when their turn comes.
        const long KeepBytes = 512L * 1024 * 1024;
        long kept = 0;
        // Each file is detected once: the detection orders the run and then picks the reader.
        var planned = new List<(string Path, Detection? Detection, SourceFile? File)>();
        foreach (var file in files)
        {
            try
            {
                var source = SourceFile.Read(file, options.Limits);
                var detection = FileKindDetector.Detect(source, _catalog, options.Limits);
                kept += source.Content.Length;
                planned.Add((file, detection, kept <= KeepBytes ? source : null));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                planned.Add((file, null, null));
            }
        }

        var ordered = planned.OrderBy(p => p.Detection?.Phase ?? ImportPhase.Unrecognised).ThenBy(p => p.Path, StringComparer.Ordinal).ToList();
        var areas = new AreaDirectory(await _store.LoadAreasAsync(new AreaQuery(), cancellationToken).ConfigureAwait(false));
        for (var i = 0; i < ordered.Count; i++)
        {
            progress?.Report(new ImportProgress(i, ordered.Count, Path.GetFileName(ordered[i].Path), "reading"));
            reports.Add(await ImportFileAsync(ordered[i].Path, options, areas, ordered[i].File, ordered[i].Detection, cancellationToken).ConfigureAwait(false));
            ordered[i] = ordered[i] with { File = null };
            progress?.Report(new ImportProgress(i + 1, ordered.Count, Path.GetFileName(ordered[i].Path), "done"));
        }

        return reports;
    }

    /// <summary>
    /// Imports one file against a directory of known areas (which it extends when the file is stored), with the file
    /// and its detection when the run already has them.
    /// </summary>
    private async Task<ImportReport> ImportFileAsync(
        string path,
        ImportOptions options,
        AreaDirectory areas,
        SourceFile? alreadyRead,
        Detection? detected,
        CancellationToken cancellationToken)
    {
        var started = _clock.GetTimestamp();
        SourceFile file;
        try
        {
            file = alreadyRead ?? SourceFile.Read(path, options.Limits);
        }
        catch (InvalidDataException exception)
        {
            // The limits' own words (SourceFile), already in the user's language.
            return Unreadable(path, exception.Message);
        }
        catch (Exception exception) when (Files.FileWords.IsFileProblem(exception))
        {
            return Unreadable(path, Files.FileWords.Describe(exception, path));
        }

        if (!options.Force && await _store.FindImportAsync(file.Sha256, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return new ImportReport
            {
                File = file.Name,
                Sha256 = file.Sha256,
                SizeBytes = file.SizeOnDisk,
                Kind = Enum.TryParse<FileKind>(earlier.Kind, out var kind) ? kind : FileKind.Unknown,
                Shape = ImportShape.Read(earlier.Shape).Describe(),
                Outcome = ImportOutcome.AlreadyImported,
                Summary = Words.Format("AlreadyImported", earlier.Id, earlier.ImportedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                ImportId = earlier.Id,
                Origin = options.Origin,
            };
        }

        var detection = detected ?? FileKindDetector.Detect(file, _catalog, options.Limits);
        if (detection.Reader is null)
        {
            var issues = new IssueLog(file.Name);
            var reason = detection.Reason ?? Words["NotRecognised"];
            issues.FileError(reason);
            return Report(file, new ImportBatch(FileKind.Unknown, ImportShape.Of("Shape.NotRecognised"), issues), ImportOutcome.Rejected, reason, null, started, options.Origin);
        }

        var batch = detection.Reader.Read(file, new ImportContext(_catalog, areas, options), cancellationToken);
        var hasData = batch.Observations.Count + batch.Areas.Count + batch.Boundaries.Count + batch.CrosswalkLinks.Count + batch.PostcodeLinks.Count + (batch.Leefbaarometer?.Scores.Count ?? 0) > 0;
        if (batch.Issues.ErrorCount > options.MaxErrors || !hasData)
        {
            var why = !hasData && batch.Issues.ErrorCount == 0 ? Words["NoData"]
                : batch.Issues.ErrorCount > options.MaxErrors ? Words.Format("TooManyErrors", batch.Issues.ErrorCount, options.MaxErrors)
                : FirstError(batch) ?? Words["NoDataShort"];
            return Report(file, batch, ImportOutcome.Rejected, Words.Format("NothingStored", why), null, started, options.Origin);
        }

        var provisional = Report(file, batch, ImportOutcome.Stored, Words["Stored"], null, started, options.Origin);
        var stored = await _store.StoreAsync(
            batch.ToStoreBatch(),
            batch.Provenance(file.Name, file.Sha256, file.SizeOnDisk, _clock.GetUtcNow(), ToJson(provisional)),
            cancellationToken).ConfigureAwait(false);
        foreach (var area in batch.Areas)
        {
            areas.Add(area);
        }

        var record = stored.Import;
        return provisional with
        {
            ImportId = record.Id,
            AreasStored = record.AreasStored,
            ValuesStored = record.ValuesStored,
            ValuesReplaced = record.ValuesReplaced,
            BoundariesStored = record.BoundariesStored,
            LinksStored = record.LinksStored,
            Summary = Stored(batch, record),
            ElapsedSeconds = _clock.GetElapsedTime(started).TotalSeconds,
        };
    }

    private static string Stored(ImportBatch batch, ImportRecord record)
    {
        var parts = new List<string>();
        if (record.AreasStored > 0)
        {
            parts.Add(Words.Format("Areas", record.AreasStored));
        }

        if (batch.Leefbaarometer is { } lbm)
        {
            parts.Add(Words.Format("LeefbaarometerScores", record.ValuesStored, lbm.Reference.ToString("R", CultureInfo.InvariantCulture)));
        }
        else if (batch.Observations.Count > 0)
        {
            parts.Add(record.ValuesReplaced > 0
                ? Words.Format("ValuesReplacing", record.ValuesStored, record.ValuesReplaced)
                : Words.Format("Values", record.ValuesStored));
        }

        if (record.BoundariesStored > 0)
        {
            parts.Add(Words.Format("Boundaries", record.BoundariesStored));
        }

        if (record.LinksStored > 0)
        {
            parts.Add(Words.Format("CrosswalkLinks", record.LinksStored));
        }

        var what = parts.Count > 0 ? string.Join(", ", parts) : Words["NothingNew"];
        return Words.Format("StoredAs", record.Id, what);
    }

    private static string? FirstError(ImportBatch batch) => batch.Issues.Issues.FirstOrDefault(i => i.Severity == IssueSeverity.Error)?.Reason;

    private ImportReport Report(SourceFile file, ImportBatch batch, ImportOutcome outcome, string summary, long? importId, long started, ImportOrigin? origin) => new()
    {
        File = file.Name,
        Sha256 = file.Sha256,
        SizeBytes = file.SizeOnDisk,
        Kind = batch.Kind,
        Shape = batch.Shape.Describe(),
        Outcome = outcome,
        Summary = summary,
        RowsRead = batch.RowsRead,
        RowsStored = outcome == ImportOutcome.Stored ? batch.RowsAccepted : 0,
        RowsSkipped = batch.RowsSkipped,
        RowsRejected = batch.RowsRejected,
        Errors = batch.Issues.ErrorCount,
        Warnings = batch.Issues.WarningCount,
        ValuesRead = batch.Observations.Count,
        ImportId = importId,
        Issues = batch.Issues.Issues,
        IssueCounts = [.. batch.Issues.CountByReason.Select(c => Counted(batch.Issues, c.Key.Severity, c.Key.Reason, c.Value)).OrderByDescending(c => c.Severity).ThenByDescending(c => c.Count)],
        ElapsedSeconds = _clock.GetElapsedTime(started).TotalSeconds,
        Origin = origin,
    };

    /// <summary>A count of findings, under the name of their kind in the user's language when the key is a code.</summary>
    private static IssueCount Counted(IssueLog issues, IssueSeverity severity, string key, int count) =>
        issues.KindOfCode(key) is { } kind ? new IssueCount(severity, kind, count, key) : new IssueCount(severity, key, count);

    private static ImportReport Unreadable(string path, string reason)
    {
        // The report names the file; a reader's message that starts with the path would say it twice.
        reason = reason.StartsWith(path + ": ", StringComparison.Ordinal) ? reason[(path.Length + 2)..] : reason;
        var issues = new IssueLog(Path.GetFileName(path));
        issues.FileError(reason);
        return new ImportReport
        {
            File = Path.GetFileName(path),
            Shape = ImportShape.Of("Shape.Unreadable").Describe(),
            Outcome = ImportOutcome.Rejected,
            Summary = reason,
            Errors = 1,
            Issues = issues.Issues,
            IssueCounts = [new IssueCount(IssueSeverity.Error, reason, 1)],
        };
    }

    private static bool IsTableFile(string path)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith('.'))
        {
            return false;
        }

        var withoutGz = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
        return TableExtensions.Contains(Path.GetExtension(withoutGz)) && !withoutGz.Contains("attribution", StringComparison.OrdinalIgnoreCase);
    }
}
