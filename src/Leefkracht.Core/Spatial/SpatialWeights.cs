using System.Collections.Immutable;

namespace Leefkracht.Core.Spatial;

/// <summary>How the weights of a neighbour list are scaled (spdep's <c>style</c>).</summary>
public enum WeightsStyle
{
    /// <summary>Every link has weight 1 (spdep style "B").</summary>
    Binary,

    /// <summary>Each row sums to 1: w_ij = 1 / |N(i)| for a binary list (spdep style "W", libpysal transform "r").</summary>
    RowStandardised,
}

/// <summary>
/// A sparse spatial weights matrix W over n areas: for every area i its neighbours j (ascending) and weights w_ij.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Stored row by row (compressed sparse rows), so a spatial lag Σ_j w_ij·x_j is one pass over two arrays.</item>
/// <item>Neighbours are 0-based indices into the caller's list of areas, sorted ascending, never i itself unless
/// <see cref="IncludesSelf"/> (Getis-Ord G*).</item>
/// <item>An area without neighbours is an <em>island</em>: its lag is 0 and the local statistics are not defined
/// for it (spdep's <c>zero.policy = TRUE</c>).</item>
/// <item>Immutable: every transformation returns a new instance.</item>
/// </list>
/// See docs/spatial.md §1.
/// </remarks>
public sealed class SpatialWeights
{
    private readonly int[] _offsets;
    private readonly int[] _neighbours;
    private readonly double[] _weights;

    private SpatialWeights(int[] offsets, int[] neighbours, double[] weights, WeightsStyle style, bool includesSelf)
    {
        _offsets = offsets;
        _neighbours = neighbours;
        _weights = weights;
        Style = style;
        IncludesSelf = includesSelf;
        var islands = ImmutableArray.CreateBuilder<int>();
        for (var i = 0; i < Count; i++)
        {
            if (offsets[i + 1] == offsets[i])
            {
                islands.Add(i);
            }
        }

        Islands = islands.ToImmutable();
    }

    /// <summary>The number of areas (rows).</summary>
    public int Count => _offsets.Length - 1;

    /// <summary>The number of non-zero weights (directed links, self-links included).</summary>
    public int LinkCount => _neighbours.Length;

    /// <summary>How the weights are scaled.</summary>
    public WeightsStyle Style { get; }

    /// <summary>Whether every area is its own neighbour (the G* form).</summary>
    public bool IncludesSelf { get; }

    /// <summary>Areas without neighbours, ascending.</summary>
    public ImmutableArray<int> Islands { get; }

    /// <summary>The neighbours j of area i, ascending.</summary>
    public ReadOnlySpan<int> NeighboursOf(int i) => _neighbours.AsSpan(_offsets[i], _offsets[i + 1] - _offsets[i]);

    /// <summary>The weights w_ij in the order of <see cref="NeighboursOf"/>.</summary>
    public ReadOnlySpan<double> WeightsOf(int i) => _weights.AsSpan(_offsets[i], _offsets[i + 1] - _offsets[i]);

    /// <summary>The number of neighbours of area i (its cardinality).</summary>
    public int CardinalityOf(int i) => _offsets[i + 1] - _offsets[i];

    /// <summary>Binary weights from neighbour lists; each list is sorted and de-duplicated, self-links are dropped.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A neighbour index is outside 0..n−1.</exception>
    public static SpatialWeights FromNeighbours(IReadOnlyList<IReadOnlyCollection<int>> neighbours)
    {
        ArgumentNullException.ThrowIfNull(neighbours);
        var n = neighbours.Count;
        var offsets = new int[n + 1];
        var all = new List<int>();
        for (var i = 0; i < n; i++)
        {
            var sorted = new SortedSet<int>();
            foreach (var j in neighbours[i])
            {
                ArgumentOutOfRangeException.ThrowIfNegative(j);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(j, n);
                if (j != i)
                {
                    sorted.Add(j);
                }
            }

            all.AddRange(sorted);
            offsets[i + 1] = all.Count;
        }

        var weights = new double[all.Count];
        Array.Fill(weights, 1.0);
        return new SpatialWeights(offsets, [.. all], weights, WeightsStyle.Binary, includesSelf: false);
    }

