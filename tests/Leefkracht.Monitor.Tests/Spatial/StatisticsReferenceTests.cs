using Leefkracht.Core.Statistics;

namespace Leefkracht.Monitor.Tests.Spatial;

/// <summary>
/// Global Moran, local Moran and Gi* on real indicator values of the sample store against R spdep 1.2-7
/// (<c>tests/reference/spatial/make_reference.R</c>): analytical quantities to 1e-9, permutation p-values within
/// Monte Carlo error.
/// </summary>
public sealed class StatisticsReferenceTests(SampleStore sample)
{
    private const double Exact = 1e-9;
    private static readonly PermutationOptions Permutations = new(999, 7);

    /// <summary>A reference case: the indicator, where, and how the R script built the neighbours.</summary>
    public sealed record Case(string Name, string Indicator, int Year, string? Gemeente, WeightsRule Rule);

    public static TheoryData<string> Cases => ["buurt2024_owner_queen5", "utrecht2023_corporation_fuzzy5"];

    private static Case CaseNamed(string name) => name switch
    {
        "buurt2024_owner_queen5" => new Case(name, "dwellings_owner_occupied_pct", 2024, null, new WeightsRule(WeightsKind.Queen, Snap: 5)),
        _ => new Case(name, "dwellings_corporation_pct", 2023, "GM0344", new WeightsRule(WeightsKind.Fuzzy, Snap: 5)),
    };

