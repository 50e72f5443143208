using System.Security.Cryptography;
using System.Text;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Congress;

// 筹备在线上，表决在线下 (Funing county): before the congress meets in person to vote (Art 36), the union chair puts the
// draft before every deputy on the roster for a period; each deputy reads it through a personal link and comments on
// its articles; the chair answers each comment (采纳 or 解释说明) and the deputies see the answers.

/// <summary>A deputy's personal link: the secret <see cref="Token"/> is given once; only its SHA-256 is kept.</summary>
public sealed record DeputyLink(Guid InvitationId, string Name, string Constituency, string? Contact, string Token);

/// <summary>How many deputies were invited, read the draft and commented; how many comments, and how they were handled.</summary>
public sealed record ConsultationFigures(int Invited, int Read, int Commented, int Comments, int Adopted, int Explained)
{
    /// <summary>Comments not answered yet.</summary>
    public int Unanswered => Comments - Adopted - Explained;
}

/// <summary>
/// The chair publishes the round's current draft to every deputy on the roster, open for comments from
/// <see cref="OpensOn"/> to <see cref="ClosesOn"/> (days in China), optionally with the meetings' minutes and the
/// topics' proposals and counterproposals. Only while the draft is before the congress (agreed, not yet voted on).
/// The links' secrets are in the answer only, never stored (not even with an idempotency key); a repeat is refused.
/// </summary>
public sealed record PublishConsultationCommand(Guid RoundId, DateOnly OpensOn, DateOnly ClosesOn, bool IncludeMinutes = false, bool IncludeHistory = false)
    : IRequest<IReadOnlyList<DeputyLink>>, IAuthorisedRequest, IAnswersSecrets
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side.Worker, ct);
}

/// <summary>A new personal link for one invited deputy (lost, or sent to the wrong person): the old link stops working.</summary>
public sealed record ReissueDeputyLinkCommand(Guid RoundId, Guid InvitationId) : IRequest<DeputyLink>, IAuthorisedRequest, IAnswersSecrets
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side.Worker, ct);
}

/// <summary>
/// Invites the deputies added to the roster since the draft was published (a deputy elected or replaced meanwhile):
/// each gets a personal link to the same draft, while the consultation is open. The secrets are in the answer only.
/// </summary>
public sealed record InviteNewDeputiesCommand(Guid RoundId) : IRequest<IReadOnlyList<DeputyLink>>, IAuthorisedRequest, IAnswersSecrets
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side.Worker, ct);
}

/// <summary>The chair answers a deputy's comment: adopted (采纳) or explained (解释说明), with the text the deputy will read.</summary>
public sealed record AnswerCommentCommand(Guid RoundId, Guid CommentId, CommentHandling? Handling, string? Answer) : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side.Worker, ct);
}

/// <summary>Checks the period.</summary>
public sealed class PublishConsultationValidator : AbstractValidator<PublishConsultationCommand>
{
    public PublishConsultationValidator()
    {
        RuleFor(c => c.RoundId).NotEmpty().WithMessage("请选择协商轮次");
        RuleFor(c => c.OpensOn).NotEqual(default(DateOnly)).WithMessage("请填写征求意见的开始日期");
        RuleFor(c => c.ClosesOn).NotEqual(default(DateOnly)).WithMessage("请填写征求意见的截止日期");
    }
}

/// <summary>Checks the round.</summary>
public sealed class InviteNewDeputiesValidator : AbstractValidator<InviteNewDeputiesCommand>
{
    public InviteNewDeputiesValidator() => RuleFor(c => c.RoundId).NotEmpty().WithMessage("请选择协商轮次");
}

/// <summary>Checks the answer.</summary>
public sealed class AnswerCommentValidator : AbstractValidator<AnswerCommentCommand>
{
    public AnswerCommentValidator()
    {
        RuleFor(c => c.Handling).NotNull().WithMessage("请选择处理方式：采纳或解释说明");
        RuleFor(c => c.Answer).NotEmpty().WithMessage("请填写答复内容，代表将看到这段答复")
            .MaximumLength(TextLimits.Paragraph).WithMessage($"答复不能超过{TextLimits.Paragraph}个字");
    }
}

