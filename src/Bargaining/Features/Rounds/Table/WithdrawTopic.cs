using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;

namespace Bargaining.Features.Rounds.Table;

/// <summary>The side that raised a topic withdraws it (撤回), with its reason.</summary>
public sealed record WithdrawTopicCommand(Guid TopicId, Side Side, string Reason) : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseTopicSideAsync(user, db, TopicId, Side, ct);
}

public sealed class WithdrawTopicValidator : AbstractValidator<WithdrawTopicCommand>
{
    public WithdrawTopicValidator()
    {
        RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("请说明撤回议题的理由").Within(TextLimits.Reason, "理由");
    }
}

/// <summary>Handles <see cref="WithdrawTopicCommand"/>.</summary>
public sealed class WithdrawTopicHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<WithdrawTopicCommand, Unit>
{
    public async Task<Unit> Handle(WithdrawTopicCommand request, CancellationToken cancellationToken)
    {
        var (topic, _) = await TopicMoves.LoadAtTheTableAsync(db, workflow, request.TopicId, "撤回议题", cancellationToken);
        topic.Withdraw(request.Side, request.Reason, workflow.Now, RoundWorkflow.Actor(users.Caller()));
        return Unit.Value;
    }
}
