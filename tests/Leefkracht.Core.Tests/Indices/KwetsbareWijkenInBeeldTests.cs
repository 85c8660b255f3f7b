using Leefkracht.Core.Areas;
using Leefkracht.Core.Leefbaarometer;

namespace Leefkracht.Core.Tests.Indices;

/// <summary>The sets, trajectories and shares declining of "Kwetsbare wijken in beeld", on three hand-made wijken.</summary>
public sealed class KwetsbareWijkenInBeeldTests
{
    private static KwibArea Wijk(string code, double inhabitants, double? owner, double a2012, double a2014, double a2018) =>
        new(AreaCode.Parse(code), inhabitants, owner, null, new Dictionary<int, double> { [2012] = a2012, [2014] = a2014, [2018] = a2018 });

    [Fact]
    public void Compute_SetsTrajectoriesAndShares()
    {
        var areas = new[]
        {
            Wijk("WK000101", 1000, 20, -0.25, -0.27, -0.24), // zwak, few owner-occupied, fell 2012–14
            Wijk("WK000102", 3000, 70, -0.15, -0.21, -0.10), // zwak in 2014 only, many owner-occupied, fell 2012–14
            Wijk("WK000103", 4000, 60, 0.10, 0.12, 0.05), // never zwak
            new KwibArea(AreaCode.Parse("WK000104"), 500, 10, null, new Dictionary<int, double> { [2012] = -0.5 }), // not measured every year: left out
        };

        var r = KwetsbareWijkenInBeeld.Compute(areas);

        r.Years.ShouldBe([2012, 2014, 2018]);
        r.Considered.ShouldBe(3);
        r.Set("zwak").Areas.ShouldBe(2);
        r.Set("zwak-owner-lt30").Areas.ShouldBe(1);
        r.Set("never-zwak").Areas.ShouldBe(1);
        r.Set("zwak").Period(2012, 2014).ShareFell.ShouldBe(1.0);
        r.Set("all").Period(2012, 2014).ShareFell.ShouldBe(2.0 / 3, 1e-12);
        r.Set("zwak").Period(2014, 2018).ShareFell.ShouldBe(0.0);
        var y2012 = r.Set("zwak").Trajectory[0];
        y2012.Mean.ShouldBe(((1000 * -0.25) + (3000 * -0.15)) / 4000, 1e-12);
        y2012.National.ShouldBe(((1000 * -0.25) + (3000 * -0.15) + (4000 * 0.10)) / 8000, 1e-12);
        r.ZwakAreas.Select(a => a.Code.Value).ShouldBe(["WK000101", "WK000102"]);
        double.IsNaN(r.Set("zwak-corporation-ge30").Trajectory[0].Mean).ShouldBeTrue(); // no corporation shares: an empty set
    }
}
