using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Implementation;

/// <summary>
/// Records a check of an obligation today (履约检查): met, partly met or not met, with a note (required unless met) and
/// optionally one attachment (a PDF, JPG or PNG of at most 2 MB, e.g. pay slips). A check that finds it unmet
/// publishes <see cref="ObligationFoundUnmet"/> in the same transaction. Returns the check's id.
/// </summary>
public sealed record RecordCheckCommand(Guid RoundId, Guid ObligationId, CheckOutcome? Outcome, string? Note,
    string? AttachmentName = null, string? AttachmentType = null, byte[]? Attachment = null) : IRequest<Guid>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => Implementation.AuthoriseCheckerAsync(user, db, RoundId, ct);
}

public sealed class RecordCheckValidator : AbstractValidator<RecordCheckCommand>
{
    public RecordCheckValidator()
    {
        RuleFor(c => c.ObligationId).NotEmpty().WithMessage("请指明检查的履约事项");
        RuleFor(c => c.Outcome).NotNull().WithMessage("请选择检查结论：已履行、部分履行或未履行").IsInEnum().WithMessage("请选择检查结论：已履行、部分履行或未履行");
        RuleFor(c => c.Note).NotEmpty().When(c => c.Outcome is CheckOutcome.NotMet or CheckOutcome.Partly).WithMessage("未履行或部分履行时，请在备注中写明情况");
        RuleFor(c => c.Note).Within(TextLimits.Paragraph, "备注");
        RuleFor(c => c.AttachmentName).Within(TextLimits.Line, "附件文件名");
        RuleFor(c => c.AttachmentType).Within(TextLimits.Line, "附件类型");
        RuleFor(c => c.Attachment).Must((c, _) => c.Attachment is null && c.AttachmentName is null || Attachments.Refusal(c.AttachmentName, c.AttachmentType, c.Attachment) is null)
            .WithMessage(c => Attachments.Refusal(c.AttachmentName, c.AttachmentType, c.Attachment)!.Message);
    }
}

/// <summary>
/// The one place an unmet obligation is announced (the county's notice): published, inside the check's transaction,
/// when a check finds an obligation not met or partly met. The county page lists the same contracts
/// (<see cref="UnmetContractsQuery"/>); an e-mail outbox handles this notification to write its message in the same
/// transaction.
/// </summary>
public sealed record ObligationFoundUnmet(Guid ObligationId, Guid RoundId, Guid OrganisationId, string Enterprise, string Obligation,
    CheckOutcome Outcome, string? Note, DateOnly CheckedOn, string CheckedBy) : INotification;

/// <summary>Handles <see cref="RecordCheckCommand"/>.</summary>
public sealed class RecordCheckHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users, IMediator mediator) : IRequestHandler<RecordCheckCommand, Guid>
{
    public async Task<Guid> Handle(RecordCheckCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        var obligation = await Implementation.ObligationAsync(db, round.Id, request.ObligationId, cancellationToken);
        await Implementation.EffectiveTermAsync(round, workflow, cancellationToken);
        var today = workflow.Today(round);
        var by = users.Caller().Name;
        var check = obligation.Check(request.Outcome!.Value, request.Note, today, workflow.Now, by);
        db.Add(check);
        if (request.Attachment is not null) db.Add(check.Attach(request.AttachmentName!, request.AttachmentType!, request.Attachment));
        if (obligation.Unmet)
        {
            var enterprise = await db.Enterprises.Where(e => e.Id == round.EnterpriseId).Select(e => e.Name).SingleAsync(cancellationToken);
            await mediator.Publish(new ObligationFoundUnmet(obligation.Id, round.Id, obligation.OrganisationId, enterprise, obligation.Title,
                check.Outcome, check.Note, today, by), cancellationToken);
        }
        return check.Id;
    }
}
