using Leefkracht.Core.Statistics;

namespace Leefkracht.Monitor.Validation;

/// <summary>
/// The rank of each value within its group as a share: rank / n, with rank 1 the lowest and ties sharing the mean of
/// their ranks (pandas' <c>groupby(...).rank(pct=True)</c>). 0.1 in a gemeente of ten wijken is its weakest wijk.
/// </summary>
public static class GroupRanks
{
    /// <summary>The share-rank of every entry within the entries of its group.</summary>
    public static double[] Within(IReadOnlyList<string> groups, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(values);
        if (groups.Count != values.Count)
        {
            throw new ArgumentException("groups and values differ in length", nameof(values));
        }

        var result = new double[values.Count];
        foreach (var group in Enumerable.Range(0, values.Count).GroupBy(i => groups[i], StringComparer.Ordinal))
        {
            var members = group.ToArray();
            var ranks = Correlation.Ranks([.. members.Select(i => values[i])]);
            for (var k = 0; k < members.Length; k++)
            {
                result[members[k]] = ranks[k] / members.Length;
            }
        }

        return result;
    }
}
