using System.Globalization;
using System.Text.Json;

namespace Leefkracht.Cli.Tests;

/// <summary>The monitor commands (trend, resilience, watchlist, model fit, compare) on the sample database.</summary>
public sealed class MonitorCommandTests(SampleDatabase database)
{
    [Fact]
    public async Task Trend_HeerlenWijk_WritesTheNote()
    {
        var result = await CliRunner.RunAsync("trend", "WK091710", "--db", database.Path, "--from", "2016", "--to", "2018");

        result.Error.ShouldBeEmpty();
        result.ExitCode.ShouldBe(0);
        result.Out.ShouldContain("Leefbaarheid 2016 → 2018: ");
        result.Out.ShouldContain("veranderklasse");
        result.Out.ShouldContain("Wat veranderde (grootste eerst; de veranderingen tellen op tot het totaal):");
    }

    [Fact]
    public async Task Trend_AmsterdamWijken_AreFollowedThroughTheCrosswalk()
    {
        var output = await CliRunner.OutputAsync("trend", "--db", database.Path, "--from", "2019", "--to", "2024", "--level", "wijk", "--gemeente", "Amsterdam", "--format", "json");

        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        rows.Count.ShouldBeGreaterThan(90);
        rows.ShouldAllBe(r => r.GetProperty("rebuilt_through_crosswalk").GetBoolean());
        rows.Count(r => r.GetProperty("change").ValueKind == JsonValueKind.Number).ShouldBeGreaterThan(80);
    }

    [Fact]
    public async Task Trend_SameYearOrUnscorableYear_IsRefused()
    {
        await CliRunner.ShouldRefuseAsync("--from en --to zijn allebei 2018: een verloop heeft twee verschillende jaren nodig", "trend", "WK091710", "--db", database.Path, "--from", "2018", "--to", "2018");
        await CliRunner.ShouldRefuseAsync("1999 heeft geen inwoners in de database", "trend", "WK091710", "--db", database.Path, "--from", "1999", "--to", "2018");
    }

