using Bargaining.Domain;
using Bargaining.Features.Documents;
using Bargaining.Features.Export;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Views;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bargaining.Web.Api.Rounds;

/// <summary>
/// Reading rounds: the list and its export, the review queue, one round's timeline and table, what the caller may do
/// in it now, the dates its forms suggest, its documents.
/// </summary>
public static class ViewsApi
{
    /// <summary>Maps the round views.</summary>
    public static void Map(RouteGroupBuilder rounds)
    {
        rounds.MapGet("", ListRoundsAsync);
        rounds.MapGet("/export", ExportRoundsAsync);
        rounds.MapGet("/reviews", GetReviewQueueAsync);
        rounds.MapGet("/{id:guid}", GetTimelineAsync);
        rounds.MapGet("/{id:guid}/table", GetNegotiationTableAsync);
        rounds.MapGet("/{id:guid}/actions", GetActionsAsync);
        rounds.MapGet("/{id:guid}/suggestions", GetSuggestionsAsync);
        rounds.MapGet("/{id:guid}/documents", ListDocumentsAsync);
        rounds.MapGet("/{id:guid}/documents/{kind}", PrintDocumentAsync);
    }

    private static async Task<Ok<RoundList>> ListRoundsAsync(Guid? organisationId, Guid? enterpriseId, Guid? campaignId, RoundStage? stage, bool? overdueOnly,
        string? industry, SizeBand? size, bool? awaitingMe, string? search, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RoundListQuery
        {
            OrganisationId = organisationId, EnterpriseId = enterpriseId, CampaignId = campaignId, Stage = stage, OverdueOnly = overdueOnly ?? false,
            Industry = industry, Size = size, AwaitingMe = awaitingMe ?? false, Search = search, Page = page ?? 1, PageSize = pageSize ?? 50,
        }, ct));

    private static async Task<FileContentHttpResult> ExportRoundsAsync(Guid? organisationId, RoundStage? stage, bool? overdueOnly, bool? awaitingMe, ExportFormat? format,
        IMediator mediator, CancellationToken ct) =>
        Endpoints.Download(await mediator.Send(new ExportRoundListQuery(
            new RoundListQuery { OrganisationId = organisationId, Stage = stage, OverdueOnly = overdueOnly ?? false, AwaitingMe = awaitingMe ?? false },
            format ?? ExportFormat.Xlsx), ct));

    private static async Task<Ok<IReadOnlyList<ReviewQueueRow>>> GetReviewQueueAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ReviewQueueQuery(), ct));

    private static async Task<Ok<RoundTimeline>> GetTimelineAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RoundTimelineQuery(id), ct));

    private static async Task<Ok<NegotiationTable>> GetNegotiationTableAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new NegotiationTableQuery(id), ct));

    private static async Task<Ok<RoundActions>> GetActionsAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RoundActionsQuery(id), ct));

    private static async Task<Ok<RoundSuggestions>> GetSuggestionsAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RoundSuggestionsQuery(id), ct));

    private static async Task<Ok<IReadOnlyList<RoundDocumentStatus>>> ListDocumentsAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RoundDocumentListQuery(id), ct));

    private static async Task<FileContentHttpResult> PrintDocumentAsync(Guid id, RoundDocumentKind kind, int? meeting, IMediator mediator, CancellationToken ct)
    {
        var file = await mediator.Send(new PrintRoundDocumentQuery(id, kind, meeting), ct);
        return TypedResults.File(file.Pdf, "application/pdf", file.FileName);
    }
}
