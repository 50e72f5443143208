using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Table;

/// <summary>
/// A chief signs the draft once at least one meeting has been held and every topic is agreed or withdrawn. When both
/// chiefs have signed the same table, the draft contract is made from the agreed clauses and goes to the workers'
/// congress (Art 36); until then the clauses are returned as the draft stands. A move at the table after the first
/// signature lapses it.
/// </summary>
public sealed record ConcludeCommand(Guid RoundId, Side Side) : IRequest<IReadOnlyList<DraftClauseView>>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side, ct);
}

/// <summary>A clause of the draft as returned.</summary>
public sealed record DraftClauseView(int Sequence, string Title, string Clause, decimal? Number, string? Unit);

public sealed class ConcludeValidator : AbstractValidator<ConcludeCommand>
{
    public ConcludeValidator() => RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
}

/// <summary>Handles <see cref="ConcludeCommand"/>: the draft's clauses and <c>conclude</c>.</summary>
public sealed class ConcludeHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<ConcludeCommand, IReadOnlyList<DraftClauseView>>
{
    public async Task<IReadOnlyList<DraftClauseView>> Handle(ConcludeCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        await workflow.EnsureAtAsync(round, "结束协商、形成合同草案", cancellationToken, Nodes.Bargaining);
        var held = await db.Meetings.AnyAsync(m => m.RoundId == round.Id && m.Minutes != null, cancellationToken);
        var topics = await db.Topics.Include(t => t.Positions).Where(t => t.RoundId == round.Id).ToListAsync(cancellationToken);
        var terms = await db.SpecificTerms.FirstOrDefaultAsync(t => t.RoundId == round.Id, cancellationToken);
        if (RoundPreconditions.Conclude(round, request.Side, held, topics, terms) is { } refusal) throw refusal;
        var agreed = Topics.InOrder(topics.Where(t => t.Status == TopicStatus.Agreed));

        var now = workflow.Now;
        if (round.Table.Conclude(request.Side, topics.Sum(t => t.Positions.Count), now) is not { } draft)
            return agreed.Select((t, i) => new DraftClauseView(i + 1, t.Title, t.Last.Term.Clause, t.Last.Term.Number, t.Last.Term.Unit)).ToList();
        var clauses = agreed.Select((t, i) => new DraftClause(round.Id, draft, i + 1, t, now)).ToList();
        db.DraftClauses.AddRange(clauses);
        await workflow.SignalAsync(round, Signals.Conclude, request.Side, users.Caller(), "结束协商、形成合同草案", new JsonObject
        {
            ["draft"] = draft,
            ["clauses"] = clauses.Count,
        }, cancellationToken);
        return clauses.Select(c => new DraftClauseView(c.Sequence, c.Title, c.Clause, c.Number, c.Unit)).ToList();
    }
}
