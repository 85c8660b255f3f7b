using System.Net;
using System.Text;
using Leefkracht.Core.Text;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>The accountability view as a self-contained A4 page for the council (no scripts, nothing loaded), printed to PDF.</summary>
internal static class AccountabilityPage
{
    public static string Render(AccountabilityDto view)
    {
        // The words follow the UI culture (request localization); the page becomes a Razor component in the formats work.
        var lang = Words.InEnglish ? "en" : "nl";
        string T(string nl, string english) => Words.InEnglish ? english : nl;
        static string H(object? text) => WebUtility.HtmlEncode(Convert.ToString(text, CultureInfo.InvariantCulture) ?? string.Empty);
        // The app runs in globalization-invariant mode (no culture data): Dutch separators are spelled out here.
        var numbers = Words.InEnglish ? NumberFormatInfo.InvariantInfo : new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };
        string N(double? value) => value is { } v ? v.ToString("#,0.##", numbers) : "–";
        var p = view.Programme;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{H(p.Name)}</title><style>")
            .Append("@page{size:A4;margin:16mm}body{font:10pt/1.4 system-ui,sans-serif;color:#111}h1{font-size:16pt;margin:0}h2{font-size:12pt;margin:14pt 0 4pt}")
            .Append("table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:2pt 4pt;text-align:left;vertical-align:top}.late{color:#b00;font-weight:bold}.num{text-align:right}")
            .Append("</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{H(T("Verantwoording", "Accountability"))}: {H(p.Name)}</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p>{H(p.AreaName)} ({H(p.AreaCode)}) · {H(T("coördinatie", "coordinated by"))} {H(p.CoordinatorParty.Name)} · {H(T("stand per", "as of"))} {view.AsOf:yyyy-MM-dd} · {H(T("basisjaar", "base year"))} {view.StartYear}</p>");
        var c = view.Counts;
        html.Append(CultureInfo.InvariantCulture, $"<p>{H(T("Afspraken", "Agreements"))}: {c.Planned} {H(T("gepland", "planned"))}, {c.InProgress} {H(T("in uitvoering", "in progress"))}, {c.Done} {H(T("gedaan", "done"))}, <span class=\"late\">{c.Late} {H(T("te laat", "late"))}</span>, {c.NotKept} {H(T("niet nagekomen", "not kept"))}.</p>");
        if (view.LateByParty.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{H(T("Te laat, per partij", "Late, by party"))}</h2><ul>");
            foreach (var late in view.LateByParty)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{H(late.Party.Name)}: {late.Agreements}</li>");
            }

            html.Append("</ul>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>{H(T("Afspraken en indicatoren", "Agreements and indicators"))}</h2><table><thead><tr>")
            .Append(CultureInfo.InvariantCulture, $"<th>{H(T("Afspraak", "Agreement"))}</th><th>{H(T("Eigenaar", "Owner"))}</th><th>{H(T("Deadline", "Deadline"))}</th><th>{H(T("Status", "Status"))}</th><th>{H(T("Indicator: start → laatst (doel)", "Indicator: start → latest (target)"))}</th></tr></thead><tbody>");
        foreach (var item in view.Agreements)
        {
            var a = item.Agreement;
            var status = item.DaysLate > 0 ? $"<span class=\"late\">{H(item.StatusLabel)} ({item.DaysLate} {H(T("dagen", "days"))})</span>" : H(item.StatusLabel);
            var indicators = string.Join("<br>", item.Indicators.Select(i =>
                $"{H(i.Name)}: {N(i.Baseline?.Value)} ({i.Baseline?.Year.ToString(CultureInfo.InvariantCulture) ?? "–"}) → {N(i.Latest?.Value)} ({i.Latest?.Year.ToString(CultureInfo.InvariantCulture) ?? "–"}) ({H(T("doel", "target"))} {N(i.Target)}; {H(i.Movement.Replace('_', ' '))})"));
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{H(a.Title)}</td><td>{H(a.OwnerParty.Name)}</td><td>{a.Deadline:yyyy-MM-dd}</td><td>{status}</td><td>{indicators}</td></tr>");
        }

        html.Append("</tbody></table>");
        html.Append(CultureInfo.InvariantCulture, $"<h2>{H(T("Financiering", "Funding"))}</h2><p>{H(T("Totaal", "Total"))}: € {view.Funding.Total.ToString("#,0.00", numbers)}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p><small>{H(UiText.Caveat)}</small></p></body></html>");
        return html.ToString();
    }
}
