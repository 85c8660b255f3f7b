namespace Leefkracht.Core.Statistics;

/// <summary>The standard normal distribution, to about 1e-15 relative accuracy in both tails.</summary>
/// <remarks>
/// Φ(z) = ½ erfc(−z/√2). erfc is computed from two expansions without cancellation (Abramowitz and Stegun
/// 7.1.6 and 7.1.14): for x &lt; 2 the series erf(x) = 2/√π · e^(−x²) · Σ_n 2ⁿ x^(2n+1) / (1·3·…·(2n+1)), whose
/// terms are all positive; for x ≥ 2 the continued fraction erfc(x) = e^(−x²)/√π · 1/(x + ½/(x + 1/(x + 3/2/(x + …)))),
/// evaluated with the modified Lentz algorithm.
/// </remarks>
public static class Normal
{
    private const double SqrtPi = 1.7724538509055160273;

    /// <summary>P(Z &gt; z), R's <c>pnorm(z, lower.tail = FALSE)</c>, accurate also for large z.</summary>
    public static double UpperTail(double z)
    {
        if (double.IsNaN(z))
        {
            return double.NaN;
        }

        return z >= 0 ? 0.5 * Erfc(z / Math.Sqrt(2)) : 1 - (0.5 * Erfc(-z / Math.Sqrt(2)));
    }

    /// <summary>The complementary error function erfc(x) for x ≥ 0.</summary>
    private static double Erfc(double x)
    {
        if (x > 27)
        {
            return 0; // below the smallest double
        }

        if (x < 2)
        {
            // erf by the positive series; erfc = 1 − erf loses nothing that matters here (erf ≤ 0.9954).
            var term = x;
            var sum = x;
            for (var n = 1; n < 200 && term > sum * 1e-17; n++)
            {
                term *= 2 * x * x / ((2 * n) + 1);
                sum += term;
            }

            return 1 - (2 / SqrtPi * Math.Exp(-x * x) * sum);
        }

        // Continued fraction erfc(x)·√π·e^(x²) = 1/(x + (1/2)/(x + (2/2)/(x + (3/2)/(x + …)))), Lentz's method.
        const double Tiny = 1e-300;
        var f = x;
        var c = x;
        var d = 0.0;
        for (var n = 1; n < 500; n++)
        {
            var a = n / 2.0;
            d = x + (a * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = x + (a / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp(-x * x) / SqrtPi / f;
    }
}
