using Leefkracht.Core.Areas;

namespace Leefkracht.Core.Leefbaarometer;

/// <summary>One area's Leefbaarometer series with what splits the sets.</summary>
/// <param name="Code">The area.</param>
/// <param name="Inhabitants">Its inhabitants (the weight of the mean trajectories).</param>
/// <param name="OwnerOccupiedShare">The share of owner-occupied dwellings (percent), when known.</param>
/// <param name="GemeenteCorporationShare">The share of corporation dwellings of its gemeente (percent), when known.</param>
/// <param name="Deviations">afw per measured year.</param>
public sealed record KwibArea(AreaCode Code, double Inhabitants, double? OwnerOccupiedShare, double? GemeenteCorporationShare, IReadOnlyDictionary<int, double> Deviations)
{
    /// <summary>Whether the area scored zwak or worse (below the zwak upper bound) in any measured year.</summary>
    public bool EverZwak => Deviations.Values.Any(d => d < KwetsbareWijkenInBeeld.ZwakBound);
}

/// <summary>The inhabitant-weighted mean afw of a set in one year and its gap to the national mean.</summary>
/// <param name="Year">The year.</param>
/// <param name="Mean">The set's mean afw.</param>
/// <param name="National">The mean afw of all areas.</param>
public sealed record KwibYear(int Year, double Mean, double National)
{
    /// <summary>Mean − national.</summary>
    public double Gap => Mean - National;
}

/// <summary>How many areas of a set declined over one period.</summary>
/// <param name="From">The first year.</param>
/// <param name="To">The last year.</param>
/// <param name="ShareFell">The share of the set's areas whose afw fell.</param>
/// <param name="ShareFellClearly">The share whose afw fell by more than <see cref="KwetsbareWijkenInBeeld.ClearFall"/>.</param>
/// <param name="MeanChange">The inhabitant-weighted mean change of the set.</param>
/// <param name="NationalShareFell">The share of all areas whose afw fell.</param>
public sealed record KwibPeriod(int From, int To, double ShareFell, double ShareFellClearly, double MeanChange, double NationalShareFell);

/// <summary>One set of areas: its trajectory and the share declining per period.</summary>
/// <param name="Key">A stable key (<see cref="KwetsbareWijkenInBeeld.SetKeys"/>).</param>
/// <param name="Areas">How many areas it holds.</param>
/// <param name="Trajectory">Per measured year.</param>
/// <param name="Periods">Per period (<see cref="KwetsbareWijkenInBeeld.PeriodsOf"/>).</param>
public sealed record KwibSet(string Key, int Areas, IReadOnlyList<KwibYear> Trajectory, IReadOnlyList<KwibPeriod> Periods)
{
    /// <summary>The period from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public KwibPeriod Period(int from, int to) => Periods.First(p => p.From == from && p.To == to);
}

/// <summary>The reproduction: the sets and the areas that scored zwak or worse in any year.</summary>
/// <param name="Years">The measured years.</param>
/// <param name="Considered">Areas measured in every year.</param>
/// <param name="Sets">The sets.</param>
/// <param name="ZwakAreas">The areas zwak or worse in any year, weakest (lowest mean afw) first.</param>
public sealed record KwibResult(IReadOnlyList<int> Years, int Considered, IReadOnlyList<KwibSet> Sets, IReadOnlyList<KwibArea> ZwakAreas)
{
    /// <summary>The set with <paramref name="key"/>.</summary>
    public KwibSet Set(string key) => Sets.First(s => s.Key == key);
}

/// <summary>
/// "Kwetsbare wijken in beeld" (Platform31 2017) and "Veerkracht in het corporatiebezit" (Aedes/RIGO 2018, 2020),
/// reproduced on the Leefbaarometer 3.0 series: the areas that scored zwak or worse in any measured year, their mean
/// trajectory against the national mean, and the share of them declining per period, split by owner-occupation and
/// by the gemeente's corporation share. See docs/kwetsbare-wijken.md.
/// </summary>
public static class KwetsbareWijkenInBeeld
{
    /// <summary>A fall larger than this (afw) is a clear fall.</summary>
    public const double ClearFall = 0.02;

