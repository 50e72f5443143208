using Bargaining.Features.Rounds.Offer;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bargaining.Web.Api.Rounds;

/// <summary>Starting a round, the offer (要约), the reply to it and the county's urging of a late reply.</summary>
public static class OfferApi
{
    /// <summary>Maps the offer phase.</summary>
    public static void Map(RouteGroupBuilder rounds)
    {
        rounds.MapPost("", StartRoundAsync);
        rounds.MapPost("/{id:guid}/offer", MakeOfferAsync);
        rounds.MapPost("/{id:guid}/reply", ReplyToOfferAsync);
        rounds.MapPost("/{id:guid}/urge", UrgeReplyAsync);
    }

    private static async Task<Created<CreatedId>> StartRoundAsync(StartRoundCommand command, IMediator mediator, CancellationToken ct)
    {
        var id = await mediator.Send(command, ct);
        return TypedResults.Created($"/api/rounds/{id}", new CreatedId(id));
    }

    private static Task<NoContent> MakeOfferAsync(Guid id, MakeOfferCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));

    private static Task<NoContent> ReplyToOfferAsync(Guid id, ReplyToOfferCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));

    private static Task<NoContent> UrgeReplyAsync(Guid id, UrgeReplyCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));
}
