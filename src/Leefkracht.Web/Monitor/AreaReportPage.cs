using System.Net;
using System.Text;
using Leefkracht.Core.Text;

namespace Leefkracht.Web.Monitor;

/// <summary>
/// The printable area report: one self-contained HTML page (inline styles, bars drawn with CSS, no scripts), so that
/// a browser prints it as it is and headless Chromium turns it into a PDF without loading anything.
/// </summary>
internal static class AreaReportPage
{
    private const string Style = """
            body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; margin: 2rem auto; max-width: 48rem; line-height: 1.4; font-size: 11pt; }
            h1 { font-size: 1.6rem; margin: 0 0 .2rem; } h2 { font-size: 1.15rem; margin: 1.4rem 0 .4rem; border-bottom: 1px solid #999; }
            .sub { color: #444; margin: 0 0 1rem; }
            .score { display: flex; gap: 1rem; align-items: baseline; font-size: 1.1rem; }
            .class { padding: .2rem .6rem; border-radius: .3rem; color: #fff; background: #2f4f6f; }
            table { border-collapse: collapse; width: 100%; font-size: .9rem; } th, td { text-align: left; padding: .2rem .4rem; border-bottom: 1px solid #ddd; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            .bar { position: relative; height: .8rem; background: #eee; width: 12rem; }
            .bar span { position: absolute; top: 0; height: 100%; } .bar .pos { background: #1b7837; left: 50%; } .bar .neg { background: #b2182b; right: 50%; }
            .bar::after { content: ""; position: absolute; left: 50%; top: -2px; bottom: -2px; border-left: 1px solid #333; }
            .caveat { border: 1px solid #999; padding: .6rem; background: #f6f6f6; margin-top: 1.2rem; }
            .note { white-space: pre-wrap; font-size: .85rem; }
            footer { margin-top: 1.5rem; font-size: .8rem; color: #444; }
            @page { size: A4; margin: 15mm; }
            @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } .no-print { display: none; } }
        """;

