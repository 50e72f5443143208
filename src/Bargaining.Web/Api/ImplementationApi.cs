using Bargaining.Features.Implementation;
using Bargaining.Web.Hosting;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Api;

/// <summary>
/// The implementation checks of an effective contract (履约检查): its checklist, the checks (an attachment travels
/// base64 in the JSON body), performance disputes (Art 55), the printed report and dispute record, and the unmet
/// contracts the county and the city see.
/// </summary>
public static class ImplementationApi
{
    /// <summary>Maps the implementation checks: everything of a contract under its round, the county's list and the city's counts under the organisations.</summary>
    public static void Map(RouteGroupBuilder secured)
    {
        var rounds = secured.MapGroup("/rounds").WithTags("履约检查");
        rounds.MapGet("/{id:guid}/obligations", GetChecklistAsync);
        rounds.MapPost("/{id:guid}/obligations/derivation", DeriveAsync);
        rounds.MapPost("/{id:guid}/obligations", AddAsync);
        rounds.MapPost("/{id:guid}/checks", RecordCheckAsync).WithMetadata(new RequestSizeLimitAttribute(RequestLimits.Upload));
        rounds.MapGet("/{id:guid}/checks/attachment", GetAttachmentAsync);
        rounds.MapPost("/{id:guid}/disputes", RaiseDisputeAsync);
        rounds.MapGet("/{id:guid}/disputes/record", PrintDisputeAsync);
        rounds.MapGet("/{id:guid}/performance-report", PrintReportAsync);
        var organisations = secured.MapGroup("/organisations").WithTags("履约检查");
        organisations.MapGet("/{id:guid}/unmet-contracts", ListUnmetAsync);
        organisations.MapGet("/unmet-contract-counts", CountUnmetAsync);
    }

    /// <summary>How many obligations the derivation wrote.</summary>
    public sealed record DerivedCount(int Count);

    private static async Task<Ok<Checklist>> GetChecklistAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ChecklistQuery(id), ct));

    private static async Task<Ok<DerivedCount>> DeriveAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(new DerivedCount(await mediator.Send(new DeriveObligationsCommand(id), ct)));

    private static async Task<Created<CreatedId>> AddAsync(Guid id, AddObligationCommand command, IMediator mediator, CancellationToken ct)
    {
        var created = await mediator.Send(command with { RoundId = id }, ct);
        return TypedResults.Created($"/api/rounds/{id}/obligations", new CreatedId(created));
    }

    private static async Task<Created<CreatedId>> RecordCheckAsync(Guid id, RecordCheckCommand command, IMediator mediator, CancellationToken ct)
    {
        var created = await mediator.Send(command with { RoundId = id }, ct);
        return TypedResults.Created($"/api/rounds/{id}/checks/attachment?check={created}", new CreatedId(created));
    }

    private static async Task<Created<CreatedId>> RaiseDisputeAsync(Guid id, RaiseDisputeCommand command, IMediator mediator, CancellationToken ct)
    {
        var created = await mediator.Send(command with { RoundId = id }, ct);
        return TypedResults.Created($"/api/rounds/{id}/disputes/record?dispute={created}", new CreatedId(created));
    }

    private static async Task<FileContentHttpResult> GetAttachmentAsync(Guid id, Guid? check, IMediator mediator, CancellationToken ct)
    {
        var file = await mediator.Send(new CheckAttachmentQuery(id, check ?? Guid.Empty), ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<FileContentHttpResult> PrintReportAsync(Guid id, int? year, IMediator mediator, CancellationToken ct)
    {
        var file = await mediator.Send(new PrintPerformanceReportQuery(id, year ?? 0), ct);
        return TypedResults.File(file.Pdf, "application/pdf", file.FileName);
    }

    private static async Task<FileContentHttpResult> PrintDisputeAsync(Guid id, Guid? dispute, IMediator mediator, CancellationToken ct)
    {
        var file = await mediator.Send(new PrintDisputeRecordQuery(id, dispute ?? Guid.Empty), ct);
        return TypedResults.File(file.Pdf, "application/pdf", file.FileName);
    }

    private static async Task<Ok<IReadOnlyList<UnmetContract>>> ListUnmetAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UnmetContractsQuery(id), ct));

    private static async Task<Ok<IReadOnlyDictionary<Guid, int>>> CountUnmetAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UnmetContractCountsQuery(), ct));
}
