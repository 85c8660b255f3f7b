using Leefkracht.Wijkaanpak.Domain;

namespace Leefkracht.Web.Wijkaanpak;

/// <summary>Comments on agreements (any party of the programme may comment). Part of <c>/api/v1/wijkaanpak</c> (<see cref="WijkaanpakSetup.MapWijkaanpak"/>).</summary>
public static class CommentsApi
{
    internal static RouteGroupBuilder MapCommentsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/agreements/{id:long}/comments", ListComments).WithName("ListComments").WithSummary("Comments on an agreement").Produces<IReadOnlyList<CommentDto>>();
        api.MapPost("/agreements/{id:long}/comments", AddComment).WithName("AddComment").WithSummary("Comment on an agreement").Produces<CommentDto>(StatusCodes.Status201Created);
        return api;
    }

    internal static async Task<IResult> ListComments(long id, WijkaanpakSession s, CancellationToken ct)
    {
        var (_, _, refusal) = await s.VisibleAgreementAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var names = await s.AccountNamesAsync(ct);
        return TypedResults.Ok((await s.Store.LoadCommentsAsync(id, ct)).Select(c => WijkaanpakDtos.CommentDto(s, names, c)).ToList());
    }

    internal static async Task<IResult> AddComment(long id, CommentRequest request, WijkaanpakSession s, CancellationToken ct)
    {
        var (agreement, access, refusal) = await s.VisibleAgreementAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!WijkaanpakPolicy.CanComment(s.Actor, access!, s.Today))
        {
            return WijkaanpakSession.Forbidden("only staff of the programme's parties comment on agreements");
        }

        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > 4000)
        {
            return WijkaanpakSession.Invalid("text", "required, at most 4000 characters");
        }

        var comment = await s.Store.AddCommentAsync(new AgreementComment(0, id, s.Actor.AccountId, s.Actor.PartyId, request.Text.Trim(), s.Now), agreement!.ProgrammeId, s.AuditActor, ct);
        return TypedResults.Created($"/api/v1/wijkaanpak/agreements/{id}/comments", WijkaanpakDtos.CommentDto(s, await s.AccountNamesAsync(ct), comment));
    }
}
