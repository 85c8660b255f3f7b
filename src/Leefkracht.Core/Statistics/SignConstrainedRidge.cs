namespace Leefkracht.Core.Statistics;

/// <summary>A sign-constrained ridge fit: intercept, coefficients and their standard errors (0 at a bound).</summary>
/// <param name="Intercept">b₀ (unpenalised).</param>
/// <param name="Coefficients">β, one per column.</param>
/// <param name="StandardErrors">Ridge standard errors of the coefficients not at a bound; 0 for those at a bound.</param>
/// <param name="DegreesOfFreedom">1 + tr(A⁻¹ X'WX) over the columns not at a bound.</param>
public sealed record SignConstrainedFit(double Intercept, IReadOnlyList<double> Coefficients, IReadOnlyList<double> StandardErrors, double DegreesOfFreedom);

/// <summary>
/// Weighted ridge regression with an unpenalised intercept and sign constraints on the coefficients:
/// min Σᵢ wᵢ (yᵢ − b₀ − xᵢβ)² + λ‖β‖² subject to sₖβₖ ≥ 0 for every column with sₖ = ±1 (sₖ = 0: free).
/// </summary>
/// <remarks>
/// Weights are normalised to mean 1 and the columns centred on their weighted means, which makes the intercept
/// exact (b₀ = ȳ − x̄β). The remaining strictly convex problem is solved by the active-set method of Lawson &amp;
/// Hanson (1974, ch. 23) on the normal equations H = X_c'WX_c + λI, c = X_c'Wy_c: the passive set starts with the free
/// columns; the constrained column whose gradient points most into its allowed side enters; a column that would cross
/// zero steps back to the bound. Standard errors are the ridge formula on the columns not at a bound,
/// Var β = s² A⁻¹ X'WX A⁻¹ with A = X'WX + λI, s² = Σwe² / (n − df) (Hastie, Tibshirani &amp; Friedman 2009,
/// §3.4.1). The calibrated livability model is this fit (docs/indices.md#the-calibrated-model).
/// </remarks>
public static class SignConstrainedRidge
{
    /// <summary>Fits the model.</summary>
    /// <param name="x">Rows of predictors.</param>
    /// <param name="y">Targets.</param>
    /// <param name="weights">Positive row weights (any scale).</param>
    /// <param name="lambda">Ridge penalty on the mean-1 weighted scale.</param>
    /// <param name="signs">Per column: +1 (β ≥ 0), −1 (β ≤ 0) or 0 (free).</param>
    public static SignConstrainedFit Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, IReadOnlyList<double> weights, double lambda, IReadOnlyList<int> signs)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(signs);
        var n = x.Count;
        var p = signs.Count;
        var meanWeight = weights.Average();
        var w = weights.Select(v => v / meanWeight).ToArray();
        var total = w.Sum();
        var xbar = new double[p];
        var ybar = 0.0;
        for (var i = 0; i < n; i++)
        {
            ybar += w[i] * y[i];
            for (var j = 0; j < p; j++)
            {
                xbar[j] += w[i] * x[i][j];
            }
        }

        ybar /= total;
        for (var j = 0; j < p; j++)
        {
            xbar[j] /= total;
        }

        var gram = new double[p, p];
        var c = new double[p];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < p; j++)
            {
                var xj = x[i][j] - xbar[j];
                c[j] += w[i] * xj * (y[i] - ybar);
                for (var k = 0; k <= j; k++)
                {
                    gram[j, k] += w[i] * xj * (x[i][k] - xbar[k]);
                }
            }
        }

        for (var j = 0; j < p; j++)
        {
            for (var k = 0; k < j; k++)
            {
                gram[k, j] = gram[j, k];
            }
        }

        var beta = ActiveSet(gram, c, lambda, signs);
        var intercept = ybar;
        for (var j = 0; j < p; j++)
        {
            intercept -= xbar[j] * beta[j];
        }

        var (errors, df) = StandardErrors(x, y, w, gram, lambda, beta, intercept);
        return new SignConstrainedFit(intercept, beta, errors, df);
    }

    private static double[] ActiveSet(double[,] gram, double[] c, double lambda, IReadOnlyList<int> signs)
    {
        var p = c.Length;
        var passive = Enumerable.Range(0, p).Where(j => signs[j] == 0).ToHashSet();
        var beta = new double[p];
        const double Tolerance = 1e-14;
        for (var iteration = 0; iteration < 50 * p; iteration++)
        {
            // Solve on the passive set; step back towards the bound while a constrained column would cross zero.
            var z = Solve(gram, c, lambda, passive);
            while (passive.Where(j => signs[j] != 0 && signs[j] * z[j] <= 0).ToList() is { Count: > 0 } crossing)
            {
                var alpha = crossing.Min(j => beta[j] / (beta[j] - z[j]));
                for (var j = 0; j < p; j++)
                {
                    beta[j] += alpha * (z[j] - beta[j]);
                }

                passive.RemoveWhere(j => signs[j] != 0 && signs[j] * beta[j] <= Tolerance);
                foreach (var j in Enumerable.Range(0, p).Where(j => !passive.Contains(j)))
                {
                    beta[j] = 0;
                }

                z = Solve(gram, c, lambda, passive);
            }

            beta = z;

            // The constrained column at its bound whose gradient points most into its allowed side enters.
            var entering = -1;
            var best = Tolerance;
            for (var j = 0; j < p; j++)
            {
                if (passive.Contains(j))
                {
                    continue;
                }

                var gradient = c[j] - (lambda * beta[j]);
                for (var k = 0; k < p; k++)
                {
                    gradient -= gram[j, k] * beta[k];
                }

                if (signs[j] * gradient > best)
                {
                    best = signs[j] * gradient;
                    entering = j;
                }
            }

            if (entering < 0)
            {
                return beta;
            }

            passive.Add(entering);
        }

        throw new InvalidOperationException("the sign-constrained ridge fit did not converge");
    }

    /// <summary>(X'WX + λI)_PP⁻¹ c_P on the passive set P, 0 elsewhere.</summary>
    private static double[] Solve(double[,] gram, double[] c, double lambda, IReadOnlySet<int> passive)
    {
        var p = c.Length;
        var result = new double[p];
        var index = passive.Order().ToArray();
        if (index.Length == 0)
        {
            return result;
        }

        var inverse = Cholesky.Inverse(Sub(gram, lambda, index));
        for (var a = 0; a < index.Length; a++)
        {
            for (var b = 0; b < index.Length; b++)
            {
                result[index[a]] += inverse[a, b] * c[index[b]];
            }
        }

        return result;
    }

    private static double[,] Sub(double[,] gram, double lambda, int[] index)
    {
        var m = new double[index.Length, index.Length];
        for (var a = 0; a < index.Length; a++)
        {
            for (var b = 0; b < index.Length; b++)
            {
                m[a, b] = gram[index[a], index[b]] + (a == b ? lambda : 0);
            }
        }

        return m;
    }

    private static (double[] Errors, double DegreesOfFreedom) StandardErrors(
        IReadOnlyList<double[]> x, IReadOnlyList<double> y, double[] w, double[,] gram, double lambda, double[] beta, double intercept)
    {
        var p = beta.Length;
        var active = Enumerable.Range(0, p).Where(j => beta[j] != 0).ToArray();
        var residuals = 0.0;
        for (var i = 0; i < x.Count; i++)
        {
            var e = y[i] - intercept;
            for (var j = 0; j < p; j++)
            {
                e -= x[i][j] * beta[j];
            }

            residuals += w[i] * e * e;
        }

        var errors = new double[p];
        if (active.Length == 0)
        {
            return (errors, 1);
        }

        var inverse = Cholesky.Inverse(Sub(gram, lambda, active));
        var g = Sub(gram, 0, active);
        var m = active.Length;

        // A⁻¹G and A⁻¹GA⁻¹.
        var ag = new double[m, m];
        for (var a = 0; a < m; a++)
        {
            for (var b = 0; b < m; b++)
            {
                for (var k = 0; k < m; k++)
                {
                    ag[a, b] += inverse[a, k] * g[k, b];
                }
            }
        }

        var df = 1.0;
        for (var a = 0; a < m; a++)
        {
            df += ag[a, a];
        }

        var s2 = residuals / (x.Count - df);
        for (var a = 0; a < m; a++)
        {
            var variance = 0.0;
            for (var k = 0; k < m; k++)
            {
                variance += ag[a, k] * inverse[k, a];
            }

            errors[active[a]] = Math.Sqrt(s2 * variance);
        }

        return (errors, df);
    }
}
