using System.Collections.Immutable;

namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>An agreement one party makes within a programme.</summary>
/// <param name="Id">The store's id.</param>
/// <param name="ProgrammeId">The programme.</param>
/// <param name="OwnerPartyId">The party that delivers (and alone may edit it).</param>
/// <param name="CounterpartyIds">The parties it is made with.</param>
/// <param name="Title">A short title.</param>
/// <param name="Deliverable">What will be delivered.</param>
/// <param name="Deadline">The last day to deliver it.</param>
/// <param name="Indicators">The monitor indicators it is meant to move, with targets.</param>
/// <param name="Status">The stored status (the effective one also depends on the clock: <see cref="LateRule"/>).</param>
/// <param name="Version">The row version.</param>
/// <param name="StatusSetOn">
/// The day (the clock's local date) a person last set its status, read from the status history; null when nobody has
/// since it was made. A status a person sets after the deadline ends the system's "late" (<see cref="LateRule"/>).
/// </param>
public sealed record Agreement(
    long Id,
    long ProgrammeId,
    long OwnerPartyId,
    ImmutableArray<long> CounterpartyIds,
    string Title,
    string Deliverable,
    DateOnly Deadline,
    ImmutableArray<IndicatorTarget> Indicators,
    AgreementStatus Status,
    int Version,
    DateOnly? StatusSetOn = null);
