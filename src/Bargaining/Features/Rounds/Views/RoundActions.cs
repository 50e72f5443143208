using Bargaining.Domain;
using Bargaining.Features.Rounds.Review;
using Bargaining.Features.Rounds.Table;
using Bargaining.Infrastructure;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using Bargaining.Workflows;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Views;

/// <summary>
/// What the caller may do in a round now ("what may I do now"), for the round page and the API alike: the steps the
/// round's workflow waits at and the signals the caller's role may send there, narrowed to the side the caller acts
/// for and to what each command's preconditions (<see cref="RoundPreconditions"/> and the entities' own checks) would
/// accept. An action the command would refuse now for a reason that can change is listed disabled with that reason
/// in Chinese; one it would never accept from this person (another side's step) is not listed. The round's documents
/// are listed by <see cref="RoundDocumentListQuery"/>.
/// </summary>
public sealed record RoundActionsQuery(Guid RoundId) : IQuery<RoundActions>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseRoundReaderAsync(user, db, RoundId, ct);
}

/// <summary>The caller's actions in a round.</summary>
/// <param name="RoundId">The round.</param>
/// <param name="Stage">Where the round stands.</param>
/// <param name="Side">The side the caller acts for, if a side of the table.</param>
/// <param name="Actions">Enabled and disabled actions, in the order of the round's steps.</param>
public sealed record RoundActions(Guid RoundId, RoundStage Stage, Side? Side, IReadOnlyList<RoundAction> Actions)
{
    /// <summary>The actions the caller may take now.</summary>
    public IEnumerable<RoundAction> Enabled => Actions.Where(a => a.Enabled);
}

/// <summary>One action.</summary>
/// <param name="Action">Which command it is.</param>
/// <param name="Title">As a button reads (from the definition's signal title where there is one).</param>
/// <param name="Enabled">True when the command would accept it now from the caller with valid data.</param>
/// <param name="Reason">Why not yet, in Chinese, when disabled.</param>
/// <param name="Side">The side the command is sent for; null for county, reviewer and coordinator actions, and for a
/// renewal county staff may start for either side.</param>
/// <param name="Node">The workflow step it belongs to, if any.</param>
/// <param name="LastDay">That step's last day, if it has a deadline.</param>
/// <param name="TopicId">For a move on one topic (counterproposal, agreement, withdrawal), the topic.</param>
public sealed record RoundAction(RoundActionKind Action, string Title, bool Enabled, string? Reason, Side? Side = null, string? Node = null,
    DateOnly? LastDay = null, Guid? TopicId = null)
{
    /// <summary>The workflow signal the command sends, if it sends one (<see cref="Signals"/>).</summary>
    public string? Signal => Action.Signal();
}

