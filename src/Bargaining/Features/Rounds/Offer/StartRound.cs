using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Offer;

/// <summary>
/// Starts a bargaining round for an enterprise and its workflow. Either side may make the offer (Art 32); county staff
/// may start a round for an enterprise of their county. An enterprise runs one round of a kind at a time (<see cref="RunningRounds"/>).
/// The jurisdiction is the enterprise's (<see cref="RoundJurisdictions"/>); one given must be that one.
/// </summary>
public sealed record StartRoundCommand(Guid EnterpriseId, RoundKind Kind, Procedure Procedure, Side OfferingSide, string? Jurisdiction = null)
    : IRequest<Guid>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) =>
        RoundAccess.AuthoriseStarterAsync(user, db, EnterpriseId, OfferingSide, ct);
}

public sealed class StartRoundValidator : AbstractValidator<StartRoundCommand>
{
    public StartRoundValidator(JurisdictionCatalog jurisdictions)
    {
        RuleFor(c => c.EnterpriseId).NotEmpty().WithMessage("请选择企业");
        RuleFor(c => c.Kind).IsInEnum().WithMessage("协商类型无效");
        RuleFor(c => c.Procedure).IsInEnum().WithMessage("协商程序无效");
        RuleFor(c => c.OfferingSide).IsInEnum().WithMessage("要约方无效");
        RuleFor(c => c.Jurisdiction).Must(j => j is null || jurisdictions.Profiles.ContainsKey(j))
            .WithMessage(c => $"未配置地区规则“{c.Jurisdiction}”，可选：{string.Join("、", jurisdictions.Profiles.Keys)}");
    }
}

/// <summary>Handles <see cref="StartRoundCommand"/>: the round row and its workflow instance, in one transaction.</summary>
public sealed class StartRoundHandler(BargainingDbContext db, RoundWorkflow workflow, JurisdictionCatalog jurisdictions, ICurrentUserAccessor users) : IRequestHandler<StartRoundCommand, Guid>
{
    public async Task<Guid> Handle(StartRoundCommand request, CancellationToken cancellationToken)
    {
        var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == request.EnterpriseId, cancellationToken) ?? throw DomainException.NotFound("该企业");
        var jurisdiction = await RoundJurisdictions.ResolveAsync(db, jurisdictions, enterprise, request.Jurisdiction, cancellationToken);
        var round = new Round(enterprise.Id, request.Kind, request.Procedure, jurisdiction, request.OfferingSide, workflow.Now);
        await RunningRounds.EnsureNoneAsync(db, workflow, enterprise, request.Kind, "round.running", cancellationToken);
        await RunningRounds.AddAsync(db, enterprise, round, "round.running", cancellationToken);
        await workflow.StartAsync(round, enterprise, users.Caller(), cancellationToken);
        return round.Id;
    }
}
