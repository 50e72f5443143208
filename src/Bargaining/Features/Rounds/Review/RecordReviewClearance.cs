using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;

namespace Bargaining.Features.Rounds.Review;

/// <summary>
/// The labour administration finds nothing to object to (审查无异议): the only thing the rest of the 15 days could
/// bring is an objection (Art 46), so the contract takes effect on the day of the clearance instead of waiting for
/// the period to lapse (Art 47).
/// </summary>
public sealed record RecordReviewClearanceCommand(Guid RoundId, string? Note = null) : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseReviewerAsync(user, db, RoundId, ct);
}

public sealed class RecordReviewClearanceValidator : AbstractValidator<RecordReviewClearanceCommand>
{
    public RecordReviewClearanceValidator() =>
        RuleFor(c => c.Note).MaximumLength(500).WithMessage("审查说明不能超过500字");
}

public sealed class RecordReviewClearanceHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<RecordReviewClearanceCommand, Unit>
{
    public async Task<Unit> Handle(RecordReviewClearanceCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        await workflow.EnsureAtAsync(round, "确认审查无异议", cancellationToken, Nodes.Review);
        var payload = string.IsNullOrWhiteSpace(request.Note) ? null : new JsonObject { ["note"] = request.Note.Trim() };
        await workflow.SignalAsRoleAsync(round, Signals.Clear, WorkflowRoles.Reviewer, "审查人员", users.Caller(), "确认审查无异议", payload, cancellationToken);
        return Unit.Value;
    }
}
