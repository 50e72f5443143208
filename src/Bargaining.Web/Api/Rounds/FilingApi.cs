using Bargaining.Features.Rounds.Filing;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bargaining.Web.Api.Rounds;

/// <summary>Filing the signed contract with the labour administration.</summary>
public static class FilingApi
{
    /// <summary>Maps the filing phase.</summary>
    public static void Map(RouteGroupBuilder rounds) => rounds.MapPost("/{id:guid}/filing", FileContractAsync);

    private static async Task<Ok<FilingResult>> FileContractAsync(Guid id, FileContractCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command with { RoundId = id }, ct));
}
