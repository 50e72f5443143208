using System.Globalization;
using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using Bargaining.Rules;
using Bargaining.Workflows;
using FluentValidation;
using MediatR;

namespace Bargaining.Features.Rounds.Termination;

/// <summary>
/// <see cref="Side"/>'s chief proposes in writing to rescind or terminate the effective contract (解除/终止, Art 39–41):
/// the reason, its grounds, the evidence (required for the reasons of Art 40), with its file if any (a PDF or a photo,
/// <see cref="Attachments"/>), and the first day it is no longer in force.
/// </summary>
public sealed record ProposeTerminationCommand(Guid RoundId, Side Side, TerminationReason Reason, string Grounds, string? Evidence, DateOnly EffectiveOn,
    string? EvidenceFileName = null, string? EvidenceFileType = null, byte[]? EvidenceFile = null)
    : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side, ct);
}

/// <summary>The other side's chief confirms the proposal (Art 41): the contract is 已解除 or 已终止 from its day.</summary>
public sealed record ConfirmTerminationCommand(Guid RoundId, Side Side) : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side, ct);
}

/// <summary>The other side declines the proposal, or the proposing side withdraws it, with a reason: the contract stays in force.</summary>
public sealed record DeclineTerminationCommand(Guid RoundId, Side Side, string Reason) : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side, ct);
}

public sealed class ProposeTerminationValidator : AbstractValidator<ProposeTerminationCommand>
{
    public ProposeTerminationValidator()
    {
        RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
        RuleFor(c => c.Reason).IsInEnum().WithMessage("请选择解除或终止合同的法定事由（《集体合同规定》第三十九条、第四十条）");
        RuleFor(c => c.Grounds).NotEmpty().WithMessage("请说明解除或终止合同的具体理由").Within(TextLimits.Paragraph, "理由");
        RuleFor(c => c.Evidence).Within(TextLimits.Paragraph, "证明材料");
        RuleFor(c => c.EffectiveOn).NotEqual(default(DateOnly)).WithMessage("请填写解除或终止的日期");
        RuleFor(c => c.EvidenceFileName).Within(TextLimits.Line, "证明材料文件名");
        RuleFor(c => c.EvidenceFileType).Within(TextLimits.Line, "证明材料文件类型");
        RuleFor(c => c.EvidenceFile).Must((c, _) => c.EvidenceFile is null && c.EvidenceFileName is null || Attachments.Refusal(c.EvidenceFileName, c.EvidenceFileType, c.EvidenceFile) is null)
            .WithMessage(c => Attachments.Refusal(c.EvidenceFileName, c.EvidenceFileType, c.EvidenceFile)!.Message);
    }
}

public sealed class ConfirmTerminationValidator : AbstractValidator<ConfirmTerminationCommand>
{
    public ConfirmTerminationValidator() => RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
}

public sealed class DeclineTerminationValidator : AbstractValidator<DeclineTerminationCommand>
{
    public DeclineTerminationValidator()
    {
        RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("请说明不同意或撤回的原因").Within(TextLimits.Reason, "原因");
    }
}

/// <summary>
/// Handles the three: the proposal and its refusal are the round's record; the confirmation sends <c>terminate</c>,
/// whose payload (the reason and the day) the definitions decide on and the journal keeps.
/// </summary>
public sealed class TerminationHandlers(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users)
    : IRequestHandler<ProposeTerminationCommand, Unit>, IRequestHandler<ConfirmTerminationCommand, Unit>, IRequestHandler<DeclineTerminationCommand, Unit>
{
    public async Task<Unit> Handle(ProposeTerminationCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        if (RoundPreconditions.Terminate(await workflow.SnapshotAsync(round, cancellationToken), round, workflow.Today(round)) is { } refusal) throw refusal;
        var file = request.EvidenceFile is { } content ? new TerminationEvidence(round.Id, request.EvidenceFileName!, request.EvidenceFileType!, content) : null;
        round.ProposeTermination(request.Reason, request.Side, users.Caller().Name, request.Grounds, request.Evidence, file?.FileName, request.EffectiveOn,
            workflow.Today(round), workflow.Now);
        await RemoveEvidenceAsync(round.Id, cancellationToken);
        if (file is not null) db.Add(file);
        return Unit.Value;
    }

    public async Task<Unit> Handle(ConfirmTerminationCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        if (RoundPreconditions.Terminate(await workflow.SnapshotAsync(round, cancellationToken), round, workflow.Today(round)) is { } refusal) throw refusal;
        var user = users.Caller();
        round.ConfirmTermination(request.Side, user.Name, workflow.Now);
        var termination = round.Termination;
        await workflow.SignalAsync(round, Signals.Terminate, request.Side, user, "确认解除或终止合同", new JsonObject
        {
            ["terminationReason"] = termination.Reason!.Value.WorkflowName(),
            ["terminationEffectiveOn"] = termination.EffectiveOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["terminationProposedBy"] = termination.ProposedBy!.Value.WorkflowRole(),
        }, cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(DeclineTerminationCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        if (RoundPreconditions.Terminate(await workflow.SnapshotAsync(round, cancellationToken), round, workflow.Today(round)) is { } refusal) throw refusal;
        round.DeclineTermination(request.Side, request.Reason);
        await RemoveEvidenceAsync(round.Id, cancellationToken);
        return Unit.Value;
    }

    // The file of an earlier proposal, declined or withdrawn, goes with it.
    private async Task RemoveEvidenceAsync(Guid roundId, CancellationToken ct)
    {
        if (await db.Set<TerminationEvidence>().FindAsync([roundId], ct) is { } earlier) db.Remove(earlier);
    }
}
