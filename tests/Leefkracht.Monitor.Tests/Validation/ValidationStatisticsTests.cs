using System.Globalization;
using System.Text.Json;
using Leefkracht.Core.Leefbaarometer;
using Leefkracht.Core.Statistics;
using Leefkracht.Monitor.Validation;

namespace Leefkracht.Monitor.Tests.Validation;

/// <summary>
/// The pure computations of the validation against an independent implementation: scipy and pandas on the
/// research's own out-of-sample wijk predictions (tests/reference/validation/make_reference.py writes
/// reference.json), and the research's fold file.
/// </summary>
public sealed class ValidationStatisticsTests
{
    private static readonly string Folder = Path.Combine(TestData.RepositoryRoot, "tests", "reference", "validation");

    private static readonly Lazy<(string[] Codes, string[] Gemeenten, double[] Lbm, double[] Ours)> Vectors = new(() =>
    {
        var rows = File.ReadAllLines(Path.Combine(Folder, "wijk_predictions_research.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        return ([.. rows.Select(r => r[0])], [.. rows.Select(r => r[1])], [.. rows.Select(r => double.Parse(r[2], CultureInfo.InvariantCulture))], [.. rows.Select(r => double.Parse(r[3], CultureInfo.InvariantCulture))]);
    });

    private static readonly Lazy<JsonElement> Reference = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "reference.json"))).RootElement);

    [Fact]
    public void SpearmanAndPearson_OnTheResearchPredictions_EqualScipy()
    {
        var (_, _, lbm, ours) = Vectors.Value;

        Correlation.Spearman(ours, lbm).ShouldBe(Reference.Value.GetProperty("spearman").GetDouble(), 1e-12);
        Correlation.Pearson(ours, lbm).ShouldBe(Reference.Value.GetProperty("pearson").GetDouble(), 1e-12);
    }

    [Fact]
    public void ConfusionTable_OfTheDerivedClasses_EqualsPandasCrosstab()
    {
        var (_, _, lbm, ours) = Vectors.Value;

        var table = ConfusionTable.Of(ours.Zip(lbm, (o, l) => (LeefbaarometerClasses.ClassOf(o), LeefbaarometerClasses.ClassOf(l))), 9);

        var expected = Reference.Value.GetProperty("confusion").EnumerateArray().Select(row => row.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();
        table.Counts.Select(row => row.ToArray()).ToArray().ShouldBe(expected);
        table.Total.ShouldBe(Reference.Value.GetProperty("n").GetInt32());
        table.Exact.ShouldBe(Reference.Value.GetProperty("exact").GetDouble(), 1e-12);
        table.WithinOne.ShouldBe(Reference.Value.GetProperty("within_one").GetDouble(), 1e-12);
    }

    [Fact]
    public void ConfusionTable_AClassOutsideTheScale_IsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ConfusionTable.Of([(1, 10)], 9)).Message.ShouldContain("classes run from 1 to 9");

    [Fact]
    public void GroupRanks_WithinGemeenten_EqualPandasRankPct()
    {
        var (codes, gemeenten, lbm, ours) = Vectors.Value;

        var ourRanks = GroupRanks.Within(gemeenten, ours);
        var lbmRanks = GroupRanks.Within(gemeenten, lbm);

        var expectedOurs = Reference.Value.GetProperty("ranks_ours");
        var expectedLbm = Reference.Value.GetProperty("ranks_lbm");
        for (var i = 0; i < codes.Length; i++)
        {
            ourRanks[i].ShouldBe(expectedOurs.GetProperty(codes[i]).GetDouble(), 1e-12, codes[i]);
            lbmRanks[i].ShouldBe(expectedLbm.GetProperty(codes[i]).GetDouble(), 1e-12, codes[i]);
        }
    }

    [Fact]
    public void GemeenteFolds_OfTheResearchGemeenten_EqualTheResearchFolds()
    {
        // Given the research's fold file (common.gemeente_folds: sorted codes, rank mod 10)
        var rows = File.ReadAllLines(Path.Combine(Folder, "cv_folds.csv")).Skip(1).Select(l => l.Split(',')).ToArray();

        // When the gemeenten are dealt in another order
        var folds = GemeenteFolds.Assign(rows.Select(r => r[0]).Reverse(), 10);

        // Then every gemeente lands in the same fold
        folds.Count.ShouldBe(rows.Length);
        foreach (var row in rows)
        {
            folds[row[0]].ShouldBe(int.Parse(row[1], CultureInfo.InvariantCulture), row[0]);
        }
    }

    [Fact]
    public void GemeenteFolds_DuplicatesAndFewFolds_AreHandled()
    {
        GemeenteFolds.Assign(["GM0344", "GM0014", "GM0344", "GM0599"], 2).ShouldBe(new Dictionary<string, int> { ["GM0014"] = 0, ["GM0344"] = 1, ["GM0599"] = 0 });
        Should.Throw<ArgumentOutOfRangeException>(() => GemeenteFolds.Assign(["GM0344"], 1));
    }
}
