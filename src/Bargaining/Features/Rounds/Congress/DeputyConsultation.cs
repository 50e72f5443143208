using Bargaining.Domain;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Congress;

// What a deputy does through their personal link, without signing in: the link's secret is the authority, so these
// requests are not IAuthorisedRequests; a wrong or replaced secret is "not found" (404), never "forbidden".

/// <summary>A bargaining meeting's minutes as the deputies read them.</summary>
public sealed record MinutesView(int Number, DateOnly Date, string Place, string Minutes);

/// <summary>One move on a topic, as the deputies read the history.</summary>
public sealed record MoveView(string Side, string Kind, string Clause);

/// <summary>A topic's history.</summary>
public sealed record TopicHistoryView(string Title, IReadOnlyList<MoveView> Moves);

/// <summary>The draft as one deputy sees it, with their own comments and the chair's answers.</summary>
public sealed record DeputyConsultationView(string Deputy, string Constituency, string Enterprise, string ContractTitle, int Draft, DateOnly OpensOn, DateOnly ClosesOn,
    bool IsOpen, string? Closed, IReadOnlyList<ArticleView> Articles, IReadOnlyList<MinutesView>? Minutes, IReadOnlyList<TopicHistoryView>? History);

/// <summary>A deputy opens their link: the draft article by article; the first opening is recorded as reading it.</summary>
public sealed record OpenConsultationCommand(string Token) : IRequest<DeputyConsultationView>;

/// <summary>A deputy comments on article <see cref="Sequence"/> of the draft, while the consultation is open.</summary>
public sealed record CommentOnDraftCommand(string Token, int Sequence, string? Text) : IRequest<Unit>;

/// <summary>Checks the comment.</summary>
public sealed class CommentOnDraftValidator : AbstractValidator<CommentOnDraftCommand>
{
    public CommentOnDraftValidator()
    {
        RuleFor(c => c.Text).NotEmpty().WithMessage("请填写您的意见或建议")
            .MaximumLength(TextLimits.Paragraph).WithMessage($"意见不能超过{TextLimits.Paragraph}个字");
        RuleFor(c => c.Sequence).GreaterThan(0).WithMessage("请选择对哪一条提出意见");
        RuleFor(c => c.Token).MaximumLength(DeputyLinks.MaxTokenLength).WithMessage("链接无效");
    }
}

/// <summary>Checks the link's secret is no longer than any the product makes.</summary>
public sealed class OpenConsultationValidator : AbstractValidator<OpenConsultationCommand>
{
    public OpenConsultationValidator() => RuleFor(c => c.Token).MaximumLength(DeputyLinks.MaxTokenLength).WithMessage("链接无效");
}

/// <summary>The deputies' personal links.</summary>
public static class DeputyLinks
{
    /// <summary>Longer than any secret the product makes (43 characters), so a longer one is refused unread.</summary>
    public const int MaxTokenLength = 100;
}

/// <summary>Handles the deputy's requests.</summary>
public sealed class DeputyConsultationHandler(BargainingDbContext db, RoundWorkflow workflow) :
    IRequestHandler<OpenConsultationCommand, DeputyConsultationView>, IRequestHandler<CommentOnDraftCommand, Unit>
{
    public async Task<DeputyConsultationView> Handle(OpenConsultationCommand request, CancellationToken cancellationToken)
    {
        var (invitation, consultation, round) = await InvitationAsync(request.Token, cancellationToken);
        invitation.Open(workflow.Now);
        var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.Id == round.EnterpriseId).Select(e => e.Name).SingleAsync(cancellationToken);
        var mine = await ConsultationReading.CommentsAsync(db, consultation.Id, [invitation], cancellationToken);
        var clauses = await ConsultationReading.ClausesAsync(db, consultation, cancellationToken);
        var closed = await CannotCommentAsync(round, consultation, cancellationToken);
        return new DeputyConsultationView(invitation.Name, invitation.Constituency, enterprise, $"{enterprise}{round.Kind.Chinese()}（草案）", consultation.Draft,
            consultation.OpensOn, consultation.ClosesOn, closed is null, closed?.Message,
            clauses.Select(c => new ArticleView(c.Sequence, c.Title, c.Clause, mine.Where(m => m.Sequence == c.Sequence).Select(m => m.View).ToList())).ToList(),
            consultation.IncludesMinutes ? await MinutesAsync(round.Id, cancellationToken) : null,
            consultation.IncludesHistory ? await HistoryAsync(round.Id, cancellationToken) : null);
    }

    public async Task<Unit> Handle(CommentOnDraftCommand request, CancellationToken cancellationToken)
    {
        var (invitation, consultation, round) = await InvitationAsync(request.Token, cancellationToken);
        if (await CannotCommentAsync(round, consultation, cancellationToken) is { } refusal) throw refusal;
        if (!await db.DraftClauses.AnyAsync(c => c.RoundId == round.Id && c.Draft == consultation.Draft && c.Sequence == request.Sequence, cancellationToken))
            throw DomainException.NotFound($"合同草案第{request.Sequence}条");
        invitation.Open(workflow.Now);
        db.ConsultationComments.Add(new ConsultationComment(invitation, request.Sequence, request.Text!, workflow.Now));
        return Unit.Value;
    }

    private async Task<(ConsultationInvitation, Consultation, Round)> InvitationAsync(string token, CancellationToken ct)
    {
        var hash = DeputyTokens.Hash(token ?? "");
        var invitation = await db.ConsultationInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct) ?? throw DomainException.NotFound("该征求意见链接");
        var consultation = await db.Consultations.AsNoTracking().SingleAsync(c => c.Id == invitation.ConsultationId, ct);
        return (invitation, consultation, await db.RoundAsync(consultation.RoundId, ct));
    }

    // Comments are taken while the period runs and the draft is still before the congress: not after its vote, nor
    // once a new draft has replaced the one published.
    private async Task<DomainException?> CannotCommentAsync(Round round, Consultation consultation, CancellationToken ct)
    {
        if (consultation.CannotComment(workflow.Today(round)) is { } outside) return outside;
        if (round.Table.Draft != consultation.Draft || !(await workflow.StepsAsync(round, ct)).Any(s => s.Node == Nodes.Congress))
            return DomainException.Rule("consultation.voted", "职工代表大会已对本稿草案进行表决（或草案已修改），征求意见已结束");
        return null;
    }

    private async Task<IReadOnlyList<MinutesView>> MinutesAsync(Guid roundId, CancellationToken ct) =>
        (await db.Meetings.AsNoTracking().Where(m => m.RoundId == roundId && m.SupersededAt == null && m.Minutes != null).OrderBy(m => m.Number).ToListAsync(ct))
            .Select(m => new MinutesView(m.Number, m.Date, m.Place, m.Minutes!)).ToList();

    private async Task<IReadOnlyList<TopicHistoryView>> HistoryAsync(Guid roundId, CancellationToken ct) =>
        (await db.Topics.AsNoTracking().Include(t => t.Positions).Where(t => t.RoundId == roundId).ToListAsync(ct))
            .OrderBy(t => t.Id)
            .Select(t => new TopicHistoryView(t.Title, t.Positions.OrderBy(p => p.Sequence).Select(p => new MoveView(p.Side.Chinese(), Move(p.Kind), p.Clause)).ToList()))
            .ToList();

    private static string Move(PositionKind kind) => kind switch
    {
        PositionKind.Proposal => "提议",
        PositionKind.Counterproposal => "反提议",
        PositionKind.Agreement => "达成一致",
        PositionKind.Withdrawal => "撤回",
        _ => "重新协商",
    };
}
