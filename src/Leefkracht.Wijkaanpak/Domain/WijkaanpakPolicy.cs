namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>
/// Who may see and do what (the permission matrix of docs/wijkaanpak.md). Callers answer 404 when
/// <see cref="CanSee"/> is false, so that a programme's existence does not leak, and 403 for an action on something
/// the account may see but not change.
/// </summary>
/// <remarks>
/// Membership counts from a coalition membership's start; "active" means on <c>today</c>. A party that left a
/// programme still sees it (and what it agreed to) but changes nothing in it. The coordinating party's coordinators
/// manage the programme; a party edits only its own agreements, and comments on every agreement.
/// </remarks>
public static class WijkaanpakPolicy
{
    /// <summary>Whether the actor may see the programme and what is in it.</summary>
    public static bool CanSee(Actor actor, ProgrammeAccess access, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(access);
        return actor.Role == Role.Admin || access.Programme.Published || IsMember(actor, access, today);
    }

    /// <summary>Whether the actor may read the programme's audit trail: admins and the staff of member parties.</summary>
    public static bool CanSeeAudit(Actor actor, ProgrammeAccess access, DateOnly today) =>
        actor.Role == Role.Admin || (actor.Role is Role.Coordinator or Role.Partner && IsMember(actor, access, today));

    /// <summary>Whether the actor may create programmes.</summary>
    public static bool CanCreateProgramme(Actor actor) => actor.Role == Role.Coordinator;

    /// <summary>Whether the actor may edit and publish the programme and manage its coalition, funding and initiatives.</summary>
    public static bool CanManage(Actor actor, Programme programme)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(programme);
        return actor.Role == Role.Coordinator && actor.PartyId == programme.CoordinatorPartyId;
    }

    /// <summary>
    /// Whether the actor may create an agreement owned by <paramref name="ownerPartyId"/>: staff of an active member
    /// for their own party; the programme's coordinators for any active member.
    /// </summary>
    public static bool CanCreateAgreement(Actor actor, ProgrammeAccess access, long ownerPartyId, DateOnly today) =>
        IsStaffOfActiveMember(actor, access, today)
        && access.IsActiveMember(ownerPartyId, today)
        && (ownerPartyId == actor.PartyId || CanManage(actor, access.Programme));

    /// <summary>Whether the actor may edit the agreement and change its status: staff of its owner party, while it takes part.</summary>
    public static bool CanEditAgreement(Actor actor, ProgrammeAccess access, Agreement agreement, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return IsStaffOfActiveMember(actor, access, today) && agreement.OwnerPartyId == actor.PartyId;
    }

    /// <summary>Whether the actor may comment on the programme's agreements: staff of any active member.</summary>
    public static bool CanComment(Actor actor, ProgrammeAccess access, DateOnly today) => IsStaffOfActiveMember(actor, access, today);

    /// <summary>Whether the actor may submit an initiative: anyone who sees the programme except admins.</summary>
    public static bool CanSubmitInitiative(Actor actor, ProgrammeAccess access, DateOnly today) =>
        actor.Role != Role.Admin && CanSee(actor, access, today);

    /// <summary>Whether the actor sees every initiative of the programme (others see the ones they submitted).</summary>
    public static bool CanSeeAllInitiatives(Actor actor, ProgrammeAccess access, DateOnly today) =>
        actor.Role == Role.Admin || (actor.Role is Role.Coordinator or Role.Partner && IsMember(actor, access, today));

    /// <summary>Whether the actor may create parties.</summary>
    public static bool CanCreateParty(Actor actor) => actor.Role is Role.Admin or Role.Coordinator;

    /// <summary>Whether the actor may manage accounts.</summary>
    public static bool CanManageAccounts(Actor actor) => actor.Role == Role.Admin;

    private static bool IsMember(Actor actor, ProgrammeAccess access, DateOnly today) => access.IsMember(actor.PartyId, today);

    private static bool IsStaffOfActiveMember(Actor actor, ProgrammeAccess access, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(access);
        return actor.Role is Role.Coordinator or Role.Partner && access.IsActiveMember(actor.PartyId, today);
    }
}
