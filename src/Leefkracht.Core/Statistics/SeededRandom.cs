namespace Leefkracht.Core.Statistics;

/// <summary>
/// A small, fast pseudo-random generator (xoshiro256**, Blackman and Vigna 2018) whose state is derived from a seed
/// and a stream number with SplitMix64.
/// </summary>
/// <remarks>
/// Parallel permutation tests give every area its own stream, <c>SeededRandom.For(seed, area)</c>, so the draws an
/// area sees depend only on the seed and the area, never on which thread ran it or in which order: results are
/// identical on 1 or 64 cores. The algorithm is fixed here (not <see cref="Random"/>, whose algorithm may change
/// between .NET versions), so a seed reproduces the same p-values on any machine.
/// </remarks>
public struct SeededRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>The stream numbered <paramref name="stream"/> of the generator seeded with <paramref name="seed"/>.</summary>
    public static SeededRandom For(ulong seed, ulong stream)
    {
        // Mix seed and stream so that neighbouring streams start far apart.
        var state = seed ^ (stream * 0x9E3779B97F4A7C15UL) ^ 0xD1B54A32D192ED03UL;
        var random = default(SeededRandom);
        random._s0 = SplitMix(ref state);
        random._s1 = SplitMix(ref state);
        random._s2 = SplitMix(ref state);
        random._s3 = SplitMix(ref state);
        return random;
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, bound), without modulo bias (Lemire 2019, multiply and reject).</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var range = (ulong)bound;
        var product = Math.BigMul(NextBits(), range, out var low);
        if (low < range)
        {
            var threshold = (0UL - range) % range;
            while (low < threshold)
            {
                product = Math.BigMul(NextBits(), range, out low);
            }
        }

        return (int)product;
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