    private async Task<(IndicatorLayer Data, SpatialWeights Weights, IReadOnlyList<Dictionary<string, string>> Reference)> LoadAsync(string name)
    {
        var c = CaseNamed(name);
        await using var store = sample.Open();
        var gemeenten = c.Gemeente is null ? Array.Empty<AreaCode>() : [AreaCode.Parse(c.Gemeente)];
        var data = (await new SpatialDataService(store).LoadIndicatorAsync(c.Indicator, AreaLevel.Buurt, c.Year, gemeenten, TestContext.Current.CancellationToken))!;
        var reference = SpatialReference.Rows($"local_{name}.csv.gz");

        // Same areas in the same order, and the same values up to the unit the import stores them in.
        data.Layer.Areas.Select(a => a.Code.Value).ShouldBe(reference.Select(r => r["code"]));
        var first = Enumerable.Range(0, data.Values.Length).First(i => data.Values[i] != 0);
        var scale = data.Values[first] / SpatialReference.Number(reference[first]["x"]);
        for (var i = 0; i < data.Values.Length; i++)
        {
            SpatialReference.Close(data.Values[i], scale * SpatialReference.Number(reference[i]["x"]), 1e-12).ShouldBeTrue(reference[i]["code"]);
        }

        return (data, c.Rule.Build(data.Layer.Polygons).RowStandardised(), reference);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task GlobalMoran_EqualsMoranTest(string name)
    {
        // Given
        var (data, weights, _) = await LoadAsync(name);
        var r = SpatialReference.Rows($"global_{name}.csv")[0];

        // When
        var moran = GlobalMoran.Compute(data.Values, weights, Permutations.Count, Permutations.Seed);

        // Then: analytical moments exactly
        (moran.Areas + weights.Islands.Length).ShouldBe((int)SpatialReference.Number(r["n"]));
        weights.Islands.Length.ShouldBe((int)SpatialReference.Number(r["islands"]));
        foreach (var (ours, column) in new[]
        {
            (moran.I, "I"), (moran.Expected, "expected"), (moran.VarianceRandomisation, "variance_randomisation"),
            (moran.VarianceNormality, "variance_normality"), (moran.ZRandomisation, "z_randomisation"), (moran.ZNormality, "z_normality"),
            (moran.PRandomisation, "p_randomisation"), (moran.PNormality, "p_normality"),
        })
        {
            SpatialReference.Close(ours, SpatialReference.Number(r[column]), Exact).ShouldBeTrue($"{column}: {ours} vs {r[column]}");
        }

        // and the permutation p-value within Monte Carlo error of spdep's moran.mc ((g + 1)/(N + 1) with its g)
        var theirs = (SpatialReference.Number(r["permutations_at_least"]) + 1) / 1000;
        Math.Abs(moran.PPermutation - theirs).ShouldBeLessThanOrEqualTo(MonteCarloBound(theirs, 999));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task LocalMoran_AnalyticalMomentsEqualLocalmoran(string name)
    {
        var (data, weights, reference) = await LoadAsync(name);

        var conditional = LocalMoran.Compute(data.Values, weights, PermutationOptions.None);
        var total = LocalMoran.Compute(data.Values, weights, PermutationOptions.None, LocalMoments.Total);

        for (var i = 0; i < reference.Count; i++)
        {
            var r = reference[i];
            var code = r["code"];
            Check(conditional.I[i], r["Ii"], code, "Ii");
            Check(conditional.Expected[i], r["E_conditional"], code, "E conditional");
            Check(conditional.Variance[i], r["Var_conditional"], code, "Var conditional");
            Check(conditional.Z[i], r["Z_conditional"], code, "Z conditional");
            Check(conditional.P[i], r["P_conditional"], code, "P conditional");
            Check(total.Expected[i], r["E_total"], code, "E total");
            Check(total.Variance[i], r["Var_total"], code, "Var total");
            Check(total.Z[i], r["Z_total"], code, "Z total");
            Check(total.P[i], r["P_total"], code, "P total");
            QuadrantName(conditional.Quadrant[i]).ShouldBe(r["quadrant"], code);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task GiStar_EqualsLocalGWithSelfIncluded(string name)
    {
        var (data, weights, reference) = await LoadAsync(name);

        var g = GetisOrd.Compute(data.Values, weights.WithSelf(), PermutationOptions.None);

        g.Star.ShouldBeTrue();
        for (var i = 0; i < reference.Count; i++)
        {
            var r = reference[i];
            Check(g.Z[i], r["Gstar_z"], r["code"], "G* z");
            Check(g.G[i], r["Gstar_G"], r["code"], "G*");
            Check(g.P[i], r["Gstar_p"], r["code"], "G* p");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PermutationPValues_AgreeWithinMonteCarloError(string name)
    {
        // Given
        var (data, weights, reference) = await LoadAsync(name);

        // When
        var lisa = LocalMoran.Compute(data.Values, weights, Permutations);
        var g = GetisOrd.Compute(data.Values, weights.WithSelf(), Permutations);

        // Then: both are estimates from 999 draws, so each pair differs by sampling error only
        AgreeWithinMonteCarloError(lisa.PseudoP, reference.Select(r => SpatialReference.Number(r["perm_p_folded"])).ToArray());
        AgreeWithinMonteCarloError(g.PseudoP, reference.Select(r => SpatialReference.Number(r["Gstar_perm_p_folded"])).ToArray());

        // and the permutation z-scores (mean and variance of 999 draws) are close
        var z = reference.Select(r => SpatialReference.Number(r["perm_Z"])).ToArray();
        var close = Enumerable.Range(0, z.Length).Count(i => double.IsNaN(z[i]) ? double.IsNaN(lisa.PermutationZ[i]) : Math.Abs(lisa.PermutationZ[i] - z[i]) <= 0.15 + (0.1 * Math.Abs(z[i])));
        close.ShouldBeGreaterThanOrEqualTo((int)(0.99 * z.Length));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FalseDiscoveryRate_EqualsPAdjust(string name)
    {
        var reference = SpatialReference.Rows($"local_{name}.csv.gz");
        var folded = reference.Select(r => SpatialReference.Number(r["perm_p_folded"])).ToArray();
        var conditional = reference.Select(r => SpatialReference.Number(r["P_conditional"])).ToArray();

        var bh = MultipleTesting.Adjust(folded, PValueAdjustment.BenjaminiHochberg);
        var by = MultipleTesting.Adjust(folded, PValueAdjustment.BenjaminiYekutieli);
        var bhConditional = MultipleTesting.Adjust(conditional, PValueAdjustment.BenjaminiHochberg);

        for (var i = 0; i < reference.Count; i++)
        {
            Check(bh[i], reference[i]["perm_q_bh"], reference[i]["code"], "BH");
            Check(by[i], reference[i]["perm_q_by"], reference[i]["code"], "BY");
            Check(bhConditional[i], reference[i]["P_conditional_q_bh"], reference[i]["code"], "BH analytical");
        }
    }

    [Fact]
    public async Task LocalMoran_SameSeed_SameResultAndOtherSeed_OtherDraws()
    {
        var (data, weights, _) = await LoadAsync("utrecht2023_corporation_fuzzy5");

        var first = LocalMoran.Compute(data.Values, weights, new PermutationOptions(999, 42));
        var again = LocalMoran.Compute(data.Values, weights, new PermutationOptions(999, 42));
        var other = LocalMoran.Compute(data.Values, weights, new PermutationOptions(999, 43));

        again.PseudoP.ShouldBe(first.PseudoP);
        again.PermutationZ.ShouldBe(first.PermutationZ);
        other.PermutationZ.ShouldNotBe(first.PermutationZ);
    }

    /// <summary>
    /// Two independent estimates p̂ of the same p from N draws differ with standard deviation √(2p(1−p)/N); spdep draws
    /// with replacement and we without, which changes nothing measurable for k ≪ n. We require fewer than 1 % of the
    /// areas beyond 3.5 standard deviations (+ 2/(N+1) for the folded discreteness), and no systematic shift.
    /// </summary>
    private static void AgreeWithinMonteCarloError(double[] ours, double[] theirs)
    {
        var outside = 0;
        var shift = 0.0;
        var compared = 0;
        for (var i = 0; i < ours.Length; i++)
        {
            if (double.IsNaN(theirs[i]))
            {
                double.IsNaN(ours[i]).ShouldBeTrue($"area {i} has no reference p but ours is {ours[i]}");
                continue;
            }

            compared++;
            shift += ours[i] - theirs[i];
            outside += Math.Abs(ours[i] - theirs[i]) > MonteCarloBound(theirs[i], 999) ? 1 : 0;
        }

        outside.ShouldBeLessThanOrEqualTo(Math.Max(1, compared / 100));
        Math.Abs(shift / compared).ShouldBeLessThan(0.003);
    }

    private static double MonteCarloBound(double p, int draws) => (3.5 * Math.Sqrt(2 * Math.Max(p * (1 - p), 1e-3) / draws)) + (2.0 / (draws + 1));

    private static void Check(double ours, string reference, string code, string what)
    {
        var theirs = SpatialReference.Number(reference);
        SpatialReference.Close(ours, theirs, Exact).ShouldBeTrue($"{code} {what}: ours {ours:R}, spdep {reference}");
    }

    private static string QuadrantName(LisaQuadrant quadrant) => quadrant switch
    {
        LisaQuadrant.HighHigh => "High-High",
        LisaQuadrant.LowLow => "Low-Low",
        LisaQuadrant.HighLow => "High-Low",
        _ => "Low-High",
    };
}
