using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Wijkaanpak.Storage;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>Accounts and their audit trail: <c>/api/v1/accounts</c> (admin; docs/wijkaanpak.md).</summary>
public static class AccountsApi
{
    internal static async Task<IResult> ListAccounts(WijkaanpakSession session, CancellationToken cancellationToken)
    {
        if (!WijkaanpakPolicy.CanManageAccounts(session.Actor))
        {
            return WijkaanpakSession.Forbidden(ProblemText.Words["Wk.Forbidden.Accounts"]);
        }

        var parties = await session.PartiesAsync(cancellationToken);
        return TypedResults.Ok((await session.Store.ListAccountsAsync(cancellationToken)).Select(a => WijkaanpakDtos.AccountDto(a, parties)).ToList());
    }

    internal static async Task<IResult> ListAccountAudit(WijkaanpakSession session, CancellationToken cancellationToken) =>
        WijkaanpakPolicy.CanManageAccounts(session.Actor)
            ? TypedResults.Ok(AuditTrail.Dtos(await session.Store.LoadAuditAsync(null, cancellationToken), await AuditSentences.LoadAsync(session.Store, cancellationToken)))
            : WijkaanpakSession.Forbidden(ProblemText.Words["Wk.Forbidden.Accounts"]);

    internal static async Task<IResult> AccountAuditCsv(WijkaanpakSession session, CancellationToken cancellationToken, string? dialect = null) =>
        WijkaanpakPolicy.CanManageAccounts(session.Actor)
            ? AuditTrail.Csv(await session.Store.LoadAuditAsync(null, cancellationToken), await AuditSentences.LoadAsync(session.Store, cancellationToken), "leefkracht-audit-accounts", dialect)
            : WijkaanpakSession.Forbidden(ProblemText.Words["Wk.Forbidden.Accounts"]);

    internal static async Task<IResult> CreateAccount(CreateAccountRequest request, WijkaanpakSession session, HttpContext http, CancellationToken cancellationToken)
    {
        if (!WijkaanpakPolicy.CanManageAccounts(session.Actor))
        {
            return WijkaanpakSession.Forbidden(ProblemText.Words["Wk.Forbidden.Accounts"]);
        }

        var parties = await session.PartiesAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Trim().Length > 100)
        {
            errors["userName"] = ["required, at most 100 characters"];
        }
        else if (await session.Store.FindAccountAsync(request.UserName, cancellationToken) is not null)
        {
            errors["userName"] = ["an account with this name exists"];
        }

        var role = CheckAccountFields(request.DisplayName, request.PartyId, request.Role, request.Password, parties, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var created = await session.Store.CreateAccountAsync(
            new AccountRecord(0, request.UserName!.Trim(), request.DisplayName!.Trim(), request.PartyId!.Value, role, request.Password is null ? null : Passwords.Hash(request.Password), false, 0, null, 1),
            session.AuditActor,
            cancellationToken);
        return WijkaanpakSession.Created(http, created.Version, $"/api/v1/accounts/{created.Id}", WijkaanpakDtos.AccountDto(created, parties));
    }

    internal static async Task<IResult> UpdateAccount(long id, UpdateAccountRequest request, WijkaanpakSession session, HttpContext http, CancellationToken cancellationToken)
    {
        if (!WijkaanpakPolicy.CanManageAccounts(session.Actor))
        {
            return WijkaanpakSession.Forbidden(ProblemText.Words["Wk.Forbidden.Accounts"]);
        }

        if (WijkaanpakSession.IfMatch(http.Request) is not { } version)
        {
            return WijkaanpakSession.PreconditionRequired();
        }

        var existing = await session.Store.GetAccountAsync(id, cancellationToken);
        if (existing is null)
        {
            return WijkaanpakSession.NotFound("account");
        }

        var parties = await session.PartiesAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var role = CheckAccountFields(request.DisplayName, request.PartyId, request.Role, request.Password, parties, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var changed = existing with
        {
            DisplayName = request.DisplayName!.Trim(),
            PartyId = request.PartyId!.Value,
            Role = role,
            Disabled = request.Disabled ?? existing.Disabled,
            PasswordHash = request.Password is null ? existing.PasswordHash : Passwords.Hash(request.Password),
            Version = version,
        };
        var result = await session.Store.UpdateAccountAsync(changed, session.AuditActor, cancellationToken);
        if (result.Outcome != WriteOutcome.Written)
        {
            return WijkaanpakSession.Failed(result, "account");
        }

        if (request.Password is not null)
        {
            await session.Store.RecordLoginSuccessAsync(id, cancellationToken); // a new password ends a lockout
        }

        return WijkaanpakSession.Changed(http, result.Value!.Version, WijkaanpakDtos.AccountDto(result.Value, parties));
    }

    private static Role CheckAccountFields(string? displayName, long? partyId, string? roleCode, string? password, IReadOnlyDictionary<long, Party> parties, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            errors["displayName"] = ["required"];
        }

        if (partyId is not { } party || !parties.ContainsKey(party))
        {
            errors["partyId"] = [ProblemText.Words["Wk.PartyId"]];
        }

        if (!WireCodes.TryParse(roleCode, out Role role))
        {
            errors["role"] = [$"one of {WireCodes.Choices<Role>()}"];
        }

        if (password is not null && password.Length < Passwords.MinimumLength)
        {
            errors["password"] = [$"at least {Passwords.MinimumLength} characters"];
        }

        return role;
    }
}
