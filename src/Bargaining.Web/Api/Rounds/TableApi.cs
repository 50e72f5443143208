using Bargaining.Features.Rounds.Table;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bargaining.Web.Api.Rounds;

/// <summary>
/// At the table: meetings and their minutes, suspension and resumption, a topic raised, a special contract's specific
/// terms agreed, the talks concluded. A topic's
/// own moves are in <see cref="TopicsApi"/>.
/// </summary>
public static class TableApi
{
    /// <summary>Maps the table phase.</summary>
    public static void Map(RouteGroupBuilder rounds)
    {
        rounds.MapPost("/{id:guid}/meetings", ScheduleMeetingAsync);
        rounds.MapPost("/{id:guid}/minutes", RecordMeetingAsync);
        rounds.MapPost("/{id:guid}/suspend", SuspendAsync);
        rounds.MapPost("/{id:guid}/resume", ResumeAsync);
        rounds.MapPost("/{id:guid}/topics", ProposeAsync);
        rounds.MapPost("/{id:guid}/specific-terms", AgreeSpecificTermsAsync);
        rounds.MapPost("/{id:guid}/conclude", ConcludeAsync);
    }

    private static async Task<Ok<Guid>> ScheduleMeetingAsync(Guid id, ScheduleMeetingCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command with { RoundId = id }, ct));

    private static Task<NoContent> RecordMeetingAsync(Guid id, RecordMeetingCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));

    private static Task<NoContent> SuspendAsync(Guid id, SuspendCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));

    private static Task<NoContent> ResumeAsync(Guid id, ResumeCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));

    private static async Task<Created<CreatedId>> ProposeAsync(Guid id, ProposeCommand command, IMediator mediator, CancellationToken ct)
    {
        var topic = await mediator.Send(command with { RoundId = id }, ct);
        return TypedResults.Created($"/api/topics/{topic}", new CreatedId(topic));
    }

    private static Task<NoContent> AgreeSpecificTermsAsync(Guid id, AgreeSpecificTermsCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));

    private static async Task<Ok<IReadOnlyList<DraftClauseView>>> ConcludeAsync(Guid id, ConcludeCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command with { RoundId = id }, ct));
}
