using Bargaining.Features.Rounds.Congress;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bargaining.Web.Api.Rounds;

/// <summary>The workers' congress vote on the draft.</summary>
public static class CongressApi
{
    /// <summary>Maps the congress phase.</summary>
    public static void Map(RouteGroupBuilder rounds) => rounds.MapPost("/{id:guid}/congress-vote", RecordCongressVoteAsync);

    private static async Task<Ok<CongressVoteResult>> RecordCongressVoteAsync(Guid id, RecordCongressVoteCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command with { RoundId = id }, ct));
}
