using Leefkracht.Core.Statistics;

namespace Leefkracht.Core.Tests.Statistics;

public sealed class RidgeRegressionTests
{
    [Fact]
    public void Fit_NoPenalty_IsLeastSquaresWithItsStandardErrors()
    {
        // Given: y = 1 + 2x + e with e = (+0.1, −0.1, −0.1, +0.1) on x = 0, 1, 2, 3
        double[][] x = [[0], [1], [2], [3]];
        double[] y = [1.1, 2.9, 4.9, 7.1];

        // When
        var fit = RidgeRegression.Fit(x, y, null, 0);

        // Then: e is orthogonal to x − x̄, so slope = Sxy/Sxx = 10/5 = 2 and intercept 1; RSS = 4 · 0.01, σ² = RSS/(4 − 2)
        fit.Coefficients[0].ShouldBe(2, 1e-12);
        fit.Intercept.ShouldBe(1, 1e-12);
        fit.ResidualVariance.ShouldBe(0.04 / 2, 1e-12);
        fit.StandardErrors[0].ShouldBe(Math.Sqrt(0.02 / 5), 1e-12);
        fit.EffectiveDegreesOfFreedom.ShouldBe(2, 1e-12);
    }

    [Fact]
    public void Fit_Penalty_ShrinksTheSlopeBySxxOverSxxPlusLambda()
    {
        double[][] x = [[0], [1], [2], [3]];
        double[] y = [1.1, 2.9, 4.9, 7.1];

        var fit = RidgeRegression.Fit(x, y, null, 5);

        fit.Coefficients[0].ShouldBe(10.0 / (5 + 5), 1e-12);
        fit.EffectiveDegreesOfFreedom.ShouldBe(1 + (5.0 / 10), 1e-12);
    }

    [Fact]
    public void Fit_Weights_CountLikeRepeatedRows()
    {
        // A row with weight 2 pulls the line as two copies of it do (coefficients; the weights are normalised).
        double[][] x = [[0], [1], [2]];
        double[] y = [1, 2, 5];
        double[][] repeated = [[0], [1], [2], [2]];
        double[] yRepeated = [1, 2, 5, 5];

        var weighted = RidgeRegression.Fit(x, y, [1, 1, 2], 0);
        var copies = RidgeRegression.Fit(repeated, yRepeated, null, 0);

        weighted.Coefficients[0].ShouldBe(copies.Coefficients[0], 1e-12);
        weighted.Intercept.ShouldBe(copies.Intercept, 1e-12);
    }

    [Fact]
    public void AssignFolds_IsSeededAndBalanced()
    {
        var first = RidgeRegression.AssignFolds(103, 10, seed: 7);
        var again = RidgeRegression.AssignFolds(103, 10, seed: 7);
        var other = RidgeRegression.AssignFolds(103, 10, seed: 8);

        first.ShouldBe(again);
        first.ShouldNotBe(other);
        first.GroupBy(f => f).Select(g => g.Count()).ShouldAllBe(c => c == 10 || c == 11);
    }

    [Fact]
    public void Cholesky_InverseOfASymmetricMatrix_TimesTheMatrixIsTheIdentity()
    {
        double[,] matrix = { { 4, 2, 0.6 }, { 2, 5, 1 }, { 0.6, 1, 3 } };

        var inverse = Cholesky.Inverse(matrix);

        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var product = Enumerable.Range(0, 3).Sum(k => matrix[i, k] * inverse[k, j]);
                product.ShouldBe(i == j ? 1 : 0, 1e-12);
            }
        }

        Should.Throw<ArgumentException>(() => Cholesky.Inverse(new double[,] { { 1, 1 }, { 1, 1 } })).Message.ShouldContain("collinear");
    }
}
