using System.Collections.Immutable;
using Leefkracht.Core.Areas;
using Leefkracht.Core.Planner;

namespace Leefkracht.Core.Tests.Planner;

public sealed class ProjectionTests
{
    private static readonly Segment[] Segments = Enum.GetValues<Segment>();

    /// <summary>Random buurten and a random mix of interventions, placements and rules.</summary>
    internal static (IReadOnlyList<BuurtSeed> Seeds, Scenario Scenario) RandomScenario(int seed, int years = 6)
    {
        var random = new Random(seed);
        var count = random.Next(2, 7);
        var seeds = Enumerable.Range(0, count).Select(i =>
        {
            var dwellings = ImmutableArray.CreateRange(Segments.Select(_ => random.NextDouble() < 0.2 ? 0 : (double)random.Next(0, 800)));
            if (dwellings.Sum() == 0)
            {
                dwellings = dwellings.SetItem(0, 100);
            }

            var households = dwellings.Sum() * (0.8 + (0.5 * random.NextDouble()));
            return new BuurtSeed(new AreaKey(AreaCode.Parse($"BU0001{i:0000}"), 2023), dwellings, households, households * random.NextDouble() * 0.5, "test", []);
        }).ToList();
        var codes = seeds.Select(s => s.Area.Code).ToImmutableArray();
        var kinds = Enum.GetValues<StockChangeKind>();
        var changes = Enumerable.Range(0, random.Next(0, 8)).Select(_ =>
        {
            var kind = kinds[random.Next(kinds.Length)];
            var from = Segments[random.Next(kind == StockChangeKind.Sell ? 3 : 4)];
            var to = kind switch
            {
                StockChangeKind.Sell => Segment.OwnerOccupied,
                StockChangeKind.Convert => Segments.Where(s => s != from).ElementAt(random.Next(3)),
                _ => from,
            };
            return new StockChange(kind, codes[random.Next(codes.Length)], 2024 + random.Next(years), from, to, random.Next(1, 300));
        }).ToImmutableArray();
        var methods = Enum.GetValues<AllocationMethod>();
        var programmes = Enumerable.Range(0, random.Next(0, 3)).Select(_ =>
        {
            var method = methods[random.Next(methods.Length)];
            var explicitCounts = method == AllocationMethod.Explicit ? codes.ToImmutableDictionary(c => c, _ => random.Next(0, 6)) : ImmutableDictionary<AreaCode, int>.Empty;
            return new PlacementProgramme(PlannerDimensions.TargetGroups[random.Next(3)], method == AllocationMethod.Explicit ? explicitCounts.Values.Sum() : random.Next(1, 60), 2024, 2023 + years, method, codes, explicitCounts);
        }).ToImmutableArray();
        var rules = new AllocationRules(0.2 + (0.8 * random.NextDouble()), random.NextDouble() < 0.5 ? 1 : 0.3 + (0.7 * random.NextDouble()), random.NextDouble() < 0.3 ? 0.2 : null, random.NextDouble() < 0.3 ? 0.25 : 0);
        var parameters = PlannerParameters.Default with { InflowFeedback = random.NextDouble() < 0.3 ? 1 : 0 };
        return (seeds, new Scenario("random", 2023, years, parameters, changes, programmes, rules));
    }

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public void Run_AnyScenario_DwellingsAndHouseholdsAddUpEveryYear(int seed)
    {
        var (seeds, scenario) = RandomScenario(seed);

        var result = Projection.Run(seeds, scenario);

        foreach (var buurt in result.Buurten)
        {
            buurt.Years.Length.ShouldBe(scenario.Years + 1);
            buurt.Years[0].Composition.TotalHouseholds.ShouldBe(buurt.Seed.Households, 1e-6);
            buurt.Years[0].Composition.VulnerableHouseholds.ShouldBe(Math.Min(buurt.Seed.VulnerableHouseholds, buurt.Seed.Households * buurt.Seed.Dwellings.Select((d, s) => d > 0 && PlannerParameters.Default.RelativeVulnerability[s] > 0 ? d : 0).Sum() / buurt.Seed.TotalDwellings), 1e-6);
            for (var t = 1; t < buurt.Years.Length; t++)
            {
                var before = buurt.Years[t - 1].Composition;
                var after = buurt.Years[t].Composition;
                var changes = scenario.StockChanges.Where(c => c.Buurt == buurt.Seed.Area.Code && c.Year == buurt.Years[t].Year).ToList();
                var built = changes.Where(c => c.Kind == StockChangeKind.Build).Sum(c => c.Dwellings);

                // Dwellings: before + built − demolished (a demolition takes at most what is there), never negative
                after.Dwellings.ShouldAllBe(d => d >= -1e-9);
                after.TotalDwellings.ShouldBeLessThanOrEqualTo(before.TotalDwellings + built + 1e-6);
                if (!changes.Any(c => c.Kind == StockChangeKind.Demolish))
                {
                    after.TotalDwellings.ShouldBe(before.TotalDwellings + built, 1e-6);
                }

                // Households: the vacancies are refilled, so households stay at ρ × dwellings in every segment
                for (var s = 0; s < 4; s++)
                {
                    after.InSegment((Segment)s).ShouldBe(after.Dwellings[s] * buurt.Seed.Occupancy, 1e-6);
                }

                after.Households.ShouldAllBe(h => h >= -1e-9);
                after.VulnerableShare.ShouldBeInRange(0, 1 + 1e-12);
                buurt.Years[t].Placed.ShouldBeGreaterThanOrEqualTo(0);
                buurt.Years[t].Refused.ShouldBeGreaterThanOrEqualTo(-1e-9);
            }
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 30)]
    public void Simulate_AnyScenario_WholeHouseholdsThatAddUp_AndTheSameSeedGivesTheSameRun(int seed)
    {
        var (seeds, scenario) = RandomScenario(seed, years: 4);
        var expected = Projection.Run(seeds, scenario);

        var first = Projection.Simulate(seeds, expected, (ulong)seed, 3);
        var again = Projection.Simulate(seeds, expected, (ulong)seed, 3);

        for (var r = 0; r < first.Count; r++)
        {
            for (var b = 0; b < first[r].Length; b++)
            {
                var years = first[r][b].Years;
                years.Select(y => y.Composition.Households).ShouldBe(again[r][b].Years.Select(y => y.Composition.Households), $"replicate {r}, buurt {b}");
                foreach (var year in years)
                {
                    year.Composition.Households.ShouldAllBe(h => h >= 0 && h == Math.Round(h));
                }

                for (var t = 1; t < years.Length; t++)
                {
                    var changes = scenario.StockChanges.Where(c => c.Buurt == first[r][b].Seed.Area.Code && c.Year == years[t].Year).ToList();
                    if (changes.Count == 0)
                    {
                        years[t].Composition.TotalHouseholds.ShouldBe(years[t - 1].Composition.TotalHouseholds);
                        years[t].Composition.TotalDwellings.ShouldBe(years[t - 1].Composition.TotalDwellings, 1e-9);
                    }
                }
            }
        }
    }

