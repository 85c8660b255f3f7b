namespace Leefkracht.Wijkaanpak.Domain;

/// <summary>What an account may do besides what its party may do (see <see cref="WijkaanpakPolicy"/>).</summary>
public enum Role
{
    /// <summary>Manages accounts and parties; sees every programme; edits no programme content.</summary>
    Admin,

    /// <summary>Creates programmes and, for those its party coordinates, manages them, the coalition and funding.</summary>
    Coordinator,

    /// <summary>Staff of a party: edits its own party's agreements and comments on others'.</summary>
    Partner,

    /// <summary>A resident: submits and follows initiatives.</summary>
    Bewoner,
}
