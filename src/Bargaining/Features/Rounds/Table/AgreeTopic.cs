using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;

namespace Bargaining.Features.Rounds.Table;

/// <summary>
/// A side accepts the other side's last position on a topic (达成一致): agreed tentatively, until the congress
/// ratifies the draft (Art 36).
/// </summary>
public sealed record AgreeTopicCommand(Guid TopicId, Side Side) : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseTopicSideAsync(user, db, TopicId, Side, ct);
}

public sealed class AgreeTopicValidator : AbstractValidator<AgreeTopicCommand>
{
    public AgreeTopicValidator() => RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
}

/// <summary>Handles <see cref="AgreeTopicCommand"/>.</summary>
public sealed class AgreeTopicHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<AgreeTopicCommand, Unit>
{
    public async Task<Unit> Handle(AgreeTopicCommand request, CancellationToken cancellationToken)
    {
        var (topic, _) = await TopicMoves.LoadAtTheTableAsync(db, workflow, request.TopicId, "对议题表示同意", cancellationToken);
        topic.Agree(request.Side, workflow.Now, RoundWorkflow.Actor(users.Caller()));
        return Unit.Value;
    }
}
