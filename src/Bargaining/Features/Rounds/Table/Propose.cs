using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Table;

/// <summary>
/// A side's proposal (提议) at the table: on a topic not yet raised it opens the topic; on an open topic it puts a
/// fresh position of that side. Returns the topic's id.
/// </summary>
public sealed record ProposeCommand(Guid RoundId, Side Side, TopicProposal Topic) : IRequest<Guid>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side, ct);
}

public sealed class ProposeValidator : AbstractValidator<ProposeCommand>
{
    public ProposeValidator()
    {
        RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
        RuleFor(c => c.Topic).NotNull().WithMessage("请填写议题").SetValidator(new TopicProposalValidator());
    }
}

/// <summary>Handles <see cref="ProposeCommand"/>.</summary>
public sealed class ProposeHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<ProposeCommand, Guid>
{
    public async Task<Guid> Handle(ProposeCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        await workflow.EnsureAtAsync(round, "提出议题", cancellationToken, TopicMoves.AtTheTable);
        var user = users.Caller();
        var proposal = request.Topic;
        var title = Topic.TitleOf(proposal.Code, proposal.Title);
        var topic = await db.Topics.Include(t => t.Positions)
            .FirstOrDefaultAsync(t => t.RoundId == round.Id && t.Code == proposal.Code && t.Title == title, cancellationToken);
        if (topic is null)
            return (await Topics.RaiseAsync(db, workflow, round, request.Side, [proposal], user, cancellationToken))[0].Id;
        Topics.EnsureAboveFloor(workflow, round, topic.Code, proposal.Term);
        topic.Propose(request.Side, proposal.Term, workflow.Now, RoundWorkflow.Actor(user));
        return topic.Id;
    }
}