/// <summary>The commands a round offers; each is one command of <c>Features/Rounds</c>.</summary>
public enum RoundActionKind
{
    /// <summary><see cref="Offer.MakeOfferCommand"/>.</summary>
    SendOffer,
    /// <summary><see cref="Offer.ReplyToOfferCommand"/>, agreeing.</summary>
    Accept,
    /// <summary><see cref="Offer.ReplyToOfferCommand"/>, refusing with a reason.</summary>
    Refuse,
    /// <summary><see cref="Offer.UrgeReplyCommand"/>.</summary>
    Urge,
    /// <summary><see cref="Coordination.ApplyForCoordinationCommand"/>.</summary>
    ApplyCoordination,
    /// <summary><see cref="WithdrawOfferCommand"/>.</summary>
    WithdrawOffer,
    /// <summary><see cref="EscalateToOrdinaryCommand"/>.</summary>
    EscalateToOrdinary,
    /// <summary><see cref="CloseLapsedRenewalCommand"/>.</summary>
    CloseLapsedRenewal,
    /// <summary><see cref="Representatives.NameRepresentativesCommand"/>.</summary>
    NameRepresentatives,
    /// <summary><see cref="Table.ScheduleMeetingCommand"/>.</summary>
    ScheduleMeeting,
    /// <summary><see cref="Table.RecordMeetingCommand"/>.</summary>
    RecordMeeting,
    /// <summary><see cref="Table.ProposeCommand"/>.</summary>
    Propose,
    /// <summary><see cref="Table.CounterProposeCommand"/>.</summary>
    CounterPropose,
    /// <summary><see cref="Table.AgreeTopicCommand"/>.</summary>
    AgreeTopic,
    /// <summary><see cref="Table.WithdrawTopicCommand"/>.</summary>
    WithdrawTopic,
    /// <summary><see cref="Table.SuspendCommand"/>.</summary>
    Suspend,
    /// <summary><see cref="Table.ResumeCommand"/>.</summary>
    Resume,
    /// <summary><see cref="Table.ConcludeCommand"/>.</summary>
    Conclude,
    /// <summary><see cref="Signing.AgreeContractTermCommand"/>.</summary>
    AgreeTerm,
    /// <summary><see cref="Congress.RecordCongressVoteCommand"/>.</summary>
    RecordVote,
    /// <summary><see cref="Signing.SignCommand"/>.</summary>
    Sign,
    /// <summary><see cref="Filing.FileContractCommand"/>.</summary>
    File,
    /// <summary><see cref="Review.RecordReviewObjectionCommand"/>.</summary>
    Object,
    /// <summary><see cref="Review.RecordReviewClearanceCommand"/> (审查无异议).</summary>
    ClearReview,
    /// <summary><see cref="PublishCommand"/>.</summary>
    Publish,
    /// <summary><see cref="Coordination.RecordCoordinationAgreementCommand"/>.</summary>
    AgreeInCoordination,
    /// <summary><see cref="Coordination.ExtendCoordinationCommand"/>.</summary>
    ExtendCoordination,
    /// <summary><see cref="Coordination.CloseCoordinationCommand"/>.</summary>
    CloseCoordination,
    /// <summary><see cref="Simplified.SignOnTheSpotCommand"/> with minutes.</summary>
    SignMinutes,
    /// <summary><see cref="Simplified.SignOnTheSpotCommand"/> with a memo.</summary>
    SignMemo,
    /// <summary><see cref="Simplified.RecordNoAgreementCommand"/>.</summary>
    RecordNoAgreement,
    /// <summary><see cref="Renewal.StartRenewalCommand"/>, on a round whose contract is effective.</summary>
    StartRenewal,
    /// <summary><see cref="Termination.ProposeTerminationCommand"/>, on a contract in force.</summary>
    ProposeTermination,
    /// <summary><see cref="Termination.ConfirmTerminationCommand"/>, by the side that did not propose it.</summary>
    ConfirmTermination,
    /// <summary><see cref="Termination.DeclineTerminationCommand"/>: the other side declines, the proposing side withdraws.</summary>
    DeclineTermination,
    /// <summary><see cref="Change.ProposeChangeCommand"/>, on a round whose contract is effective.</summary>
    ProposeChange,
}

