using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;

namespace Bargaining.Features.Rounds;

/// <summary>
/// After a refusal (Art 32) the offering side gives up instead of applying for coordination (不再要求协商，结案): the round
/// ends without a contract, with the reason journaled.
/// </summary>
public sealed record WithdrawOfferCommand(Guid RoundId, Side Side, string Reason) : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side, ct);
}

/// <summary>
/// The county union ends a simplified procedure whose reply it could not obtain (督办无果，转入普通程序): the round ends as
/// escalated, and the union starts an ordinary round.
/// </summary>
public sealed record EscalateToOrdinaryCommand(Guid RoundId, string Reason) : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseCountyUnionAsync(user, db, RoundId, "转入普通程序", ct);
}

/// <summary>
/// The county union closes a renewal whose contract expired without a new one being offered (不再续订，结案).
/// </summary>
public sealed record CloseLapsedRenewalCommand(Guid RoundId, string Reason) : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseCountyUnionAsync(user, db, RoundId, "结案", ct);
}

/// <summary>The reason of each closure is required: it is what the county's report shows for a round without a contract.</summary>
public sealed class WithdrawOfferValidator : AbstractValidator<WithdrawOfferCommand>
{
    public WithdrawOfferValidator()
    {
        RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("请说明不再要求协商的原因").MaximumLength(500).WithMessage("原因不超过500字");
    }
}

/// <inheritdoc cref="WithdrawOfferValidator"/>
public sealed class EscalateToOrdinaryValidator : AbstractValidator<EscalateToOrdinaryCommand>
{
    public EscalateToOrdinaryValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("请说明督办情况和转入普通程序的原因").MaximumLength(500).WithMessage("原因不超过500字");
}

/// <inheritdoc cref="WithdrawOfferValidator"/>
public sealed class CloseLapsedRenewalValidator : AbstractValidator<CloseLapsedRenewalCommand>
{
    public CloseLapsedRenewalValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("请说明不再续订的原因").MaximumLength(500).WithMessage("原因不超过500字");
}

/// <summary>Handles the three closures: each is its definitions' signal, with the reason in the journal.</summary>
public sealed class RoundClosureHandlers(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users)
    : IRequestHandler<WithdrawOfferCommand, Unit>, IRequestHandler<EscalateToOrdinaryCommand, Unit>, IRequestHandler<CloseLapsedRenewalCommand, Unit>
{
    public async Task<Unit> Handle(WithdrawOfferCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        if (RoundPreconditions.WithdrawOffer(round, request.Side) is { } refusal) throw refusal;
        await workflow.SignalAsync(round, Signals.Withdraw, request.Side, users.Caller(), "不再要求协商", Reason(request.Reason), cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(EscalateToOrdinaryCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        await workflow.SignalAsRoleAsync(round, Signals.Escalate, WorkflowRoles.CountyUnion, "县级工会", users.Caller(), "转入普通程序", Reason(request.Reason), cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(CloseLapsedRenewalCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        await workflow.SignalAsRoleAsync(round, Signals.Close, WorkflowRoles.CountyUnion, "县级工会", users.Caller(), "不再续订，结案", Reason(request.Reason), cancellationToken);
        return Unit.Value;
    }

    private static JsonObject Reason(string reason) => new() { ["reason"] = reason.Trim() };
}
