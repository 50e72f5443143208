using Bargaining.Domain;
using Bargaining.Features.Organisations;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Web.Hosting;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Api.Rounds;

/// <summary>
/// The workers' congress: the vote on the draft, and before it the draft put before the deputies online (筹备在线上，
/// 表决在线下): the enterprise's roster of deputies, the consultation the chair publishes and answers, and what a deputy
/// does through their personal link without signing in.
/// </summary>
public static class CongressApi
{
    /// <summary>Maps the congress phase of a round.</summary>
    public static void Map(RouteGroupBuilder rounds)
    {
        rounds.MapPost("/{id:guid}/congress-vote", RecordCongressVoteAsync);
        rounds.MapGet("/{id:guid}/consultation", GetConsultationAsync);
        rounds.MapPost("/{id:guid}/consultation", PublishConsultationAsync);
        rounds.MapPost("/{id:guid}/consultation/links", ReissueLinkAsync);
        rounds.MapPost("/{id:guid}/consultation/invitations", InviteNewDeputiesAsync);
        rounds.MapPost("/{id:guid}/consultation/answers", AnswerAsync);
    }

    /// <summary>Maps an enterprise's roster of deputies (<c>/api/enterprises/{id}/deputies</c>).</summary>
    public static void MapRoster(RouteGroupBuilder enterprises)
    {
        enterprises.MapGet("/{id:guid}/deputies", GetRosterAsync);
        enterprises.MapPost("/{id:guid}/deputies", AddDeputyAsync);
        enterprises.MapPut("/{id:guid}/deputies", EditDeputyAsync);
        enterprises.MapPost("/{id:guid}/deputies/removal", RemoveDeputyAsync);
        enterprises.MapPost("/{id:guid}/deputies/import", ImportDeputiesAsync).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(RequestLimits.Upload));
    }

    /// <summary>Maps what a deputy's personal link opens (<c>/api/deputy/{token}</c>), without signing in.</summary>
    public static void MapDeputy(RouteGroupBuilder deputy)
    {
        deputy.MapGet("/{token}", OpenAsync);
        deputy.MapPost("/{token}/comments", CommentAsync);
    }

    /// <summary>The page a deputy's link opens.</summary>
    public static string DeputyPath(string token) => $"/Deputy/{token}";

    /// <summary>A deputy's personal link with its address, given once.</summary>
    public sealed record DeputyLinkAddress(Guid InvitationId, string Name, string Constituency, string? Contact, string Address);

    /// <summary>A comment as a deputy sends it.</summary>
    public sealed record CommentBody(int Sequence, string? Text);

    private static DeputyLinkAddress Address(HttpRequest request, DeputyLink link) =>
        new(link.InvitationId, link.Name, link.Constituency, link.Contact, Accounts.DeadlineFeeds.Absolute(request, DeputyPath(link.Token)));

    private static async Task<Ok<CongressVoteResult>> RecordCongressVoteAsync(Guid id, RecordCongressVoteCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command with { RoundId = id }, ct));

    private static async Task<Ok<ConsultationView>> GetConsultationAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ConsultationQuery(id), ct) ?? throw DomainException.NotFound("本稿合同草案的征求意见"));

    private static async Task<Ok<IReadOnlyList<DeputyLinkAddress>>> PublishConsultationAsync(Guid id, PublishConsultationCommand command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<DeputyLinkAddress>>([.. (await mediator.Send(command with { RoundId = id }, ct)).Select(l => Address(request, l))]);

    private static async Task<Ok<IReadOnlyList<DeputyLinkAddress>>> InviteNewDeputiesAsync(Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<DeputyLinkAddress>>([.. (await mediator.Send(new InviteNewDeputiesCommand(id), ct)).Select(l => Address(request, l))]);

    private static async Task<Ok<DeputyLinkAddress>> ReissueLinkAsync(Guid id, ReissueDeputyLinkCommand command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(Address(request, await mediator.Send(command with { RoundId = id }, ct)));

    private static Task<NoContent> AnswerAsync(Guid id, AnswerCommentCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));

    private static async Task<Ok<IReadOnlyList<DeputyView>>> GetRosterAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new DeputyRosterQuery(id), ct));

    private static async Task<Ok<DeputyView>> AddDeputyAsync(Guid id, AddDeputyCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command with { EnterpriseId = id }, ct));

    private static async Task<Ok<DeputyView>> EditDeputyAsync(Guid id, EditDeputyCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command with { EnterpriseId = id }, ct));

    private static Task<NoContent> RemoveDeputyAsync(Guid id, RemoveDeputyCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { EnterpriseId = id }, ct));

    private static async Task<Ok<ImportReport>> ImportDeputiesAsync(Guid id, IFormFile file, IMediator mediator, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return TypedResults.Ok(await mediator.Send(new ImportDeputiesCommand(id, file.FileName, buffer.ToArray()), ct));
    }

    private static async Task<Ok<DeputyConsultationView>> OpenAsync(string token, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new OpenConsultationCommand(token), ct));

    private static Task<NoContent> CommentAsync(string token, CommentBody body, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(new CommentOnDraftCommand(token, body.Sequence, body.Text), ct));
}
