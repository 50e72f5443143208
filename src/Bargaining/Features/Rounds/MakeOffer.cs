using System.Globalization;
using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds;

/// <summary>
/// A topic as the offer or the response puts it: an Art 8 code (or <c>custom</c> with a title) and the proposed
/// clause with an optional number, such as a wage rise of 6 %. A title under an Art 8 code names a narrower item.
/// </summary>
public sealed record TopicProposal(string Code, string Clause, decimal? Number = null, string? Unit = null, string? Title = null)
{
    /// <summary>The term.</summary>
    public Term Term => new(Clause, Number, Unit);
}

/// <summary>
/// Makes the offer (要约, Art 32): the offering side sends its offer letter with the topics it proposes; the other side
/// must answer within the period counted from <see cref="ReceivedOn"/>, the day it received the letter. A renewal's
/// offer (续签, Art 38) is possible only in the window and starts from the current contract's clauses: a topic given
/// here replaces the clause of the same topic, the others are carried over as they are. The letter may propose the
/// first meeting's time (local) and place; the offer letter prints them.
/// </summary>
public sealed record MakeOfferCommand(Guid RoundId, IReadOnlyList<TopicProposal> Topics, DateOnly ReceivedOn, int? RepresentativesPerSide = null,
    DateTime? FirstMeetingAt = null, string? FirstMeetingPlace = null)
    : IRequest<Unit>, IAuthorisedRequest
{
    /// <inheritdoc />
    public async Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct)
    {
        var side = await db.Rounds.Where(r => r.Id == RoundId).Select(r => (Side?)r.OfferingSide).FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("该轮协商");
        await RoundAccess.AuthoriseSideAsync(user, db, RoundId, side, ct);
    }
}

/// <summary>Checks the request; the topics are checked by the same validator wherever topics are proposed.</summary>
public sealed class MakeOfferValidator : AbstractValidator<MakeOfferCommand>
{
    /// <summary>An offer proposes at least one topic; a renewal's may leave them to the current contract.</summary>
    public const string NoTopics = "要约书至少应提出一项协商议题（《集体合同规定》第八条）";

    /// <summary>Creates the rules.</summary>
    public MakeOfferValidator()
    {
        RuleFor(c => c.Topics).NotNull().WithMessage(NoTopics);
        RuleForEach(c => c.Topics).SetValidator(new TopicProposalValidator());
        RuleFor(c => c.Topics).Must(Topics.AreDistinct).WithMessage("同一议题不能重复提出");
        RuleFor(c => c.ReceivedOn).NotEmpty().WithMessage("请填写对方收到要约书的日期");
        RuleFor(c => c.FirstMeetingPlace).NotEmpty().When(c => c.FirstMeetingAt is not null).WithMessage("建议了首次协商会议的时间，请同时填写地点");
        RuleFor(c => c.FirstMeetingAt).NotNull().When(c => !string.IsNullOrWhiteSpace(c.FirstMeetingPlace)).WithMessage("建议了首次协商会议的地点，请同时填写时间");
        RuleFor(c => c.FirstMeetingAt).Must((c, at) => at is null || DateOnly.FromDateTime(at.Value) > c.ReceivedOn)
            .WithMessage("建议的首次协商会议时间应在对方收到要约书之后");
    }
}

/// <summary>One proposed topic: a known code, a clause, and a unit with every number.</summary>
public sealed class TopicProposalValidator : AbstractValidator<TopicProposal>
{
    /// <summary>Creates the rules.</summary>
    public TopicProposalValidator()
    {
        RuleFor(t => t.Code).Must(TopicCatalog.IsKnown).WithMessage(t => $"议题代码“{t.Code}”不在《集体合同规定》第八条所列范围内，请选择“custom”并填写名称");
        RuleFor(t => t.Title).NotEmpty().When(t => t.Code == TopicCatalog.Custom).WithMessage("自定义议题必须填写名称");
        RuleFor(t => t.Clause).NotEmpty().WithMessage("请填写议题的条款内容");
        RuleFor(t => t.Unit).NotEmpty().When(t => t.Number is not null).WithMessage("填写数值时必须注明单位（如 %、元/月）");
    }
}

/// <summary>Raising topics, shared by the offer, the response and proposals at the table.</summary>
public static class Topics
{
    /// <summary>True when no topic is raised twice.</summary>
    public static bool AreDistinct(IReadOnlyList<TopicProposal>? topics) =>
        topics is null || topics.Select(t => (t.Code, Topic.TitleOf(t.Code, t.Title))).Distinct().Count() == topics.Count;

    /// <summary>
    /// Raises <paramref name="proposals"/> for <paramref name="side"/>: refuses a topic the round already has and a
    /// wage below the local minimum (LCL Art 55).
    /// </summary>
    public static async Task<IReadOnlyList<Topic>> RaiseAsync(BargainingDbContext db, RoundWorkflow workflow, Round round, Side side, IEnumerable<TopicProposal> proposals, CurrentUser user, CancellationToken ct)
    {
        var existing = await db.Topics.Where(t => t.RoundId == round.Id).Select(t => new { t.Code, t.Title }).ToListAsync(ct);
        var raised = new List<Topic>();
        foreach (var proposal in proposals)
        {
            EnsureAboveFloor(workflow, round, proposal.Code, proposal.Term);
            var topic = new Topic(round.Id, proposal.Code, proposal.Title, side, proposal.Term, workflow.Now, RoundWorkflow.Actor(user));
            if (existing.Any(e => e.Code == topic.Code && e.Title == topic.Title))
                throw DomainException.Conflict("topic.exists", $"议题“{topic.Title}”已经提出，请在该议题下提出新的意见");
            db.Topics.Add(topic);
            raised.Add(topic);
        }
        return raised;
    }