/// <summary>How <see cref="RoundActionKind"/>s and the definitions' signals map onto each other.</summary>
public static class RoundActionKinds
{
    private static readonly IReadOnlyDictionary<string, RoundActionKind> BySignal = new Dictionary<string, RoundActionKind>
    {
        [Signals.SendOffer] = RoundActionKind.SendOffer,
        [Signals.Accept] = RoundActionKind.Accept,
        [Signals.Refuse] = RoundActionKind.Refuse,
        [Signals.Urge] = RoundActionKind.Urge,
        [Signals.ApplyCoordination] = RoundActionKind.ApplyCoordination,
        [Signals.Withdraw] = RoundActionKind.WithdrawOffer,
        [Signals.Escalate] = RoundActionKind.EscalateToOrdinary,
        [Signals.NameRepresentatives] = RoundActionKind.NameRepresentatives,
        [Signals.ScheduleMeeting] = RoundActionKind.ScheduleMeeting,
        [Signals.RecordMeeting] = RoundActionKind.RecordMeeting,
        [Signals.Suspend] = RoundActionKind.Suspend,
        [Signals.Resume] = RoundActionKind.Resume,
        [Signals.Conclude] = RoundActionKind.Conclude,
        [Signals.RecordVote] = RoundActionKind.RecordVote,
        [Signals.Sign] = RoundActionKind.Sign,
        [Signals.File] = RoundActionKind.File,
        [Signals.Object] = RoundActionKind.Object,
        [Signals.Clear] = RoundActionKind.ClearReview,
        [Signals.Publish] = RoundActionKind.Publish,
        [Signals.Agree] = RoundActionKind.AgreeInCoordination,
        [Signals.Extend] = RoundActionKind.ExtendCoordination,
        [Signals.Close] = RoundActionKind.CloseCoordination,
        [Signals.SignMinutes] = RoundActionKind.SignMinutes,
        [Signals.SignMemo] = RoundActionKind.SignMemo,
        [Signals.NoAgreement] = RoundActionKind.RecordNoAgreement,
        [Signals.Terminate] = RoundActionKind.ConfirmTermination,
    };

    /// <summary>The action of <paramref name="signal"/> at <paramref name="node"/>; null for a signal no command sends.</summary>
    public static RoundActionKind? Of(string node, string signal) =>
        // "close" at an expired renewal is the county's closure, at coordination the coordinators'.
        node == Nodes.Expired && signal == Signals.Close ? RoundActionKind.CloseLapsedRenewal
        : BySignal.TryGetValue(signal, out var kind) ? kind : null;

    /// <summary>The signal the action's command sends, or null (topic moves, the term, a renewal).</summary>
    public static string? Signal(this RoundActionKind kind) =>
        kind == RoundActionKind.CloseLapsedRenewal ? Signals.Close : BySignal.FirstOrDefault(p => p.Value == kind).Key;
}

