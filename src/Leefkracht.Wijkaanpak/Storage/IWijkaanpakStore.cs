using Leefkracht.Wijkaanpak.Domain;

namespace Leefkracht.Wijkaanpak.Storage;

/// <summary>
/// The wijkaanpak's persistence (docs/wijkaanpak.md), on SQLite or PostgreSQL (<see cref="WijkaanpakStores"/>).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Every command is one transaction, and writes its audit row (before → after as JSON) in it.</item>
/// <item>Updates take the changed entity carrying the version the caller read, and write with
/// <c>UPDATE … WHERE id = @id AND version = @version</c>: a stale version is a <see cref="WriteOutcome.Conflict"/>,
/// never an overwrite, also across processes on one PostgreSQL database.</item>
/// <item>Thread-safe: every call uses its own pooled connection.</item>
/// </list>
/// Permissions are not checked here: the callers decide with <see cref="WijkaanpakPolicy"/> first.
/// </remarks>
public interface IWijkaanpakStore : IAsyncDisposable
{
    Task<IReadOnlyList<Party>> ListPartiesAsync(CancellationToken cancellationToken = default);

    Task<Party?> GetPartyAsync(long id, CancellationToken cancellationToken = default);

    Task<Party> CreatePartyAsync(string name, PartyType type, AuditActor actor, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AccountRecord>> ListAccountsAsync(CancellationToken cancellationToken = default);

    Task<AccountRecord?> GetAccountAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The account with this user name, whatever the case.</summary>
    Task<AccountRecord?> FindAccountAsync(string userName, CancellationToken cancellationToken = default);

    Task<AccountRecord> CreateAccountAsync(AccountRecord account, AuditActor actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes an account. A new password, or disabling the account, ends every session of the account in the same
    /// transaction, so no cookie issued before outlives the change (not even after the account is enabled again).
    /// </summary>
    Task<WriteResult<AccountRecord>> UpdateAccountAsync(AccountRecord changed, AuditActor actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts a failed login; the <paramref name="lockAfter"/>th failure in a row locks the account until
    /// <paramref name="lockUntil"/> (and starts the count again). Returns the lock's end, if locked.
    /// </summary>
    Task<DateTimeOffset?> RecordLoginFailureAsync(long accountId, int lockAfter, DateTimeOffset lockUntil, CancellationToken cancellationToken = default);

    /// <summary>Resets the failure count and lock after a successful login.</summary>
    Task RecordLoginSuccessAsync(long accountId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a new session of an account that ends at <paramref name="expires"/> at the latest, under the SHA-256 of
    /// its token (<paramref name="tokenHash"/>); sessions already past their end are removed on the way.
    /// </summary>
    Task StartSessionAsync(long accountId, string tokenHash, DateTimeOffset expires, CancellationToken cancellationToken = default);

    /// <summary>The account of the session with this token hash, if the session exists and has not ended by <paramref name="now"/>.</summary>
    Task<long?> SessionAccountAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Ends one session (logout); nothing happens when it has ended already.</summary>
    Task EndSessionAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>Every key of the web app's Data Protection key ring, as XML text, oldest first.</summary>
    Task<IReadOnlyList<string>> LoadProtectionKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a key to the key ring (a key already stored under <paramref name="name"/> is kept as it is).</summary>
    Task SaveProtectionKeyAsync(string name, string xml, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ProgrammeAccess>> ListProgrammesAsync(CancellationToken cancellationToken = default);

    Task<ProgrammeAccess?> GetProgrammeAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Creates a programme; its coordinating party joins the coalition from the programme's start date.</summary>
    Task<ProgrammeAccess> CreateProgrammeAsync(Programme programme, AuditActor actor, CancellationToken cancellationToken = default);

    Task<WriteResult<Programme>> UpdateProgrammeAsync(Programme changed, AuditActor actor, CancellationToken cancellationToken = default);

    Task<CoalitionMember?> GetMemberAsync(long id, CancellationToken cancellationToken = default);

    Task<CoalitionMember> AddMemberAsync(CoalitionMember member, AuditActor actor, CancellationToken cancellationToken = default);

    Task<WriteResult<CoalitionMember>> UpdateMemberAsync(CoalitionMember changed, AuditActor actor, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Agreement>> ListAgreementsAsync(long programmeId, CancellationToken cancellationToken = default);

    Task<Agreement?> GetAgreementAsync(long id, CancellationToken cancellationToken = default);

    Task<Agreement> CreateAgreementAsync(Agreement agreement, AuditActor actor, CancellationToken cancellationToken = default);

    Task<WriteResult<Agreement>> UpdateAgreementAsync(Agreement changed, AuditActor actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes an agreement's status: reads it in the transaction, lets <paramref name="change"/> (the pure
    /// <see cref="AgreementWorkflow.ChangeStatus"/>) decide, and writes the status, its history entries and the audit row.
    /// </summary>
    Task<WriteResult<Agreement>> ChangeAgreementStatusAsync(long id, int expectedVersion, Func<Agreement, StatusChangeOutcome> change, AuditActor actor, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AgreementStatusChange>> LoadHistoryAsync(long agreementId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AgreementComment>> LoadCommentsAsync(long agreementId, CancellationToken cancellationToken = default);

    Task<AgreementComment> AddCommentAsync(AgreementComment comment, long programmeId, AuditActor actor, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Initiative>> ListInitiativesAsync(long programmeId, CancellationToken cancellationToken = default);

    Task<Initiative?> GetInitiativeAsync(long id, CancellationToken cancellationToken = default);

    Task<Initiative> CreateInitiativeAsync(Initiative initiative, AuditActor actor, CancellationToken cancellationToken = default);

    Task<WriteResult<Initiative>> UpdateInitiativeAsync(Initiative changed, AuditActor actor, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Funding>> ListFundingAsync(long programmeId, CancellationToken cancellationToken = default);

    Task<Funding?> GetFundingAsync(long id, CancellationToken cancellationToken = default);

    Task<Funding> CreateFundingAsync(Funding funding, AuditActor actor, CancellationToken cancellationToken = default);

    Task<WriteResult<Funding>> UpdateFundingAsync(Funding changed, AuditActor actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// The audit trail of a programme, newest first; with a null <paramref name="programmeId"/>, the changes that
    /// belong to no programme (accounts and parties), for the administrator.
    /// </summary>
    Task<IReadOnlyList<AuditEntry>> LoadAuditAsync(long? programmeId, CancellationToken cancellationToken = default);
}
