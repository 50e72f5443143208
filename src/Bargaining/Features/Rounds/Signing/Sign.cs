using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Signing;

/// <summary>A chief signs the adopted contract for their side (签字, Art 37); after both, the filing period runs (Art 42).</summary>
public sealed record SignCommand(Guid RoundId, Side Side) : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side, ct);
}

public sealed class SignValidator : AbstractValidator<SignCommand>
{
    public SignValidator() => RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
}

/// <summary>Handles <see cref="SignCommand"/>: the signature and the side's branch of <c>signing</c>.</summary>
public sealed class SignHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<SignCommand, Unit>
{
    public async Task<Unit> Handle(SignCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        await workflow.EnsureAtAsync(round, "签字", cancellationToken, request.Side == Side.Worker ? Nodes.UnionSignature : Nodes.EmployerSignature);
        round.Signing.Sign(request.Side, workflow.Now);
        var snapshot = await workflow.SignalAsync(round, Signals.Sign, request.Side, users.Caller(), "签字", new JsonObject { ["signedBy"] = request.Side.WorkflowRole() }, cancellationToken);
        if (snapshot.Steps.FirstOrDefault(s => s.Node is Nodes.Filing or Nodes.WageFiling) is { LastDay: { } lastDay }) round.Filing.DueBy(lastDay);
        return Unit.Value;
    }
}
