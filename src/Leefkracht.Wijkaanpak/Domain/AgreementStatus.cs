namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>Where an agreement stands.</summary>
public enum AgreementStatus
{
    /// <summary>Agreed, not started.</summary>
    Planned,

    /// <summary>Being worked on.</summary>
    InProgress,

    /// <summary>Delivered.</summary>
    Done,

    /// <summary>Not done and its deadline has passed (derived from the clock, see <see cref="LateRule"/>).</summary>
    Late,

    /// <summary>Will not be delivered.</summary>
    NotKept,
}
