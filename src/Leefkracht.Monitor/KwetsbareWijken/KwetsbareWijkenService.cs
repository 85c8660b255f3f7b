using Leefkracht.Core.Leefbaarometer;
using Leefkracht.Data.Storage;
using Leefkracht.Monitor.Monitoring;

namespace Leefkracht.Monitor.KwetsbareWijken;

/// <summary>The reproduction of one division's wijken, with where the values come from.</summary>
/// <param name="DivisionYear">The year of the wijk division (the latest year with inhabitants).</param>
/// <param name="Result">The sets and the areas zwak or worse in any year.</param>
/// <param name="Provenance">Where the Leefbaarometer values come from.</param>
/// <param name="CorporationYear">The year of the gemeenten's corporation shares (null when the store has none).</param>
public sealed record KwetsbareWijkenReport(int DivisionYear, KwibResult Result, LeefbaarometerProvenance? Provenance, int? CorporationYear);

/// <summary>
/// "Kwetsbare wijken in beeld", reproduced from the store: the Leefbaarometer series carried to the wijken of the
/// latest division (<see cref="LeefbaarometerService"/>), weighted by their inhabitants, split by their owner-occupied
/// share and by their gemeente's corporation share (<see cref="KwetsbareWijkenInBeeld"/>). See docs/kwetsbare-wijken.md.
/// </summary>
public sealed class KwetsbareWijkenService(IMonitorStore store, MonitorService monitor, LeefbaarometerService leefbaarometer)
{
    /// <summary>Wijken with fewer inhabitants are left out (port and business areas; their averages rest on a handful of addresses).</summary>
    public const double MinimumInhabitants = 100;

    private const string OwnerOccupied = "dwellings_owner_occupied_pct";
    private const string Corporation = "dwellings_corporation_pct";

    /// <summary>The reproduction (remembered until the data change); null when the store has no year with inhabitants.</summary>
    public Task<KwetsbareWijkenReport?> ReportAsync(CancellationToken cancellationToken = default) =>
        monitor.RememberAsync(nameof(KwetsbareWijkenService), async () =>
        {
            if (await monitor.DefaultYearAsync(cancellationToken).ConfigureAwait(false) is not { } year)
            {
                return null;
            }

            var table = (await monitor.PrepareAsync(year, cancellationToken).ConfigureAwait(false)).Table;
            var level = await leefbaarometer.LevelAsync(AreaLevel.Wijk, year, cancellationToken).ConfigureAwait(false);
            var (corporation, corporationYear) = await CorporationSharesAsync(year, cancellationToken).ConfigureAwait(false);
            var population = table.Column(ReferenceDistribution.PopulationIndicator).ToArray();
            var owner = table.HasIndicator(OwnerOccupied) ? table.Column(OwnerOccupied).ToArray() : [.. population.Select(_ => double.NaN)];
            var areas = new List<KwibArea>();
            foreach (var (code, values) in level.Values)
            {
                var row = table.RowOf(new AreaKey(code, year));
                if (row < 0 || !(population[row] >= MinimumInhabitants))
                {
                    continue;
                }

                areas.Add(new KwibArea(
                    code,
                    population[row],
                    double.IsNaN(owner[row]) ? null : owner[row],
                    code.Gemeente is { } g && corporation.TryGetValue(g, out var share) ? share : null,
                    values.ToDictionary(v => v.Year, v => v.Deviation)));
            }

            return (KwetsbareWijkenReport?)new KwetsbareWijkenReport(year, KwetsbareWijkenInBeeld.Compute(areas), level.Provenance, corporationYear);
        });

    /// <summary>The gemeenten's corporation shares of the latest year, up to <paramref name="year"/>, that has them.</summary>
    private async Task<(Dictionary<AreaCode, double> Shares, int? Year)> CorporationSharesAsync(int year, CancellationToken cancellationToken)
    {
        var counts = await store.CountValuesAsync(Corporation, cancellationToken).ConfigureAwait(false);
        if (counts.Keys.Where(y => y <= year).OrderDescending().Cast<int?>().FirstOrDefault() is { } latest)
        {
            var table = (await monitor.PrepareAsync(latest, cancellationToken).ConfigureAwait(false)).Table;
            var column = table.Column(Corporation).ToArray();
            var shares = new Dictionary<AreaCode, double>();
            for (var row = 0; row < table.Areas.Length; row++)
            {
                if (table.Areas[row].Code.Level == AreaLevel.Gemeente && !double.IsNaN(column[row]))
                {
                    shares.TryAdd(table.Areas[row].Code, column[row]);
                }
            }

            return (shares, latest);
        }

        return ([], null);
    }
}