    /// <summary>The upper bound of class 4 (zwak) on afw.</summary>
    public static double ZwakBound => LeefbaarometerClasses.UpperBounds[3];

    /// <summary>The upper bound of class 3 (onvoldoende) on afw.</summary>
    public static double OnvoldoendeBound => LeefbaarometerClasses.UpperBounds[2];

    /// <summary>The sets, in the order they are reported.</summary>
    public static IReadOnlyList<string> SetKeys { get; } =
    [
        "all", "zwak", "onvoldoende", "never-zwak", "zwak-owner-lt30", "zwak-owner-30-50", "zwak-owner-ge50", "all-owner-lt30",
        "zwak-corporation-ge30", "zwak-corporation-lt30",
    ];

    /// <summary>A set's name in the user's language.</summary>
    public static string SetName(string key) => LeefbaarometerWords.Words[$"Set.{key}"];

    /// <summary>The periods: consecutive measurements of the 2002–2018 series, and 2012 to each later one.</summary>
    public static IReadOnlyList<(int From, int To)> PeriodsOf(IReadOnlyList<int> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var periods = years.Zip(years.Skip(1)).ToList();
        periods.AddRange(years.Where(y => y > 2012 + 2 && years.Contains(2012)).Select(y => (2012, y)));
        return periods;
    }

    /// <summary>Computes every set on the areas measured in every year.</summary>
    public static KwibResult Compute(IReadOnlyList<KwibArea> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var years = areas.SelectMany(a => a.Deviations.Keys).Distinct().Order().ToList();
        var complete = areas.Where(a => a.Inhabitants > 0 && years.All(a.Deviations.ContainsKey)).OrderBy(a => a.Code).ToList();
        var periods = PeriodsOf(years);
        var members = new Dictionary<string, Func<KwibArea, bool>>(StringComparer.Ordinal)
        {
            ["all"] = _ => true,
            ["zwak"] = a => a.EverZwak,
            ["onvoldoende"] = a => a.Deviations.Values.Any(d => d < OnvoldoendeBound),
            ["never-zwak"] = a => !a.EverZwak,
            ["zwak-owner-lt30"] = a => a.EverZwak && a.OwnerOccupiedShare < 30,
            ["zwak-owner-30-50"] = a => a.EverZwak && a.OwnerOccupiedShare is >= 30 and < 50,
            ["zwak-owner-ge50"] = a => a.EverZwak && a.OwnerOccupiedShare >= 50,
            ["all-owner-lt30"] = a => a.OwnerOccupiedShare < 30,
            ["zwak-corporation-ge30"] = a => a.EverZwak && a.GemeenteCorporationShare >= 30,
            ["zwak-corporation-lt30"] = a => a.EverZwak && a.GemeenteCorporationShare < 30,
        };
        double Mean(IEnumerable<KwibArea> set, Func<KwibArea, double> value)
        {
            var (sum, weight) = set.Aggregate((0.0, 0.0), (acc, a) => (acc.Item1 + (a.Inhabitants * value(a)), acc.Item2 + a.Inhabitants));
            return weight > 0 ? sum / weight : double.NaN;
        }

        double ShareFell(List<KwibArea> set, int from, int to, double by) =>
            set.Count == 0 ? double.NaN : (double)set.Count(a => a.Deviations[to] - a.Deviations[from] < -by) / set.Count;

        var sets = SetKeys.Select(key =>
        {
            var set = complete.Where(members[key]).ToList();
            return new KwibSet(
                key,
                set.Count,
                [.. years.Select(y => new KwibYear(y, Mean(set, a => a.Deviations[y]), Mean(complete, a => a.Deviations[y])))],
                [.. periods.Select(p => new KwibPeriod(p.From, p.To, ShareFell(set, p.From, p.To, 0), ShareFell(set, p.From, p.To, ClearFall), Mean(set, a => a.Deviations[p.To] - a.Deviations[p.From]), ShareFell(complete, p.From, p.To, 0)))]);
        }).ToList();
        var zwak = complete.Where(a => a.EverZwak).OrderBy(a => a.Deviations.Values.Average()).ThenBy(a => a.Code).ToList();
        return new KwibResult(years, complete.Count, sets, zwak);
    }
}
