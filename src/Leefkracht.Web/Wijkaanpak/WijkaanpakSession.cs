using System.Security.Claims;
using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Wijkaanpak.Storage;
using Microsoft.Net.Http.Headers;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>
/// One request's view of the wijkaanpak: the signed-in account (read from the store on every request, so a
/// disabled account or a changed role takes effect at once), today's date by the injected clock, and the shared
/// answers (404 for what the account may not see, 403, 409, 428) and mappings to the contract.
/// </summary>
internal sealed class WijkaanpakSession(IWijkaanpakStore store, TimeProvider clock, IHttpContextAccessor accessor)
{
    private Dictionary<long, Party>? _parties;

    public IWijkaanpakStore Store => store;

    public AccountRecord? Account { get; private set; }

    public Actor Actor => Account is { } a ? new Actor(a.Id, a.DisplayName, a.PartyId, a.Role) : throw new InvalidOperationException("not signed in");

    public AuditActor AuditActor => AuditActor.Of(Actor);

    /// <summary>Today by the injected clock (its local date): the date deadlines and memberships are judged on.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Loads the signed-in account; null (answer 401) when there is none or it is disabled.</summary>
    public async Task<AccountRecord?> SignedInAsync(CancellationToken cancellationToken)
    {
        var user = accessor.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true || !long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        Account = await store.GetAccountAsync(id, cancellationToken).ConfigureAwait(false);
        return Account is { Disabled: false } ? Account : Account = null;
    }

    /// <summary>The programme if the account may manage it: 404 when it may not see it, 403 when it sees but may not manage.</summary>
    /// <param name="id">The programme's id.</param>
    /// <param name="ct">Cancels the work.</param>
    /// <param name="what">What the 404 says is not found (the row the caller came for, when it is not the programme).</param>
    public async Task<(ProgrammeAccess? Access, IResult? Refusal)> ManagedProgrammeAsync(long id, CancellationToken ct, string what = "programme")
    {
        if (await VisibleProgrammeAsync(id, ct) is not { } access)
        {
            return (null, NotFound(what));
        }

        return WijkaanpakPolicy.CanManage(Actor, access.Programme)
            ? (access, null)
            : (null, WijkaanpakSession.Forbidden(ProblemText.Words["Wk.Forbidden.Manage"]));
    }

    /// <summary>
    /// A programme's row (a funding stream, an initiative, a coalition member) for a versioned change by the programme's
    /// managers: 404 when there is no such row or its programme may not be seen, 403 when the account may not manage the
    /// programme, 428 without <c>If-Match</c>; else the row and the version the request expects.
    /// </summary>
    /// <param name="row">The row as loaded by id (null when there is none).</param>
    /// <param name="programmeOf">The id of the row's programme.</param>
    /// <param name="what">What the 404 says is not found.</param>
    /// <param name="request">The request, for its <c>If-Match</c>.</param>
    /// <param name="ct">Cancels the work.</param>
    public async Task<(T? Row, int Version, IResult? Refusal)> ManagedRowAsync<T>(T? row, Func<T, long> programmeOf, string what, HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (row is null)
        {
            return (null, 0, NotFound(what));
        }

        var (_, refusal) = await ManagedProgrammeAsync(programmeOf(row), ct, what);
        return Refused(refusal, request, out var version) is { } refused ? (null, 0, refused) : (row, version, null);
    }

    /// <summary>What <paramref name="answer"/> makes of a programme the account may see (404 otherwise), with the parties loaded for the answer's DTOs.</summary>
    public async Task<IResult> VisibleProgrammeAnswerAsync(long id, Func<ProgrammeAccess, Task<IResult>> answer, CancellationToken ct)
    {
        if (await VisibleProgrammeAsync(id, ct) is not { } access)
        {
            return NotFound("programme");
        }

        await PartiesAsync(ct);
        return await answer(access);
    }

    /// <summary>The agreement if the account may see its programme (404 otherwise), with the parties loaded.</summary>
    public async Task<(Agreement? Agreement, ProgrammeAccess? Access, IResult? Refusal)> VisibleAgreementAsync(long id, CancellationToken ct)
    {
        var agreement = await Store.GetAgreementAsync(id, ct);
        var access = agreement is null ? null : await VisibleProgrammeAsync(agreement.ProgrammeId, ct);
        await PartiesAsync(ct);
        return access is null ? (null, null, WijkaanpakSession.NotFound("agreement")) : (agreement, access, null);
    }

    /// <summary>The agreement if the account may edit it: 404 when it may not see it, 403 when it may only comment.</summary>
    public async Task<(Agreement? Agreement, ProgrammeAccess? Access, IResult? Refusal)> EditableAgreementAsync(long id, CancellationToken ct)
    {
        var (agreement, access, refusal) = await VisibleAgreementAsync(id, ct);
        if (refusal is not null)
        {
            return (null, null, refusal);
        }

        return WijkaanpakPolicy.CanEditAgreement(Actor, access!, agreement!, Today)
            ? (agreement, access, null)
            : (null, null, WijkaanpakSession.Forbidden(ProblemText.Words["Wk.Forbidden.EditAgreement"]));
    }

