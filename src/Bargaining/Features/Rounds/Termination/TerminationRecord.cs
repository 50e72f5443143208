using Bargaining.Domain;
using Bargaining.Features.Documents;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using Bargaining.Rules;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Termination;

/// <summary>The contract's rescission or termination as recorded, pending or confirmed, for the round page and the API.</summary>
public sealed record TerminationRecordQuery(Guid RoundId) : IQuery<TerminationRecord>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseRoundReaderAsync(user, db, RoundId, ct);
}

/// <summary>
/// The record: the stage and, for an ended contract, its first day out of force and why (<see cref="ContractStatusHandler.Ended"/>);
/// the proposal (who, reason and article, grounds, evidence, day) and its confirmation, if any; the last proposal declined.
/// </summary>
public sealed record TerminationRecord(RoundStage Stage, string StageName, DateOnly? EndedOn, string? EndedBecause,
    TerminationReason? Reason, string? ReasonName, string? Article, Side? ProposedBy, string? ProposedByName, DateTimeOffset? ProposedAt,
    string? Grounds, string? Evidence, string? EvidenceFileName, DateOnly? EffectiveOn, string? ConfirmedByName, DateTimeOffset? ConfirmedAt, string? Declined)
{
    /// <summary>The reasons a form offers, with their articles (<see cref="TerminationReasons.All"/>).</summary>
    public static IReadOnlyList<TerminationRule> Reasons => TerminationReasons.All;
}

public sealed class TerminationRecordHandler(BargainingDbContext db, RoundWorkflow workflow) : IRequestHandler<TerminationRecordQuery, TerminationRecord>
{
    public async Task<TerminationRecord> Handle(TerminationRecordQuery request, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.RoundId, cancellationToken) ?? throw DomainException.NotFound("该轮协商");
        var stage = RoundStages.Of(await workflow.SnapshotAsync(round, cancellationToken));
        var (endedOn, because) = ContractStatusHandler.Ended(round, stage);
        var t = round.Termination;
        var rule = t.Reason is { } reason ? TerminationReasons.Of(reason) : null;
        return new TerminationRecord(stage, stage.Chinese(), endedOn, because, t.Reason, rule?.Name, rule?.Article, t.ProposedBy, t.ProposedByName, t.ProposedAt,
            t.Grounds, t.Evidence, t.EvidenceFileName, t.EffectiveOn, t.ConfirmedByName, t.ConfirmedAt, t.Declined);
    }
}

/// <summary>The file of the termination's evidence, if the latest proposal attached one.</summary>
public sealed record TerminationEvidenceQuery(Guid RoundId) : IQuery<AttachmentFile>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseRoundReaderAsync(user, db, RoundId, ct);
}

public sealed class TerminationEvidenceHandler(BargainingDbContext db) : IRequestHandler<TerminationEvidenceQuery, AttachmentFile>
{
    public async Task<AttachmentFile> Handle(TerminationEvidenceQuery request, CancellationToken cancellationToken) =>
        await db.Set<TerminationEvidence>().AsNoTracking().Where(f => f.RoundId == request.RoundId)
            .Select(f => new AttachmentFile(f.Content, f.ContentType, f.FileName)).FirstOrDefaultAsync(cancellationToken)
        ?? throw DomainException.NotFound("该合同解除（终止）的证明材料文件");
}
