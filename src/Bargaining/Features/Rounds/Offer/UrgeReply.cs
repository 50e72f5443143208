using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;

namespace Bargaining.Features.Rounds.Offer;

/// <summary>
/// The county union chases a reply that is overdue (督促书面回应): the 20 days of Art 32 have passed without a written
/// response. The urging is journaled with how it was made, so the county's chasing is on record; the round stays at
/// the overdue step until the other side answers or the offering side applies for coordination.
/// </summary>
public sealed record UrgeReplyCommand(Guid RoundId, string How) : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseCountyUnionAsync(user, db, RoundId, "督促回应", ct);
}

public sealed class UrgeReplyValidator : AbstractValidator<UrgeReplyCommand>
{
    public UrgeReplyValidator() => RuleFor(c => c.How).NotEmpty().WithMessage("请说明督促方式（如电话、书面通知、上门督办）").MaximumLength(500).WithMessage("督促方式不超过500字");
}

/// <summary>Handles <see cref="UrgeReplyCommand"/>: the <c>urge</c> signal of the overdue step, as the county union.</summary>
public sealed class UrgeReplyHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<UrgeReplyCommand, Unit>
{
    public async Task<Unit> Handle(UrgeReplyCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        await workflow.SignalAsRoleAsync(round, Signals.Urge, WorkflowRoles.CountyUnion, "县级工会", users.Caller(), "督促书面回应",
            new JsonObject { ["how"] = request.How.Trim() }, cancellationToken);
        return Unit.Value;
    }
}