    [Fact]
    public async Task Resilience_UtrechtWijken2023_TableWithLocationQuotients()
    {
        var output = await CliRunner.OutputAsync("resilience", "--db", database.Path, "--year", "2023", "--level", "wijk", "--gemeente", "GM0344", "--format", "csv");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("code,name,year,score,class,class_name,capacity,pressure,vulnerable_indicator,vulnerable_share,lq_gemeente");
        lines.Length.ShouldBe(11);
        lines.Skip(1).ShouldAllBe(l => l.StartsWith("WK0344", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resilience_OneArea_WritesTheNote()
    {
        var output = await CliRunner.OutputAsync("resilience", "WK051838", "--db", database.Path, "--year", "2015");

        output.ShouldContain("Veerkracht 2015: ");
        output.ShouldContain("locatiequotiënt");
    }

    [Fact]
    public async Task Resilience_BadCode_IsRefused()
    {
        await CliRunner.ShouldRefuseAsync("'WK05183' is geen geldige wijkcode", "resilience", "WK05183", "--db", database.Path, "--year", "2015");
    }

    [Fact]
    public async Task ModelFit_Woz_WritesAModelThatScoreAccepts()
    {
        var file = Path.Combine(Path.GetTempPath(), $"leefkracht-model-{Guid.NewGuid():N}.json");
        try
        {
            var fit = await CliRunner.RunAsync("model", "fit", "--db", database.Path, "--target", "woz", "--year", "2024", "--level", "wijk", "--out", file);
            var score = await CliRunner.RunAsync("score", "--db", database.Path, "--year", "2024", "--level", "gemeente", "--model", file, "--format", "csv");
            var show = await CliRunner.RunAsync("model", "show", file);

            fit.ExitCode.ShouldBe(0);
            fit.Out.ShouldContain("Doel log(woz_mean): ");
            fit.Out.ShouldContain("buiten de steekproef (10-voudige kruisvalidatie)");
            score.ExitCode.ShouldBe(0);
            score.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(343);
            show.Out.ShouldContain("estimated-woz_mean-2024 v1 (estimated)");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ModelFit_UnknownTargetOrTooFewAreas_IsRefused()
    {
        await CliRunner.ShouldRefuseAsync("--target: ‘happiness’ is geen 'woz' en geen indicator-id of alias uit de catalogus", "model", "fit", "--db", database.Path, "--target", "happiness", "--out", "/tmp/never.json");
        await CliRunner.ShouldRefuseAsync("kan log(woz_mean) niet schatten op de gebieden van niveau gemeente in 2024 binnen GM0344: maar 1 gebieden hebben de doelwaarde", "model", "fit", "--db", database.Path, "--target", "woz", "--year", "2024", "--level", "gemeente", "--gemeente", "GM0344", "--out", "/tmp/never.json");
        await CliRunner.ShouldRefuseAsync("--target: 'happiness' is neither 'woz' nor an indicator id", "model", "fit", "--db", database.Path, "--target", "happiness", "--out", "/tmp/never.json", "--lang", "en");
        await CliRunner.ShouldRefuseAsync("cannot estimate log(woz_mean) on the gemeente areas of 2024 in GM0344: only 1 areas have the target", "model", "fit", "--db", database.Path, "--target", "woz", "--year", "2024", "--level", "gemeente", "--gemeente", "GM0344", "--out", "/tmp/never.json", "--lang", "en");

        File.Exists("/tmp/never.json").ShouldBeFalse();
    }

    [Fact]
    public async Task Watchlist_Heerlen2018_RanksAreasWithReasons()
    {
        var output = await CliRunner.OutputAsync("watchlist", "--db", database.Path, "--gemeente", "Heerlen", "--year", "2018", "--format", "json");

        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        rows.Count.ShouldBeGreaterThan(0);
        rows[0].GetProperty("rank").GetInt32().ShouldBe(1);
        rows.ShouldAllBe(r => r.GetProperty("code").GetString()!.StartsWith("BU0917", StringComparison.Ordinal) || r.GetProperty("code").GetString()!.StartsWith("WK0917", StringComparison.Ordinal) || r.GetProperty("code").GetString() == "GM0917");
        rows.ShouldAllBe(r => r.GetProperty("reasons").GetString()!.Length > 0);
    }

    [Theory]
    [InlineData("watchlist", "--gemeente", "Heerlen", "--year", "2018")]
    [InlineData("watchlist", "--gemeente", "Utrecht")]
    [InlineData("resilience", "--gemeente", "Utrecht")]
    [InlineData("score", "--gemeente", "Utrecht", "--level", "wijk")]
    [InlineData("trend", "--gemeente", "Utrecht", "--from", "2019", "--to", "2024", "--level", "wijk")]
    public async Task Tables_InAnEightyColumnTerminal_FitOrBecomeLists(params string[] args)
    {
        // Given an ordinary terminal of 80 columns
        var result = await CliRunner.RunInTerminalAsync(80, [.. args, "--db", database.Path]);

        // Then no line is wider than the terminal, and the reasons read as whole words, not as a squeezed column
        result.ExitCode.ShouldBe(0, result.Error);
        var lines = result.Out.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        lines.Where(line => line.Length > 80).ShouldBeEmpty();
        lines.ShouldNotContain(line => line.Contains("procentpun ", StringComparison.Ordinal) || line.TrimEnd().EndsWith("procentpun", StringComparison.Ordinal));
        if (args[0] == "watchlist")
        {
            // the watchlist's reasons do not fit beside six other columns: every area is a heading with its fields under it
            lines.ShouldContain(line => line.StartsWith("1 · ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Watchlist_BacktestPanels_ReportsEveryPanel()
    {
        var output = await CliRunner.OutputAsync("watchlist", "backtest", "--panels", "--db", database.Path, "--format", "csv");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("panel,outcome,warning,cases,events,flagged,true_positives,precision,recall");
        lines.ShouldContain(l => l.StartsWith("Heerlen livability", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("\"Haaglanden resilience", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("Good perceived health", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watchlist_Backtest_OnTheLeefbaarometer_ReportsPrecisionAgainstTheNaiveRules()
    {
        var output = await CliRunner.OutputAsync("watchlist", "backtest", "--db", database.Path, "--format", "csv");
        var table = await CliRunner.RunAsync("watchlist", "backtest", "--db", database.Path);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("signal_year,outcome_year,outcome,ranking,cases,events,base_rate,auc,p@20,r@20,p@50,r@50,p@100,r@100");
        lines.Length.ShouldBe(13); // 2 signal years × 2 outcomes × 3 rankings
        lines.ShouldContain(l => l.StartsWith("2014,2018,fall,model,3795,26,0.007,", StringComparison.Ordinal) && l.Contains(",0.25,", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("2014,2018,fall,lowest-score,3795,26,0.007,", StringComparison.Ordinal) && l.Contains(",0.05,", StringComparison.Ordinal));
        table.ExitCode.ShouldBe(0);
        table.Out.ShouldContain("niet beter dan simpelweg de gebieden met de laagste score");
    }

    [Fact]
    public async Task Watchlist_Utrecht_SaysWhatTheRiskMeans()
    {
        var output = await CliRunner.OutputAsync("watchlist", "--db", database.Path, "--gemeente", "Utrecht", "--format", "csv");
        var table = await CliRunner.RunAsync("watchlist", "--db", database.Path, "--gemeente", "Utrecht");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(11);
        lines[1].ShouldStartWith("1,BU03440342,Tigrisdreef en omgeving,buurt,2023,2024,");
        lines.ShouldContain(l => l.StartsWith("10,WK034403,Wijk 03 Overvecht,", StringComparison.Ordinal));
        table.Out.ShouldContain("Kans op wegzakken naar zwak of slechter");
        table.Out.ShouldContain("daalt én daarna zwak of slechter is");
    }

    [Theory]
    [InlineData("nl", @"\d,\d %", @"\d\.\d ?%")]
    [InlineData("en", @"\d\.\d%", @"\d,\d ?%|\d %")]
    public async Task Percentages_FollowTheLanguage(string language, string expected, string wrong)
    {
        // Given the watchlist's risk (one decimal) and the score table's coverage (whole percent)
        var watchlist = await CliRunner.RunAsync("watchlist", "--db", database.Path, "--gemeente", "Utrecht", "--lang", language);
        var score = await CliRunner.RunAsync("score", "--db", database.Path, "--gemeente", "Utrecht", "--level", "wijk", "--lang", language);

        // Then Dutch writes "8,9 %" and English "8.9%"
        watchlist.ExitCode.ShouldBe(0, watchlist.Error);
        score.ExitCode.ShouldBe(0, score.Error);
        System.Text.RegularExpressions.Regex.IsMatch(watchlist.Out, expected).ShouldBeTrue(watchlist.Out);
        System.Text.RegularExpressions.Regex.IsMatch(watchlist.Out, wrong).ShouldBeFalse(watchlist.Out);
        System.Text.RegularExpressions.Regex.IsMatch(score.Out, language == "nl" ? @"\d %" : @"\d%").ShouldBeTrue(score.Out);
        System.Text.RegularExpressions.Regex.IsMatch(score.Out, language == "nl" ? @"\d%" : @"\d %").ShouldBeFalse(score.Out);
    }

    [Fact]
    public async Task KwetsbareWijken_ReproducesTheSharesDeclining()
    {
        var output = await CliRunner.OutputAsync("kwetsbare-wijken", "--db", database.Path, "--view", "periods", "--format", "csv");
        var areas = await CliRunner.RunAsync("kwetsbare-wijken", "--db", database.Path, "--view", "areas", "--gemeente", "Rotterdam", "--format", "csv");
        var wrong = await CliRunner.RunAsync("kwetsbare-wijken", "--db", database.Path, "--view", "everything");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("set,wijken,fell_2002_2008,fell_2008_2012,fell_2012_2014,fell_2014_2016,fell_2016_2018,fell_2012_2016,fell_2012_2018");
        lines.ShouldContain("all,3230,0.432,0.25,0.341,0.247,0.451,0.221,0.178");
        lines.ShouldContain("zwak,266,0.402,0.18,0.395,0.222,0.38,0.237,0.226");
        lines.ShouldContain("zwak-owner-lt30,59,0.237,0.169,0.492,0.305,0.373,0.356,0.356");
        areas.ExitCode.ShouldBe(0);
        var rotterdam = areas.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        rotterdam[0].ShouldBe("code,name,gemeente,inhabitants,owner_occupied_pct,2002,2008,2012,2014,2016,2018");
        rotterdam.Skip(1).ShouldAllBe(l => l.StartsWith("WK0599", StringComparison.Ordinal));
        rotterdam.ShouldContain(l => l.Contains("Feijenoord", StringComparison.Ordinal));
        wrong.ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public async Task Watchlist_FromAfterYear_IsRefused()
    {
        await CliRunner.ShouldRefuseAsync("--from 2019 moet vóór het jaar van de signaleringslijst liggen (2018)", "watchlist", "--db", database.Path, "--year", "2018", "--from", "2019");
    }

    [Fact]
    public async Task Compare_Rotterdam_CorrelatesWithEveryWijkprofielIndex()
    {
        var output = await CliRunner.OutputAsync("compare", "--db", database.Path, "--gemeente", "Rotterdam", "--year", "2024", "--format", "csv");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("ours,external,areas,pearson,spearman");
        // The default (calibrated) model has four dimensions with weight (crime got none): total + 4 rows per external index.
        lines.Length.ShouldBe(1 + (9 * 5));
        lines.ShouldContain(l => l.StartsWith("total,wijkprofiel_social_index,63,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compare_Rotterdam_WithTheHandSetModel_HasAllFiveDimensions()
    {
        var output = await CliRunner.OutputAsync("compare", "--db", database.Path, "--gemeente", "Rotterdam", "--year", "2024", "--format", "csv", "--model", "leefkracht-default");

        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1 + (9 * 6));
    }

    [Fact]
    public async Task Explain_RotterdamBuurt_MentionsTheWijkprofiel()
    {
        var output = await CliRunner.OutputAsync("explain", "BU05991571", "--db", database.Path, "--year", "2024");

        output.ShouldStartWith("Tarwewijk (BU05991571), buurt in Charlois, Rotterdam — 2024");
        output.ShouldContain("Leefbaarheid 2024: zwak (klasse 4 van 9, score 72), een afwijking van −0,279");
        output.ShouldContain("Verwachte Leefbaarometer-klasse (schatting, geen meting): zwak (klasse 4), Leefbaarometer 3.0-score 3,821 met 90 %-interval 3,730–3,909 (klassen 3–5)");
        output.ShouldContain("  +0,003  de constante van het model");
        output.ShouldContain("Andere indices van dit gebied: Wijkprofiel Rotterdam: sociale index 2016: 79");
        output.ShouldNotContain("geen waarden");
    }

    [Fact]
    public async Task Explain_RotterdamBuurt_WithTheHandSetModel_KeepsItsVerdict()
    {
        var output = await CliRunner.OutputAsync("explain", "BU05991571", "--db", database.Path, "--year", "2024", "--model", "leefkracht-default");

        output.ShouldContain("Leefbaarheid 2024: onvoldoende (klasse 3 van 9, score 13), een afwijking van −0,867");
        output.ShouldNotContain("Verwachte Leefbaarometer-klasse");
    }

    [Fact]
    public async Task Explain_Overvecht_ShowsTheOfficialLeefbaarometerBesideOurScore()
    {
        var output = await CliRunner.OutputAsync("explain", "WK034403", "--db", database.Path, "--year", "2024");

        output.ShouldContain("Officiële Leefbaarometer (naast onze score, geen onderdeel ervan):");
        output.ShouldContain("2018: lbm 3,762, afw −0,340, klasse 3 onvoldoende (afgeleide klassengrenzen, niet officieel)");
        output.ShouldContain("Metingen: 2002 3,832 (4), 2008 3,795 (3), 2012 3,828 (4), 2014 3,802 (3), 2016 3,789 (3), 2018 3,762 (3)");
        output.ShouldContain("Bron: Leefbaarometer 3.0, Ministerie van BZK (leefbaarometer3_pc4_2002-2018.csv.gz; referentie lbm − afw = 4,102265)");
    }

    [Fact]
    public async Task Compare_Leefbaarometer_CorrelatesTheHandSetModelsWijkScoresWithTheOfficialOnes()
    {
        var lines = await CompareWithLeefbaarometerAsync("leefkracht-default");

        lines.Length.ShouldBe(1 + (6 * 6)); // total and five dimensions against afw and the five LBM dimensions of 2018
        var (areas, agreement) = Total(lines);
        areas.ShouldBeGreaterThan(3_000);
        agreement.ShouldBeGreaterThan(0.3); // the hand-set model: docs/leefbaarometer.md
    }

    [Fact]
    public async Task Compare_Leefbaarometer_TheCalibratedDefaultAgreesBetterThanTheHandSetModel()
    {
        var calibrated = Total(await CompareWithLeefbaarometerAsync(null));
        var handSet = Total(await CompareWithLeefbaarometerAsync("leefkracht-default"));

        calibrated.Areas.ShouldBeGreaterThan(3_000);
        calibrated.Agreement.ShouldBeGreaterThan(handSet.Agreement);
    }

    private async Task<string[]> CompareWithLeefbaarometerAsync(string? model)
    {
        string[] arguments = ["compare", "--external", "leefbaarometer", "--level", "wijk", "--db", database.Path, "--year", "2024", "--format", "csv"];
        var result = await CliRunner.RunAsync(model is null ? arguments : [.. arguments, "--model", model]);
        result.ExitCode.ShouldBe(0, result.Error);
        return result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static (int Areas, double Agreement) Total(string[] lines)
    {
        var total = lines.Single(l => l.StartsWith("total,leefbaarometer,", StringComparison.Ordinal)).Split(',');
        return (int.Parse(total[2], CultureInfo.InvariantCulture), double.Parse(total[4], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Compare_NoExternalScores_IsRefused()
    {
        await CliRunner.ShouldRefuseAsync("geen scores van anderen gevonden", "compare", "--db", database.Path, "--gemeente", "Heerlen", "--year", "2018");
    }
}
