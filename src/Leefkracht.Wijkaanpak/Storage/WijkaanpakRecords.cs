using Leefkracht.Wijkaanpak.Domain;

namespace Leefkracht.Wijkaanpak.Storage;

/// <summary>An account as stored. <see cref="PasswordHash"/> never leaves the server (not in answers, not in the audit trail).</summary>
public sealed record AccountRecord(
    long Id,
    string UserName,
    string DisplayName,
    long PartyId,
    Role Role,
    string? PasswordHash,
    bool Disabled,
    int FailedLogins,
    DateTimeOffset? LockedUntil,
    int Version)
{
    /// <summary>The account as the audit trail shows it: no hash, no login counters.</summary>
    public object ForAudit() => new { Id, UserName, DisplayName, PartyId, Role = Role.Code(), Disabled, HasPassword = PasswordHash is not null, Version };
}

/// <summary>Who made a change, for the audit trail: an account, or a named tool (the command line) without one.</summary>
public sealed record AuditActor(long? AccountId, string Name)
{
    /// <summary>The actor for a signed-in account.</summary>
    public static AuditActor Of(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new AuditActor(actor.AccountId, actor.Name);
    }
}

/// <summary>One row of the audit trail.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, long? AccountId, string? AccountName, long? ProgrammeId, string Entity, long EntityId, string Action, string? BeforeJson, string? AfterJson);

/// <summary>How a versioned write ended.</summary>
public enum WriteOutcome
{
    /// <summary>Written (and audited).</summary>
    Written,

    /// <summary>No such row.</summary>
    NotFound,

    /// <summary>The row's version is not the one the caller read: someone else changed it first. Nothing written.</summary>
    Conflict,

    /// <summary>The change is not allowed by the domain rules (e.g. a status transition). Nothing written.</summary>
    Invalid,
}

/// <summary>The result of a versioned write.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Value">The row after the write (Written), else null.</param>
/// <param name="CurrentVersion">The stored version on a conflict.</param>
/// <param name="Error">Why it is invalid.</param>
public sealed record WriteResult<T>(WriteOutcome Outcome, T? Value, int? CurrentVersion = null, string? Error = null)
    where T : class;
