using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Implementation;

/// <summary>Adds by hand an obligation the derivation could not read from a clause (or one the parties agreed elsewhere); returns its id.</summary>
public sealed record AddObligationCommand(Guid RoundId, string Title, string Requirement, DateOnly? DueOn, int? ClauseSequence = null) : IRequest<Guid>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => Implementation.AuthoriseCheckerAsync(user, db, RoundId, ct);
}

public sealed class AddObligationValidator : AbstractValidator<AddObligationCommand>
{
    public AddObligationValidator()
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage("请填写履约事项").Within(TextLimits.Line, "履约事项");
        RuleFor(c => c.Requirement).NotEmpty().WithMessage("请填写履约要求（合同条款的约定）").Within(TextLimits.Clause, "履约要求");
        RuleFor(c => c.DueOn).NotNull().WithMessage("请填写履约期限");
        RuleFor(c => c.ClauseSequence).GreaterThan(0).WithMessage("合同条款序号从1开始");
    }
}

/// <summary>Handles <see cref="AddObligationCommand"/>.</summary>
public sealed class AddObligationHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<AddObligationCommand, Guid>
{
    public async Task<Guid> Handle(AddObligationCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        var (starts, ends) = await Implementation.EffectiveTermAsync(round, workflow, cancellationToken);
        var due = request.DueOn!.Value;
        if (due < starts || due > ends)
            throw DomainException.Rule("obligation.due-outside-term", $"履约期限应在合同期限内（{starts:yyyy-MM-dd}至{ends:yyyy-MM-dd}）");
        if (request.ClauseSequence is { } clause && !await db.DraftClauses.AnyAsync(c => c.RoundId == round.Id && c.Draft == round.Table.Draft && c.Sequence == clause, cancellationToken))
            throw DomainException.Rule("obligation.clause", $"合同中没有第{clause}条");
        var (unit, next) = await Implementation.NextObligationAsync(db, round, cancellationToken);
        var caller = users.Caller();
        var basis = request.ClauseSequence is { } c ? $"第{c}条，{caller.Name}人工添加" : $"{caller.Name}人工添加";
        var obligation = new Obligation(round.Id, unit, next, request.ClauseSequence, request.Title, request.Requirement, basis, due, manual: true, workflow.Now, caller.Name);
        db.Add(obligation);
        return obligation.Id;
    }
}
