using Bargaining.Features.Rounds.Simplified;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bargaining.Web.Api.Rounds;

/// <summary>The simplified procedure: minutes or a memo signed on the spot, or a meeting without agreement.</summary>
public static class SimplifiedApi
{
    /// <summary>Maps the simplified procedure.</summary>
    public static void Map(RouteGroupBuilder rounds)
    {
        rounds.MapPost("/{id:guid}/on-the-spot", SignOnTheSpotAsync);
        rounds.MapPost("/{id:guid}/no-agreement", RecordNoAgreementAsync);
    }

    private static Task<NoContent> SignOnTheSpotAsync(Guid id, SignOnTheSpotCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));

    private static Task<NoContent> RecordNoAgreementAsync(Guid id, RecordNoAgreementCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));
}