    /// <summary>Display names of the accounts by id (with the parties loaded).</summary>
    public async Task<IReadOnlyDictionary<long, string>> AccountNamesAsync(CancellationToken ct)
    {
        await PartiesAsync(ct);
        return (await Store.ListAccountsAsync(ct)).ToDictionary(a => a.Id, a => a.DisplayName);
    }

    /// <summary>The programme if the account may see it; null means 404 (it does not exist, or must not be known to).</summary>
    public async Task<ProgrammeAccess?> VisibleProgrammeAsync(long id, CancellationToken cancellationToken)
    {
        var access = await store.GetProgrammeAsync(id, cancellationToken).ConfigureAwait(false);
        return access is not null && WijkaanpakPolicy.CanSee(Actor, access, Today) ? access : null;
    }

    public async Task<IReadOnlyDictionary<long, Party>> PartiesAsync(CancellationToken cancellationToken) =>
        _parties ??= (await store.ListPartiesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Id);

    public static IResult Unauthorized() => TypedResults.Problem(
        detail: ProblemText.Words["SignInFirst"], statusCode: StatusCodes.Status401Unauthorized, title: ProblemText.Words["Title.NotSignedIn"], type: "https://tools.ietf.org/html/rfc9110#section-15.5.2");

    public static IResult Forbidden(string detail) => TypedResults.Problem(
        detail: detail, statusCode: StatusCodes.Status403Forbidden, title: ProblemText.Words["Title.Forbidden"], type: "https://tools.ietf.org/html/rfc9110#section-15.5.4");

    public static IResult NotFound(string what) => TypedResults.Problem(
        detail: ProblemText.Words.Format("NotFoundWithId", ProblemText.Words.Find("Thing." + what) ?? what), statusCode: StatusCodes.Status404NotFound, title: ProblemText.Words["Title.NotFound"], type: "https://tools.ietf.org/html/rfc9110#section-15.5.5");

    public static IResult PreconditionRequired() => TypedResults.Problem(
        detail: ProblemText.Words["IfMatchDetail"],
        statusCode: StatusCodes.Status428PreconditionRequired,
        title: ProblemText.Words["Title.IfMatch"],
        type: "https://tools.ietf.org/html/rfc6585#section-3");

    public static IResult Conflict(int? current) => TypedResults.Problem(
        detail: ProblemText.Words.Format("ConflictDetail", current),
        statusCode: StatusCodes.Status409Conflict,
        title: ProblemText.Words["Title.Conflict"],
        type: "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        extensions: new Dictionary<string, object?> { ["currentVersion"] = current });

    public static IResult Invalid(string field, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [message] }, title: ProblemText.Words["Title.InvalidFields"], type: "https://tools.ietf.org/html/rfc9110#section-15.5.1");

    /// <summary>The version in <c>If-Match</c> (<c>"7"</c>, <c>W/"7"</c> or <c>7</c>), or null when absent or unreadable.</summary>
    public static int? IfMatch(HttpRequest request)
    {
        var text = request.Headers.IfMatch.ToString().Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        return int.TryParse(text.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }

    /// <summary>
    /// Why a versioned change is refused: the access check's refusal (404, 403) first, then 428 when the request carries
    /// no <c>If-Match</c>; null when it may go on, with the <paramref name="version"/> it expects.
    /// </summary>
    public static IResult? Refused(IResult? refusal, HttpRequest request, out int version)
    {
        version = 0;
        if (refusal is not null)
        {
            return refusal;
        }

        if (IfMatch(request) is not { } expected)
        {
            return PreconditionRequired();
        }

        version = expected;
        return null;
    }

    /// <summary>201 for a new row: where it is, what it is and its version as the ETag.</summary>
    public static IResult Created<TDto>(HttpContext http, int version, string location, TDto dto)
    {
        ETag(http, version);
        return TypedResults.Created(location, dto);
    }

    /// <summary>200 for a changed row: what it is now and its new version as the ETag.</summary>
    public static IResult Changed<TDto>(HttpContext http, int version, TDto dto)
    {
        ETag(http, version);
        return TypedResults.Ok(dto);
    }

    /// <summary>Sets the ETag (the row version) on the answer.</summary>
    public static void ETag(HttpContext context, int version) =>
        context.Response.Headers.ETag = new EntityTagHeaderValue("\"" + version.ToString(CultureInfo.InvariantCulture) + "\"").ToString();

    /// <summary>The answer to a versioned write that did not happen.</summary>
    public static IResult Failed<T>(WriteResult<T> result, string what, string field = "status")
        where T : class => result.Outcome switch
        {
            WriteOutcome.NotFound => NotFound(what),
            WriteOutcome.Conflict => Conflict(result.CurrentVersion),
            _ => Invalid(field, result.Error ?? "not allowed"),
        };

    public PartyDto Party(long id) => _parties!.TryGetValue(id, out var party) ? ToDto(party) : new PartyDto(id, "?", "?");

    public static PartyDto ToDto(Party party) => new(party.Id, party.Name, party.Type.Code());
}
