using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Congress;

/// <summary>
/// The union chair records the workers' congress meeting (职工代表大会审议, Art 36) on the current draft, held on
/// <see cref="HeldOn"/> (today when not given): deputies (or workers) entitled, present and in favour, judged by the
/// jurisdiction's <see cref="Rules.CongressRule"/>. A rejected draft goes back to bargaining with its agreed topics
/// reopened; a meeting without the quorum is no vote, and the congress is held again on the same draft.
/// </summary>
public sealed record RecordCongressVoteCommand(Guid RoundId, int Entitled, int Present, int InFavour, DateOnly? HeldOn = null) : IRequest<CongressVoteResult>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side.Worker, ct);
}

/// <summary>Whether the draft was adopted, and why not; <see cref="Quorate"/> false when the meeting must be held again.</summary>
public sealed record CongressVoteResult(bool Adopted, string? Reason, bool Quorate = true);

/// <summary>Checks the request's form; the figures are judged by the rule in the handler (present ≤ entitled ≤ workers, in favour ≤ present).</summary>
public sealed class RecordCongressVoteValidator : AbstractValidator<RecordCongressVoteCommand>
{
    public RecordCongressVoteValidator()
    {
        RuleFor(c => c.RoundId).NotEmpty().WithMessage("请选择协商轮次");
        RuleFor(c => c.HeldOn).NotEqual(default(DateOnly)).WithMessage("请填写职工代表大会召开日期");
    }
}

/// <summary>Handles <see cref="RecordCongressVoteCommand"/>: the vote, reopening on rejection, and <c>record-vote</c>.</summary>
public sealed class RecordCongressVoteHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<RecordCongressVoteCommand, CongressVoteResult>
{
    public async Task<CongressVoteResult> Handle(RecordCongressVoteCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        await workflow.EnsureAtAsync(round, "记录职工代表大会表决结果", cancellationToken, Nodes.Congress);
        var rule = workflow.Profile(round).Congress;
        var outcome = rule.Judge(request.Entitled, request.Present, request.InFavour);
        if (!outcome.IsValid)
            throw new DomainException(FailureKind.Validation, "congress.figures", $"表决人数有误：{outcome.Reason}（{rule.Basis}）");
        var workers = await db.Enterprises.Where(e => e.Id == round.EnterpriseId).Select(e => e.Employees).SingleAsync(cancellationToken);
        if (request.Entitled > workers)
            throw new DomainException(FailureKind.Validation, "congress.entitled",
                $"应到人数（{request.Entitled}）多于本企业职工总数（{workers}人）：职工代表大会的代表或全体职工不会多于本企业职工（{rule.Basis}）");

        var today = workflow.Today(round);
        var draftOn = workflow.Profile(round).Time.LocalDate(round.Table.ConcludedAt ?? workflow.Now);
        round.RecordVote(request.Entitled, request.Present, request.InFavour, request.HeldOn ?? today, today, draftOn, outcome);
        var user = users.Caller();
        if (!outcome.QuorumMet)
        {
            await SignalAsync(round, request, user, cancellationToken);
            return new CongressVoteResult(false, $"{outcome.Reason}；出席人数未达法定人数，不能进行表决，请重新召开职工代表大会（或全体职工大会）审议草案", Quorate: false);
        }
        if (!outcome.IsApproved)
        {
            var now = workflow.Now;
            foreach (var topic in await db.Topics.Include(t => t.Positions).Where(t => t.RoundId == round.Id && t.Status == TopicStatus.Agreed).ToListAsync(cancellationToken))
                topic.Reopen($"职工代表大会未通过合同草案：{outcome.Reason}", now, RoundWorkflow.Actor(user));
        }
        await SignalAsync(round, request, user, cancellationToken);
        return new CongressVoteResult(outcome.IsApproved, outcome.Reason);
    }

    private Task SignalAsync(Round round, RecordCongressVoteCommand request, CurrentUser user, CancellationToken ct) =>
        workflow.SignalAsync(round, Signals.RecordVote, Side.Worker, user, "记录职工代表大会表决结果", new JsonObject
        {
            ["entitled"] = request.Entitled,
            ["present"] = request.Present,
            ["inFavour"] = request.InFavour,
            ["heldOn"] = Topics.Date(round.Congress.HeldOn!.Value),
            ["draft"] = round.Table.Draft,
        }, ct);
}
