using Bargaining.Domain;
using Bargaining.Features.Rounds.Change;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Renewal;

/// <summary>
/// Starts the renewal (续签, Art 38) of an effective contract: a new round whose workflow waits until 3 months before
/// <see cref="ExpiresOn"/> (《民法典》 Art 202: 3 months before 31 May is the last day of February). The offer made in
/// the window is pre-filled from the current contract's clauses (<see cref="MakeOfferCommand"/>).
/// </summary>
public sealed record StartRenewalCommand(Guid CurrentRoundId, DateOnly ExpiresOn, Side OfferingSide) : IRequest<Guid>, IAuthorisedRequest
{
    public async Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct)
    {
        var enterpriseId = await db.Rounds.Where(r => r.Id == CurrentRoundId).Select(r => (Guid?)r.EnterpriseId).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound("现行合同所在的协商");
        await RoundAccess.AuthoriseStarterAsync(user, db, enterpriseId, OfferingSide, ct);
    }
}

public sealed class StartRenewalValidator : AbstractValidator<StartRenewalCommand>
{
    public StartRenewalValidator()
    {
        RuleFor(c => c.CurrentRoundId).NotEmpty().WithMessage("请选择要续订的现行合同");
        RuleFor(c => c.ExpiresOn).NotEqual(default(DateOnly)).WithMessage("请填写现行合同的期满日期（《集体合同规定》第三十八条）");
        RuleFor(c => c.OfferingSide).IsInEnum().WithMessage("要约方无效");
    }
}

/// <summary>Handles <see cref="StartRenewalCommand"/>: the renewal round and its <c>renewal</c> workflow, in one transaction.</summary>
public sealed class StartRenewalHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<StartRenewalCommand, Guid>
{
    public async Task<Guid> Handle(StartRenewalCommand request, CancellationToken cancellationToken)
    {
        var current = await db.Rounds.FirstOrDefaultAsync(r => r.Id == request.CurrentRoundId, cancellationToken) ?? throw DomainException.NotFound("现行合同所在的协商");
        var snapshot = await workflow.SnapshotAsync(current, cancellationToken);
        var renewed = await db.Rounds.AnyAsync(r => r.Renewal.RenewsRoundId == current.Id, cancellationToken);
        if ((RoundPreconditions.StartRenewal(snapshot, renewed, request.ExpiresOn, workflow.Today(current))
             ?? await ChangeRules.ChangedAsync(db, workflow, current, "续订", cancellationToken)) is { } refusal) throw refusal;
        var enterprise = await db.Enterprises.FirstAsync(e => e.Id == current.EnterpriseId, cancellationToken);
        var renewal = Round.RenewalOf(current, request.ExpiresOn, workflow.Today(current), request.OfferingSide, workflow.Now);
        // The renewal takes the place of the round whose contract it renews, even while that one awaits publication.
        current.Stop();
        await db.SaveChangesAsync(cancellationToken);
        await RunningRounds.EnsureNoneAsync(db, workflow, enterprise, renewal.Kind, "renewal.round-running", cancellationToken);
        await RunningRounds.AddAsync(db, enterprise, renewal, "renewal.round-running", cancellationToken);
        await workflow.StartAsync(renewal, enterprise, users.Caller(), cancellationToken);
        return renewal.Id;
    }
}
