using Leefkracht.Core.Segregation;
using Leefkracht.Data.Storage;
using Leefkracht.Monitor.Monitoring;

namespace Leefkracht.Monitor.Spatial;

/// <summary>A group whose members are counted as a share of a base: e.g. low-income households of all households.</summary>
/// <param name="Name">What the user asked for (a named group or an indicator id).</param>
/// <param name="ShareIndicator">The indicator holding the group's share in percent.</param>
/// <param name="BaseIndicator">The count the share is of (households, dwellings or population).</param>
public sealed record SegregationGroup(string Name, string ShareIndicator, string BaseIndicator)
{
    /// <summary>The named groups: low income, below the social minimum, corporation dwellings.</summary>
    public static IReadOnlyDictionary<string, SegregationGroup> Named { get; } = new Dictionary<string, SegregationGroup>(StringComparer.OrdinalIgnoreCase)
    {
        ["low_income"] = new("low_income", "households_low_income_pct", "households"),
        ["social_minimum"] = new("social_minimum", "households_social_minimum_pct", "households"),
        ["corporation"] = new("corporation", "dwellings_corporation_pct", "dwellings"),
    };

    /// <summary>
    /// A named group, or a percentage indicator of the catalog with the base its name implies
    /// (<c>households_…</c> → households, <c>dwellings_…</c> → dwellings, else population); null when neither.
    /// </summary>
    public static SegregationGroup? Resolve(string name, IndicatorCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (Named.TryGetValue(name.Trim(), out var named))
        {
            return named;
        }

        var id = name.Trim();
        if (!id.EndsWith("_pct", StringComparison.Ordinal) || !catalog.TryGet(id, out _))
        {
            return null;
        }

        var baseId = id.StartsWith("households_", StringComparison.Ordinal) ? "households"
            : id.StartsWith("dwellings_", StringComparison.Ordinal) ? "dwellings"
            : "population";
        return new SegregationGroup(id, id, baseId);
    }
}

/// <summary>Segregation of one or more groups in one gemeente and year.</summary>
/// <param name="Gemeente">The gemeente.</param>
/// <param name="Year">The year of the data.</param>
/// <param name="Buurten">The buurten with values for every group and the base, in code order.</param>
/// <param name="Groups">The groups, in the order asked.</param>
/// <param name="PerGroup">The two-group indices of each group against everyone else.</param>
/// <param name="Multigroup">M and H over the groups plus "the rest" (null for one group: then H is <see cref="SegregationResult.Entropy"/>).</param>
public sealed record GemeenteSegregation(
    AreaCode Gemeente,
    int Year,
    IReadOnlyList<AreaKey> Buurten,
    IReadOnlyList<SegregationGroup> Groups,
    IReadOnlyList<SegregationResult> PerGroup,
    MultigroupResult? Multigroup);

/// <summary>
/// Computes segregation indices per gemeente from buurt shares: group count x_i = share_i/100 · base_i for every buurt
/// of the gemeente that has both (docs/spatial.md §4).
/// </summary>
public sealed class SegregationService
{
    private readonly IMonitorStore _store;
    private readonly MonitorService _monitor;

    /// <summary>Creates the service over a store.</summary>
    public SegregationService(IMonitorStore store, MonitorService? monitor = null)
    {
        _store = store;
        _monitor = monitor ?? new MonitorService(store);
    }

    /// <summary>The years in which the first group's share indicator has values, oldest first.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(SegregationGroup group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var counts = await _store.CountValuesAsync(group.ShareIndicator, cancellationToken).ConfigureAwait(false);
        return [.. counts.Where(c => c.Value > 0).Select(c => c.Key).Order()];
    }

    /// <summary>
    /// The indices for each gemeente in a year; a gemeente with fewer than two buurten with values is left out
    /// (and listed in <paramref name="skipped"/>).
    /// </summary>
    public async Task<IReadOnlyList<GemeenteSegregation>> ComputeAsync(
        IReadOnlyList<SegregationGroup> groups, IReadOnlyList<AreaCode> gemeenten, int year, ICollection<(AreaCode Gemeente, int Year, string Reason)> skipped, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(gemeenten);
        ArgumentNullException.ThrowIfNull(skipped);
        var table = (await _monitor.PrepareAsync(year, cancellationToken).ConfigureAwait(false)).Table;
        var results = new List<GemeenteSegregation>();
        foreach (var gemeente in gemeenten)
        {
            var rows = Enumerable.Range(0, table.Areas.Length)
                .Where(r => table.Areas[r].Code.Level == AreaLevel.Buurt && table.Areas[r].Code.IsWithin(gemeente))
                .Where(r => groups.All(g => double.IsFinite(table.Column(g.ShareIndicator)[r]) && double.IsFinite(table.Column(g.BaseIndicator)[r])))
                .GroupBy(r => table.Areas[r].Code)
                .Select(g => g.MaxBy(r => table.Areas[r].Year))
                .OrderBy(r => table.Areas[r].Code)
                .ToArray();
            if (rows.Length < 2)
            {
                skipped.Add((gemeente, year, $"{rows.Length} buurten with {string.Join(" and ", groups.Select(g => g.ShareIndicator).Append(groups[0].BaseIndicator).Distinct())}"));
                continue;
            }

            var counts = groups.Select(g => rows.Select(r => table.Column(g.ShareIndicator)[r] / 100 * table.Column(g.BaseIndicator)[r]).ToArray()).ToList();
            var totals = rows.Select(r => table.Column(groups[0].BaseIndicator)[r]).ToArray();
            try
            {
                var perGroup = counts.Select(c => SegregationIndices.Compute(c, totals)).ToList();
                MultigroupResult? multigroup = null;
                if (groups.Count > 1)
                {
                    // The groups share one base; whatever they leave of it is one more group ("the rest").
                    var rest = totals.Select((t, u) => Math.Max(0, t - counts.Sum(c => c[u]))).ToArray();
                    multigroup = MutualInformation.Compute([.. counts, rest]);
                }

                results.Add(new GemeenteSegregation(gemeente, year, [.. rows.Select(r => table.Areas[r])], groups, perGroup, multigroup));
            }
            catch (ArgumentException exception)
            {
                skipped.Add((gemeente, year, exception.Message));
            }
        }

        return results;
    }
}