    [Fact]
    public void Simulate_ABuurtsDrawsDoNotDependOnTheOtherBuurten()
    {
        // Given: the same buurt alone and among others, without placements that couple them
        var (seeds, scenario) = RandomScenario(7, years: 5);
        scenario = scenario with { Placements = [] };
        var alone = seeds.Take(1).ToList();

        var together = Projection.Simulate(seeds, Projection.Run(seeds, scenario), 42, 2);
        var single = Projection.Simulate(alone, Projection.Run(alone, scenario), 42, 2);

        together[1][0].Years.Select(y => y.Composition.Households).ShouldBe(single[1][0].Years.Select(y => y.Composition.Households));
    }

    [Fact]
    public void Run_NoInterventions_EveryBuurtStaysWhereItIs()
    {
        var (seeds, scenario) = RandomScenario(3);

        var result = Projection.Run(seeds, scenario.Baseline());

        foreach (var buurt in result.Buurten)
        {
            buurt.Years[^1].Composition.VulnerableShare.ShouldBe(buurt.Years[0].Composition.VulnerableShare, 1e-9);
        }
    }

    [Fact]
    public void Run_MidRentBuild_DilutesTheVulnerableShare()
    {
        // Given: a social-rent buurt with 30 % vulnerable households
        var seed = new BuurtSeed(new AreaKey(AreaCode.Parse("BU00010001"), 2023), [1000, 0, 0, 0], 1000, 300, "test", []);
        var scenario = new Scenario("mid", 2023, 3, PlannerParameters.Default, [new StockChange(StockChangeKind.Build, seed.Area.Code, 2024, Segment.MidRent, Segment.MidRent, 200)], [], new AllocationRules());

        // When
        var result = Projection.Run([seed], scenario);

        // Then: 200 new mid-rent households with a vulnerable share of r_mid × k = 0.35 × 0.3
        var year = result.Buurten[0].Years[1].Composition;
        year.TotalHouseholds.ShouldBe(1200, 1e-9);
        year.VulnerableHouseholds.ShouldBe(300 + (200 * 0.35 * 0.3), 1e-6);
    }

    [Fact]
    public void Run_ExplicitPlacements_AddVulnerableHouseholdsMinusWhomTheyDisplace()
    {
        var seed = new BuurtSeed(new AreaKey(AreaCode.Parse("BU00010001"), 2023), [1000, 0, 0, 0], 1000, 200, "test", []);
        var programme = new PlacementProgramme(HouseholdGroup.Ggz, 10, 2024, 2024, AllocationMethod.Explicit, [seed.Area.Code], ImmutableDictionary<AreaCode, int>.Empty.Add(seed.Area.Code, 10));
        var scenario = new Scenario("ggz", 2023, 1, PlannerParameters.Default, [], [programme], new AllocationRules());

        var year = Projection.Run([seed], scenario).Buurten[0].Years[1];

        // 70 vacancies; 10 placements displace 10 regular households of whom 20 % would have been vulnerable
        year.SocialVacancies.ShouldBe(70, 1e-9);
        year.Placed.ShouldBe(10);
        year.Composition.OfGroup(HouseholdGroup.Ggz).ShouldBe(10, 1e-9);
        year.Composition.VulnerableHouseholds.ShouldBe(200 + (10 * 0.8), 1e-9);
    }
}
