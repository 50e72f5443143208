using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Offer;

/// <summary>
/// The other side's written response (回应) to the offer: agreement, possibly with topics of its own, or a refusal,
/// which needs a justified reason (正当理由, Art 32). A late response still counts once the period has lapsed; the
/// workflow has already moved to the overdue step the county union chases. An employer's response names its legal
/// representative (<see cref="EmployerLegalRepresentative"/>), who heads its side until representatives are named (Art 21).
/// </summary>
public sealed record ReplyToOfferCommand(Guid RoundId, bool Accept, string? Reason = null, IReadOnlyList<TopicProposal>? AddedTopics = null,
    string? EmployerLegalRepresentative = null)
    : IRequest<Unit>, IAuthorisedRequest
{
    public async Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct)
    {
        var offering = (await db.RoundAsync(RoundId, ct)).OfferingSide;
        await RoundAccess.AuthoriseSideAsync(user, db, RoundId, offering.Other(), ct);
    }
}

public sealed class ReplyToOfferValidator : AbstractValidator<ReplyToOfferCommand>
{
    public ReplyToOfferValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().When(c => !c.Accept).WithMessage("拒绝协商必须说明正当理由（《集体合同规定》第三十二条）").Within(TextLimits.Paragraph, "拒绝理由");
        RuleFor(c => c.AddedTopics).Empty().When(c => !c.Accept).WithMessage("拒绝协商时不能增加议题");
        RuleForEach(c => c.AddedTopics).SetValidator(new TopicProposalValidator());
        RuleFor(c => c.AddedTopics).Must(Topics.AreDistinct).WithMessage("同一议题不能重复提出");
        RuleFor(c => c.EmployerLegalRepresentative).MaximumLength(50).WithMessage("法定代表人姓名不超过50字");
    }
}

/// <summary>Handles <see cref="ReplyToOfferCommand"/>: the response, any added topics, and <c>accept</c> or <c>refuse</c>.</summary>
public sealed class ReplyToOfferHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<ReplyToOfferCommand, Unit>
{
    public async Task<Unit> Handle(ReplyToOfferCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        var user = users.Caller();
        round.Respond(workflow.Now, request.Accept, request.Reason);
        Offers.NameEmployerHead(round, round.RespondingSide, request.EmployerLegalRepresentative);
        var added = await Topics.RaiseAsync(db, workflow, round, round.RespondingSide, request.AddedTopics ?? [], user, cancellationToken);
        var payload = request.Accept
            ? new JsonObject { ["addedTopics"] = Topics.ForJournal(added) }
            : new JsonObject { ["reason"] = round.Response.RefusalReason };
        await workflow.SignalAsync(round, request.Accept ? Signals.Accept : Signals.Refuse, round.RespondingSide, user,
            request.Accept ? "同意协商" : "拒绝协商", payload, cancellationToken);
        return Unit.Value;
    }
}
