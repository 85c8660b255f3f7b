using Leefkracht.Fetch;

namespace Leefkracht.Cli.Commands;

/// <summary>
/// The progress bars of the fetch commands: one bar per table (a year of a StatLine table, a PDOK collection, the
/// Leefbaarometer archive, a postcode file), each drawn by a Spectre.Console progress display of its own while that
/// table is fetched, so that every bar stands just above the lines reporting what its fetch did. A bar measures the
/// rows, features or bytes against the total the source states (<see cref="FetchProgress.Total"/>); a source that
/// states none leaves the bar indeterminate, with the stage and the counts in its text. It shows 100 % once the
/// table's import is done. Not interactive (tests, pipes, CI): nothing is drawn, and the fetcher gets no progress to
/// report to, so it asks the source for no total either.
/// </summary>
internal static class FetchProgressDisplay
{
    // An 80-column terminal keeps each bar on one line: a description of up to 80 - 36 characters, the bar, the
    // percentage and the elapsed time with the spaces between them. A longer description would squeeze the other
    // columns until they wrap, so it is shortened with an ellipsis instead.
    private const int BarWidth = 20;
    private const int OtherColumns = BarWidth + 16;
    private const int MinimumDescription = 24;

    /// <summary>Runs <paramref name="fetch"/> with a bar named <paramref name="label"/> (for example <c>kwb 2019</c>) when the console is interactive.</summary>
    public static async Task<T> ShowAsync<T>(CliEnvironment environment, string label, Func<IProgress<FetchProgress>?, Task<T>> fetch)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(fetch);
        if (!environment.Interactive)
        {
            return await fetch(null).ConfigureAwait(false);
        }

        T? fetched = default;
        await environment.Out.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = BarWidth }, new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var bar = new Bar(context.AddTask(Markup.Escape(label)).IsIndeterminate(), label, Texts.Instance, Math.Max(MinimumDescription, environment.Out.Profile.Width - OtherColumns));
                fetched = await fetch(bar).ConfigureAwait(false);
                bar.Finish();
            }).ConfigureAwait(false);
        return fetched!;
    }

    /// <summary>
    /// One bar. A report moves it at once, on the fetch's own flow: <see cref="Progress{T}"/> would post each report
    /// to the thread pool, where a late one could move the bar back after it was finished.
    /// </summary>
    private sealed class Bar(ProgressTask task, string label, Texts texts, int width) : IProgress<FetchProgress>
    {
        public void Report(FetchProgress value)
        {
            var description = Describe(value);
            task.Description = Markup.Escape(description.Length <= width ? description : description[..(width - 1)] + "…");

            // Only a report with a total moves the bar: the stages without one (columns, names, import) keep it where
            // the counted stage left it.
            if (value.Total is { } total && total > 0)
            {
                task.IsIndeterminate = false;
                task.MaxValue = total;
                task.Value = Math.Min(value.Done, total);
            }
        }

        /// <summary>The import is done: the bar shows 100 % (an indeterminate one too) and its clock stops.</summary>
        public void Finish()
        {
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.Description = Markup.Escape(texts.Format("fetch_bar_done", label));
            task.StopTask();
        }

        /// <summary>The label, the source where the label does not name it already, the stage, and how far it is.</summary>
        private string Describe(FetchProgress value)
        {
            var stage = texts["fetch_stage_" + value.Stage] is var word && word != "fetch_stage_" + value.Stage ? word : value.Stage;
            // A table id says which table a year is; a downloaded file's name (the archive, the postcode file) only makes the line longer.
            var name = label.Contains(value.Source, StringComparison.Ordinal) || value.Source.Contains('.', StringComparison.Ordinal) ? label : $"{label} ({value.Source})";
            return value.Stage != FetchProgress.Download && value.Bytes == 0 ? texts.Format("fetch_bar_rows", name, stage, value.Rows)
                : value.Stage == FetchProgress.Download && value.Total is { } size ? texts.Format("fetch_bar_bytes_of", name, stage, Kilobytes(value.Bytes), Kilobytes(size))
                : texts.Format("fetch_bar_bytes", name, stage, Kilobytes(value.Bytes));
        }

        private static string Kilobytes(long bytes) => NumberText.Number(bytes / 1024.0, "0");
    }
}
