using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Implementation;

/// <summary>
/// Draws up the checklist (履约清单) of an effective contract from its agreed clauses (<see cref="ObligationDerivation"/>);
/// once per contract. Returns how many obligations it wrote.
/// </summary>
public sealed record DeriveObligationsCommand(Guid RoundId) : IRequest<int>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => Implementation.AuthoriseCheckerAsync(user, db, RoundId, ct);
}

/// <summary>Handles <see cref="DeriveObligationsCommand"/>.</summary>
public sealed class DeriveObligationsHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<DeriveObligationsCommand, int>
{
    public async Task<int> Handle(DeriveObligationsCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        var (starts, ends) = await Implementation.EffectiveTermAsync(round, workflow, cancellationToken);
        if (await db.Set<Obligation>().AnyAsync(o => o.RoundId == round.Id && !o.Manual, cancellationToken))
            throw DomainException.Conflict("obligations.derived", "履约清单已根据合同条款生成，不能重复生成；条款未能识别的事项请人工添加");
        var derivation = ObligationDerivation.Derive(await Implementation.ClausesAsync(db, round, cancellationToken), starts, ends,
            await Implementation.HeatAsync(db, round.Id, cancellationToken));
        if (derivation.Obligations.Count == 0)
            throw DomainException.Rule("obligations.none", "未能从合同条款中识别出带有数值或日期的履约事项，请人工添加");
        var (unit, next) = await Implementation.NextObligationAsync(db, round, cancellationToken);
        var by = users.Caller().Name;
        foreach (var o in derivation.Obligations)
            db.Add(new Obligation(round.Id, unit, next++, o.ClauseSequence, o.Title, o.Requirement, o.Basis, o.DueOn, manual: false, workflow.Now, by));
        return derivation.Obligations.Count;
    }
}
