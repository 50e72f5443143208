using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Simplified;

/// <summary>
/// 简易程序 (《江苏省集体协商条例》): after the offer and its acceptance, one meeting by meeting, phone or online, where
/// both chiefs sign minutes (会议纪要) or a memo (备忘录) on the spot. Either side records it; both chiefs are named.
/// </summary>
public sealed record SignOnTheSpotCommand(Guid RoundId, Side Side, OnTheSpotRecord Kind, MeetingMeans Means, string Text, string WorkerChief, string EmployerChief)
    : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side, ct);
}

public sealed class SignOnTheSpotValidator : AbstractValidator<SignOnTheSpotCommand>
{
    public SignOnTheSpotValidator()
    {
        RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
        RuleFor(c => c.Kind).IsInEnum().WithMessage("请选择会议纪要或备忘录");
        RuleFor(c => c.Means).IsInEnum().WithMessage("请选择协商方式：会议、电话或网络");
        RuleFor(c => c.Text).NotEmpty().WithMessage("请填写双方达成一致的内容").Within(TextLimits.Document, "达成一致的内容");
        RuleFor(c => c.WorkerChief).NotEmpty().WithMessage("请填写当场签署的职工方首席代表姓名").Within(TextLimits.PersonName, "职工方首席代表姓名");
        RuleFor(c => c.EmployerChief).NotEmpty().WithMessage("请填写当场签署的企业方首席代表姓名").Within(TextLimits.PersonName, "企业方首席代表姓名");
        RuleFor(c => c.EmployerChief).NotEqual(c => c.WorkerChief).When(c => !string.IsNullOrWhiteSpace(c.WorkerChief))
            .WithMessage("同一人不能同时担任双方首席代表（《集体合同规定》第二十四条）");
    }
}

/// <summary>Handles <see cref="SignOnTheSpotCommand"/>: the signed text and <c>sign-minutes</c> or <c>sign-memo</c>, which ends the round.</summary>
public sealed class SignOnTheSpotHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<SignOnTheSpotCommand, Unit>
{
    public async Task<Unit> Handle(SignOnTheSpotCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        var what = request.Kind == OnTheSpotRecord.Minutes ? "会议纪要" : "备忘录";
        round.SignOnTheSpot(request.Kind, request.Means, request.Text, request.WorkerChief, request.EmployerChief, workflow.Now);
        await workflow.EnsureAtAsync(round, $"当场签署{what}", cancellationToken, Nodes.Meeting);
        await workflow.SignalAsync(round, request.Kind == OnTheSpotRecord.Minutes ? Signals.SignMinutes : Signals.SignMemo, request.Side, users.Caller(), $"当场签署{what}", new JsonObject
        {
            ["means"] = request.Means.ToString(),
            ["text"] = round.OnTheSpot.Text,
            ["workerChief"] = round.OnTheSpot.WorkerChiefName,
            ["employerChief"] = round.OnTheSpot.EmployerChiefName,
        }, cancellationToken);
        return Unit.Value;
    }
}

/// <summary>The simplified procedure's meeting ended without agreement (未达成一致); the round ends.</summary>
public sealed record RecordNoAgreementCommand(Guid RoundId, Side Side, MeetingMeans Means, string Reason) : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side, ct);
}

public sealed class RecordNoAgreementValidator : AbstractValidator<RecordNoAgreementCommand>
{
    public RecordNoAgreementValidator()
    {
        RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
        RuleFor(c => c.Means).IsInEnum().WithMessage("请选择协商方式：会议、电话或网络");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("请说明未达成一致的分歧").Within(TextLimits.Paragraph, "分歧");
    }
}

/// <summary>Handles <see cref="RecordNoAgreementCommand"/>: the reason and <c>no-agreement</c>.</summary>
public sealed class RecordNoAgreementHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<RecordNoAgreementCommand, Unit>
{
    public async Task<Unit> Handle(RecordNoAgreementCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        round.RecordNoAgreement(request.Means, request.Reason, workflow.Now);
        await workflow.EnsureAtAsync(round, "记录未达成一致", cancellationToken, Nodes.Meeting);
        await workflow.SignalAsync(round, Signals.NoAgreement, request.Side, users.Caller(), "记录未达成一致", new JsonObject
        {
            ["means"] = request.Means.ToString(),
            ["reason"] = round.OnTheSpot.NoAgreementReason,
        }, cancellationToken);
        return Unit.Value;
    }
}
