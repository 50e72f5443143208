using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Review;

/// <summary>
/// The labour administration objects to a filed contract (审查意见书, Art 46) within 15 days of receipt: its opinion
/// and the contested topics, which are reopened for the parties to bargain again and file anew. Without an
/// objection the contract takes effect when the period lapses (Art 47), by the workflow's timer.
/// </summary>
public sealed record RecordReviewObjectionCommand(Guid RoundId, string Opinion, IReadOnlyList<Guid> ContestedTopicIds) : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseReviewerAsync(user, db, RoundId, ct);
}

public sealed class RecordReviewObjectionValidator : AbstractValidator<RecordReviewObjectionCommand>
{
    public RecordReviewObjectionValidator()
    {
        RuleFor(c => c.Opinion).NotEmpty().WithMessage("请填写审查意见（《集体合同规定》第四十六条）").Within(TextLimits.Clause, "审查意见");
        RuleFor(c => c.ContestedTopicIds).NotEmpty().WithMessage("审查意见应指明有异议的议题（《集体合同规定》第四十六条）");
        RuleFor(c => c.ContestedTopicIds).Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("同一议题不能重复列出");
    }
}

/// <summary>Handles <see cref="RecordReviewObjectionCommand"/>: the opinion, the reopened topics and <c>object</c>.</summary>
public sealed class RecordReviewObjectionHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<RecordReviewObjectionCommand, Unit>
{
    public async Task<Unit> Handle(RecordReviewObjectionCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        await workflow.EnsureAtAsync(round, "提出审查意见", cancellationToken, Nodes.Review);
        var topics = await db.Topics.Include(t => t.Positions).Where(t => t.RoundId == round.Id && request.ContestedTopicIds.Contains(t.Id)).ToListAsync(cancellationToken);
        if (topics.Count != request.ContestedTopicIds.Count) throw DomainException.NotFound("审查意见所列议题");
        var user = users.Caller();
        var now = workflow.Now;
        round.Object(request.Opinion, now);
        foreach (var topic in topics) topic.Reopen($"审查意见：{round.Review.Opinion}", now, RoundWorkflow.Actor(user));
        await workflow.SignalAsRoleAsync(round, Signals.Object, WorkflowRoles.Reviewer, "审查人员", user, "提出审查意见", new JsonObject
        {
            ["opinion"] = round.Review.Opinion,
            ["contestedTopics"] = new JsonArray(topics.Select(t => (JsonNode)t.Title).ToArray()),
        }, cancellationToken);
        return Unit.Value;
    }
}
