using Leefkracht.Core.Leefbaarometer;

namespace Leefkracht.Data.Tests.Import.Tables;

/// <summary>
/// The Leefbaarometer's open-data files (BZK) as external scores: the real PC4 file of the sample, the published
/// wijk layout, and files that must be refused with a clear error and an unchanged store.
/// </summary>
public sealed class LeefbaarometerReaderTests : StoreAndFolderTest
{
    private const string Pc4File = "leefbaarometer/leefbaarometer3_pc4_2002-2018.csv.gz";

    [Fact]
    public async Task Import_RealPc4File_StoresEveryScoreWithTheEditionsReference()
    {
        await using var store = Store.Open();

        var report = (await Stores.ImportAsync(store, TestData.Sample(Pc4File))).Single();

        report.Outcome.ShouldBe(ImportOutcome.Stored);
        report.Kind.ShouldBe(FileKind.Leefbaarometer);
        report.Errors.ShouldBe(0);
        report.RowsStored.ShouldBe(24_195);
        report.Summary.ShouldContain("24195 Leefbaarometer-scores");
        var scores = await store.LoadLeefbaarometerAsync(LeefbaarometerUnit.Postcode, null, TestContext.Current.CancellationToken);
        scores.Count.ShouldBe(24_195);

        // lbm − afw is one constant in every row: the fixed reference of the LBM 3.0 series 2002–2018
        scores.Select(s => s.Reference).Distinct().Single().ShouldBe(4.102264851143685, 1e-12);
        scores.ShouldAllBe(s => Math.Abs(s.Score.Score - s.Score.Deviation - s.Reference) < 1e-12);
        scores.Select(s => s.Edition).Distinct().Single().ShouldBe("4.102265");

        // The dimensions exist for 2014 and 2018 only (not 2016) and add up to afw
        scores.Where(s => s.Score.Dimensions is not null).GroupBy(s => s.Score.Year).ToDictionary(g => g.Key, g => g.Count())
            .ShouldBe(new Dictionary<int, int> { [2014] = 4_026, [2018] = 4_054 });
        scores.Where(s => s.Score.Dimensions is not null).ShouldAllBe(s => Math.Abs(s.Score.Dimensions!.Sum - s.Score.Deviation) < 1e-12);

        // A row as published: PC4 1011 (Amsterdam centre), 2002
        var first = scores.Single(s => s.Score.Code == "1011" && s.Score.Year == 2002).Score;
        first.Score.ShouldBe(4.216484120900081);
        first.Deviation.ShouldBe(0.11421926975639664);

        // Not an indicator of ours: nothing went into the observations our index reads
        (await store.SummarizeAsync(TestContext.Current.CancellationToken)).ValuesByPeriod.ShouldBeEmpty();
    }

    [Fact]
    public async Task Import_PublishedWijkLayout_IsDetectedAndKeepsDimensionsAndClass()
    {
        var path = Folder.Write(
            "leefbaarometer_wijk.csv",
            "wk_code,jaar,lbm,afw,fys,onv,soc,vrz,won,kscore\n"
            + "WK034403,2018,3.7624131222511257,-0.3398517288925597,-0.041110809345592886,-0.21632489461326498,-0.08460123222934222,0.08387264564105848,-0.08168743834541835,3\n"
            + "WK034403,2016,3.7893839913722447,-0.31288085977144037,NA,NA,NA,NA,NA,3\n"
            + "034406,2018,4.285,0.182735148856315,NA,NA,NA,NA,NA,8\n");
        await using var store = Store.Open();

        var report = (await Stores.ImportAsync(store, path)).Single();

        report.Outcome.ShouldBe(ImportOutcome.Stored);
        report.Kind.ShouldBe(FileKind.Leefbaarometer);
        report.Shape.ShouldContain("per wk_code");
        var scores = await store.LoadLeefbaarometerAsync(LeefbaarometerUnit.Wijk, "WK034403", TestContext.Current.CancellationToken);
        scores.Count.ShouldBe(2);
        var y2018 = scores.Single(s => s.Score.Year == 2018).Score;
        y2018.Dimensions!.Nuisance.ShouldBe(-0.21632489461326498);
        y2018.OfficialClass.ShouldBe(3);
        scores.Single(s => s.Score.Year == 2016).Score.Dimensions.ShouldBeNull();
        (await store.LoadLeefbaarometerAsync(LeefbaarometerUnit.Wijk, "WK034406", TestContext.Current.CancellationToken)).Single().Score.Score.ShouldBe(4.285);
    }

    [Fact]
    public async Task Import_TwoEditionsInOneFile_IsRefusedWithTheLineAndLeavesTheStoreUnchanged()
    {
        await using (var store = Store.Open())
        {
            await Stores.ImportAsync(store, TestData.Sample("utrecht/kwb2023_utrecht_GM0344.csv"));
        }

        var before = Store.Snapshot();

        // Line 3 is a score of the 2024 edition (reference 4.0456), the others of LBM 3.0 2002–2018 (4.102265)
        var path = Folder.Write(
            "leefbaarometer_mixed.csv",
            "PC4,jaar,lbm,afw,fys,onv,soc,vrz,won\n"
            + "3562,2018,3.7389988107009,-0.363266040442785,NA,NA,NA,NA,NA\n"
            + "3563,2018,4.5682,0.5226,NA,NA,NA,NA,NA\n"
            + "3564,2018,4.0018203826,-0.100444468543685,NA,NA,NA,NA,NA\n");
        ImportReport report;
        await using (var store = Store.Open())
        {
            report = (await Stores.ImportAsync(store, path)).Single();
        }

        report.Outcome.ShouldBe(ImportOutcome.Rejected);
        var error = report.Issues.Single(i => i.Severity == IssueSeverity.Error);
        error.Line.ShouldBe(3);
        error.ColumnNumber.ShouldBe(3);
        error.Value.ShouldBe("4.5682");
        error.Code.ShouldBe("Import.LbmReference");
        error.Reason.ShouldContain("lbm − afw is niet één vaste waarde");
        error.ToString().ShouldStartWith("fout in leefbaarometer_mixed.csv, regel 3, kolom 3 (lbm), waarde '4.5682': ");
        Store.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task Import_BadValue_NamesFileLineColumnAndValue_AndStoresNothing()
    {
        var path = Folder.Write(
            "leefbaarometer_bad.csv",
            "PC4,jaar,lbm,afw,fys,onv,soc,vrz,won\n"
            + "3562,2018,3.7389988107009,-0.363266040442785,NA,NA,NA,NA,NA\n"
            + "3563,2018,4.0018203826,zwak,NA,NA,NA,NA,NA\n"
            + "356,2018,4.0018203826,-0.100444468543685,NA,NA,NA,NA,NA\n");
        await using (var created = Store.Open())
        {
            await Stores.ImportAsync(created, TestData.Sample(Pc4File));
        }

        var before = Store.Snapshot();
        ImportReport report;
        await using (var store = Store.Open())
        {
            report = (await Stores.ImportAsync(store, path)).Single();
        }

        report.Outcome.ShouldBe(ImportOutcome.Rejected);
        var errors = report.Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        errors.Select(e => (e.Line, e.ColumnNumber, e.Value)).ShouldBe([(3, 4, "zwak"), (4, 1, "356")]);
        errors[0].Reason.ShouldBe("afw moet een getal zijn");
        errors[1].Reason.ShouldContain("vier cijfers");
        Store.Snapshot().ShouldBe(before);
    }
}
