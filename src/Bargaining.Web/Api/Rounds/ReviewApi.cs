using Bargaining.Features.Rounds.Review;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bargaining.Web.Api.Rounds;

/// <summary>The reviewer's clearance (审查无异议) or objection, and the contract's publication once in force.</summary>
public static class ReviewApi
{
    /// <summary>Maps the review phase.</summary>
    public static void Map(RouteGroupBuilder rounds)
    {
        rounds.MapPost("/{id:guid}/review/clearance", RecordReviewClearanceAsync);
        rounds.MapPost("/{id:guid}/objection", RecordReviewObjectionAsync);
        rounds.MapPost("/{id:guid}/publication", PublishAsync);
    }

    private static Task<NoContent> RecordReviewClearanceAsync(Guid id, RecordReviewClearanceCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));

    private static Task<NoContent> RecordReviewObjectionAsync(Guid id, RecordReviewObjectionCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));

    private static Task<NoContent> PublishAsync(Guid id, PublishCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));
}
