namespace Leefkracht.Core.Statistics;

/// <summary>A fitted weighted ridge regression.</summary>
/// <param name="Intercept">The (unpenalised) intercept.</param>
/// <param name="Coefficients">One coefficient per predictor column.</param>
/// <param name="StandardErrors">Their standard errors (see <see cref="RidgeRegression"/>).</param>
/// <param name="Lambda">The penalty.</param>
/// <param name="RSquared">Weighted in-sample R².</param>
/// <param name="EffectiveDegreesOfFreedom">tr(H): the number of parameters the penalised fit effectively uses (intercept included).</param>
/// <param name="ResidualVariance">σ̂² = Σ wᵢ eᵢ² / (n − df), with the weights normalised to mean 1.</param>
public sealed record RidgeFit(
    double Intercept,
    IReadOnlyList<double> Coefficients,
    IReadOnlyList<double> StandardErrors,
    double Lambda,
    double RSquared,
    double EffectiveDegreesOfFreedom,
    double ResidualVariance)
{
    /// <summary>The prediction for one row of predictors.</summary>
    public double Predict(ReadOnlySpan<double> row)
    {
        var value = Intercept;
        for (var j = 0; j < Coefficients.Count; j++)
        {
            value += Coefficients[j] * row[j];
        }

        return value;
    }
}

/// <summary>The result of choosing the penalty by cross-validation.</summary>
/// <param name="Fit">The fit on all rows with the chosen penalty.</param>
/// <param name="RSquaredOutOfFold">R² of the out-of-fold predictions at the chosen penalty.</param>
/// <param name="Folds">The fold of every row.</param>
/// <param name="OutOfFoldRSquaredByLambda">Out-of-fold R² for every penalty tried.</param>
public sealed record CrossValidatedRidge(RidgeFit Fit, double RSquaredOutOfFold, IReadOnlyList<int> Folds, IReadOnlyList<(double Lambda, double RSquared)> OutOfFoldRSquaredByLambda);

