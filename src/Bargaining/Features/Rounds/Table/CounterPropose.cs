using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;

namespace Bargaining.Features.Rounds.Table;

/// <summary>A side's counterproposal (反提议) to the other side's last position on a topic.</summary>
public sealed record CounterProposeCommand(Guid TopicId, Side Side, string Clause, decimal? Number = null, string? Unit = null) : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseTopicSideAsync(user, db, TopicId, Side, ct);
}

public sealed class CounterProposeValidator : AbstractValidator<CounterProposeCommand>
{
    public CounterProposeValidator()
    {
        RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
        RuleFor(c => c.Clause).NotEmpty().WithMessage("请填写反提议的条款内容").Within(TextLimits.Clause, "条款内容");
        RuleFor(c => c.Unit).NotEmpty().When(c => c.Number is not null).WithMessage("填写数值时必须注明单位（如 %、元/月）").Within(TextLimits.Unit, "单位");
    }
}

/// <summary>Handles <see cref="CounterProposeCommand"/>.</summary>
public sealed class CounterProposeHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<CounterProposeCommand, Unit>
{
    public async Task<Unit> Handle(CounterProposeCommand request, CancellationToken cancellationToken)
    {
        var (topic, round) = await TopicMoves.LoadAtTheTableAsync(db, workflow, request.TopicId, "提出反提议", cancellationToken);
        var term = new Term(request.Clause, request.Number, request.Unit);
        Topics.EnsureAboveFloor(workflow, round, topic.Code, term);
        topic.CounterPropose(request.Side, term, workflow.Now, RoundWorkflow.Actor(users.Caller()));
        return Unit.Value;
    }
}
