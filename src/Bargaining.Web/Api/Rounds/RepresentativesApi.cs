using Bargaining.Features.Rounds.Representatives;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bargaining.Web.Api.Rounds;

/// <summary>Each side naming its representatives.</summary>
public static class RepresentativesApi
{
    /// <summary>Maps the representatives phase.</summary>
    public static void Map(RouteGroupBuilder rounds) => rounds.MapPost("/{id:guid}/representatives", NameRepresentativesAsync);

    private static Task<NoContent> NameRepresentativesAsync(Guid id, NameRepresentativesCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));
}
