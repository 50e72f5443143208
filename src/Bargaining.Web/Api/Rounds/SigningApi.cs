using Bargaining.Features.Rounds.Signing;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bargaining.Web.Api.Rounds;

/// <summary>The contract's term and each side's signature.</summary>
public static class SigningApi
{
    /// <summary>Maps the signing phase.</summary>
    public static void Map(RouteGroupBuilder rounds)
    {
        rounds.MapPost("/{id:guid}/term", AgreeContractTermAsync);
        rounds.MapPost("/{id:guid}/sign", SignAsync);
    }

    private static Task<NoContent> AgreeContractTermAsync(Guid id, AgreeContractTermCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));

    private static Task<NoContent> SignAsync(Guid id, SignCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));
}
