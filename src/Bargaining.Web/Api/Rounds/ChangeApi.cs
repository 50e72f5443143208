using Bargaining.Features.Rounds.Change;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bargaining.Web.Api.Rounds;

/// <summary>Changing a contract in force (变更, Art 39–41), its versions and the redline between two of them.</summary>
public static class ChangeApi
{
    /// <summary>Maps the change phase.</summary>
    public static void Map(RouteGroupBuilder rounds)
    {
        rounds.MapPost("/{id:guid}/change", ProposeChangeAsync);
        rounds.MapGet("/{id:guid}/version", GetVersionAsync);
        rounds.MapGet("/{id:guid}/redline", GetRedlineAsync);
    }

    private static async Task<Created<CreatedId>> ProposeChangeAsync(Guid id, ProposeChangeCommand command, IMediator mediator, CancellationToken ct)
    {
        var change = await mediator.Send(command with { AmendedRoundId = id }, ct);
        return TypedResults.Created($"/api/rounds/{change}", new CreatedId(change));
    }

    private static async Task<Ok<ContractVersion>> GetVersionAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ContractVersionQuery(id), ct));

    private static async Task<Results<Ok<Redline>, NoContent>> GetRedlineAsync(Guid id, Guid? against, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new RedlineQuery(id, against), ct) is { } redline ? TypedResults.Ok(redline) : TypedResults.NoContent();
}
