using Bargaining.Features.Rounds.Table;
using Bargaining.Features.Rounds.Views;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bargaining.Web.Api;

/// <summary>A topic at the table (<c>/api/topics</c>): its history, counterproposals, agreement and withdrawal.</summary>
public static class TopicsApi
{
    /// <summary>Maps the topics' endpoints.</summary>
    public static void Map(RouteGroupBuilder topics)
    {
        topics.MapGet("/{id:guid}", GetTopicHistoryAsync);
        topics.MapPost("/{id:guid}/counter", CounterProposeAsync);
        topics.MapPost("/{id:guid}/agree", AgreeTopicAsync);
        topics.MapPost("/{id:guid}/withdraw", WithdrawTopicAsync);
    }

    private static async Task<Ok<TopicHistory>> GetTopicHistoryAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new TopicHistoryQuery(id), ct));

    private static Task<NoContent> CounterProposeAsync(Guid id, CounterProposeCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { TopicId = id }, ct));

    private static Task<NoContent> AgreeTopicAsync(Guid id, AgreeTopicCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { TopicId = id }, ct));

    private static Task<NoContent> WithdrawTopicAsync(Guid id, WithdrawTopicCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { TopicId = id }, ct));
}