/// <summary>
/// Weighted ridge regression with an unpenalised intercept, standard errors and k-fold cross-validation of the
/// penalty — what the Leefbaarometer's behaviour model needs (a hedonic regression of house values on the
/// environment, regularised because neighbourhood characteristics are correlated).
/// </summary>
/// <remarks>
/// With weights wᵢ (normalised to mean 1, W = diag(w)), the weighted means are removed from X and y, and
/// β̂ = (XᵀWX + λI)⁻¹ XᵀWy (Hoerl &amp; Kennard 1970); the intercept is ȳ − x̄ᵀβ̂. Standard errors are the square
/// roots of the diagonal of σ̂² (XᵀWX + λI)⁻¹ XᵀWX (XᵀWX + λI)⁻¹ (the sandwich form for a fixed λ, Hastie, Tibshirani
/// &amp; Friedman 2009 §3.4.1), with σ̂² = Σwᵢeᵢ² / (n − df) and df = 1 + tr((XᵀWX + λI)⁻¹XᵀWX). At λ = 0 this is
/// weighted least squares with its usual standard errors. Cross-validation assigns rows to k folds by a seeded
/// shuffle, fits on k − 1 folds, predicts the held-out fold, and reports R² = 1 − Σwᵢ(yᵢ − ŷᵢ)² / Σwᵢ(yᵢ − ȳ)² of
/// those out-of-fold predictions. See docs/indices.md#estimated-weights.
/// </remarks>
public static class RidgeRegression
{
    /// <summary>Fits one penalty.</summary>
    /// <param name="x">Rows of predictors (n × p).</param>
    /// <param name="y">The target (n).</param>
    /// <param name="weights">Row weights (n, positive); <see langword="null"/> for equal weights.</param>
    /// <param name="lambda">The penalty (≥ 0), on the scale of the weighted cross-products of the predictors.</param>
    /// <exception cref="ArgumentException">The shapes do not match, or the system is singular at λ = 0.</exception>
    public static RidgeFit Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, IReadOnlyList<double>? weights, double lambda)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var n = x.Count;
        if (n == 0 || y.Count != n || (weights is not null && weights.Count != n))
        {
            throw new ArgumentException("x, y and weights must have the same, positive number of rows", nameof(x));
        }

        var p = x[0].Length;
        var w = NormalisedWeights(weights, n);
        var (xMean, yMean) = Means(x, y, w, p);
        var gram = new double[p, p];
        var xty = new double[p];
        var totalSquares = 0.0;
        for (var i = 0; i < n; i++)
        {
            var row = x[i];
            var dy = y[i] - yMean;
            totalSquares += w[i] * dy * dy;
            for (var a = 0; a < p; a++)
            {
                var da = row[a] - xMean[a];
                xty[a] += w[i] * da * dy;
                for (var b = 0; b <= a; b++)
                {
                    gram[a, b] += w[i] * da * (row[b] - xMean[b]);
                }
            }
        }

        for (var a = 0; a < p; a++)
        {
            for (var b = 0; b < a; b++)
            {
                gram[b, a] = gram[a, b];
            }
        }

        var penalised = (double[,])gram.Clone();
        for (var a = 0; a < p; a++)
        {
            penalised[a, a] += lambda;
        }

        var inverse = Cholesky.Inverse(penalised);
        var beta = Multiply(inverse, xty);
        var intercept = yMean;
        for (var a = 0; a < p; a++)
        {
            intercept -= xMean[a] * beta[a];
        }

        var residualSquares = 0.0;
        for (var i = 0; i < n; i++)
        {
            var e = y[i] - intercept;
            for (var a = 0; a < p; a++)
            {
                e -= beta[a] * x[i][a];
            }

            residualSquares += w[i] * e * e;
        }

        // df = 1 (intercept) + tr(A⁻¹G); covariance = σ² A⁻¹ G A⁻¹.
        var inverseGram = Multiply(inverse, gram);
        var df = 1.0;
        for (var a = 0; a < p; a++)
        {
            df += inverseGram[a, a];
        }

        var variance = residualSquares / Math.Max(n - df, 1);
        var covariance = Multiply(inverseGram, inverse);
        var errors = new double[p];
        for (var a = 0; a < p; a++)
        {
            errors[a] = Math.Sqrt(variance * covariance[a, a]);
        }

        return new RidgeFit(intercept, beta, errors, lambda, totalSquares > 0 ? 1 - (residualSquares / totalSquares) : 0, df, variance);
    }

    /// <summary>
    /// Chooses the penalty with the highest out-of-fold R² among <paramref name="lambdas"/> and fits it on all rows.
    /// </summary>
    /// <param name="x">Rows of predictors.</param>
    /// <param name="y">The target.</param>
    /// <param name="weights">Row weights, or <see langword="null"/>.</param>
    /// <param name="lambdas">The penalties to try.</param>
    /// <param name="folds">The number of folds (2 … n).</param>
    /// <param name="seed">The seed of the fold assignment.</param>
    public static CrossValidatedRidge CrossValidate(IReadOnlyList<double[]> x, IReadOnlyList<double> y, IReadOnlyList<double>? weights, IReadOnlyList<double> lambdas, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(lambdas);
        if (folds < 2 || folds > x.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, $"between 2 and the number of rows ({x.Count})");
        }

        var assignment = AssignFolds(x.Count, folds, seed);
        return CrossValidate(x, y, weights, lambdas, assignment);
    }

    /// <summary>Cross-validation with a given fold of every row (0 … k − 1).</summary>
    public static CrossValidatedRidge CrossValidate(IReadOnlyList<double[]> x, IReadOnlyList<double> y, IReadOnlyList<double>? weights, IReadOnlyList<double> lambdas, IReadOnlyList<int> assignment)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(lambdas);
        ArgumentNullException.ThrowIfNull(assignment);
        var n = x.Count;
        var w = NormalisedWeights(weights, n);
        var folds = assignment.Max() + 1;
        var scores = new List<(double Lambda, double RSquared)>();
        foreach (var lambda in lambdas)
        {
            var predicted = new double[n];
            for (var fold = 0; fold < folds; fold++)
            {
                var train = Enumerable.Range(0, n).Where(i => assignment[i] != fold).ToArray();
                var fit = Fit([.. train.Select(i => x[i])], [.. train.Select(i => y[i])], [.. train.Select(i => w[i])], lambda);
                for (var i = 0; i < n; i++)
                {
                    if (assignment[i] == fold)
                    {
                        predicted[i] = fit.Predict(x[i]);
                    }
                }
            }

            scores.Add((lambda, RSquared(y, predicted, w)));
        }

        var best = scores.MaxBy(s => s.RSquared);
        return new CrossValidatedRidge(Fit(x, y, w, best.Lambda), best.RSquared, assignment, scores);
    }

    /// <summary>Weighted R² of predictions: 1 − Σw(y − ŷ)² / Σw(y − ȳ)².</summary>
    public static double RSquared(IReadOnlyList<double> y, IReadOnlyList<double> predicted, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(weights);
        double total = 0, mean = 0;
        for (var i = 0; i < y.Count; i++)
        {
            mean += weights[i] * y[i];
            total += weights[i];
        }

        mean /= total;
        double residual = 0, spread = 0;
        for (var i = 0; i < y.Count; i++)
        {
            residual += weights[i] * (y[i] - predicted[i]) * (y[i] - predicted[i]);
            spread += weights[i] * (y[i] - mean) * (y[i] - mean);
        }

        return 1 - (residual / spread);
    }

    /// <summary>Rows 0 … n − 1 dealt into k folds after a seeded Fisher–Yates shuffle: fold sizes differ by at most one.</summary>
    public static int[] AssignFolds(int n, int folds, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        var random = new Random(seed);
        for (var i = n - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var assignment = new int[n];
        for (var position = 0; position < n; position++)
        {
            assignment[order[position]] = position % folds;
        }

        return assignment;
    }

    private static double[] NormalisedWeights(IReadOnlyList<double>? weights, int n)
    {
        var w = new double[n];
        if (weights is null)
        {
            Array.Fill(w, 1.0);
            return w;
        }

        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (!(weights[i] > 0))
            {
                throw new ArgumentException($"weight {i} is not positive", nameof(weights));
            }

            sum += weights[i];
        }

        for (var i = 0; i < n; i++)
        {
            w[i] = weights[i] * n / sum;
        }

        return w;
    }

    private static (double[] XMean, double YMean) Means(IReadOnlyList<double[]> x, IReadOnlyList<double> y, double[] w, int p)
    {
        var xMean = new double[p];
        double yMean = 0, total = 0;
        for (var i = 0; i < x.Count; i++)
        {
            total += w[i];
            yMean += w[i] * y[i];
            for (var a = 0; a < p; a++)
            {
                xMean[a] += w[i] * x[i][a];
            }
        }

        for (var a = 0; a < p; a++)
        {
            xMean[a] /= total;
        }

        return (xMean, yMean / total);
    }

    private static double[] Multiply(double[,] matrix, double[] vector)
    {
        var n = vector.Length;
        var result = new double[n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                result[a] += matrix[a, b] * vector[b];
            }
        }

        return result;
    }

    private static double[,] Multiply(double[,] left, double[,] right)
    {
        var n = left.GetLength(0);
        var result = new double[n, n];
        for (var a = 0; a < n; a++)
        {
            for (var k = 0; k < n; k++)
            {
                var l = left[a, k];
                for (var b = 0; b < n; b++)
                {
                    result[a, b] += l * right[k, b];
                }
            }
        }

        return result;
    }
}