/// <summary>The secrets of deputies' links: random, and kept only as their SHA-256 (as the deadline feed's).</summary>
public static class DeputyTokens
{
    /// <summary>A new secret.</summary>
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>What is stored of <paramref name="token"/>.</summary>
    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>Handles the chair's consultation commands.</summary>
public sealed class ConsultationCommandsHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) :
    IRequestHandler<PublishConsultationCommand, IReadOnlyList<DeputyLink>>, IRequestHandler<ReissueDeputyLinkCommand, DeputyLink>, IRequestHandler<AnswerCommentCommand, Unit>,
    IRequestHandler<InviteNewDeputiesCommand, IReadOnlyList<DeputyLink>>
{
    public async Task<IReadOnlyList<DeputyLink>> Handle(PublishConsultationCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        await workflow.EnsureAtAsync(round, "向职工代表公布合同草案（须在双方首席代表签署草案之后、职工代表大会表决之前）", cancellationToken, Nodes.Congress);
        var draft = round.Table.Draft;
        if (await db.Consultations.AnyAsync(c => c.RoundId == round.Id && c.Draft == draft, cancellationToken))
            throw DomainException.Conflict("consultation.published", $"第{draft}稿合同草案已向职工代表公布，不能重复公布");
        var deputies = await db.Deputies.Where(d => d.EnterpriseId == round.EnterpriseId).ToListAsync(cancellationToken);
        if (deputies.Count == 0)
            throw DomainException.Rule("consultation.no-deputies", "职工代表名册是空的：请先在“职工代表名册”中添加或导入职工代表，再公布草案");

        var consultation = new Consultation(round.Id, draft, request.OpensOn, request.ClosesOn, workflow.Today(round), request.IncludeMinutes, request.IncludeHistory,
            RoundWorkflow.Actor(users.Caller()), workflow.Now);
        db.Consultations.Add(consultation);
        return Invite(consultation, deputies);
    }

    public async Task<IReadOnlyList<DeputyLink>> Handle(InviteNewDeputiesCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        await workflow.EnsureAtAsync(round, "邀请新增的职工代表（须在职工代表大会表决之前）", cancellationToken, Nodes.Congress);
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.RoundId == round.Id && c.Draft == round.Table.Draft, cancellationToken)
            ?? throw DomainException.Conflict("consultation.not-published", $"第{round.Table.Draft}稿合同草案尚未向职工代表公布，请先公布草案");
        if (workflow.Today(round) > consultation.ClosesOn)
            throw DomainException.Conflict("consultation.closed", $"征求意见已于{consultation.ClosesOn:yyyy年M月d日}截止，不能再邀请代表");
        var deputies = await db.Deputies.Where(d => d.EnterpriseId == round.EnterpriseId
            && !db.ConsultationInvitations.Any(i => i.ConsultationId == consultation.Id && i.DeputyId == d.Id)).ToListAsync(cancellationToken);
        if (deputies.Count == 0)
            throw DomainException.Conflict("consultation.all-invited", "名册中的职工代表都已收到个人链接；新当选的代表请先加入“职工代表名册”");
        return Invite(consultation, deputies);
    }

    // A personal link for each deputy, in the roster's order; only the secrets' hashes are kept.
    private List<DeputyLink> Invite(Consultation consultation, IEnumerable<Deputy> deputies)
    {
        var links = new List<DeputyLink>();
        foreach (var deputy in deputies.OrderBy(d => d.Constituency, StringComparer.Ordinal).ThenBy(d => d.Name, StringComparer.Ordinal))
        {
            var token = DeputyTokens.New();
            var invitation = new ConsultationInvitation(consultation.Id, deputy, DeputyTokens.Hash(token), workflow.Now);
            db.ConsultationInvitations.Add(invitation);
            links.Add(new DeputyLink(invitation.Id, deputy.Name, deputy.Constituency, deputy.Contact, token));
        }
        return links;
    }

    public async Task<DeputyLink> Handle(ReissueDeputyLinkCommand request, CancellationToken cancellationToken)
    {
        var invitation = await db.ConsultationInvitations
            .Where(i => i.Id == request.InvitationId && db.Consultations.Any(c => c.Id == i.ConsultationId && c.RoundId == request.RoundId))
            .FirstOrDefaultAsync(cancellationToken) ?? throw DomainException.NotFound("该代表的征求意见链接");
        var token = DeputyTokens.New();
        invitation.Reissue(DeputyTokens.Hash(token));
        var contact = invitation.DeputyId is { } id ? await db.Deputies.Where(d => d.Id == id).Select(d => d.Contact).FirstOrDefaultAsync(cancellationToken) : null;
        return new DeputyLink(invitation.Id, invitation.Name, invitation.Constituency, contact, token);
    }

    public async Task<Unit> Handle(AnswerCommentCommand request, CancellationToken cancellationToken)
    {
        var comment = await db.ConsultationComments
            .Where(c => c.Id == request.CommentId && db.Consultations.Any(x => x.Id == c.ConsultationId && x.RoundId == request.RoundId))
            .FirstOrDefaultAsync(cancellationToken) ?? throw DomainException.NotFound("该条意见");
        comment.Reply(request.Handling!.Value, request.Answer!, workflow.Now);
        return Unit.Value;
    }
}

/// <summary>A comment as the chair and the deputy see it.</summary>
public sealed record CommentView(Guid Id, string Deputy, string Constituency, string Text, DateTimeOffset At, CommentHandling? Handling, string? Answer);

/// <summary>One article of the draft with its comments.</summary>
public sealed record ArticleView(int Sequence, string Title, string Clause, IReadOnlyList<CommentView> Comments);

/// <summary>An invited deputy: whether they read the draft and how many comments they left.</summary>
public sealed record InvitationView(Guid Id, string Name, string Constituency, DateTimeOffset? FirstOpenedAt, int Comments);

