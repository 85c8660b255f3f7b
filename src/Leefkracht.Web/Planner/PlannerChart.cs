using System.Net;
using System.Text;
using Leefkracht.Monitor.Planner;

namespace Leefkracht.Web.Planner;

/// <summary>
/// A plain SVG chart of one or more scenario runs (no script, no fonts to load), reproducible from the same runs:
/// per year the highest vulnerable share of a buurt and the mean resilience of the base year's weakest buurten,
/// and per buurt the change of the vulnerable share against the first run.
/// </summary>
public static class PlannerChart
{
    private const int Width = 760;
    private const int PanelHeight = 240;
    private static readonly string[] Colours = ["#444444", "#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e"];

    /// <summary>The chart as SVG text.</summary>
    /// <param name="runs">The runs; the first is the one the others are compared with.</param>
    /// <param name="weakest">How many of the base year's least resilient buurten the resilience panel follows.</param>
    /// <param name="buurten">How many buurten the bar panel shows (largest change first).</param>
    public static string Svg(IReadOnlyList<ScenarioRun> runs, int weakest = 10, int buurten = 12)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var first = runs[0];
        var years = first.Years.Select(y => y.Year).ToList();
        var baseYear = years[0];
        var weakestCodes = first.InYear(baseYear).Where(b => b.Resilience is not null).OrderBy(b => b.Resilience).Take(weakest).Select(b => b.Code).ToHashSet();
        var svg = new StringBuilder();
        var height = (PanelHeight * 3) + 80;
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"11\">\n"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{height}\" fill=\"white\"/>\n"));
        svg.Append(Invariant($"<text x=\"10\" y=\"18\" font-size=\"13\" font-weight=\"bold\">{Escape(PlannerText.WhatIf)}</text>\n"));

        // Legend.
        for (var r = 0; r < runs.Count; r++)
        {
            var x = 10 + (r % 3 * 250);
            var y = 36 + (r / 3 * 14);
            svg.Append(Invariant($"<rect x=\"{x}\" y=\"{y - 8}\" width=\"12\" height=\"4\" fill=\"{Colours[r % Colours.Length]}\"/><text x=\"{x + 16}\" y=\"{y - 3}\">{Escape(runs[r].Name)}</text>\n"));
        }

        var top = 40 + (((runs.Count + 2) / 3) * 14);
        Lines(svg, top, UiText.Words["Chart.HighestShare"], years,
            runs.Select(run => run.Years.Select(y => 100 * y.HighestVulnerableShare).ToList()).ToList());
        Lines(svg, top + PanelHeight, UiText.Words.Format("Chart.MeanResilience", weakestCodes.Count, baseYear), years,
            runs.Select(run => years.Select(y => run.InYear(y).Where(b => weakestCodes.Contains(b.Code) && b.Resilience is not null).Select(b => b.Resilience!.Value).DefaultIfEmpty(double.NaN).Average()).ToList()).ToList());
        Bars(svg, top + (2 * PanelHeight), runs, buurten);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Lines(StringBuilder svg, int top, string title, List<int> years, List<List<double>> series)
    {
        const int Left = 60;
        const int Right = Width - 20;
        var plotTop = top + 30;
        var plotBottom = top + PanelHeight - 40;
        var values = series.SelectMany(s => s).Where(double.IsFinite).ToList();
        svg.Append(Invariant($"<text x=\"10\" y=\"{top + 16}\" font-size=\"12\" font-weight=\"bold\">{Escape(title)}</text>\n"));
        if (values.Count == 0)
        {
            return;
        }

        var (low, high) = NiceRange(values.Min(), values.Max());
        double X(int i) => Left + ((Right - Left) * (years.Count == 1 ? 0.5 : i / (double)(years.Count - 1)));
        double Y(double v) => plotBottom - ((plotBottom - plotTop) * (v - low) / (high - low));
        Axes(svg, Left, Right, plotTop, plotBottom, low, high, Y);
        for (var i = 0; i < years.Count; i++)
        {
            svg.Append(Invariant($"<text x=\"{X(i):0.#}\" y=\"{plotBottom + 14}\" text-anchor=\"middle\">{years[i]}</text>\n"));
        }

        for (var s = 0; s < series.Count; s++)
        {
            var points = string.Join(' ', series[s].Select((v, i) => (v, i)).Where(p => double.IsFinite(p.v)).Select(p => Invariant($"{X(p.i):0.#},{Y(p.v):0.#}")));
            svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"{Colours[s % Colours.Length]}\" stroke-width=\"2\" points=\"{points}\"/>\n"));
        }
    }

    private static void Bars(StringBuilder svg, int top, IReadOnlyList<ScenarioRun> runs, int count)
    {
        const int Left = 60;
        const int Right = Width - 20;
        var plotTop = top + 30;
        var plotBottom = top + PanelHeight - 70;
        var first = runs[0];
        var last = first.Years[^1].Year;
        var baseShare = first.InYear(last).ToDictionary(b => b.Code, b => b.VulnerableShare);
        var names = first.InYear(last).ToDictionary(b => b.Code, b => b.Name ?? b.Code);
        var changes = runs.Skip(1).Select(run => run.InYear(last).Where(b => baseShare.ContainsKey(b.Code)).ToDictionary(b => b.Code, b => 100 * (b.VulnerableShare - baseShare[b.Code]))).ToList();
        var title = UiText.Words.Format("Chart.Change", last, first.Name);
        svg.Append(Invariant($"<text x=\"10\" y=\"{top + 16}\" font-size=\"12\" font-weight=\"bold\">{Escape(title)}</text>\n"));
        var codes = changes.SelectMany(c => c).GroupBy(c => c.Key).OrderByDescending(g => g.Max(x => Math.Abs(x.Value))).Take(count).Select(g => g.Key).ToList();
        var values = changes.SelectMany(c => codes.Select(code => c.GetValueOrDefault(code))).Append(0).ToList();
        if (codes.Count == 0 || changes.Count == 0)
        {
            return;
        }

        var (low, high) = NiceRange(Math.Min(0, values.Min()), Math.Max(0, values.Max()));
        double Y(double v) => plotBottom - ((plotBottom - plotTop) * (v - low) / (high - low));
        Axes(svg, Left, Right, plotTop, plotBottom, low, high, Y);
        var slot = (Right - Left) / (double)codes.Count;
        var bar = slot * 0.8 / changes.Count;
        for (var c = 0; c < codes.Count; c++)
        {
            for (var r = 0; r < changes.Count; r++)
            {
                var v = changes[r].GetValueOrDefault(codes[c]);
                var x = Left + (slot * c) + (slot * 0.1) + (bar * r);
                var y0 = Y(Math.Max(0, v));
                var h = Math.Abs(Y(v) - Y(0));
                svg.Append(Invariant($"<rect x=\"{x:0.#}\" y=\"{y0:0.#}\" width=\"{bar:0.#}\" height=\"{Math.Max(h, 0.5):0.#}\" fill=\"{Colours[(r + 1) % Colours.Length]}\"/>\n"));
            }

            var label = names[codes[c]];
            label = label.Length > 18 ? label[..17] + "…" : label;
            var lx = Left + (slot * c) + (slot / 2);
            svg.Append(Invariant($"<text x=\"{lx:0.#}\" y=\"{plotBottom + 10}\" text-anchor=\"end\" transform=\"rotate(-35 {lx:0.#} {plotBottom + 10})\">{Escape(label)}</text>\n"));
        }
    }

    private static void Axes(StringBuilder svg, int left, int right, double top, double bottom, double low, double high, Func<double, double> y)
    {
        svg.Append(Invariant($"<line x1=\"{left}\" y1=\"{top:0.#}\" x2=\"{left}\" y2=\"{bottom:0.#}\" stroke=\"#999\"/>\n"));
        for (var i = 0; i <= 4; i++)
        {
            var v = low + ((high - low) * i / 4);
            svg.Append(Invariant($"<line x1=\"{left}\" y1=\"{y(v):0.#}\" x2=\"{right}\" y2=\"{y(v):0.#}\" stroke=\"#eee\"/><text x=\"{left - 4}\" y=\"{y(v) + 4:0.#}\" text-anchor=\"end\">{v:0.##}</text>\n"));
        }

        if (low < 0 && high > 0)
        {
            svg.Append(Invariant($"<line x1=\"{left}\" y1=\"{y(0):0.#}\" x2=\"{right}\" y2=\"{y(0):0.#}\" stroke=\"#999\"/>\n"));
        }
    }

    private static (double Low, double High) NiceRange(double min, double max)
    {
        if (max - min < 1e-9)
        {
            return (min - 1, max + 1);
        }

        var step = Math.Pow(10, Math.Floor(Math.Log10((max - min) / 4)));
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step);
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
