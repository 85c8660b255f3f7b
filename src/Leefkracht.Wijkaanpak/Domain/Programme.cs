using System.Collections.Immutable;

namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>An area programme: the joint approach of the parties for one wijk or buurt.</summary>
/// <param name="Id">The store's id (0 before it is stored).</param>
/// <param name="Name">The programme's name.</param>
/// <param name="AreaCode">The wijk or buurt code (e.g. <c>WK034406</c>).</param>
/// <param name="StartDate">When the programme starts.</param>
/// <param name="StartYear">The monitor year the programme starts from (the baseline of the accountability view).</param>
/// <param name="Description">What the programme is about.</param>
/// <param name="Goals">The goals, each linked to an indicator and a target.</param>
/// <param name="CoordinatorPartyId">The party that coordinates the programme (usually the gemeente).</param>
/// <param name="Published">Whether every account may see it.</param>
/// <param name="Version">The row version (1 on create, +1 on every change).</param>
public sealed record Programme(
    long Id,
    string Name,
    string AreaCode,
    DateOnly StartDate,
    int StartYear,
    string Description,
    ImmutableArray<ProgrammeGoal> Goals,
    long CoordinatorPartyId,
    bool Published,
    int Version);
