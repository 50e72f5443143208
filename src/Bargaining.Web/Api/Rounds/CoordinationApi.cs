using Bargaining.Features.Rounds.Coordination;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bargaining.Web.Api.Rounds;

/// <summary>Coordination after failed talks: the application, its extension, the agreement or the closure.</summary>
public static class CoordinationApi
{
    /// <summary>Maps the coordination phase.</summary>
    public static void Map(RouteGroupBuilder rounds)
    {
        rounds.MapPost("/{id:guid}/coordination", ApplyForCoordinationAsync);
        rounds.MapPost("/{id:guid}/coordination/extension", ExtendCoordinationAsync);
        rounds.MapPost("/{id:guid}/coordination/agreement", RecordCoordinationAgreementAsync);
        rounds.MapPost("/{id:guid}/coordination/closure", CloseCoordinationAsync);
    }

    private static async Task<Ok<CoordinationPeriod>> ApplyForCoordinationAsync(Guid id, ApplyForCoordinationCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command with { RoundId = id }, ct));

    private static async Task<Ok<CoordinationPeriod>> ExtendCoordinationAsync(Guid id, ExtendCoordinationCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command with { RoundId = id }, ct));

    private static Task<NoContent> RecordCoordinationAgreementAsync(Guid id, RecordCoordinationAgreementCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));

    private static Task<NoContent> CloseCoordinationAsync(Guid id, CloseCoordinationCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));
}
