using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Table;

/// <summary>
/// The chiefs conclude bargaining once every topic is agreed or withdrawn: the draft contract is made from the
/// agreed clauses and goes to the workers' congress (Art 36).
/// </summary>
public sealed record ConcludeCommand(Guid RoundId, Side Side) : IRequest<IReadOnlyList<DraftClauseView>>, IAuthorisedRequest
{
    /// <inheritdoc />
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side, ct);
}

/// <summary>A clause of the draft as returned.</summary>
public sealed record DraftClauseView(int Sequence, string Title, string Clause, decimal? Number, string? Unit);

/// <summary>Checks the request.</summary>
public sealed class ConcludeValidator : AbstractValidator<ConcludeCommand>
{
    /// <summary>Creates the rules.</summary>
    public ConcludeValidator() => RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
}

/// <summary>Handles <see cref="ConcludeCommand"/>: the draft's clauses and <c>conclude</c>.</summary>
public sealed class ConcludeHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<ConcludeCommand, IReadOnlyList<DraftClauseView>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<DraftClauseView>> Handle(ConcludeCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        await workflow.EnsureAtAsync(round, "结束协商、形成合同草案", cancellationToken, Nodes.Bargaining);
        var topics = await db.Topics.Include(t => t.Positions).Where(t => t.RoundId == round.Id).ToListAsync(cancellationToken);
        var terms = await db.SpecificTerms.FirstOrDefaultAsync(t => t.RoundId == round.Id, cancellationToken);
        if (RoundPreconditions.Conclude(round, topics, terms) is { } refusal) throw refusal;
        var agreed = topics.Where(t => t.Status == TopicStatus.Agreed).OrderBy(t => t.Id).ToList();

        var now = workflow.Now;
        var draft = round.Table.Conclude(now);
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
