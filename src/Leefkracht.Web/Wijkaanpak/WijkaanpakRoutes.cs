namespace Leefkracht.Web.Wijkaanpak;

/// <summary>
/// The routes of <c>/api/v1/accounts</c> and <c>/api/v1/wijkaanpak</c> in one table, one line a route, grouped by the
/// endpoint class that handles it (docs/wijkaanpak.md). Every route follows the same convention, kept here once: an
/// operation name, a summary for the OpenAPI document, and what it produces (a list, a record, a created record with
/// 201, or a file). Sign-in (<see cref="AuthApi"/>) maps its own group: it has its own filters and rate limit.
/// </summary>
internal static class WijkaanpakRoutes
{
    public static RouteGroupBuilder MapAccountRoutes(this RouteGroupBuilder api)
    {
        api.List<AccountDto>("/", AccountsApi.ListAccounts, "ListAccounts", "Every account (admin)");
        api.Create<AccountDto>("/", AccountsApi.CreateAccount, "CreateAccount", "Create an account (admin)");
        api.Put<AccountDto>("/{id:long}", AccountsApi.UpdateAccount, "UpdateAccount", "Change an account (admin, If-Match)");
        api.List<AuditEntryDto>("/audit", AccountsApi.ListAccountAudit, "ListAccountAudit", "The audit trail of accounts and parties, newest first (admin); password hashes are never in it");
        api.File("/audit.csv", AccountsApi.AccountAuditCsv, "AccountAuditCsv", "The same as CSV (admin)", "text/csv");
        return api;
    }

    public static RouteGroupBuilder MapWijkaanpakRoutes(this RouteGroupBuilder api)
    {
        api.List<PartyDto>("/parties", PartiesApi.ListParties, "ListParties", "Every party");
        api.Create<PartyDto>("/parties", PartiesApi.CreateParty, "CreateParty", "Create a party (admin, coordinator)");

        api.List<ProgrammeSummaryDto>("/programmes", ProgrammesApi.ListProgrammes, "ListProgrammes", "The programmes the account may see");
        api.Create<ProgrammeDto>("/programmes", ProgrammesApi.CreateProgramme, "CreateProgramme", "Create a programme (coordinator)");
        api.Get<ProgrammeDto>("/programmes/{id:long}", ProgrammesApi.GetProgramme, "GetProgramme", "A programme with its coalition");
        api.Put<ProgrammeDto>("/programmes/{id:long}", ProgrammesApi.UpdateProgramme, "UpdateProgramme", "Change a programme (If-Match)");
        api.Post<ProgrammeDto>("/programmes/{id:long}/publish", ProgrammesApi.PublishProgramme, "PublishProgramme", "Publish or withdraw a programme (If-Match)");
        api.List<CoalitionMemberDto>("/programmes/{id:long}/coalition", ProgrammesApi.ListCoalition, "ListCoalition", "The coalition over time");
        api.Create<CoalitionMemberDto>("/programmes/{id:long}/coalition", ProgrammesApi.AddMember, "AddCoalitionMember", "A party joins");
        api.Post<CoalitionMemberDto>("/coalition/{memberId:long}/end", ProgrammesApi.EndMember, "EndCoalitionMember", "A party leaves (If-Match)");

        api.List<AgreementDto>("/programmes/{id:long}/agreements", AgreementsApi.ListAgreements, "ListAgreements", "A programme's agreements");
        api.Create<AgreementDto>("/programmes/{id:long}/agreements", AgreementsApi.CreateAgreement, "CreateAgreement", "Make an agreement");
        api.Get<AgreementDto>("/agreements/{id:long}", AgreementsApi.GetAgreement, "GetAgreement", "An agreement with history and comments");
        api.Put<AgreementDto>("/agreements/{id:long}", AgreementsApi.UpdateAgreement, "UpdateAgreement", "Change an agreement (owner party, If-Match)");
        api.Post<AgreementDto>("/agreements/{id:long}/status", AgreementsApi.ChangeStatus, "ChangeAgreementStatus", "Change an agreement's status (owner party, If-Match)");
        api.List<CommentDto>("/agreements/{id:long}/comments", AgreementsApi.ListComments, "ListComments", "Comments on an agreement");
        api.Create<CommentDto>("/agreements/{id:long}/comments", AgreementsApi.AddComment, "AddComment", "Comment on an agreement");

        api.List<InitiativeDto>("/programmes/{id:long}/initiatives", InitiativesApi.ListInitiatives, "ListInitiatives", "Residents' initiatives");
        api.Create<InitiativeDto>("/programmes/{id:long}/initiatives", InitiativesApi.SubmitInitiative, "SubmitInitiative", "Submit an initiative");
        api.Post<InitiativeDto>("/initiatives/{id:long}/status", InitiativesApi.ChangeInitiativeStatus, "ChangeInitiativeStatus", "Decide on an initiative (coordinator, If-Match)");

        api.List<FundingDto>("/programmes/{id:long}/funding", FundingApi.ListFunding, "ListFunding", "Funding streams");
        api.Create<FundingDto>("/programmes/{id:long}/funding", FundingApi.CreateFunding, "CreateFunding", "Add a funding stream (coordinator)");
        api.Put<FundingDto>("/funding/{id:long}", FundingApi.UpdateFunding, "UpdateFunding", "Change a funding stream (coordinator, If-Match)");

        api.List<AuditEntryDto>("/programmes/{id:long}/audit", AuditApi.ListAudit, "ListAudit", "The programme's audit trail, newest first");
        api.File("/programmes/{id:long}/audit.csv", AuditApi.AuditCsv, "AuditCsv", "The audit trail as CSV", "text/csv");

        api.Get<AccountabilityDto>("/programmes/{id:long}/accountability", AccountabilityApi.GetJson, "GetAccountability", "What is late and by whom, what was done, next to the indicators' movement");
        api.File("/programmes/{id:long}/accountability.csv", AccountabilityApi.GetCsv, "GetAccountabilityCsv", "The accountability view as CSV", "text/csv");
        api.File("/programmes/{id:long}/accountability.pdf", AccountabilityApi.GetPdf, "GetAccountabilityPdf", "The accountability view as PDF for the council", "application/pdf");
        return api;
    }

