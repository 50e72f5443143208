using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Congress;

/// <summary>
/// The union chair records the workers' congress vote (职工代表大会审议, Art 36) on the current draft: deputies (or
/// workers) entitled, present and in favour, judged by the jurisdiction's <see cref="Rules.CongressRule"/>. A
/// rejected draft goes back to bargaining with its agreed topics reopened.
/// </summary>
public sealed record RecordCongressVoteCommand(Guid RoundId, int Entitled, int Present, int InFavour) : IRequest<CongressVoteResult>, IAuthorisedRequest
{
    /// <inheritdoc />
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side.Worker, ct);
}

/// <summary>Whether the draft was adopted, and why not.</summary>
public sealed record CongressVoteResult(bool Adopted, string? Reason);

/// <summary>Checks the request's form; the figures are judged by the rule in the handler.</summary>
public sealed class RecordCongressVoteValidator : AbstractValidator<RecordCongressVoteCommand>
{
    /// <summary>Creates the rules.</summary>
    public RecordCongressVoteValidator() => RuleFor(c => c.RoundId).NotEmpty().WithMessage("请选择协商轮次");
}

/// <summary>Handles <see cref="RecordCongressVoteCommand"/>: the vote, reopening on rejection, and <c>record-vote</c>.</summary>
public sealed class RecordCongressVoteHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<RecordCongressVoteCommand, CongressVoteResult>
{
    /// <inheritdoc />
    public async Task<CongressVoteResult> Handle(RecordCongressVoteCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        await workflow.EnsureAtAsync(round, "记录职工代表大会表决结果", cancellationToken, Nodes.Congress);
        var rule = workflow.Profile(round).Congress;
        var outcome = rule.Judge(request.Entitled, request.Present, request.InFavour);
        if (!outcome.IsValid)
            throw new DomainException(FailureKind.Validation, "congress.figures", $"表决人数有误：{outcome.Reason}（{rule.Basis}）");

        round.RecordVote(request.Entitled, request.Present, request.InFavour, outcome);
        var user = users.Caller();
        if (!outcome.IsApproved)
        {
            var now = workflow.Now;
            foreach (var topic in await db.Topics.Include(t => t.Positions).Where(t => t.RoundId == round.Id && t.Status == TopicStatus.Agreed).ToListAsync(cancellationToken))
                topic.Reopen($"职工代表大会未通过合同草案：{outcome.Reason}", now, RoundWorkflow.Actor(user));
        }
        await workflow.SignalAsync(round, Signals.RecordVote, Side.Worker, user, "记录职工代表大会表决结果", new JsonObject
        {
            ["entitled"] = request.Entitled,
            ["present"] = request.Present,
            ["inFavour"] = request.InFavour,
            ["draft"] = round.Table.Draft,
        }, cancellationToken);
        return new CongressVoteResult(outcome.IsApproved, outcome.Reason);
    }
}
