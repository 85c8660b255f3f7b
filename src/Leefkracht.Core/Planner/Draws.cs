using Leefkracht.Core.Statistics;

namespace Leefkracht.Core.Planner;

/// <summary>Random draws for the simulation, on a <see cref="SeededRandom"/> stream.</summary>
internal static class Draws
{
    /// <summary>A uniform double in [0, 1) from the top 53 bits.</summary>
    public static double Uniform(ref SeededRandom random) => (random.NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// A binomial draw: exact inversion of the distribution function when n·min(p, 1 − p) &lt; 25 (recurrence
    /// P(k)/P(k−1) = (n − k + 1)/k · p/q), else the normal approximation N(np, np(1 − p)) rounded and clamped to
    /// [0, n] — at that size the difference is far below the model's own uncertainty.
    /// </summary>
    public static long Binomial(long n, double p, ref SeededRandom random)
    {
        if (n <= 0 || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return n;
        }

        if (p > 0.5)
        {
            return n - Binomial(n, 1 - p, ref random);
        }

        var mean = n * p;
        if (mean < 25)
        {
            var q = 1 - p;
            var s = p / q;
            var a = (n + 1) * s;
            var f = Math.Pow(q, n);
            var u = Uniform(ref random);
            long k = 0;
            while (u > f && k < n)
            {
                u -= f;
                k++;
                f *= (a / k) - s;
            }

            return k;
        }

        // Box–Muller; 1 − u avoids log(0).
        var z = Math.Sqrt(-2 * Math.Log(1 - Uniform(ref random))) * Math.Cos(2 * Math.PI * Uniform(ref random));
        return Math.Clamp((long)Math.Round(mean + (Math.Sqrt(mean * (1 - p)) * z)), 0, n);
    }
}