/// <summary>The consultation on the round's current draft as the chair sees it; <paramref name="Uninvited"/> deputies on the roster have no link yet.</summary>
public sealed record ConsultationView(Guid Id, int Draft, DateOnly OpensOn, DateOnly ClosesOn, bool IsOpen, bool IncludesMinutes, bool IncludesHistory,
    ConsultationFigures Figures, IReadOnlyList<ArticleView> Articles, IReadOnlyList<InvitationView> Deputies, int Uninvited);

/// <summary>The consultation on the round's current draft, with comments grouped by article; null when it was not published.</summary>
public sealed record ConsultationQuery(Guid RoundId) : IQuery<ConsultationView?>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side.Worker, ct);
}

/// <summary>Handles <see cref="ConsultationQuery"/>.</summary>
public sealed class ConsultationQueryHandler(BargainingDbContext db, RoundWorkflow workflow) : IRequestHandler<ConsultationQuery, ConsultationView?>
{
    public async Task<ConsultationView?> Handle(ConsultationQuery request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.RoundId == round.Id && c.Draft == round.Table.Draft, cancellationToken);
        if (consultation is null) return null;
        var invitations = await db.ConsultationInvitations.AsNoTracking().Where(i => i.ConsultationId == consultation.Id).ToListAsync(cancellationToken);
        var comments = await ConsultationReading.CommentsAsync(db, consultation.Id, invitations, cancellationToken);
        var clauses = await ConsultationReading.ClausesAsync(db, consultation, cancellationToken);
        return new ConsultationView(consultation.Id, consultation.Draft, consultation.OpensOn, consultation.ClosesOn, consultation.IsOpen(workflow.Today(round)),
            consultation.IncludesMinutes, consultation.IncludesHistory, ConsultationReading.Figures(invitations, comments),
            clauses.Select(c => new ArticleView(c.Sequence, c.Title, c.Clause, comments.Where(m => m.Sequence == c.Sequence).Select(m => m.View).ToList())).ToList(),
            invitations.OrderBy(i => i.Constituency, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal)
                .Select(i => new InvitationView(i.Id, i.Name, i.Constituency, i.FirstOpenedAt, comments.Count(m => m.InvitationId == i.Id))).ToList(),
            await db.Deputies.CountAsync(d => d.EnterpriseId == round.EnterpriseId
                && !db.ConsultationInvitations.Any(i => i.ConsultationId == consultation.Id && i.DeputyId == d.Id), cancellationToken));
    }
}

/// <summary>What the chair's view, the deputy's page and the congress resolution read alike.</summary>
public static class ConsultationReading
{
    /// <summary>A comment with the invitation and article it belongs to.</summary>
    public sealed record Comment(Guid InvitationId, int Sequence, CommentView View);

    /// <summary>The comments of a consultation left through <paramref name="invitations"/> (all of its invitations, or one deputy's), oldest first.</summary>
    public static async Task<IReadOnlyList<Comment>> CommentsAsync(BargainingDbContext db, Guid consultationId, IReadOnlyList<ConsultationInvitation> invitations, CancellationToken ct)
    {
        var by = invitations.ToDictionary(i => i.Id);
        var comments = db.ConsultationComments.AsNoTracking().Where(c => c.ConsultationId == consultationId);
        if (invitations is [var one]) comments = comments.Where(c => c.InvitationId == one.Id);
        return (await comments.ToListAsync(ct)).Where(c => by.ContainsKey(c.InvitationId))
            .OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new Comment(c.InvitationId, c.Sequence, new CommentView(c.Id, by[c.InvitationId].Name, by[c.InvitationId].Constituency, c.Text, c.At, c.Handling, c.Answer)))
            .ToList();
    }

    /// <summary>The published draft's articles, in order.</summary>
    public static async Task<List<DraftClause>> ClausesAsync(BargainingDbContext db, Consultation consultation, CancellationToken ct) =>
        await db.DraftClauses.AsNoTracking().Where(c => c.RoundId == consultation.RoundId && c.Draft == consultation.Draft).OrderBy(c => c.Sequence).ToListAsync(ct);

    /// <summary>The figures the chair and the congress resolution show.</summary>
    public static ConsultationFigures Figures(IReadOnlyList<ConsultationInvitation> invitations, IReadOnlyList<Comment> comments) => new(
        invitations.Count, invitations.Count(i => i.FirstOpenedAt is not null), comments.Select(c => c.InvitationId).Distinct().Count(), comments.Count,
        comments.Count(c => c.View.Handling == CommentHandling.Adopted), comments.Count(c => c.View.Handling == CommentHandling.Explained));

    /// <summary>The figures of the consultation on <paramref name="draft"/> of a round, or null when there was none.</summary>
    public static async Task<(Consultation Consultation, ConsultationFigures Figures)?> FiguresAsync(BargainingDbContext db, Guid roundId, int draft, CancellationToken ct)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.RoundId == roundId && c.Draft == draft, ct);
        if (consultation is null) return null;
        var invitations = await db.ConsultationInvitations.AsNoTracking().Where(i => i.ConsultationId == consultation.Id).ToListAsync(ct);
        return (consultation, Figures(invitations, await CommentsAsync(db, consultation.Id, invitations, ct)));
    }
}
