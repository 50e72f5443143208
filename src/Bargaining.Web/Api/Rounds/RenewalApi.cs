using Bargaining.Features.Rounds.Renewal;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bargaining.Web.Api.Rounds;

/// <summary>Starting the renewal of a contract in force: a new round.</summary>
public static class RenewalApi
{
    /// <summary>Maps the renewal phase.</summary>
    public static void Map(RouteGroupBuilder rounds) => rounds.MapPost("/{id:guid}/renewal", StartRenewalAsync);

    private static async Task<Created<CreatedId>> StartRenewalAsync(Guid id, StartRenewalCommand command, IMediator mediator, CancellationToken ct)
    {
        var renewal = await mediator.Send(command with { CurrentRoundId = id }, ct);
        return TypedResults.Created($"/api/rounds/{renewal}", new CreatedId(renewal));
    }
}