    /// <summary>Refuses a pay term below the jurisdiction's minimum wage (《劳动合同法》第五十五条).</summary>
    public static void EnsureAboveFloor(RoundWorkflow workflow, Round round, string code, Term term)
    {
        if (workflow.Profile(round).MinimumWage?.Problem(code, term) is { } problem) throw DomainException.Rule("wage.below-minimum", problem);
    }

    /// <summary>The topics as the workflow journals them: codes and titles.</summary>
    public static JsonArray ForJournal(IEnumerable<Topic> topics) => [.. topics.Select(t => (JsonNode)new JsonObject { ["code"] = t.Code, ["title"] = t.Title })];

    /// <summary>yyyy-MM-dd, as the definitions read dates.</summary>
    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Handles <see cref="MakeOfferCommand"/>: the offer and its topics, and the <c>send-offer</c> signal.</summary>
public sealed class MakeOfferHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<MakeOfferCommand, Unit>
{
    /// <inheritdoc />
    public async Task<Unit> Handle(MakeOfferCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        var proposals = round.RenewsRoundId is { } current
            ? await RenewalProposalsAsync(round, current, request.Topics, cancellationToken)
            : request.Topics;
        if (proposals.Count == 0) throw new DomainException(FailureKind.Validation, "offer.topics", MakeOfferValidator.NoTopics);
        if (request.FirstMeetingAt is { } at) round.ProposeFirstMeeting(at, request.FirstMeetingPlace!);
        await Offers.SendAsync(db, workflow, round, proposals, request.ReceivedOn, request.RepresentativesPerSide, users.Caller(), cancellationToken);
        return Unit.Value;
    }

    /// <summary>
    /// A renewal's topics: refused before the window opens (Art 38); otherwise the current contract's clauses of its
    /// last draft, with <paramref name="given"/> replacing those of the same topic.
    /// </summary>
    private async Task<IReadOnlyList<TopicProposal>> RenewalProposalsAsync(Round round, Guid current, IReadOnlyList<TopicProposal> given, CancellationToken ct)
    {
        if ((await workflow.StepsAsync(round, ct)).FirstOrDefault(s => s.Node == "awaiting-window") is { } waiting)
        {
            var opens = waiting.LastDay ?? workflow.Profile(round).Time.LocalDate(waiting.Due!.Value);
            throw DomainException.Rule("renewal.window",
                $"续订期自{opens:yyyy年M月d日}开始（现行合同{round.CurrentExpiresOn:yyyy年M月d日}期满前3个月内，《集体合同规定》第三十八条），此前不能发出续订要约书");
        }
        var draft = await db.Rounds.Where(r => r.Id == current).Select(r => r.Draft).FirstAsync(ct);
        var clauses = await db.DraftClauses.Where(c => c.RoundId == current && c.Draft == draft).OrderBy(c => c.Sequence)
            .Join(db.Topics, c => c.TopicId, t => t.Id, (c, t) => new { t.Code, c.Title, c.Clause, c.Number, c.Unit })
            .ToListAsync(ct);
        var replaced = given.Select(t => (t.Code, Topic.TitleOf(t.Code, t.Title))).ToHashSet();
        return
        [
            .. clauses.Where(c => !replaced.Contains((c.Code, c.Title))).Select(c => new TopicProposal(c.Code, c.Clause, c.Number, c.Unit, c.Title)),
            .. given,
        ];
    }
}

/// <summary>Sending an offer, shared by <see cref="MakeOfferCommand"/> and a county's campaign launch.</summary>
public static class Offers
{
    /// <summary>
    /// Records the offer with its topics and sends <c>send-offer</c>. The offer counts as 集中要约 when today falls in
    /// the window of a campaign the enterprise's unit takes part in, as 分散要约 otherwise.
    /// </summary>
    public static async Task SendAsync(BargainingDbContext db, RoundWorkflow workflow, Round round, IReadOnlyList<TopicProposal> proposals, DateOnly receivedOn, int? representativesPerSide, CurrentUser user, CancellationToken ct)
    {
        var today = workflow.Today(round);
        var organisationId = await db.Enterprises.Where(e => e.Id == round.EnterpriseId).Select(e => e.OrganisationId).SingleAsync(ct);
        var campaignId = await db.Campaigns
            .Where(c => c.StartsOn <= today && today <= c.EndsOn && c.Units.Any(u => u.OrganisationId == organisationId))
            .OrderBy(c => c.StartsOn).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        round.MakeOffer(workflow.Now, today, receivedOn, representativesPerSide, campaignId);
        var topics = await Topics.RaiseAsync(db, workflow, round, round.OfferingSide, proposals, user, ct);
        var snapshot = await workflow.SignalAsync(round, "send-offer", round.OfferingSide, user, "发出要约书", new JsonObject
        {
            ["offerReceivedOn"] = Topics.Date(receivedOn),
            ["topics"] = Topics.ForJournal(topics),
        }, ct);
        // The last day to reply, as the workflow counted it (Art 32; 《民法典》 Art 201–203): the offer letter prints it.
        if (snapshot.Steps.FirstOrDefault(s => s.Node.EndsWith("-reply", StringComparison.Ordinal))?.LastDay is { } replyBy) round.ReplyDue(replyBy);
    }
}
