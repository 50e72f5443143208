using System.Globalization;
using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Features.Rounds.Change;
using Bargaining.Infrastructure;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Offer;

/// <summary>
/// Makes the offer (要约, Art 32): the offering side sends its offer letter with the topics it proposes; the other side
/// must answer within the period counted from <see cref="ReceivedOn"/>, the day it received the letter. A renewal's
/// offer (续签, Art 38) is possible only in the window and starts from the current contract's clauses: a topic given
/// here replaces the clause of the same topic, the others are carried over as they are; a change's offer (变更, Art 41)
/// starts likewise from the articles concerned and may raise no other topic. The letter may propose the first
/// meeting's time (local) and place; the offer letter prints them. An employer's offer names its legal
/// representative (<see cref="EmployerLegalRepresentative"/>), who heads its side until representatives are named (Art 21).
/// </summary>
public sealed record MakeOfferCommand(Guid RoundId, IReadOnlyList<TopicProposal> Topics, DateOnly ReceivedOn, int? RepresentativesPerSide = null,
    DateTime? FirstMeetingAt = null, string? FirstMeetingPlace = null, string? EmployerLegalRepresentative = null)
    : IRequest<Unit>, IAuthorisedRequest
{
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

    public MakeOfferValidator()
    {
        RuleFor(c => c.Topics).NotNull().WithMessage(NoTopics);
        RuleForEach(c => c.Topics).SetValidator(new TopicProposalValidator());
        RuleFor(c => c.Topics).Must(Topics.AreDistinct).WithMessage("同一议题不能重复提出");
        RuleFor(c => c.ReceivedOn).NotEmpty().WithMessage("请填写对方收到要约书的日期");
        RuleFor(c => c.FirstMeetingPlace).NotEmpty().When(c => c.FirstMeetingAt is not null).WithMessage("建议了首次协商会议的时间，请同时填写地点").Within(TextLimits.Line, "会议地点");
        RuleFor(c => c.FirstMeetingAt).NotNull().When(c => !string.IsNullOrWhiteSpace(c.FirstMeetingPlace)).WithMessage("建议了首次协商会议的地点，请同时填写时间");
        RuleFor(c => c.FirstMeetingAt).Must((c, at) => at is null || DateOnly.FromDateTime(at.Value) > c.ReceivedOn)
            .WithMessage("建议的首次协商会议时间应在对方收到要约书之后");
        RuleFor(c => c.EmployerLegalRepresentative).MaximumLength(50).WithMessage("法定代表人姓名不超过50字");
    }
}

/// <summary>Handles <see cref="MakeOfferCommand"/>: the offer and its topics, and the <c>send-offer</c> signal.</summary>
public sealed class MakeOfferHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<MakeOfferCommand, Unit>
{
    public async Task<Unit> Handle(MakeOfferCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        var proposals = round.Renewal.RenewsRoundId is { } current
            ? await RenewalProposalsAsync(round, current, request.Topics, cancellationToken)
            : round.Change.AmendsRoundId is not null
                ? CarriedOver(await ContractVersions.ConcernedAsync(db, round, cancellationToken), request.Topics)
                : request.Topics;
        if (proposals.Count == 0) throw new DomainException(FailureKind.Validation, "offer.topics", MakeOfferValidator.NoTopics);
        if (request.FirstMeetingAt is { } at) round.Offer.ProposeFirstMeeting(at, request.FirstMeetingPlace!);
        Offers.NameEmployerHead(round, round.OfferingSide, request.EmployerLegalRepresentative);
        await Offers.SendAsync(db, workflow, round, proposals, request.ReceivedOn, request.RepresentativesPerSide, users.Caller(), cancellationToken);
        return Unit.Value;
    }

    /// <summary>
    /// A renewal's topics: refused before the window opens (Art 38); otherwise the current contract's clauses of its
    /// last draft, with <paramref name="given"/> replacing those of the same topic.
    /// </summary>
    private async Task<IReadOnlyList<TopicProposal>> RenewalProposalsAsync(Round round, Guid current, IReadOnlyList<TopicProposal> given, CancellationToken ct)
    {
        if (RoundPreconditions.RenewalOffer(round, await workflow.StepsAsync(round, ct), workflow.Profile(round)) is { } refusal) throw refusal;
        var draft = await db.Rounds.Where(r => r.Id == current).Select(r => r.Table.Draft).FirstAsync(ct);
        var clauses = await db.DraftClauses.Where(c => c.RoundId == current && c.Draft == draft).OrderBy(c => c.Sequence)
            .Join(db.Topics, c => c.TopicId, t => t.Id, (c, t) => new { t.Code, c.Title, c.Clause, c.Number, c.Unit })
            .ToListAsync(ct);
        return CarriedOver(clauses.Select(c => new TopicProposal(c.Code, c.Clause, c.Number, c.Unit, c.Title)).ToList(), given);
    }

    /// <summary>A change's topics (Art 41): the articles concerned as they stand, with <paramref name="given"/> replacing those of the same topic.</summary>
    private static IReadOnlyList<TopicProposal> CarriedOver(IReadOnlyList<VersionClause> concerned, IReadOnlyList<TopicProposal> given) =>
        CarriedOver([.. concerned.Select(c => c.Proposal)], given);

    /// <summary><paramref name="current"/>, each replaced by the topic of <paramref name="given"/> of the same code and title, then the rest of <paramref name="given"/>.</summary>
    private static IReadOnlyList<TopicProposal> CarriedOver(IReadOnlyList<TopicProposal> current, IReadOnlyList<TopicProposal> given)
    {
        var replaced = given.Select(t => (t.Code, Topic.TitleOf(t.Code, t.Title))).ToHashSet();
        return [.. current.Where(c => !replaced.Contains((c.Code, Topic.TitleOf(c.Code, c.Title)))), .. given];
    }
}
