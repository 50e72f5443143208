using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Change;

/// <summary>
/// Either side proposes to change an effective contract (变更, 《集体合同规定》 Art 39–41): the articles concerned, by
/// their number among the agreed clauses, and why. A new round runs the ordinary procedure on those articles only
/// (the <c>change</c> workflow, Art 41); its offer starts from their current text (<see cref="Offer.MakeOfferCommand"/>).
/// The contract amended stays readable as it was; the change is its next version.
/// </summary>
public sealed record ProposeChangeCommand(Guid AmendedRoundId, Side ProposingSide, IReadOnlyList<int> Articles, string Reason) : IRequest<Guid>, IAuthorisedRequest
{
    public async Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct)
    {
        var enterpriseId = await db.Rounds.Where(r => r.Id == AmendedRoundId).Select(r => (Guid?)r.EnterpriseId).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound("要变更的集体合同");
        await RoundAccess.AuthoriseSideOfEnterpriseAsync(user, db, enterpriseId, ProposingSide, ct);
    }
}

public sealed class ProposeChangeValidator : AbstractValidator<ProposeChangeCommand>
{
    public ProposeChangeValidator()
    {
        RuleFor(c => c.AmendedRoundId).NotEmpty().WithMessage("请选择要变更的集体合同");
        RuleFor(c => c.ProposingSide).IsInEnum().WithMessage("提出变更的一方无效");
        RuleFor(c => c.Articles).NotEmpty().WithMessage("请选择要变更的条款（《集体合同规定》第三十九条）");
        RuleForEach(c => c.Articles).GreaterThan(0).WithMessage("条款序号从1开始");
        RuleFor(c => c.Articles).Must(a => a is null || a.Distinct().Count() == a.Count).WithMessage("同一条款不能重复选择");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("请说明变更的理由（《集体合同规定》第四十条）").Within(TextLimits.Reason, "变更理由");
    }
}

/// <summary>Handles <see cref="ProposeChangeCommand"/>: the change round and its <c>change</c> workflow, in one transaction.</summary>
public sealed class ProposeChangeHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<ProposeChangeCommand, Guid>
{
    public async Task<Guid> Handle(ProposeChangeCommand request, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var current = await db.Rounds.FirstOrDefaultAsync(r => r.Id == request.AmendedRoundId, ct) ?? throw DomainException.NotFound("要变更的集体合同");
        if (await ChangeRules.CannotProposeAsync(db, workflow, current, ct) is { } refusal) throw refusal;
        var clauses = await ContractVersions.ClausesAsync(db, current.Id, ct);
        if (request.Articles.FirstOrDefault(n => n > clauses.Count) is var missing and > 0)
            throw DomainException.Rule("change.no-article", $"现行合同没有第{missing}条（协商一致的条款共{clauses.Count}条）");
        var enterprise = await db.Enterprises.FirstAsync(e => e.Id == current.EnterpriseId, ct);
        var change = Round.ChangeOf(current, request.Articles, request.Reason.Trim(), request.ProposingSide, workflow.Now);
        // The change takes the place of the version it amends, as a renewal does, even while that one awaits publication.
        current.Stop();
        await db.SaveChangesAsync(ct);
        await RunningRounds.EnsureNoneAsync(db, workflow, enterprise, change.Kind, "change.round-running", ct);
        await RunningRounds.AddAsync(db, enterprise, change, "change.round-running", ct);
        await workflow.StartAsync(change, enterprise, users.Caller(), ct);
        return change.Id;
    }
}

/// <summary>When a contract version may be changed; the command and the round page's actions ask the same.</summary>
public static class ChangeRules
{
    /// <summary>
    /// Why <paramref name="current"/>'s contract cannot be changed now, or null: it must be in effect (Art 39) and in
    /// its term, not being renewed, and the latest version, with no other change under way.
    /// </summary>
    public static async Task<DomainException?> CannotProposeAsync(BargainingDbContext db, RoundWorkflow workflow, Round current, CancellationToken ct)
    {
        if (RoundStages.Of(await workflow.SnapshotAsync(current, ct)) != RoundStage.Effective)
            return DomainException.Conflict("change.not-effective", "只有已生效的集体合同才能变更（《集体合同规定》第三十九条）");
        if (RoundPreconditions.TermEnded(current, workflow.Today(current)) is { } ends)
            return DomainException.Conflict("change.expired", $"该合同已于{ends:yyyy年M月d日}期满，不能再变更，请重新发起集体协商（《集体合同规定》第三十八条）");
        if (await db.Rounds.AnyAsync(r => r.Renewal.RenewsRoundId == current.Id, ct))
            return DomainException.Conflict("change.renewed", "该合同已发起续订，请在续订协商中商定条款，不再单独变更");
        return await ChangedAsync(db, workflow, current, "提出新的变更", ct);
    }

    /// <summary>
    /// Why <paramref name="current"/>'s version is no longer the one to <paramref name="action"/> (续订 or 变更), or
    /// null: a change of it is under way, or has taken effect and made a later version.
    /// </summary>
    public static async Task<DomainException?> ChangedAsync(BargainingDbContext db, RoundWorkflow workflow, Round current, string action, CancellationToken ct)
    {
        foreach (var change in await db.Rounds.AsNoTracking().Where(r => r.Change.AmendsRoundId == current.Id).ToListAsync(ct))
        {
            if (RoundStages.Of(await workflow.SnapshotAsync(change, ct)) == RoundStage.Effective)
                return DomainException.Conflict("change.superseded", $"该合同已经变更，请在变更后的版本上{action}");
            if (change.Running)
                return DomainException.Conflict("change.exists", $"该合同已有一项变更正在协商，请在变更结束后再{action}");
        }
        return null;
    }
}
