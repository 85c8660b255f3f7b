using Leefkracht.Core.Leefbaarometer;

namespace Leefkracht.Monitor.Tests.Monitoring;

/// <summary>
/// The Leefbaarometer carried from PC4 to the 2024 wijken and gemeenten of the sample, checked against the
/// independent Python reference (research/yardstick <c>s01_lbm.py</c>, <c>out/lbm_wijk2024.csv</c>,
/// <c>out/lbm_gemeente2024.csv</c>).
/// </summary>
public sealed class LeefbaarometerServiceTests(SampleStore sample)
{
    [Fact]
    public async Task Overvecht_CarriedFromPc4_EqualsTheReferenceImplementation()
    {
        await using var store = sample.Open();
        var service = new LeefbaarometerService(store, new MonitorService(store));

        var wijken = await service.LevelAsync(AreaLevel.Wijk, 2024, TestContext.Current.CancellationToken);

        // Wijk 03 Overvecht (Utrecht): 7 PC4s, all of its 17,002 addresses scored
        var overvecht = wijken.Of(AreaCode.Parse("WK034403"));
        overvecht.Select(v => v.Year).ShouldBe([2002, 2008, 2012, 2014, 2016, 2018]);
        var y2018 = overvecht[^1];
        y2018.Deviation.ShouldBe(-0.3398517288925597, 1e-9);
        y2018.Score.ShouldBe(3.7624131222511257, 1e-9);
        y2018.Dimensions!.Nuisance.ShouldBe(-0.21632489461326498, 1e-9);
        y2018.Dimensions.Sum.ShouldBe(y2018.Deviation, 1e-12);
        y2018.Coverage.ShouldBe(1.0);
        y2018.Purity.ShouldBe(0.9962253206044259, 1e-9);
        y2018.Postcodes.ShouldBe(7);
        y2018.Class.ShouldBe(3); // onvoldoende, on the derived bounds
        overvecht[0].Deviation.ShouldBe(-0.26997618748594376, 1e-9);
        overvecht.Single(v => v.Year == 2016).Dimensions.ShouldBeNull();

        // As in the reference: 3,379 of the 3,393 wijken of 2024 get a 2018 value (coverage ≥ 0.5), 3,374 in 2016
        wijken.Values.Count(v => v.Value.Any(x => x.Year == 2018)).ShouldBe(3_379);
        wijken.Values.Count(v => v.Value.Any(x => x.Year == 2016)).ShouldBe(3_374);
        wijken.Values.Values.SelectMany(v => v).ShouldAllBe(v => v.Coverage >= LeefbaarometerCarry.MinimumCoverage);
        wijken.Provenance!.Carry.ShouldBe("PC4 2018 → wijk 2024, pc6_huisnummer");
        wijken.Provenance.Files.ShouldBe(["leefbaarometer3_pc4_2002-2018.csv.gz"]);
        wijken.Provenance.Reference.ShouldBe(4.102264851143685, 1e-12);
    }

    [Fact]
    public async Task Utrecht_CarriedToTheGemeente_EqualsTheReferenceImplementation()
    {
        await using var store = sample.Open();
        var service = new LeefbaarometerService(store, new MonitorService(store));

        var gemeenten = await service.LevelAsync(AreaLevel.Gemeente, 2024, TestContext.Current.CancellationToken);

        var utrecht = gemeenten.Of(AreaCode.Parse("GM0344"), 2018)!;
        utrecht.Deviation.ShouldBe(-0.028762832449118505, 1e-9);
        utrecht.Postcodes.ShouldBe(47);
        gemeenten.Values.Count(v => v.Value.Any(x => x.Year == 2018)).ShouldBe(342);
    }
}