/// <summary>Cholesky factorisation of a symmetric positive-definite matrix (Golub &amp; Van Loan, Matrix Computations, §4.2).</summary>
public static class Cholesky
{
    /// <summary>The inverse of a symmetric positive-definite matrix, through its Cholesky factor.</summary>
    /// <exception cref="ArgumentException">The matrix is not positive definite (for example, collinear predictors without a penalty).</exception>
    public static double[,] Inverse(double[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = matrix.GetLength(0);
        var lower = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = matrix[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= lower[i, k] * lower[j, k];
                }

                if (i == j)
                {
                    if (sum <= 0)
                    {
                        throw new ArgumentException($"the matrix is not positive definite (pivot {i}); predictors may be collinear", nameof(matrix));
                    }

                    lower[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    lower[i, j] = sum / lower[j, j];
                }
            }
        }

        // Solve L Lᵀ X = I column by column.
        var inverse = new double[n, n];
        var column = new double[n];
        for (var c = 0; c < n; c++)
        {
            for (var i = 0; i < n; i++)
            {
                var sum = i == c ? 1.0 : 0.0;
                for (var k = 0; k < i; k++)
                {
                    sum -= lower[i, k] * column[k];
                }

                column[i] = sum / lower[i, i];
            }

            for (var i = n - 1; i >= 0; i--)
            {
                var sum = column[i];
                for (var k = i + 1; k < n; k++)
                {
                    sum -= lower[k, i] * inverse[k, c];
                }

                inverse[i, c] = sum / lower[i, i];
            }
        }

        return inverse;
    }
}
