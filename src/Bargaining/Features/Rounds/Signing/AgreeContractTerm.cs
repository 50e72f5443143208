using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;

namespace Bargaining.Features.Rounds.Signing;

/// <summary>
/// A side records the contract's term as both chiefs agreed it (集体合同期限, Art 8 and Art 38): its first and last day,
/// one to three years (<see cref="Rules.ContractTermRule"/>). It may change until both chiefs have signed; the
/// contract, the filing form and the filing carry it.
/// </summary>
public sealed record AgreeContractTermCommand(Guid RoundId, Side Side, DateOnly StartsOn, DateOnly EndsOn) : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side, ct);
}

/// <summary>Checks the request's form; the length is judged by <see cref="Rules.ContractTermRule"/> in the round.</summary>
public sealed class AgreeContractTermValidator : AbstractValidator<AgreeContractTermCommand>
{
    public AgreeContractTermValidator()
    {
        RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
        RuleFor(c => c.StartsOn).NotEqual(default(DateOnly)).WithMessage("请填写合同期限的起始日期");
        RuleFor(c => c.EndsOn).NotEqual(default(DateOnly)).WithMessage("请填写合同期限的终止日期");
    }
}

/// <summary>Handles <see cref="AgreeContractTermCommand"/>.</summary>
public sealed class AgreeContractTermHandler(BargainingDbContext db, RoundWorkflow workflow) : IRequestHandler<AgreeContractTermCommand, Unit>
{
    public async Task<Unit> Handle(AgreeContractTermCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        if (RoundPreconditions.AgreeTerm(round, await workflow.SnapshotAsync(round, cancellationToken)) is { } refusal) throw refusal;
        round.Signing.AgreeTerm(request.StartsOn, request.EndsOn);
        return Unit.Value;
    }
}