    /// <summary>
    /// Binary weights from compressed rows as <see cref="NeighboursOf"/> gives them back: the neighbours of area i are
    /// <c>neighbours[offsets[i]..offsets[i + 1]]</c>, ascending, without i.
    /// </summary>
    /// <exception cref="ArgumentException">The rows are not of that form.</exception>
    public static SpatialWeights FromRows(int[] offsets, int[] neighbours)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(neighbours);
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != neighbours.Length)
        {
            throw new ArgumentException($"offsets must run from 0 to the {neighbours.Length} neighbours", nameof(offsets));
        }

        var n = offsets.Length - 1;
        for (var i = 0; i < n; i++)
        {
            if (offsets[i + 1] < offsets[i])
            {
                throw new ArgumentException($"offsets decrease at area {i}", nameof(offsets));
            }

            for (var k = offsets[i]; k < offsets[i + 1]; k++)
            {
                var j = neighbours[k];
                if (j < 0 || j >= n || j == i || (k > offsets[i] && neighbours[k - 1] >= j))
                {
                    throw new ArgumentException($"the neighbours of area {i} are not ascending indices of other areas below {n}", nameof(neighbours));
                }
            }
        }

        var weights = new double[neighbours.Length];
        Array.Fill(weights, 1.0);
        return new SpatialWeights([.. offsets], [.. neighbours], weights, WeightsStyle.Binary, includesSelf: false);
    }

    /// <summary>The neighbour lists as compressed rows (copies), the form <see cref="FromRows"/> reads.</summary>
    public (int[] Offsets, int[] Neighbours) Rows() => ([.. _offsets], [.. _neighbours]);

    /// <summary>Whether j ∈ N(i) ⇔ i ∈ N(j) for all pairs (contiguity and distance bands are; k-nearest lists usually not).</summary>
    public bool IsSymmetric()
    {
        for (var i = 0; i < Count; i++)
        {
            foreach (var j in NeighboursOf(i))
            {
                if (NeighboursOf(j).BinarySearch(i) < 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The same links with w_ij = 1 / Σ_k b_ik (rows of islands stay empty).</summary>
    public SpatialWeights RowStandardised()
    {
        var weights = new double[_weights.Length];
        for (var i = 0; i < Count; i++)
        {
            var row = WeightsOf(i);
            var sum = 0.0;
            foreach (var w in row)
            {
                sum += w;
            }

            for (var k = 0; k < row.Length; k++)
            {
                weights[_offsets[i] + k] = row[k] / sum;
            }
        }

        return new SpatialWeights(_offsets, _neighbours, weights, WeightsStyle.RowStandardised, IncludesSelf);
    }

    /// <summary>
    /// Binary weights with every area added as its own neighbour (w_ii = 1), as Getis-Ord G* requires
    /// (spdep <c>include.self()</c>).
    /// </summary>
    public SpatialWeights WithSelf()
    {
        if (IncludesSelf)
        {
            return this;
        }

        var offsets = new int[Count + 1];
        var neighbours = new int[_neighbours.Length + Count];
        var position = 0;
        for (var i = 0; i < Count; i++)
        {
            var inserted = false;
            foreach (var j in NeighboursOf(i))
            {
                if (!inserted && j > i)
                {
                    neighbours[position++] = i;
                    inserted = true;
                }

                neighbours[position++] = j;
            }

            if (!inserted)
            {
                neighbours[position++] = i;
            }

            offsets[i + 1] = position;
        }

        var weights = new double[neighbours.Length];
        Array.Fill(weights, 1.0);
        var binary = new SpatialWeights(offsets, neighbours, weights, WeightsStyle.Binary, includesSelf: true);
        return Style == WeightsStyle.RowStandardised ? binary.RowStandardised() : binary;
    }

    /// <summary>
    /// The binary weights restricted to the areas with <paramref name="keep"/> true, renumbered in order; links to
    /// dropped areas disappear (spdep <c>subset.nb</c>), so an area can become an island.
    /// </summary>
    public SpatialWeights Subset(ReadOnlySpan<bool> keep)
    {
        if (keep.Length != Count)
        {
            throw new ArgumentException($"keep has {keep.Length} entries for {Count} areas", nameof(keep));
        }

        var newIndex = new int[Count];
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            newIndex[i] = keep[i] ? kept++ : -1;
        }

        var lists = new List<int>[kept];
        for (var i = 0; i < Count; i++)
        {
            if (newIndex[i] < 0)
            {
                continue;
            }

            var list = lists[newIndex[i]] = [];
            foreach (var j in NeighboursOf(i))
            {
                if (newIndex[j] >= 0 && j != i)
                {
                    list.Add(newIndex[j]);
                }
            }
        }

        var subset = FromNeighbours(lists);
        subset = IncludesSelf ? subset.WithSelf() : subset;
        return Style == WeightsStyle.RowStandardised ? subset.RowStandardised() : subset;
    }

    /// <summary>
    /// Binary weights in which each island gets its nearest area as a neighbour, and that area the island
    /// (libpysal <c>attach_islands</c>): the fallback for a buurt without contiguous neighbours.
    /// </summary>
    /// <param name="nearest">k = 1 nearest-neighbour weights over the same areas.</param>
    public SpatialWeights WithIslandsAttached(SpatialWeights nearest)
    {
        ArgumentNullException.ThrowIfNull(nearest);
        if (nearest.Count != Count)
        {
            throw new ArgumentException($"nearest has {nearest.Count} areas, these weights {Count}", nameof(nearest));
        }

        var lists = new List<int>[Count];
        for (var i = 0; i < Count; i++)
        {
            lists[i] = [.. NeighboursOf(i)];
        }

        foreach (var island in Islands)
        {
            foreach (var j in nearest.NeighboursOf(island))
            {
                lists[island].Add(j);
                lists[j].Add(island);
            }
        }

        var attached = FromNeighbours(lists);
        return Style == WeightsStyle.RowStandardised ? attached.RowStandardised() : attached;
    }

    /// <summary>The spatial lag (Wx)_i = Σ_j w_ij·x_j; 0 for islands.</summary>
    public double[] Lag(ReadOnlySpan<double> values)
    {
        if (values.Length != Count)
        {
            throw new ArgumentException($"{values.Length} values for {Count} areas", nameof(values));
        }

        var lag = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            var sum = 0.0;
            for (var k = _offsets[i]; k < _offsets[i + 1]; k++)
            {
                sum += _weights[k] * values[_neighbours[k]];
            }

            lag[i] = sum;
        }

        return lag;
    }

    /// <summary>The weight w_ij, 0 when j is not a neighbour of i.</summary>
    public double WeightOf(int i, int j)
    {
        var k = NeighboursOf(i).BinarySearch(j);
        return k < 0 ? 0 : _weights[_offsets[i] + k];
    }

    /// <summary>
    /// The constants of Cliff and Ord (1981) used by Moran's I moments:
    /// S0 = Σ_i Σ_j w_ij, S1 = ½ Σ_i Σ_j (w_ij + w_ji)², S2 = Σ_i (w_i· + w_·i)² (spdep <c>spweights.constants</c>).
    /// </summary>
    public WeightSums Sums()
    {
        double s0 = 0, s1 = 0;
        var rowSums = new double[Count];
        var columnSums = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            var neighbours = NeighboursOf(i);
            var weights = WeightsOf(i);
            for (var k = 0; k < neighbours.Length; k++)
            {
                var j = neighbours[k];
                var w = weights[k];
                s0 += w;
                rowSums[i] += w;
                columnSums[j] += w;
                var sum = w + WeightOf(j, i);
                s1 += sum * sum;
            }
        }

        // Pairs where only w_ji is non-zero were missed above; add (0 + w_ji)² for them.
        for (var i = 0; i < Count; i++)
        {
            var neighbours = NeighboursOf(i);
            var weights = WeightsOf(i);
            for (var k = 0; k < neighbours.Length; k++)
            {
                if (NeighboursOf(neighbours[k]).BinarySearch(i) < 0)
                {
                    s1 += weights[k] * weights[k];
                }
            }
        }

        double s2 = 0;
        for (var i = 0; i < Count; i++)
        {
            var sum = rowSums[i] + columnSums[i];
            s2 += sum * sum;
        }

        return new WeightSums(s0, s1 / 2, s2);
    }
}

/// <summary>The weight constants of Cliff and Ord (1981).</summary>
/// <param name="S0">Σ_i Σ_j w_ij.</param>
/// <param name="S1">½ Σ_i Σ_j (w_ij + w_ji)².</param>
/// <param name="S2">Σ_i (w_i· + w_·i)².</param>
public readonly record struct WeightSums(double S0, double S1, double S2);
