using System.Collections.Immutable;

namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>One linked indicator of an agreement or goal: where it started, where it is, and which way it went.</summary>
/// <param name="IndicatorId">The indicator.</param>
/// <param name="Target">The target.</param>
/// <param name="Baseline">The value at the programme's start (see <see cref="IndicatorMovement.Baseline"/>), if any.</param>
/// <param name="Latest">The most recent value, if any.</param>
/// <param name="Movement">The movement relative to the target.</param>
public sealed record IndicatorProgress(string IndicatorId, double Target, YearValue? Baseline, YearValue? Latest, Movement Movement);

/// <summary>One agreement in the accountability view.</summary>
/// <param name="Agreement">The agreement.</param>
/// <param name="Status">Its effective status on the view's date.</param>
/// <param name="DaysLate">Days past the deadline when late, else 0.</param>
/// <param name="Indicators">Its linked indicators.</param>
public sealed record AgreementAccount(Agreement Agreement, AgreementStatus Status, int DaysLate, ImmutableArray<IndicatorProgress> Indicators);

/// <summary>How many agreements of a party are late.</summary>
/// <param name="PartyId">The owner party.</param>
/// <param name="Late">Its late agreements.</param>
public sealed record LateByParty(long PartyId, int Late);

/// <summary>The accountability view of a programme on one day.</summary>
/// <param name="AsOf">The day.</param>
/// <param name="Counts">Agreements per effective status.</param>
/// <param name="LateByParty">Owner parties with late agreements, most late first.</param>
/// <param name="Agreements">Every agreement: late first (most days late first), then open by deadline, then done and not kept.</param>
/// <param name="Goals">The programme's goals as indicator progress.</param>
public sealed record AccountabilityView(
    DateOnly AsOf,
    ImmutableDictionary<AgreementStatus, int> Counts,
    ImmutableArray<LateByParty> LateByParty,
    ImmutableArray<AgreementAccount> Agreements,
    ImmutableArray<IndicatorProgress> Goals);

/// <summary>Builds the accountability view: what is late and by whom, what was done, and how the linked indicators moved.</summary>
public static class Accountability
{
    /// <summary>
    /// The view of <paramref name="programme"/> on <paramref name="today"/>, with indicator values of the programme's
    /// area from <paramref name="series"/> (indicator id → values by year; missing indicators give <see cref="Movement.Unknown"/>).
    /// </summary>
    public static AccountabilityView Build(Programme programme, IEnumerable<Agreement> agreements, IReadOnlyDictionary<string, IReadOnlyList<YearValue>> series, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(agreements);
        ArgumentNullException.ThrowIfNull(series);
        var accounts = agreements
            .Select(a => new AgreementAccount(
                a,
                LateRule.EffectiveStatus(a, today),
                LateRule.DaysLate(a, today),
                [.. a.Indicators.Select(i => Progress(i.IndicatorId, i.Target, programme.StartYear, series))]))
            .OrderBy(a => Rank(a.Status))
            .ThenByDescending(a => a.DaysLate)
            .ThenBy(a => a.Agreement.Deadline)
            .ThenBy(a => a.Agreement.Id)
            .ToImmutableArray();
        var counts = Enum.GetValues<AgreementStatus>().ToImmutableDictionary(s => s, s => accounts.Count(a => a.Status == s));
        var late = accounts.Where(a => a.Status == AgreementStatus.Late)
            .GroupBy(a => a.Agreement.OwnerPartyId)
            .Select(g => new LateByParty(g.Key, g.Count()))
            .OrderByDescending(l => l.Late)
            .ThenBy(l => l.PartyId)
            .ToImmutableArray();
        var goals = programme.Goals.Select(g => Progress(g.IndicatorId, g.Target, programme.StartYear, series)).ToImmutableArray();
        return new AccountabilityView(today, counts, late, accounts, goals);
    }

    private static IndicatorProgress Progress(string indicatorId, double target, int startYear, IReadOnlyDictionary<string, IReadOnlyList<YearValue>> series)
    {
        var values = series.GetValueOrDefault(indicatorId) ?? [];
        var baseline = IndicatorMovement.Baseline(values, startYear);
        var latest = IndicatorMovement.Latest(values);
        return new IndicatorProgress(indicatorId, target, baseline, latest, IndicatorMovement.Classify(baseline?.Value, latest?.Value, target));
    }

    private static int Rank(AgreementStatus status) => status switch
    {
        AgreementStatus.Late => 0,
        AgreementStatus.InProgress => 1,
        AgreementStatus.Planned => 2,
        AgreementStatus.Done => 3,
        _ => 4,
    };
}
