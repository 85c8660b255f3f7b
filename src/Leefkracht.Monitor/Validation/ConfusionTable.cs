namespace Leefkracht.Monitor.Validation;

/// <summary>
/// How two class verdicts on the same areas agree: <see cref="Counts"/>[i][j] is the number of areas in our class
/// i + 1 and their class j + 1.
/// </summary>
/// <param name="Counts">One row per class of ours, one column per class of theirs.</param>
public sealed record ConfusionTable(IReadOnlyList<IReadOnlyList<int>> Counts)
{
    /// <summary>The number of areas.</summary>
    public int Total => Counts.Sum(row => row.Sum());

    /// <summary>The share of areas in the same class.</summary>
    public double Exact => Share(0);

    /// <summary>The share of areas at most one class apart.</summary>
    public double WithinOne => Share(1);

    /// <summary>Counts the pairs (our class, their class), classes 1 … <paramref name="classes"/>.</summary>
    public static ConfusionTable Of(IEnumerable<(int Ours, int Theirs)> pairs, int classes)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var counts = new int[classes][];
        for (var i = 0; i < classes; i++)
        {
            counts[i] = new int[classes];
        }

        foreach (var (ours, theirs) in pairs)
        {
            if (ours < 1 || ours > classes || theirs < 1 || theirs > classes)
            {
                throw new ArgumentOutOfRangeException(nameof(pairs), (ours, theirs), $"classes run from 1 to {classes}");
            }

            counts[ours - 1][theirs - 1]++;
        }

        return new ConfusionTable(counts);
    }

    private double Share(int distance)
    {
        var total = Total;
        var near = 0;
        for (var i = 0; i < Counts.Count; i++)
        {
            for (var j = 0; j < Counts[i].Count; j++)
            {
                near += Math.Abs(i - j) <= distance ? Counts[i][j] : 0;
            }
        }

        return total == 0 ? double.NaN : (double)near / total;
    }
}
