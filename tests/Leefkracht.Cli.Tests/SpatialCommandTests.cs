using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace Leefkracht.Cli.Tests;

/// <summary>
/// <c>spatial</c> and <c>segregation</c> end to end on the demo database, checked against the committed R spdep outputs
/// in <c>tests/reference/spatial</c>.
/// </summary>
public sealed class SpatialCommandTests(SampleDatabase database)
{
    private static string Reference(string name) => Path.Combine(TestData.RepositoryRoot, "tests", "reference", "spatial", name);

    private static List<Dictionary<string, string>> ReadCsv(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => SplitCsv(l).Select((cell, i) => (header[i], cell)).ToDictionary(x => x.Item1, x => x.cell))];
    }

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else if (c != '\r')
            {
                current.Append(c);
            }
        }

        cells.Add(current.ToString());
        return cells;
    }

    private static List<Dictionary<string, string>> ReadReference(string name)
    {
        using var file = File.OpenRead(Reference(name));
        using Stream stream = name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        return ReadCsv(reader.ReadToEnd().Replace("\"", string.Empty, StringComparison.Ordinal));
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [Fact]
    public async Task SpatialWeights_Fuzzy5_NationalListEqualsTheReference()
    {
        // When
        var result = await CliRunner.RunAsync("spatial", "weights", "--db", database.Path, "--year", "2024", "--weights", "fuzzy", "--snap", "5", "--format", "csv");

        // Then
        result.ExitCode.ShouldBe(0, result.Error);
        var ours = ReadCsv(result.Out).ToDictionary(r => r["code"], r => r["neighbours"]);
        var theirs = ReadReference("neighbours_buurt2024_fuzzy5.csv.gz").ToDictionary(r => r["code"], r => r["neighbours"]);
        ours.Count.ShouldBe(13_748);
        ours.ShouldBe(theirs);
    }

    [Fact]
    public async Task SpatialWeights_Table_SummarisesInEnglish()
    {
        var result = await CliRunner.RunAsync("spatial", "weights", "--db", database.Path, "--year", "2024", "--gemeente", "Utrecht", "--weights", "rook", "--snap", "5", "--lang", "en");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("rook (snap 5 m)");
        result.Out.ShouldContain("Islands (no neighbours)");
    }

    [Fact]
    public async Task SpatialWeights_AttachIslands_LeavesNoIslandInADistanceBand()
    {
        string[] args = ["spatial", "weights", "--db", database.Path, "--year", "2024", "--weights", "band:2000", "--format", "csv"];

        var band = ReadCsv((await CliRunner.RunAsync(args)).Out);
        var attached = ReadCsv((await CliRunner.RunAsync([.. args, "--attach-islands"])).Out);

        band.Count(r => r["neighbour_count"] == "0").ShouldBe(424);
        attached.Count(r => r["neighbour_count"] == "0").ShouldBe(0);
        // Each island gains at least one link (two islands that are each other's nearest share one mutual link).
        attached.Sum(r => int.Parse(r["neighbour_count"], CultureInfo.InvariantCulture))
            .ShouldBeGreaterThanOrEqualTo(band.Sum(r => int.Parse(r["neighbour_count"], CultureInfo.InvariantCulture)) + 424);
    }

    [Fact]
    public async Task SpatialMoran_Wijken_UseTheNearestBoundaryYear()
    {
        // Heerlen 2016 has wijk values and the 2016 wijk boundaries are in the sample.
        var result = await CliRunner.RunAsync("spatial", "moran", "--db", database.Path, "--indicator", "dwellings_corporation_pct", "--year", "2016",
            "--level", "wijk", "--gemeente", "Heerlen", "--permutations", "99", "--lang", "en");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("boundaries 2016");
        result.Out.ShouldContain("Moran's I = ");
    }

    [Fact]
    public async Task SpatialMoran_OwnerOccupied2024_EqualsMoranTest()
    {
        var result = await CliRunner.RunAsync("spatial", "moran", "--db", database.Path, "--indicator", "dwellings_owner_occupied_pct", "--year", "2024",
            "--weights", "queen", "--snap", "5", "--permutations", "99", "--format", "json");

        result.ExitCode.ShouldBe(0, result.Error);
        var ours = JsonDocument.Parse(result.Out).RootElement[0];
        var theirs = ReadReference("global_buurt2024_owner_queen5.csv")[0];
        ours.GetProperty("I").GetDouble().ShouldBe(Number(theirs["I"]), 1e-9);
        ours.GetProperty("z_randomisation").GetDouble().ShouldBe(Number(theirs["z_randomisation"]), 1e-9);
        ours.GetProperty("p_permutation").GetDouble().ShouldBe(0.01); // 1/(99 + 1): no permutation reaches an I of 0.4
    }

    [Fact]
    public async Task SpatialLisa_UtrechtCorporation_EqualsLocalmoranAndIsReproducible()
    {
        string[] args = ["spatial", "lisa", "--db", database.Path, "--indicator", "dwellings_corporation_pct", "--year", "2023", "--gemeente", "GM0344",
            "--weights", "fuzzy", "--snap", "5", "--seed", "5", "--fdr", "none", "--format", "csv"];

        var first = await CliRunner.RunAsync(args);
        var again = await CliRunner.RunAsync(args);

        first.ExitCode.ShouldBe(0, first.Error);
        again.Out.ShouldBe(first.Out);
        var ours = ReadCsv(first.Out);
        var theirs = ReadReference("local_utrecht2023_corporation_fuzzy5.csv.gz");
        ours.Select(r => r["code"]).ShouldBe(theirs.Select(r => r["code"]));
        for (var i = 0; i < ours.Count; i++)
        {
            Number(ours[i]["I"]).ShouldBe(Number(theirs[i]["Ii"]), 1e-9);
            Number(ours[i]["z"]).ShouldBe(Number(theirs[i]["Z_conditional"]), 1e-9);
        }

        ours.Select(r => r["cluster"]).ShouldAllBe(c => c == "HH" || c == "LL" || c == "HL" || c == "LH" || c == "ns" || c == "island");
        ours.ShouldContain(r => r["cluster"] == "HH");
    }

    [Fact]
    public async Task SpatialLisa_OwnerOccupiedNationally_FindsClustersThatSurviveTheFdr()
    {
        // Owner-occupation is strongly clustered (I = 0.39): with BH-adjusted pseudo p-values both kinds of cluster remain.
        var result = await CliRunner.RunAsync("spatial", "lisa", "--db", database.Path, "--indicator", "dwellings_owner_occupied_pct", "--year", "2024", "--format", "csv");

        result.ExitCode.ShouldBe(0, result.Error);
        var rows = ReadCsv(result.Out);
        rows.Count.ShouldBe(12_116);
        rows.Count(r => r["cluster"] == "HH").ShouldBeGreaterThan(200);
        rows.Count(r => r["cluster"] == "LL").ShouldBeGreaterThan(200);
        rows.Where(r => r["q"].Length > 0).ShouldAllBe(r => Number(r["q"]) >= Number(r["p_permutation"]));
        rows.Where(r => r["cluster"] is "HH" or "LL" or "HL" or "LH").ShouldAllBe(r => Number(r["q"]) <= 0.05);
    }

    [Fact]
    public async Task SpatialGiStar_UtrechtCorporation_EqualsLocalG()
    {
        var result = await CliRunner.RunAsync("spatial", "gistar", "--db", database.Path, "--indicator", "dwellings_corporation_pct", "--year", "2023",
            "--gemeente", "Utrecht", "--weights", "fuzzy", "--snap", "5", "--permutations", "0", "--fdr", "none", "--format", "csv");

        result.ExitCode.ShouldBe(0, result.Error);
        var ours = ReadCsv(result.Out);
        var theirs = ReadReference("local_utrecht2023_corporation_fuzzy5.csv.gz");
        for (var i = 0; i < ours.Count; i++)
        {
            Number(ours[i]["z"]).ShouldBe(Number(theirs[i]["Gstar_z"]), 1e-9);
        }

        ours.ShouldContain(r => r["spot"] == "hot");
    }

    [Fact]
    public async Task SpatialLisa_Table_ShowsClustersInDutch()
    {
        var result = await CliRunner.RunAsync("spatial", "lisa", "--db", database.Path, "--indicator", "dwellings_corporation_pct", "--year", "2023",
            "--gemeente", "Utrecht", "--weights", "fuzzy", "--snap", "5", "--permutations", "199", "--fdr", "none");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("HH hoog-hoog (cluster)");
        result.Out.ShouldContain("Clusters: ");
        result.Out.ShouldContain("199 permutaties");
    }

    [Theory]
    [InlineData("--weights", "hexagon", "--weights: ‘hexagon’ is geen buurregel")]
    [InlineData("--indicator", "no_such_indicator", "--indicator ‘no_such_indicator’ staat niet in de indicatorcatalogus")]
    [InlineData("--gemeente", "Atlantis", "--gemeente ‘Atlantis’ is geen gemeentecode")]
    [InlineData("--fdr", "holm", "--fdr ‘holm’ is geen van bh, by, none")]
    [InlineData("--snap", "-1", "snap-tolerantie -1 moet een afstand van 0 meter of meer zijn")]
    [InlineData("--permutations", "-5", "--permutations -5 moet tussen 0 en 1.000.000 liggen")]
    [InlineData("--weights", "hexagon", "--weights: 'hexagon' is not a weights rule: use queen", "en")]
    [InlineData("--snap", "-1", "snap tolerance -1 must be a distance of 0 metres or more", "en")]
    public async Task SpatialLisa_BadInput_ExitsWithTwoAndSaysWhat(string option, string value, string message, string language = "nl")
    {
        List<string> args = ["spatial", "lisa", "--db", database.Path, "--indicator", "dwellings_corporation_pct", "--year", "2023", "--lang", language];
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        await CliRunner.ShouldRefuseAsync(message, [.. args]);
    }

    [Fact]
    public async Task SpatialMoran_NoBoundariesNearTheYear_ExitsWithTwo()
    {
        await CliRunner.ShouldRefuseAsync("no gemeente boundaries within 10 years of 1990", "spatial", "moran", "--db", database.Path, "--indicator", "population", "--year", "1990", "--level", "gemeente");
    }

    [Fact]
    public async Task SpatialLisa_WithoutIndicator_ExitsWithTwo()
    {
        await CliRunner.ShouldRefuseAsync("--indicator is verplicht, bijvoorbeeld --indicator income_per_inhabitant", "spatial", "lisa", "--db", database.Path, "--year", "2024");
        await CliRunner.ShouldRefuseAsync("--indicator is required, e.g. --indicator income_per_inhabitant", "spatial", "lisa", "--db", database.Path, "--year", "2024", "--lang", "en");
    }

    [Fact]
    public async Task Segregation_CorporationHeerlen_EveryYearWithData()
    {
        var result = await CliRunner.RunAsync("segregation", "--db", database.Path, "--group", "corporation", "--gemeente", "Heerlen", "--format", "csv");

        result.ExitCode.ShouldBe(0, result.Error);
        var rows = ReadCsv(result.Out);
        rows.Select(r => r["year"]).ShouldBe(["2016", "2017", "2018", "2019"]);
        rows.ShouldAllBe(r => Number(r["dissimilarity"]) > 0.2 && Number(r["dissimilarity"]) < 0.6);
        rows.ShouldAllBe(r => Math.Abs(Number(r["isolation"]) + Number(r["exposure"]) - 1) < 1e-12);
    }

    [Theory]
    [InlineData("low_income")]
    [InlineData("social_minimum")]
    [InlineData("corporation")]
    public async Task Segregation_Amsterdam2019_EqualsAnIndependentComputationFromTheCsv(string group)
    {
        // tests/reference/segregation/reference_segregation.py applies the published formulas to the raw KWB 2019 file.
        var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "tests", "reference", "segregation", "amsterdam2019.json")))
            .RootElement.GetProperty("two_group").GetProperty(group);

        var indices = await CliRunner.RunAsync("segregation", "--db", database.Path, "--group", group, "--gemeente", "Amsterdam", "--year", "2019", "--format", "json");
        var quotients = await CliRunner.RunAsync("segregation", "--db", database.Path, "--group", group, "--gemeente", "GM0363", "--year", "2019", "--per-buurt", "--format", "csv");

        indices.ExitCode.ShouldBe(0, indices.Error);
        var ours = JsonDocument.Parse(indices.Out).RootElement[0];
        ours.GetProperty("buurten").GetInt32().ShouldBe(reference.GetProperty("buurten").GetInt32());
        foreach (var (column, key) in new[] { ("share", "share"), ("dissimilarity", "dissimilarity"), ("isolation", "isolation"), ("exposure", "exposure"), ("theil_h", "theil_h") })
        {
            ours.GetProperty(column).GetDouble().ShouldBe(reference.GetProperty(key).GetDouble(), 1e-12, column);
        }

        var lq = reference.GetProperty("location_quotients");
        var rows = ReadCsv(quotients.Out);
        rows.Count.ShouldBe(lq.EnumerateObject().Count());
        rows.ShouldAllBe(r => Math.Abs(Number(r["location_quotient"]) - lq.GetProperty(r["code"]).GetDouble()) < 1e-12);
    }

    [Fact]
    public async Task Segregation_TenureGroups_GiveTheMultigroupIndex()
    {
        var result = await CliRunner.RunAsync("segregation", "--db", database.Path, "--group", "corporation,dwellings_owner_occupied_pct", "--gemeente", "GM0363", "--year", "2019", "--format", "json");

        result.ExitCode.ShouldBe(0, result.Error);
        var rows = JsonDocument.Parse(result.Out).RootElement;
        rows.GetArrayLength().ShouldBe(2);
        var h = rows[0].GetProperty("multigroup_h").GetDouble();
        var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "tests", "reference", "segregation", "amsterdam2019.json")))
            .RootElement.GetProperty("multigroup").GetProperty("corporation,dwellings_owner_occupied_pct");
        h.ShouldBe(reference.GetProperty("H").GetDouble(), 1e-12);
        rows[0].GetProperty("multigroup_m").GetDouble().ShouldBe(reference.GetProperty("M").GetDouble(), 1e-12);
        rows[1].GetProperty("multigroup_h").GetDouble().ShouldBe(h);
    }

    [Theory]
    [InlineData("--group", "left_handed", "--group ‘left_handed’ is geen van")]
    [InlineData("--group", "corporation,households_low_income_pct", "de groepen zijn aandelen van verschillende totalen")]
    [InlineData("--gemeente", "Atlantis", "--gemeente ‘Atlantis’ is geen gemeentecode")]
    public async Task Segregation_BadInput_ExitsWithTwoAndSaysWhat(string option, string value, string message)
    {
        List<string> args = ["segregation", "--db", database.Path, "--group", "corporation", "--gemeente", "Heerlen"];
        args[args.IndexOf(option) + 1] = value;

        await CliRunner.ShouldRefuseAsync(message, [.. args]);
    }
}
