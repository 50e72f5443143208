using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Documents;

/// <summary>
/// Where the contract registered under a verification code stands now, for anyone holding a copy (the /Verify page
/// is public, like the QR mark that links to it): whose contract, its term, whether it is in effect and since when,
/// and whether a later text (filed again after an objection, Art 46) replaced it.
/// </summary>
public sealed record ContractStatusQuery(string Code) : IQuery<ContractStatus?>;

public sealed record ContractStatus(string Enterprise, string Title, string? ContractNumber, RoundStage Stage, string StageName,
    DateOnly? TermStartsOn, DateOnly? TermEndsOn, DateOnly? EffectiveOn, bool Superseded, DateOnly? EndedOn = null, string? EndedBecause = null);

public sealed class ContractStatusHandler(BargainingDbContext db, RoundWorkflow workflow, RoundDocuments documents) : IRequestHandler<ContractStatusQuery, ContractStatus?>
{
    public async Task<ContractStatus?> Handle(ContractStatusQuery request, CancellationToken cancellationToken)
    {
        var registered = await db.RegisteredContracts.AsNoTracking().FirstOrDefaultAsync(c => c.Code == request.Code, cancellationToken);
        if (registered is null) return null;
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == registered.RoundId, cancellationToken);
        var enterprise = await db.Enterprises.Where(e => e.Id == round.EnterpriseId).Select(e => e.Name).SingleAsync(cancellationToken);
        var superseded = await db.RegisteredContracts.AnyAsync(c => c.RoundId == round.Id && c.Text == registered.Text && c.RegisteredAt > registered.RegisteredAt, cancellationToken);
        var stage = RoundStages.Of(await workflow.SnapshotAsync(round, cancellationToken));
        var effectiveOn = stage.TookEffect() ? await documents.EffectiveOnAsync(round, cancellationToken) : null;
        var (endedOn, because) = Ended(round, stage);
        return new ContractStatus(enterprise, registered.Title, registered.ContractNumber, stage, stage.Chinese(),
            round.Signing.TermStartsOn, round.Signing.TermEndsOn, effectiveOn, superseded, endedOn, because);
    }

    /// <summary>The first day an ended contract is no longer in force, and why (Art 38–41).</summary>
    public static (DateOnly? On, string? Because) Ended(Round round, RoundStage stage) => stage switch
    {
        RoundStage.Expired => (round.Signing.TermEndsOn?.AddDays(1), "合同期满（《集体合同规定》第三十八条）"),
        RoundStage.Rescinded or RoundStage.Terminated when round.Termination.Reason is { } reason =>
            (round.Termination.EffectiveOn, $"{Rules.TerminationReasons.Of(reason).Name}（{Rules.TerminationReasons.Of(reason).Article}）"),
        _ => (null, null),
    };
}
