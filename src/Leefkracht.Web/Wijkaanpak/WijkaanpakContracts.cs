using System.Text.Json;

namespace Leefkracht.Web.Wijkaanpak;

// The wijkaanpak API's records (docs/wijkaanpak.md, "API contract"). Enum values travel as their wire codes.

public sealed record PartyDto(long Id, string Name, string Type);

public sealed record MeDto(long Id, string UserName, string DisplayName, string Role, PartyDto Party);

public sealed record AccountDto(long Id, string UserName, string DisplayName, string Role, PartyDto Party, bool Disabled, DateTimeOffset? LockedUntil, int Version);

public sealed record AntiforgeryDto(string Token, string HeaderName);

public sealed record LoginAnswer(MeDto Account, AntiforgeryDto Antiforgery);

public sealed record ProvidersDto(bool Local, bool Oidc);

public sealed record AccountRefDto(long Id, string DisplayName);

public sealed record GoalDto(string? Description, string? Indicator, double? Target);

public sealed record IndicatorTargetDto(string? Indicator, double? Target);

public sealed record CoalitionMemberDto(long Id, long ProgrammeId, PartyDto Party, DateOnly From, DateOnly? To, bool Active, int Version);

public sealed record ProgrammeSummaryDto(long Id, string Name, string AreaCode, string? AreaName, int StartYear, bool Published, PartyDto CoordinatorParty, int Agreements, int Late);

public sealed record ProgrammeDto(
    long Id,
    string Name,
    string AreaCode,
    string? AreaName,
    DateOnly StartDate,
    int StartYear,
    string Description,
    IReadOnlyList<GoalDto> Goals,
    bool Published,
    PartyDto CoordinatorParty,
    IReadOnlyList<CoalitionMemberDto> Coalition,
    int Version);

public sealed record StatusChangeDto(string From, string To, DateTimeOffset At, AccountRefDto? Account, string? Comment);

public sealed record CommentDto(long Id, long AgreementId, string Text, DateTimeOffset At, AccountRefDto Account, PartyDto Party);

public sealed record AgreementDto(
    long Id,
    long ProgrammeId,
    string Title,
    string Deliverable,
    PartyDto OwnerParty,
    IReadOnlyList<PartyDto> Counterparties,
    DateOnly Deadline,
    IReadOnlyList<IndicatorTargetDto> Indicators,
    string Status,
    string StoredStatus,
    bool Late,
    bool DeadlinePassed,
    int Version,
    IReadOnlyList<StatusChangeDto>? History = null,
    IReadOnlyList<CommentDto>? Comments = null);

public sealed record InitiativeDto(long Id, long ProgrammeId, string Title, string Description, string Status, AccountRefDto SubmittedBy, DateTimeOffset SubmittedAt, string? Note, int Version);

public sealed record FundingDto(long Id, long ProgrammeId, PartyDto FunderParty, decimal Amount, DateOnly From, DateOnly To, string Purpose, int Version);

/// <summary>An audit entry: the raw change (entity, action, before and after as stored) and the change as one sentence in the reader's language.</summary>
public sealed record AuditEntryDto(long Id, DateTimeOffset At, AccountRefDto? Account, long? ProgrammeId, string Entity, long EntityId, string Action, JsonElement? Before, JsonElement? After, string Description);

public sealed record ValueInYearDto(int Year, double Value);

public sealed record IndicatorProgressDto(string Indicator, string Name, double Target, ValueInYearDto? Baseline, ValueInYearDto? Latest, string Movement);

public sealed record AgreementAccountDto(AgreementDto Agreement, string StatusLabel, int DaysLate, IReadOnlyList<IndicatorProgressDto> Indicators);

public sealed record StatusCountsDto(int Planned, int InProgress, int Done, int Late, int NotKept);

public sealed record LateByPartyDto(PartyDto Party, int Agreements);

public sealed record FundingByPartyDto(PartyDto Party, decimal Amount);

public sealed record FundingSummaryDto(decimal Total, IReadOnlyList<FundingByPartyDto> ByParty);

public sealed record AccountabilityDto(
    ProgrammeSummaryDto Programme,
    DateOnly AsOf,
    int StartYear,
    int? LatestYear,
    StatusCountsDto Counts,
    IReadOnlyList<LateByPartyDto> LateByParty,
    IReadOnlyList<AgreementAccountDto> Agreements,
    IReadOnlyList<IndicatorProgressDto> Goals,
    FundingSummaryDto Funding);

// Requests: every field nullable, so that a missing field is a 400 naming it rather than a binding failure.

public sealed record LoginRequest(string? UserName, string? Password);

public sealed record CreateAccountRequest(string? UserName, string? DisplayName, long? PartyId, string? Role, string? Password);

public sealed record UpdateAccountRequest(string? DisplayName, long? PartyId, string? Role, bool? Disabled, string? Password);

public sealed record CreatePartyRequest(string? Name, string? Type);

public sealed record ProgrammeRequest(string? Name, string? AreaCode, DateOnly? StartDate, int? StartYear, string? Description, IReadOnlyList<GoalDto>? Goals);

public sealed record PublishRequest(bool? Published);

public sealed record AddMemberRequest(long? PartyId, DateOnly? From);

public sealed record EndMemberRequest(DateOnly? To);

public sealed record AgreementRequest(string? Title, string? Deliverable, long? OwnerPartyId, IReadOnlyList<long>? CounterpartyIds, DateOnly? Deadline, IReadOnlyList<IndicatorTargetDto>? Indicators);

public sealed record StatusRequest(string? Status, string? Comment);

public sealed record CommentRequest(string? Text);

public sealed record InitiativeRequest(string? Title, string? Description);

public sealed record InitiativeStatusRequest(string? Status, string? Note);

public sealed record FundingRequest(long? FunderPartyId, decimal? Amount, DateOnly? From, DateOnly? To, string? Purpose);
