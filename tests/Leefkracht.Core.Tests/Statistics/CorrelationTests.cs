using Leefkracht.Core.Statistics;

namespace Leefkracht.Core.Tests.Statistics;

public sealed class CorrelationTests
{
    [Fact]
    public void Pearson_HandComputed()
    {
        // x = 1..4, y = (2, 1, 4, 3): Sxy = 3, Sxx = Syy = 5 → r = 0.6
        Correlation.Pearson([1, 2, 3, 4], [2, 1, 4, 3]).ShouldBe(0.6, 1e-12);
    }

    [Fact]
    public void Spearman_IsPearsonOfRanks_WithTiesAveraged_AndIgnoresMissingPairs()
    {
        Correlation.Ranks([10, 20, 20, 5]).ShouldBe([2, 3.5, 3.5, 1]);
        Correlation.Spearman([1, 4, 9, 16, double.NaN], [1, 2, 3, 4, 100]).ShouldBe(1, 1e-12); // monotone, not linear
        double.IsNaN(Correlation.Spearman([1, 2], [2, 1])).ShouldBeTrue();
    }
}
