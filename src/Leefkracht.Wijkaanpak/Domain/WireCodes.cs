using System.Diagnostics.CodeAnalysis;

namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>
/// The codes the API, the store and the audit trail use for the wijkaanpak enums (<c>in_progress</c>,
/// <c>corporatie</c>, …): lower snake case, stable whatever the enum members are called.
/// </summary>
public static class WireCodes
{
    private static readonly Dictionary<AgreementStatus, string> AgreementCodes = new()
    {
        [AgreementStatus.Planned] = "planned",
        [AgreementStatus.InProgress] = "in_progress",
        [AgreementStatus.Done] = "done",
        [AgreementStatus.Late] = "late",
        [AgreementStatus.NotKept] = "not_kept",
    };

    private static readonly Dictionary<InitiativeStatus, string> InitiativeCodes = new()
    {
        [InitiativeStatus.Submitted] = "submitted",
        [InitiativeStatus.UnderReview] = "under_review",
        [InitiativeStatus.Accepted] = "accepted",
        [InitiativeStatus.Rejected] = "rejected",
        [InitiativeStatus.Done] = "done",
    };

    /// <summary>The code of an agreement status.</summary>
    public static string Code(this AgreementStatus status) => AgreementCodes[status];

    /// <summary>The code of an initiative status.</summary>
    public static string Code(this InitiativeStatus status) => InitiativeCodes[status];

    /// <summary>The code of a party type (its lower-case name).</summary>
    public static string Code(this PartyType type) => type.ToString().ToLowerInvariant();

    /// <summary>The code of a role (its lower-case name).</summary>
    public static string Code(this Role role) => role.ToString().ToLowerInvariant();

    /// <summary>Reads an agreement status code.</summary>
    public static bool TryParse(string? code, out AgreementStatus status) => TryFind(AgreementCodes, code, out status);

    /// <summary>Reads an initiative status code.</summary>
    public static bool TryParse(string? code, out InitiativeStatus status) => TryFind(InitiativeCodes, code, out status);

    /// <summary>Reads a party type code.</summary>
    public static bool TryParse(string? code, out PartyType type) => TryEnum(code, out type);

    /// <summary>Reads a role code.</summary>
    public static bool TryParse(string? code, out Role role) => TryEnum(code, out role);

    /// <summary>The codes of every value of <typeparamref name="T"/>, for messages.</summary>
    public static string Choices<T>()
        where T : struct, Enum => typeof(T) == typeof(AgreementStatus) ? string.Join(", ", AgreementCodes.Values)
        : typeof(T) == typeof(InitiativeStatus) ? string.Join(", ", InitiativeCodes.Values)
        : string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));

    private static bool TryFind<T>(Dictionary<T, string> codes, string? code, out T value)
        where T : struct, Enum
    {
        foreach (var (key, text) in codes)
        {
            if (string.Equals(text, code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = key;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static bool TryEnum<T>([NotNullWhen(true)] string? code, out T value)
        where T : struct, Enum
    {
        // Only the lower-case names: Enum.TryParse alone would also take numbers ("3").
        value = default;
        return code is not null && Enum.GetNames<T>().Any(n => string.Equals(n, code.Trim(), StringComparison.OrdinalIgnoreCase))
            && Enum.TryParse(code.Trim(), ignoreCase: true, out value);
    }
}
