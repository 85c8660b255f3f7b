namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>Where a residents' initiative stands.</summary>
public enum InitiativeStatus
{
    /// <summary>Submitted by residents.</summary>
    Submitted,

    /// <summary>Being considered by the programme.</summary>
    UnderReview,

    /// <summary>Taken up.</summary>
    Accepted,

    /// <summary>Not taken up.</summary>
    Rejected,

    /// <summary>Carried out.</summary>
    Done,
}
