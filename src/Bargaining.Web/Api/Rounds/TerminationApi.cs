using Bargaining.Features.Rounds.Termination;
using Bargaining.Web.Hosting;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bargaining.Web.Api.Rounds;

/// <summary>Rescinding or terminating a contract in force (解除/终止, Art 39–41): one side proposes, the other confirms or declines.</summary>
public static class TerminationApi
{
    /// <summary>Maps the termination phase.</summary>
    public static void Map(RouteGroupBuilder rounds)
    {
        rounds.MapGet("/{id:guid}/termination", GetAsync);
        // The proposal may carry its evidence's file (base64, at most 2 MiB): the upload limit, not the commands' 2 MB.
        rounds.MapPost("/{id:guid}/termination", ProposeAsync).WithMetadata(new RequestSizeLimitAttribute(RequestLimits.Upload));
        rounds.MapGet("/{id:guid}/termination/evidence", GetEvidenceAsync);
        rounds.MapPost("/{id:guid}/termination/confirmation", ConfirmAsync);
        rounds.MapPost("/{id:guid}/termination/refusal", DeclineAsync);
    }

    private static async Task<Ok<TerminationRecord>> GetAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new TerminationRecordQuery(id), ct));

    private static async Task<FileContentHttpResult> GetEvidenceAsync(Guid id, IMediator mediator, CancellationToken ct)
    {
        var file = await mediator.Send(new TerminationEvidenceQuery(id), ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static Task<NoContent> ProposeAsync(Guid id, ProposeTerminationCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));

    private static Task<NoContent> ConfirmAsync(Guid id, ConfirmTerminationCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));

    private static Task<NoContent> DeclineAsync(Guid id, DeclineTerminationCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));
}
