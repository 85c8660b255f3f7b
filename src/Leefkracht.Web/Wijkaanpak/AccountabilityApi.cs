using Leefkracht.Data.Catalog;
using Leefkracht.Data.Export;
using Leefkracht.Data.Storage;
using Leefkracht.Wijkaanpak.Domain;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>
/// The accountability view of a programme (what is late and by whom, what was done, how the linked indicators
/// moved) as JSON, CSV and PDF for the council. Indicator values come from the monitor's store for the programme's
/// area: the stored series per indicator, baseline at the programme's start year.
/// </summary>
public static class AccountabilityApi
{
    internal static async Task<IResult> GetJson(long id, WijkaanpakSession s, IMonitorStore monitor, ProgrammeViews views, CancellationToken ct)
    {
        var view = await BuildAsync(id, s, monitor, views, ct);
        return view is null ? WijkaanpakSession.NotFound("programme") : TypedResults.Ok(view);
    }

    internal static async Task<IResult> GetCsv(long id, WijkaanpakSession s, IMonitorStore monitor, ProgrammeViews views, CancellationToken ct, string? dialect = null)
    {
        var errors = new RequestErrors();
        var csvDialect = errors.CsvDialect(dialect);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var view = await BuildAsync(id, s, monitor, views, ct);
        if (view is null)
        {
            return WijkaanpakSession.NotFound("programme");
        }

        var rows = new List<IReadOnlyList<object?>>();
        foreach (var item in view.Agreements)
        {
            var a = item.Agreement;
            var indicators = item.Indicators.Count > 0 ? item.Indicators : [null!];
            foreach (var i in indicators)
            {
                rows.Add(
                [
                    a.Id, Tables.SafeCell(a.Title), Tables.SafeCell(a.OwnerParty.Name), a.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Status, item.StatusLabel, item.DaysLate,
                    i?.Indicator, i?.Name, i?.Target, i?.Baseline?.Year, i?.Baseline?.Value, i?.Latest?.Year, i?.Latest?.Value, i?.Movement,
                ]);
            }
        }

        return Tables.CsvFile(new ExportTable(
            "accountability",
            ["agreement_id", "title", "owner_party", "deadline", "status", "status_label", "days_late", "indicator", "indicator_name", "target", "baseline_year", "baseline_value", "latest_year", "latest_value", "movement"],
            rows), csvDialect, $"leefkracht-verantwoording-{id}");
    }

    internal static async Task<IResult> GetPdf(long id, WijkaanpakSession s, IMonitorStore monitor, ProgrammeViews views, HtmlPages pages, PdfPrinter printer, HttpResponse response, CancellationToken ct)
    {
        var view = await BuildAsync(id, s, monitor, views, ct);
        if (view is null)
        {
            return WijkaanpakSession.NotFound("programme");
        }

        if (printer.Chromium is null)
        {
            return Problems.Unavailable(ProblemText.Words["PdfAccountability"]);
        }

        var html = await pages.RenderAsync<AccountabilityPage>(new Dictionary<string, object?>
        {
            [nameof(AccountabilityPage.View)] = view,
        });
        var (pdf, busy) = await printer.PrintAsync(html, key: null, response, ct);
        return busy is not null ? busy : TypedResults.File(pdf!, "application/pdf", $"leefkracht-verantwoording-{id}.pdf");
    }

    /// <summary>The view, or null when the account may not see the programme.</summary>
    internal static async Task<AccountabilityDto?> BuildAsync(long id, WijkaanpakSession s, IMonitorStore monitor, ProgrammeViews views, CancellationToken ct)
    {
        if (await s.VisibleProgrammeAsync(id, ct) is not { } access)
        {
            return null;
        }

        var programme = access.Programme;
        var agreements = await s.Store.ListAgreementsAsync(id, ct);
        var series = await SeriesAsync(monitor, programme.AreaCode, ct);
        var view = Accountability.Build(programme, agreements, series, s.Today);
        var funding = await s.Store.ListFundingAsync(id, ct);
        await s.PartiesAsync(ct);
        var byAgreement = agreements.ToDictionary(a => a.Id);
        return new AccountabilityDto(
            await views.SummaryAsync(s, programme, ct),
            view.AsOf,
            programme.StartYear,
            series.Values.SelectMany(v => v).Select(v => (int?)v.Year).Max(),
            new StatusCountsDto(view.Counts[AgreementStatus.Planned], view.Counts[AgreementStatus.InProgress], view.Counts[AgreementStatus.Done], view.Counts[AgreementStatus.Late], view.Counts[AgreementStatus.NotKept]),
            [.. view.LateByParty.Select(l => new LateByPartyDto(s.Party(l.PartyId), l.Late))],
            [.. view.Agreements.Select(a => new AgreementAccountDto(WijkaanpakDtos.AgreementDto(s, a.Agreement), WijkaanpakDtos.StatusLabel(a.Status), a.DaysLate, [.. a.Indicators.Select(i => Progress(i))]))],
            [.. view.Goals.Select(g => Progress(g))],
            new FundingSummaryDto(
                funding.Sum(f => f.AmountCents) / 100m,
                [.. funding.GroupBy(f => f.FunderPartyId).Select(g => new FundingByPartyDto(s.Party(g.Key), g.Sum(f => f.AmountCents) / 100m)).OrderByDescending(f => f.Amount)]));
    }

    /// <summary>Every stored value of the area, per indicator and year (the area's own code in every division it occurs in).</summary>
    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<YearValue>>> SeriesAsync(IMonitorStore monitor, string areaCode, CancellationToken ct)
    {
        if (!AreaCode.TryParse(areaCode, out var code, out _))
        {
            return new Dictionary<string, IReadOnlyList<YearValue>>();
        }

        var observations = await monitor.LoadObservationsAsync(code, null, ct);
        return observations
            .GroupBy(o => o.IndicatorId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<YearValue>)[.. g.GroupBy(o => o.Period).Select(p => new YearValue(p.Key, p.OrderByDescending(o => o.Area.Year).First().Value)).OrderBy(v => v.Year)],
                StringComparer.Ordinal);
    }

    private static IndicatorProgressDto Progress(IndicatorProgress p) => new(
        p.IndicatorId,
        CatalogDocument.Default.Catalog.TryGet(p.IndicatorId, out var definition) ? definition.Name() : p.IndicatorId,
        p.Target,
        p.Baseline is { } b ? new ValueInYearDto(b.Year, b.Value) : null,
        p.Latest is { } l ? new ValueInYearDto(l.Year, l.Value) : null,
        // A latest value from the start year itself is no movement at all: "unchanged" would claim a second measurement.
        p.Latest is { } latest && p.Baseline is { } start && latest.Year <= start.Year ? "no_later_value" : p.Movement switch
        {
            Movement.TowardTarget => "toward_target",
            Movement.AwayFromTarget => "away_from_target",
            Movement.Unchanged => "unchanged",
            Movement.Reached => "reached",
            _ => "unknown",
        });
}