/// <summary>Handles <see cref="RoundActionsQuery"/>.</summary>
public sealed class RoundActionsHandler(BargainingDbContext db, WorkflowEngine engine, RoundWorkflow workflow, ICurrentUserAccessor users)
    : IRequestHandler<RoundActionsQuery, RoundActions>
{
    // The steps after the draft where the term can still be agreed, with the table itself.
    private static readonly string[] TermSteps = [Nodes.Bargaining, Nodes.Suspended, Nodes.Congress, Nodes.UnionSignature, Nodes.EmployerSignature];

    public async Task<RoundActions> Handle(RoundActionsQuery request, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == request.RoundId, ct);
        var user = users.Caller();
        var snapshot = await workflow.SnapshotAsync(round, ct);
        var side = user.Role switch { Role.UnionChair => Side.Worker, Role.EmployerRepresentative => Side.Employer, _ => (Side?)null };
        var role = RoundAccess.WorkflowRole(user.Role);
        var signals = role is null ? [] : await engine.AvailableSignalsAsync(round.WorkflowInstanceId, role, ct);
        var facts = new Facts(db, round, ct);
        var today = workflow.Today(round);

        var actions = new List<RoundAction>();
        foreach (var signal in signals)
        {
            if (RoundActionKinds.Of(signal.Node, signal.Signal) is not { } kind) continue;
            var step = snapshot.Steps.FirstOrDefault(s => s.Node == signal.Node);
            if (await SignalActionAsync(kind, signal, step?.LastDay, round, snapshot, side, facts, today, workflow.Profile(round)) is { } action) actions.Add(action);
        }
        if (side is { } own)
        {
            if (snapshot.Steps.Any(s => TopicMoves.AtTheTable.Contains(s.Node))) actions.AddRange(await TableActionsAsync(round, own, snapshot, facts));
            if (snapshot.Steps.Any(s => TermSteps.Contains(s.Node)))
                actions.Add(Action(RoundActionKind.AgreeTerm, "约定合同期限", RoundPreconditions.AgreeTerm(round, snapshot), own));
            if (snapshot.Steps.FirstOrDefault(s => Nodes.InForce(s.Node)) is { } inForce)
                actions.Add(round.Termination.Pending
                    ? Action(RoundActionKind.DeclineTermination, round.Termination.ProposedBy == own ? "撤回解除（终止）合同的提议" : "不同意解除（终止）合同",
                        RoundPreconditions.Terminate(snapshot, round, today), own, inForce.Node)
                    : Action(RoundActionKind.ProposeTermination, "提出解除或终止合同", RoundPreconditions.Terminate(snapshot, round, today), own, inForce.Node));
            if (round.OfferingSide == own && RoundPreconditions.RenewalOffer(round, snapshot.Steps, workflow.Profile(round)) is { } early)
                actions.Add(Action(RoundActionKind.SendOffer, "发出续订要约书", early, own, Nodes.AwaitingWindow));
        }
        if (user.Role is Role.UnionChair or Role.EmployerRepresentative or Role.CountyStaff && IsEffective(snapshot))
        {
            var renewed = await db.Rounds.AnyAsync(r => r.Renewal.RenewsRoundId == round.Id, ct);
            actions.Add(Action(RoundActionKind.StartRenewal, "发起续订", RoundPreconditions.StartRenewal(snapshot, renewed, round.Signing.TermEndsOn ?? today, today)
                ?? await Change.ChangeRules.ChangedAsync(db, workflow, round, "续订", ct)
                ?? await RunningRounds.RefusalIfAnyAsync(db, workflow, round.EnterpriseId, round.Kind, "renewal.round-running", round.Id, ct), side));
        }
        if (side is { } proposer && IsEffective(snapshot))
            actions.Add(Action(RoundActionKind.ProposeChange, "提出变更", await Change.ChangeRules.CannotProposeAsync(db, workflow, round, ct)
                ?? await RunningRounds.RefusalIfAnyAsync(db, workflow, round.EnterpriseId, round.Kind, "change.round-running", round.Id, ct), proposer));
        return new RoundActions(round.Id, RoundStages.Of(snapshot), side, actions);
    }

    private static async Task<RoundAction?> SignalActionAsync(RoundActionKind kind, AvailableSignal signal, DateOnly? lastDay, Round round, WorkflowSnapshot snapshot, Side? side, Facts facts, DateOnly today, JurisdictionProfile profile)
    {
        RoundAction Make(DomainException? refusal = null, Side? by = null) =>
            Action(kind, signal.Title, refusal, by ?? side, signal.Node, lastDay);
        switch (kind)
        {
            // The commands of one side: the offer is the offering side's, the reply the other's (Art 32), publication
            // the union's (Art 48), whatever the definition lets either side do.
            case RoundActionKind.SendOffer:
                return side == round.OfferingSide ? Make() : null;
            case RoundActionKind.Accept or RoundActionKind.Refuse:
                return side == round.RespondingSide ? Make() : null;
            case RoundActionKind.Publish:
                return side == PublishCommand.Publisher ? Make() : null;
            case RoundActionKind.ConfirmTermination:
                return side is { } confirming && round.Termination.Pending && round.Termination.ProposedBy != confirming
                    ? Make(RoundPreconditions.Terminate(snapshot, round, today)) : null;
            case RoundActionKind.WithdrawOffer:
                return side is { } s && RoundPreconditions.WithdrawOffer(round, s) is null ? Make() : null;
            case RoundActionKind.ScheduleMeeting:
                return Make(MeetingTurn.CannotSchedule(await facts.MeetingsAsync()));
            case RoundActionKind.RecordMeeting:
                return Make(MeetingTurn.ToRecord(await facts.MeetingsAsync(), today).Refusal);
            case RoundActionKind.Conclude:
                return side is { } own ? Make(RoundPreconditions.Conclude(round, own, (await facts.MeetingsAsync()).Any(m => m.Minutes is not null), await facts.TopicsAsync(), await facts.SpecificTermsAsync())) : null;
            case RoundActionKind.Sign:
                return side is { } signer ? Make(round.Signing.CannotSign(signer)) : null;
            case RoundActionKind.File:
                return Make(RoundPreconditions.File(round, await facts.UnitAsync()));
            case RoundActionKind.Object:
                return Make((await facts.TopicsAsync()).Any(t => t.Status == TopicStatus.Agreed)
                    ? null : DomainException.Conflict("review.nothing-agreed", "合同草案中没有可提出异议的条款"));
            case RoundActionKind.ExtendCoordination:
                return Make(round.Coordination.CannotExtend(profile.Duration(PeriodNames.CoordinationExtensionDays)));
            default:
                return Make();
        }
    }

    /// <summary>Moves on topics at the table (Art 34), and later meetings at the ordinary procedure's table.</summary>
    private static async Task<IEnumerable<RoundAction>> TableActionsAsync(Round round, Side side, WorkflowSnapshot snapshot, Facts facts)
    {
        var actions = new List<RoundAction> { Action(RoundActionKind.Propose, "提出议题或新的意见", null, side, TableNode(snapshot)) };
        foreach (var topic in (await facts.TopicsAsync()).Where(t => t.Status == TopicStatus.Open))
        {
            actions.Add(Action(RoundActionKind.CounterPropose, $"就“{topic.Title}”提出反提议", topic.CannotCounterPropose(side), side, TableNode(snapshot), topicId: topic.Id));
            actions.Add(Action(RoundActionKind.AgreeTopic, $"同意“{topic.Title}”", topic.CannotAgree(side), side, TableNode(snapshot), topicId: topic.Id));
            if (topic.RaisedBy == side)
                actions.Add(Action(RoundActionKind.WithdrawTopic, $"撤回“{topic.Title}”", topic.CannotWithdraw(side), side, TableNode(snapshot), topicId: topic.Id));
        }
        return actions;
    }

    private static string TableNode(WorkflowSnapshot snapshot) => snapshot.Steps.First(s => TopicMoves.AtTheTable.Contains(s.Node)).Node;

    private static bool IsEffective(WorkflowSnapshot snapshot) =>
        snapshot.Outcome is FormerOutcomes.Effective or FormerOutcomes.Renewed || snapshot.Steps.Any(s => Nodes.InForce(s.Node));

    private static RoundAction Action(RoundActionKind kind, string title, DomainException? refusal, Side? side, string? node = null, DateOnly? lastDay = null, Guid? topicId = null) =>
        new(kind, title, refusal is null, refusal?.Message, side, node, lastDay, topicId);

    /// <summary>The round's rows the checks need, each read once and only when needed.</summary>
    private sealed class Facts(BargainingDbContext db, Round round, CancellationToken ct)
    {
        private IReadOnlyList<Topic>? _topics;
        private IReadOnlyList<Meeting>? _meetings;
        private Organisation? _unit;

        public async Task<IReadOnlyList<Topic>> TopicsAsync() =>
            _topics ??= await db.Topics.AsNoTracking().Include(t => t.Positions).Where(t => t.RoundId == round.Id).OrderBy(t => t.Id).ToListAsync(ct);

        public async Task<IReadOnlyList<Meeting>> MeetingsAsync() =>
            _meetings ??= await db.Meetings.AsNoTracking().Where(m => m.RoundId == round.Id).OrderBy(m => m.Number).ToListAsync(ct);

        public async Task<SpecificTerms?> SpecificTermsAsync() =>
            await db.SpecificTerms.AsNoTracking().FirstOrDefaultAsync(t => t.RoundId == round.Id, ct);

        public async Task<Organisation> UnitAsync() =>
            _unit ??= await db.Enterprises.Where(e => e.Id == round.EnterpriseId).Join(db.Organisations, e => e.OrganisationId, o => o.Id, (_, o) => o).AsNoTracking().SingleAsync(ct);
    }
}
