using static Leefkracht.Wijkaanpak.Tests.Domain.Given;

namespace Leefkracht.Wijkaanpak.Tests.Domain;

public sealed class WijkaanpakPolicyTests
{
    private static readonly DateOnly Today = new(2024, 9, 1);

    [Fact]
    public void CanSee_UnpublishedProgramme_OnlyMembersAndAdmins()
    {
        var access = Access();

        WijkaanpakPolicy.CanSee(Actor(Corporatie, Role.Partner), access, Today).ShouldBeTrue();
        WijkaanpakPolicy.CanSee(Actor(Outsider, Role.Partner), access, Today).ShouldBeFalse();
        WijkaanpakPolicy.CanSee(Actor(Outsider, Role.Coordinator), access, Today).ShouldBeFalse();
        WijkaanpakPolicy.CanSee(Actor(Residents, Role.Bewoner), access, Today).ShouldBeFalse();
        WijkaanpakPolicy.CanSee(Actor(Outsider, Role.Admin), access, Today).ShouldBeTrue();
    }

    [Fact]
    public void CanSee_PublishedProgramme_Everyone()
    {
        WijkaanpakPolicy.CanSee(Actor(Residents, Role.Bewoner), Access(published: true), Today).ShouldBeTrue();
        WijkaanpakPolicy.CanSeeAudit(Actor(Residents, Role.Bewoner), Access(published: true), Today).ShouldBeFalse();
    }

    [Fact]
    public void CanSee_PartyThatJoinsLater_NotBeforeItJoins()
    {
        WijkaanpakPolicy.CanSee(Actor(OtherCorporatie, Role.Partner), Access(), new DateOnly(2024, 5, 31)).ShouldBeFalse();
        WijkaanpakPolicy.CanSee(Actor(OtherCorporatie, Role.Partner), Access(), new DateOnly(2024, 6, 1)).ShouldBeTrue();
    }

    [Fact]
    public void CanEditAgreement_OnlyTheOwnerPartysStaff()
    {
        var gemeentes = Agreement(owner: Gemeente);

        WijkaanpakPolicy.CanEditAgreement(Actor(Gemeente, Role.Partner), Access(), gemeentes, Today).ShouldBeTrue();
        WijkaanpakPolicy.CanEditAgreement(Actor(Gemeente, Role.Coordinator), Access(), gemeentes, Today).ShouldBeTrue();
        WijkaanpakPolicy.CanEditAgreement(Actor(Corporatie, Role.Partner), Access(), gemeentes, Today).ShouldBeFalse();
        WijkaanpakPolicy.CanEditAgreement(Actor(Corporatie, Role.Coordinator), Access(), gemeentes, Today).ShouldBeFalse();
        WijkaanpakPolicy.CanEditAgreement(Actor(Gemeente, Role.Admin), Access(), gemeentes, Today).ShouldBeFalse();
        WijkaanpakPolicy.CanComment(Actor(Corporatie, Role.Partner), Access(), Today).ShouldBeTrue();
    }

    [Fact]
    public void CanEditAgreement_PartyThatLeft_SeesButNoLongerEdits()
    {
        var access = Access(corporatieLeft: new DateOnly(2024, 8, 31));
        var own = Agreement(owner: Corporatie);

        WijkaanpakPolicy.CanSee(Actor(Corporatie, Role.Partner), access, Today).ShouldBeTrue();
        WijkaanpakPolicy.CanEditAgreement(Actor(Corporatie, Role.Partner), access, own, Today).ShouldBeFalse();
        WijkaanpakPolicy.CanComment(Actor(Corporatie, Role.Partner), access, Today).ShouldBeFalse();
    }

    [Fact]
    public void CanCreateAgreement_OwnPartyOrCoordinatorForMembers()
    {
        WijkaanpakPolicy.CanCreateAgreement(Actor(Corporatie, Role.Partner), Access(), Corporatie, Today).ShouldBeTrue();
        WijkaanpakPolicy.CanCreateAgreement(Actor(Corporatie, Role.Partner), Access(), Gemeente, Today).ShouldBeFalse();
        WijkaanpakPolicy.CanCreateAgreement(Actor(Gemeente, Role.Coordinator), Access(), Corporatie, Today).ShouldBeTrue();
        WijkaanpakPolicy.CanCreateAgreement(Actor(Gemeente, Role.Coordinator), Access(), Outsider, Today).ShouldBeFalse();
    }

    [Fact]
    public void CanManage_OnlyCoordinatorsOfTheCoordinatingParty()
    {
        WijkaanpakPolicy.CanManage(Actor(Gemeente, Role.Coordinator), Programme()).ShouldBeTrue();
        WijkaanpakPolicy.CanManage(Actor(Gemeente, Role.Partner), Programme()).ShouldBeFalse();
        WijkaanpakPolicy.CanManage(Actor(Corporatie, Role.Coordinator), Programme()).ShouldBeFalse();
        WijkaanpakPolicy.CanManageAccounts(Actor(Gemeente, Role.Coordinator)).ShouldBeFalse();
        WijkaanpakPolicy.CanManageAccounts(Actor(Gemeente, Role.Admin)).ShouldBeTrue();
    }

    [Fact]
    public void Initiatives_ResidentsSubmitAndSeeTheirOwn()
    {
        var published = Access(published: true);

        WijkaanpakPolicy.CanSubmitInitiative(Actor(Residents, Role.Bewoner), published, Today).ShouldBeTrue();
        WijkaanpakPolicy.CanSubmitInitiative(Actor(Residents, Role.Bewoner), Access(), Today).ShouldBeFalse();
        WijkaanpakPolicy.CanSeeAllInitiatives(Actor(Residents, Role.Bewoner), published, Today).ShouldBeFalse();
        WijkaanpakPolicy.CanSeeAllInitiatives(Actor(Corporatie, Role.Partner), published, Today).ShouldBeTrue();
    }
}