    /// <summary>GET a list of records.</summary>
    private static void List<T>(this RouteGroupBuilder api, string pattern, Delegate handler, string name, string summary) =>
        api.MapGet(pattern, handler).WithName(name).WithSummary(summary).Produces<IReadOnlyList<T>>();

    /// <summary>GET one record.</summary>
    private static void Get<T>(this RouteGroupBuilder api, string pattern, Delegate handler, string name, string summary) =>
        api.MapGet(pattern, handler).WithName(name).WithSummary(summary).Produces<T>();

    /// <summary>POST a new record: 201 with the record and its location.</summary>
    private static void Create<T>(this RouteGroupBuilder api, string pattern, Delegate handler, string name, string summary) =>
        api.MapPost(pattern, handler).WithName(name).WithSummary(summary).Produces<T>(StatusCodes.Status201Created);

    /// <summary>PUT a changed record (If-Match): the record as it is now.</summary>
    private static void Put<T>(this RouteGroupBuilder api, string pattern, Delegate handler, string name, string summary) =>
        api.MapPut(pattern, handler).WithName(name).WithSummary(summary).Produces<T>();

    /// <summary>POST an action on a record (a status, publishing, an end): the record as it is now.</summary>
    private static void Post<T>(this RouteGroupBuilder api, string pattern, Delegate handler, string name, string summary) =>
        api.MapPost(pattern, handler).WithName(name).WithSummary(summary).Produces<T>();

    /// <summary>GET a file (CSV, PDF).</summary>
    private static void File(this RouteGroupBuilder api, string pattern, Delegate handler, string name, string summary, string contentType) =>
        api.MapGet(pattern, handler).WithName(name).WithSummary(summary).Produces(StatusCodes.Status200OK, contentType: contentType);
}
