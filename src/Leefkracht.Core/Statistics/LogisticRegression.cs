namespace Leefkracht.Core.Statistics;

/// <summary>A fitted logistic regression.</summary>
/// <param name="Intercept">β₀.</param>
/// <param name="Coefficients">One coefficient per feature.</param>
/// <param name="Iterations">Newton steps taken.</param>
public sealed record LogisticFit(double Intercept, IReadOnlyList<double> Coefficients, int Iterations)
{
    /// <summary>P(y = 1 | x) = 1 / (1 + e^−(β₀ + βᵀx)).</summary>
    public double Probability(ReadOnlySpan<double> features)
    {
        var eta = Intercept;
        for (var j = 0; j < Coefficients.Count; j++)
        {
            eta += Coefficients[j] * features[j];
        }

        return 1 / (1 + Math.Exp(-eta));
    }
}

/// <summary>
/// Logistic regression fitted by Newton–Raphson (iteratively reweighted least squares, McCullagh &amp; Nelder 1989
/// §4.4) with a small ridge penalty on the slopes, so that a perfectly separating feature in a small panel gives a
/// large but finite coefficient instead of no answer.
/// </summary>
public static class LogisticRegression
{
    /// <summary>Fits P(y = 1 | x).</summary>
    /// <param name="x">Rows of features.</param>
    /// <param name="y">Outcomes (0 or 1).</param>
    /// <param name="penalty">Ridge penalty on the slopes (not on the intercept).</param>
    /// <param name="maximumIterations">Newton steps at most.</param>
    public static LogisticFit Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double penalty = 0.01, int maximumIterations = 100)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0 || x.Count != y.Count)
        {
            throw new ArgumentException("x and y must have the same, positive number of rows", nameof(x));
        }

        var p = x[0].Length + 1;
        var beta = new double[p];
        var iterations = 0;
        for (; iterations < maximumIterations; iterations++)
        {
            var gradient = new double[p];
            var hessian = new double[p, p];
            for (var i = 0; i < x.Count; i++)
            {
                var eta = beta[0];
                for (var j = 1; j < p; j++)
                {
                    eta += beta[j] * x[i][j - 1];
                }

                var mu = 1 / (1 + Math.Exp(-eta));
                var w = Math.Max(mu * (1 - mu), 1e-12);
                var residual = (y[i] ? 1 : 0) - mu;
                for (var a = 0; a < p; a++)
                {
                    var xa = a == 0 ? 1 : x[i][a - 1];
                    gradient[a] += residual * xa;
                    for (var b = 0; b <= a; b++)
                    {
                        hessian[a, b] += w * xa * (b == 0 ? 1 : x[i][b - 1]);
                    }
                }
            }

            for (var a = 1; a < p; a++)
            {
                gradient[a] -= penalty * beta[a];
                hessian[a, a] += penalty;
            }

            for (var a = 0; a < p; a++)
            {
                for (var b = 0; b < a; b++)
                {
                    hessian[b, a] = hessian[a, b];
                }
            }

            var inverse = Cholesky.Inverse(hessian);
            var step = 0.0;
            for (var a = 0; a < p; a++)
            {
                var delta = 0.0;
                for (var b = 0; b < p; b++)
                {
                    delta += inverse[a, b] * gradient[b];
                }

                beta[a] += delta;
                step = Math.Max(step, Math.Abs(delta));
            }

            if (step < 1e-10)
            {
                iterations++;
                break;
            }
        }

        return new LogisticFit(beta[0], beta[1..], iterations);
    }

    /// <summary>
    /// The area under the ROC curve: the probability that a random positive case is ranked above a random negative
    /// one (ties count half; Hanley &amp; McNeil 1982). NaN when one of the classes is empty.
    /// </summary>
    public static double AreaUnderCurve(IReadOnlyList<double> scores, IReadOnlyList<bool> outcomes)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(outcomes);
        // Mann–Whitney: AUC = (R₊ − n₊(n₊ + 1)/2) / (n₊n₋), with R₊ the summed ranks of the positives (ties: mean rank).
        var ranks = Correlation.Ranks(scores);
        double positives = 0, rankSum = 0;
        for (var i = 0; i < ranks.Length; i++)
        {
            if (outcomes[i])
            {
                positives++;
                rankSum += ranks[i];
            }
        }

        var negatives = ranks.Length - positives;
        return positives == 0 || negatives == 0 ? double.NaN : (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }
}
