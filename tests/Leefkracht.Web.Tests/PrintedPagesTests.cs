using System.Globalization;
using Leefkracht.Web.Hosting;
using Leefkracht.Web.Monitor;
using Leefkracht.Web.Wijkaanpak;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leefkracht.Web.Tests;

/// <summary>
/// The printed pages (Razor components rendered by <see cref="HtmlPages"/>) with text that users or sources control
/// written as markup: every value comes out encoded, so the page has no element, script or attribute it did not have.
/// </summary>
public sealed class PrintedPagesTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(1)>";
    private const string Quote = "\"><svg onload=alert(1)>";

    private static readonly HtmlPages Pages = new(NullLoggerFactory.Instance);

    [Fact]
    public async Task AreaReport_EncodesEveryValue()
    {
        // Given: a profile whose names, note and flags are markup
        var (profile, history) = MarkupProfile();

        // When
        var html = await Pages.RenderAsync<AreaReportPage>(new Dictionary<string, object?>
        {
            [nameof(AreaReportPage.Profile)] = profile,
            [nameof(AreaReportPage.History)] = history,
            [nameof(AreaReportPage.Printed)] = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero),
        });

        // Then
        ShouldBeInert(html);
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain("&quot;&gt;&lt;svg onload=alert(1)&gt;");
        html.ShouldContain("−0,250");
        html.ShouldContain("Waarom: bijdragen per dimensie en indicator");
        html.ShouldContain("@media print");
        html.ShouldContain("href=\"/api/v1/areas/BU03440111/report.pdf?year=2024&amp;lang=nl\"");
    }

    [Fact]
    public async Task Accountability_EncodesEveryValue()
    {
        // Given: a programme, parties, an agreement and an indicator named with markup
        var view = MarkupAccountability();

        // When
        var html = await Pages.RenderAsync<AccountabilityPage>(new Dictionary<string, object?>
        {
            [nameof(AccountabilityPage.View)] = view,
        });

        // Then
        ShouldBeInert(html);
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain("19.630 (2023) → 20.190 (2024)");
        html.ShouldContain("richting doel");
        html.ShouldNotContain("toward target");
        html.ShouldContain("(29 dagen)");
        html.ShouldContain("€ 125.000,50");
    }

    [Fact]
    public async Task PrintedPages_SpeakEnglish_WhenTheRequestDoes()
    {
        // Given: the request asks for English (request localization sets the UI culture)
        var (profile, history) = MarkupProfile();
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            // When
            var report = await Pages.RenderAsync<AreaReportPage>(new Dictionary<string, object?>
            {
                [nameof(AreaReportPage.Profile)] = profile,
                [nameof(AreaReportPage.History)] = history,
                [nameof(AreaReportPage.Printed)] = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero),
            });
            var accountability = await Pages.RenderAsync<AccountabilityPage>(new Dictionary<string, object?> { [nameof(AccountabilityPage.View)] = MarkupAccountability() });

            // Then: the words come from the English resources, the numbers have English separators
            report.ShouldContain("<html lang=\"en\">");
            report.ShouldContain("Why: contributions per dimension and indicator");
            report.ShouldContain("Source: CBS and others, see the Data page");
            report.ShouldContain("−0.250");
            accountability.ShouldContain("Agreements and indicators");
            accountability.ShouldContain("(29 days)");
            accountability.ShouldContain("€ 125,000.50");
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    private static (AreaProfileDto Profile, AreaHistoryDto History) MarkupProfile()
    {
        var profile = new AreaProfileDto(
            new AreaDto("BU03440111", Script, "buurt", 2024, new AreaRefDto("GM0344", Image), null),
            2024,
            Quote,
            new ScoreDto(-0.25, 3, Image, 12.3, 1, null),
            [new DimensionDto("won", Script, -0.1, 1, [new IndicatorContributionDto("x", Image, "%", 12.5, 10, null, null, -0.4, 0.25, -0.1, true)])],
            new ComparisonDto(null, new ComparedScoreDto("GM0344", Quote, 0.1, 6, Script, new Dictionary<string, double>()), new ComparedScoreDto("NL", "Nederland", 0, 5, "voldoende", new Dictionary<string, double>())),
            new ResilienceDto(0.5, 4, Script, 0.2, -0.3, Image, 40, 1.2, 1.5, 30, true, null, [], null),
            [new FlagDto("late", Script)],
            null,
            Script + "\n" + Image,
            Quote);
        var history = new AreaHistoryDto("BU03440111", Script, Image, [new HistoryPointDto(2023, -0.2, 3, 1, new Dictionary<string, double>(), null, null), new HistoryPointDto(2024, -0.25, 3, 1, new Dictionary<string, double>(), null, null)], [], []);
        return (profile, history);
    }

    private static AccountabilityDto MarkupAccountability()
    {
        var party = new PartyDto(1, Image, "gemeente");
        var agreement = new AgreementDto(7, 3, Script, "d", party, [], new DateOnly(2025, 1, 31), [], "late", "planned", true, true, 1);
        return new AccountabilityDto(
            new ProgrammeSummaryDto(3, Script, "BU03440111", Quote, 2023, true, party, 1, 1),
            new DateOnly(2025, 3, 1),
            2023,
            2024,
            new StatusCountsDto(0, 0, 0, 1, 0),
            [new LateByPartyDto(party, 1)],
            [new AgreementAccountDto(agreement, Script, 29, [new IndicatorProgressDto("population", Image, 21000, new ValueInYearDto(2023, 19630), new ValueInYearDto(2024, 20190), "toward_target")])],
            [],
            new FundingSummaryDto(125000.50m, []));
    }

    private static void ShouldBeInert(string html)
    {
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldNotContain("<svg", Case.Insensitive);
    }
}
