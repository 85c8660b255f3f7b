using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Wijkaanpak.Storage;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>The wijkaanpak's records as the API gives them (shared by the endpoint classes of the feature).</summary>
internal static class WijkaanpakDtos
{
    internal static CoalitionMemberDto MemberDto(WijkaanpakSession s, CoalitionMember m) =>
        new(m.Id, m.ProgrammeId, s.Party(m.PartyId), m.From, m.To, m.IsActiveOn(s.Today), m.Version);

    internal static AgreementDto AgreementDto(WijkaanpakSession s, Agreement a)
    {
        var status = LateRule.EffectiveStatus(a, s.Today);
        return new AgreementDto(
            a.Id, a.ProgrammeId, a.Title, a.Deliverable, s.Party(a.OwnerPartyId), [.. a.CounterpartyIds.Select(s.Party)], a.Deadline,
            [.. a.Indicators.Select(i => new IndicatorTargetDto(i.IndicatorId, i.Target))], status.Code(), a.Status.Code(), status == AgreementStatus.Late, LateRule.DeadlinePassed(a, s.Today), a.Version);
    }

    internal static AccountRefDto AccountRef(IReadOnlyDictionary<long, string> names, long id) => new(id, names.GetValueOrDefault(id) ?? "?");

    internal static CommentDto CommentDto(WijkaanpakSession s, IReadOnlyDictionary<long, string> names, AgreementComment c) =>
        new(c.Id, c.AgreementId, c.Text, c.At, AccountRef(names, c.AccountId), s.Party(c.PartyId));

    internal static InitiativeDto InitiativeDto(IReadOnlyDictionary<long, string> names, Initiative i) =>
        new(i.Id, i.ProgrammeId, i.Title, i.Description, i.Status.Code(), AccountRef(names, i.SubmittedBy), i.SubmittedAt, i.Note, i.Version);

    internal static FundingDto FundingDto(WijkaanpakSession s, Funding f) =>
        new(f.Id, f.ProgrammeId, s.Party(f.FunderPartyId), f.AmountCents / 100m, f.From, f.To, f.Purpose, f.Version);

    internal static MeDto MeDto(AccountRecord a, IReadOnlyDictionary<long, Party> parties) =>
        new(a.Id, a.UserName, a.DisplayName, a.Role.Code(), PartyOf(a.PartyId, parties));

    internal static AccountDto AccountDto(AccountRecord a, IReadOnlyDictionary<long, Party> parties) =>
        new(a.Id, a.UserName, a.DisplayName, a.Role.Code(), PartyOf(a.PartyId, parties), a.Disabled, a.LockedUntil, a.Version);

    internal static PartyDto PartyOf(long id, IReadOnlyDictionary<long, Party> parties) =>
        parties.TryGetValue(id, out var party) ? WijkaanpakSession.ToDto(party) : new PartyDto(id, "?", "?");

    /// <summary>An agreement status in the reader's words (the board's names).</summary>
    internal static string StatusLabel(AgreementStatus status) => UiText.Words[status switch
    {
        AgreementStatus.Planned => "Status.Planned",
        AgreementStatus.InProgress => "Status.InProgress",
        AgreementStatus.Done => "Status.Done",
        AgreementStatus.Late => "Status.Late",
        _ => "Status.NotKept",
    }];
}
