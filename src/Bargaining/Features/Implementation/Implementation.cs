using Bargaining.Domain;
using Bargaining.Features.Documents;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Table;
using Bargaining.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Implementation;

/// <summary>
/// What the implementation checks (履约检查) share: who may record them, and the effective contract they check — its
/// term and its agreed clauses (the last draft's, as the contract prints them).
/// </summary>
public static class Implementation
{
    /// <summary>
    /// Throws forbidden unless <paramref name="user"/> may keep the contract's checklist: the union chair of its
    /// enterprise, who supervises performance for the workers, or the county union's staff or instructor.
    /// </summary>
    public static async Task AuthoriseCheckerAsync(CurrentUser user, BargainingDbContext db, Guid roundId, CancellationToken ct)
    {
        var organisation = await db.Rounds.Where(r => r.Id == roundId).Join(db.Enterprises, r => r.EnterpriseId, e => e.Id, (r, e) => new { e.Id, e.OrganisationId })
            .FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("该轮协商");
        if (user.Role == Role.UnionChair && user.EnterpriseId == organisation.Id) return;
        if (user.Role is Role.CountyStaff or Role.Instructor && user.OrganisationId == organisation.OrganisationId) return;
        throw DomainException.Forbidden("只有本企业工会主席或所在县级工会工作人员、集体协商指导员可以记录履约检查");
    }

    /// <summary>The obligation of the round, tracked; not found when the round has no such obligation.</summary>
    public static async Task<Obligation> ObligationAsync(BargainingDbContext db, Guid roundId, Guid obligationId, CancellationToken ct) =>
        await db.Set<Obligation>().FirstOrDefaultAsync(o => o.Id == obligationId && o.RoundId == roundId, ct) ?? throw DomainException.NotFound("该履约事项");

    /// <summary>The contract's term, refused as a conflict unless the round's contract is in effect (Art 47).</summary>
    public static async Task<(DateOnly Starts, DateOnly Ends)> EffectiveTermAsync(Round round, RoundWorkflow workflow, CancellationToken ct)
    {
        var stage = RoundStages.Of(await workflow.SnapshotAsync(round, ct));
        if (stage != RoundStage.Effective || round.Signing is not { TermStartsOn: { } starts, TermEndsOn: { } ends })
            throw DomainException.Conflict("implementation.not-effective", "合同尚未生效，生效后才能检查履约情况（《集体合同规定》第四十七条）");
        return (starts, ends);
    }

    /// <summary>Where a new obligation of the round goes: its enterprise's unit and the next number on the checklist.</summary>
    public static async Task<(Guid Unit, int Next)> NextObligationAsync(BargainingDbContext db, Round round, CancellationToken ct) =>
        (await db.Enterprises.Where(e => e.Id == round.EnterpriseId).Select(e => e.OrganisationId).SingleAsync(ct),
         (await db.Set<Obligation>().Where(o => o.RoundId == round.Id).MaxAsync(o => (int?)o.Sequence, ct) ?? 0) + 1);

    /// <summary>The contract's agreed clauses: the last draft's, in order.</summary>
    public static async Task<List<DraftClauseView>> ClausesAsync(BargainingDbContext db, Round round, CancellationToken ct) =>
        await db.DraftClauses.AsNoTracking().Where(c => c.RoundId == round.Id && c.Draft == round.Table.Draft).OrderBy(c => c.Sequence)
            .Select(c => new DraftClauseView(c.Sequence, c.Title, c.Clause, c.Number, c.Unit)).ToListAsync(ct);

    /// <summary>The high-temperature allowance among the contract's specific terms, if any.</summary>
    public static async Task<HeatAllowance?> HeatAsync(BargainingDbContext db, Guid roundId, CancellationToken ct) =>
        await db.SpecificTerms.AsNoTracking().Where(t => t.RoundId == roundId && t.HeatAllowancePerMonth != null && t.HeatFromMonth != null && t.HeatToMonth != null)
            .Select(t => new HeatAllowance(t.HeatAllowancePerMonth!.Value, t.HeatFromMonth!.Value, t.HeatToMonth!.Value)).FirstOrDefaultAsync(ct);

    /// <summary>The contract's title as printed: 盐城市恒达机械有限公司工资专项集体合同.</summary>
    public static string ContractTitle(string enterprise, RoundKind kind) => enterprise + RoundDocuments.Description(RoundDocuments.Kind(kind));
}
