using System.Globalization;
using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Table;

/// <summary>
/// Bargaining is suspended (中止, Art 35) only by mutual agreement, so the command carries both chiefs' consent;
/// the agreement fixes the next meeting's date, place and content. There is no maximum length.
/// </summary>
public sealed record SuspendCommand(Guid RoundId, Side Side, bool WorkerChiefConsents, bool EmployerChiefConsents, DateOnly NextMeetingOn, string NextMeetingPlace, string NextMeetingContent)
    : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side, ct);
}

public sealed class SuspendValidator : AbstractValidator<SuspendCommand>
{
    public SuspendValidator()
    {
        RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
        RuleFor(c => c.WorkerChiefConsents && c.EmployerChiefConsents).Equal(true).OverridePropertyName("Consent")
            .WithMessage("中止协商须经双方首席代表协商一致（《集体合同规定》第三十五条）");
        RuleFor(c => c.NextMeetingPlace).NotEmpty().WithMessage("请填写下次协商的地点（《集体合同规定》第三十五条）").Within(TextLimits.Line, "下次协商的地点");
        RuleFor(c => c.NextMeetingContent).NotEmpty().WithMessage("请填写下次协商的内容（《集体合同规定》第三十五条）").Within(TextLimits.Paragraph, "下次协商的内容");
    }
}

/// <summary>Handles <see cref="SuspendCommand"/>: the agreed next meeting and <c>suspend</c>.</summary>
public sealed class SuspendHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<SuspendCommand, Unit>
{
    public async Task<Unit> Handle(SuspendCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        round.Table.Suspend(workflow.Now, workflow.Today(round), request.NextMeetingOn, request.NextMeetingPlace, request.NextMeetingContent);
        await workflow.SignalAsync(round, Signals.Suspend, request.Side, users.Caller(), "中止协商", new JsonObject
        {
            ["nextMeetingOn"] = request.NextMeetingOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["nextMeetingPlace"] = round.Table.NextMeetingPlace,
            ["nextMeetingContent"] = round.Table.NextMeetingContent,
        }, cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Bargaining resumes after a suspension (恢复协商, Art 35).</summary>
public sealed record ResumeCommand(Guid RoundId, Side Side) : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side, ct);
}

public sealed class ResumeValidator : AbstractValidator<ResumeCommand>
{
    public ResumeValidator() => RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
}

/// <summary>Handles <see cref="ResumeCommand"/>.</summary>
public sealed class ResumeHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<ResumeCommand, Unit>
{
    public async Task<Unit> Handle(ResumeCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        round.Table.Resume(workflow.Now);
        await workflow.SignalAsync(round, Signals.Resume, request.Side, users.Caller(), "恢复协商", null, cancellationToken);
        return Unit.Value;
    }
}