    public static string Render(AreaProfileDto profile, AreaHistoryDto history, DateTimeOffset printed)
    {
        // The words follow the UI culture (request localization); the page becomes a Razor component in the formats work.
        var lang = Words.InEnglish ? "en" : "nl";
        string T(string nl, string english) => Words.InEnglish ? english : nl;
        var numbers = Words.InEnglish ? NumberFormatInfo.InvariantInfo : new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };
        string N(double? v, string format = "0.000") => v is { } x ? (x < 0 ? "−" + Math.Abs(x).ToString(format, numbers) : x.ToString(format, numbers)) : "–";
        string E(string? s) => WebUtility.HtmlEncode(s ?? string.Empty);
        var area = profile.Area;
        var place = string.Join(", ", new[] { area.Wijk?.Name, area.Gemeente?.Name }.Where(n => n is not null));
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="{lang}">
            <head>
            <meta charset="utf-8">
            <title>{E(area.Name)} ({area.Code}) — Leefkracht {profile.Year}</title>
            <style>
            {Style}
            </style>
            </head>
            <body>
            <p class="no-print"><a href="/#/area/{area.Code}?year={profile.Year}">{T("Terug naar het dashboard", "Back to the dashboard")}</a> · <a href="/api/v1/areas/{area.Code}/report.pdf?year={profile.Year}&amp;lang={lang}">PDF</a></p>
            <h1>{E(area.Name)} <small>({area.Code})</small></h1>
            <p class="sub">{E(area.Level)}{(place.Length > 0 ? " in " + E(place) : string.Empty)} · {T("gegevens", "data")} {profile.Year} · {T("referentie", "reference")}: {E(profile.Reference)}</p>
            """);
        var score = profile.Score;
        html.Append(CultureInfo.InvariantCulture, $"""
            <h2>{T("Leefbaarheid", "Livability")}</h2>
            <div class="score"><strong>{N(score.Deviation)}</strong>{(score.ClassName is { } name ? $"<span class=\"class\">{score.Class} {E(name)}</span>" : string.Empty)}
            {(score.Percentile is { } p ? $"<span>{T("beter dan", "better than")} {p.ToString("0", numbers)} % {T("van de inwoners van de referentie", "of the reference's inhabitants")}</span>" : string.Empty)}</div>
            {(score.NotScoredReason is { } reason ? $"<p>{E(reason)}</p>" : string.Empty)}
            """);
        if (profile.Dimensions.Count > 0)
        {
            var scale = Math.Max(0.05, profile.Dimensions.SelectMany(d => d.Indicators.Select(i => Math.Abs(i.Contribution)).Append(Math.Abs(d.Contribution))).Max());
            string Bar(double v) => $"<div class=\"bar\"><span class=\"{(v >= 0 ? "pos" : "neg")}\" style=\"width:{(50 * Math.Min(1, Math.Abs(v) / scale)).ToString("0.#", CultureInfo.InvariantCulture)}%\"></span></div>";
            html.Append(CultureInfo.InvariantCulture, $"""
                <h2>{T("Waarom: bijdragen per dimensie en indicator", "Why: contributions per dimension and indicator")}</h2>
                <table><thead><tr><th>{T("Dimensie / indicator", "Dimension / indicator")}</th><th class="num">{T("waarde", "value")}</th><th class="num">{T("referentie", "reference")}</th><th class="num">{T("gemeente", "gemeente")}</th><th class="num">{T("bijdrage", "contribution")}</th><th></th></tr></thead><tbody>
                """);
            foreach (var dimension in profile.Dimensions.OrderByDescending(d => Math.Abs(d.Contribution)))
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(dimension.Name)}</th><td></td><td></td><td></td><td class=\"num\"><strong>{N(dimension.Contribution)}</strong></td><td>{Bar(dimension.Contribution)}</td></tr>");
                foreach (var indicator in dimension.Indicators)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td>&nbsp;&nbsp;{E(indicator.Name)}{(indicator.FromBuurten ? " *" : string.Empty)}</td><td class=\"num\">{N(indicator.Value, "0.##")}</td><td class=\"num\">{N(indicator.ReferenceMean, "0.##")}</td><td class=\"num\">{N(indicator.GemeenteValue, "0.##")}</td><td class=\"num\">{N(indicator.Contribution)}</td><td>{Bar(indicator.Contribution)}</td></tr>");
                }
            }

            html.Append("</tbody></table>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>{T("Vergelijking", "Comparison")}</h2><table><thead><tr><th></th><th class=\"num\">{T("afwijking", "deviation")}</th><th>{T("klasse", "class")}</th></tr></thead><tbody>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(area.Name)}</td><td class=\"num\">{N(score.Deviation)}</td><td>{E(score.ClassName)}</td></tr>");
        foreach (var compared in new[] { profile.Comparison.Wijk, profile.Comparison.Gemeente, profile.Comparison.Country }.OfType<ComparedScoreDto>())
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(compared.Name ?? compared.Code)}</td><td class=\"num\">{N(compared.Deviation)}</td><td>{E(compared.ClassName)}</td></tr>");
        }

        html.Append("</tbody></table>");
        if (history.Points.Count > 1)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{T("Verloop", "Trend")}</h2><p>{T("Alle jaren op één referentie", "All years on one reference")}: {E(history.Reference)}.</p><table><thead><tr><th>{T("jaar", "year")}</th><th class=\"num\">{T("afwijking", "deviation")}</th><th class=\"num\">{T("dekking", "coverage")}</th></tr></thead><tbody>");
            foreach (var point in history.Points)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{point.Year}</td><td class=\"num\">{N(point.Deviation)}</td><td class=\"num\">{(point.Coverage * 100).ToString("0", numbers)} %</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        if (profile.Resilience is { } r)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <h2>{T("Veerkracht", "Resilience")}</h2>
                <p>{(r.Score is not null ? $"<strong>{N(r.Score, "0.00")}</strong> ({E(r.ClassName)}) · {T("draagkracht", "capacity")} {N(r.Capacity, "0.00")} · {T("druk", "pressure")} {N(r.Pressure, "0.00")}" : E(r.NotScoredReason))}</p>
                <p>{(r.VulnerableShare is { } share ? $"{E(r.VulnerableIndicator)}: {share.ToString("0.#", numbers)} % · LQ gemeente {N(r.LocationQuotientGemeente, "0.00")} · LQ {T("land", "country")} {N(r.LocationQuotientCountry, "0.00")}" : string.Empty)}
                {(r.CorporationShare is { } corporation ? $" · {T("corporatiewoningen", "corporation dwellings")} {corporation.ToString("0.#", numbers)} %" : string.Empty)}</p>
                """);
        }

        if (profile.Flags.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{T("Signalen", "Flags")}</h2><ul>");
            foreach (var flag in profile.Flags)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(flag.Text)}</li>");
            }

            html.Append("</ul>");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <h2>{T("Toelichting", "Note")}</h2>
            <div class="note">{E(profile.Note)}</div>
            <div class="caveat" role="note"><strong>{T("Let op", "Note")}:</strong> {E(profile.Caveat)}</div>
            <footer>Leefkracht · {T("afgedrukt", "printed")} {printed.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} · {T("Bron: CBS en anderen, zie de pagina Gegevens", "Source: CBS and others, see the Data page")}</footer>
            </body>
            </html>
            """);
        return html.ToString();
    }
}
