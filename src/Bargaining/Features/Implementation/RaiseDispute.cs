using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Implementation;

/// <summary>
/// Raises a performance dispute (履约争议) over an obligation its last check found unmet, to be taken to labour
/// arbitration (《集体合同规定》 Art 55); the record prints with the obligation and its checks. Returns the dispute's id.
/// </summary>
public sealed record RaiseDisputeCommand(Guid RoundId, Guid ObligationId, string Claim) : IRequest<Guid>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => Implementation.AuthoriseCheckerAsync(user, db, RoundId, ct);
}

public sealed class RaiseDisputeValidator : AbstractValidator<RaiseDisputeCommand>
{
    public RaiseDisputeValidator()
    {
        RuleFor(c => c.ObligationId).NotEmpty().WithMessage("请指明争议的履约事项");
        RuleFor(c => c.Claim).NotEmpty().WithMessage("请写明争议事实和请求事项").Within(TextLimits.Paragraph, "争议事实和请求事项");
    }
}

/// <summary>Handles <see cref="RaiseDisputeCommand"/>.</summary>
public sealed class RaiseDisputeHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<RaiseDisputeCommand, Guid>
{
    public async Task<Guid> Handle(RaiseDisputeCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        var obligation = await Implementation.ObligationAsync(db, round.Id, request.ObligationId, cancellationToken);
        if (await db.Set<PerformanceDispute>().AnyAsync(d => d.ObligationId == obligation.Id, cancellationToken))
            throw DomainException.Conflict("dispute.raised", $"已就“{obligation.Title}”提出履约争议");
        var dispute = new PerformanceDispute(obligation, request.Claim, workflow.Today(round), workflow.Now, users.Caller().Name);
        db.Add(dispute);
        return dispute.Id;
    }
}
