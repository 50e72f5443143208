using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Jurisdictions;
using Bargaining.Features.Rounds.Table;
using Bargaining.Persistence;
using Bargaining.Workflows;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Coordination;

/// <summary>
/// A party applies in writing for coordination of a bargaining dispute (协调处理, Art 49): after its offer was refused,
/// when its offer went unanswered, or when bargaining failed. The application is taken as accepted when recorded; the
/// coordinators must finish within 30 days counted from the next day (Art 53).
/// </summary>
public sealed record ApplyForCoordinationCommand(Guid RoundId, Side Side, string Grounds) : IRequest<CoordinationPeriod>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side, ct);
}

/// <summary>The last day coordination must be finished by (Art 53).</summary>
public sealed record CoordinationPeriod(DateOnly? LastDay);

public sealed class ApplyForCoordinationValidator : AbstractValidator<ApplyForCoordinationCommand>
{
    public ApplyForCoordinationValidator()
    {
        RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
        RuleFor(c => c.Grounds).NotEmpty().WithMessage("协调处理申请应写明争议事项（《集体合同规定》第四十九条）").Within(TextLimits.Paragraph, "争议事项");
    }
}

/// <summary>Handles <see cref="ApplyForCoordinationCommand"/>: the application and <c>apply-coordination</c>.</summary>
public sealed class ApplyForCoordinationHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<ApplyForCoordinationCommand, CoordinationPeriod>
{
    public async Task<CoordinationPeriod> Handle(ApplyForCoordinationCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        round.Coordination.Apply(request.Side, request.Grounds, workflow.Now);
        var snapshot = await workflow.SignalAsync(round, Signals.ApplyCoordination, request.Side, users.Caller(), "申请协调处理",
            new JsonObject { ["grounds"] = round.Coordination.Grounds }, cancellationToken);
        return new CoordinationPeriod(snapshot.Steps.FirstOrDefault(s => s.Node == Nodes.DisputeCoordination)?.LastDay);
    }
}

/// <summary>
/// The coordinators extend the period once, by the days they choose up to the limit, counted from the original last
/// day (Art 53: at most 15 days; the profile's <c>coordinationExtensionDays</c> is the limit, and the extension when
/// <paramref name="Days"/> is not given). A second extension is refused.
/// </summary>
public sealed record ExtendCoordinationCommand(Guid RoundId, string Reason, int? Days = null) : IRequest<CoordinationPeriod>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseCoordinatorAsync(user, db, RoundId, ct);
}

public sealed class ExtendCoordinationValidator : AbstractValidator<ExtendCoordinationCommand>
{
    public ExtendCoordinationValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("请说明延长协调处理期限的理由（《集体合同规定》第五十三条）").Within(TextLimits.Reason, "理由");
        RuleFor(c => c.Days).GreaterThanOrEqualTo(1).WithMessage("延长天数至少为1天");
    }
}

/// <summary>Handles <see cref="ExtendCoordinationCommand"/>: the extension and <c>extend</c> with the chosen period.</summary>
public sealed class ExtendCoordinationHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<ExtendCoordinationCommand, CoordinationPeriod>
{
    public async Task<CoordinationPeriod> Handle(ExtendCoordinationCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        var limit = workflow.Profile(round).Duration(PeriodNames.CoordinationExtensionDays);
        var period = request.Days is { } days ? new Period(0, 0, days, TimeSpan.Zero) : limit;
        if (request.Days is { } chosen && (limit.Years != 0 || limit.Months != 0 || limit.Time != TimeSpan.Zero || chosen > limit.Days))
            throw new DomainException(FailureKind.Validation, "coordination.extension-too-long",
                $"延长期限不得超过{limit.Chinese()}（《集体合同规定》第五十三条）", new Dictionary<string, string[]> { ["Days"] = [$"延长天数应为1至{limit.Days}天"] });
        round.Coordination.Extend(request.Reason, workflow.Now, limit);
        await workflow.EnsureAtAsync(round, "延长协调处理期限（期限届满后不能延长，《集体合同规定》第五十三条）", cancellationToken, Nodes.DisputeCoordination);
        var snapshot = await workflow.SignalAsRoleAsync(round, Signals.Extend, WorkflowRoles.Coordinator, "协调处理机构", users.Caller(), "延长协调处理期限",
            new JsonObject { ["extensionReason"] = round.Coordination.ExtensionReason, ["extensionPeriod"] = period.ToString() }, cancellationToken);
        return new CoordinationPeriod(snapshot.Steps.FirstOrDefault(s => s.Node == Nodes.CoordinationExtended)?.LastDay);
    }
}

/// <summary>
/// The dispute is settled: the agreement (协调处理协议书, Art 54) signed by the coordinators and both chiefs; bargaining
/// resumes where it can go on. A dispute over the offer goes on to naming representatives; a dispute at the table
/// goes back to the table with the representatives and the meetings held kept, where the sides schedule their next
/// meeting under the agreement.
/// </summary>
public sealed record RecordCoordinationAgreementCommand(Guid RoundId, string Text, IReadOnlyList<string> Coordinators, string WorkerChief, string EmployerChief)
    : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseCoordinatorAsync(user, db, RoundId, ct);
}

public sealed class RecordCoordinationAgreementValidator : AbstractValidator<RecordCoordinationAgreementCommand>
{
    public RecordCoordinationAgreementValidator()
    {
        RuleFor(c => c.Text).NotEmpty().WithMessage("请填写协调处理协议书的内容（《集体合同规定》第五十四条）").Within(TextLimits.Document, "协调处理协议书");
        RuleFor(c => c.Coordinators).NotEmpty().WithMessage("协调处理协议书须由协调处理人员签字（《集体合同规定》第五十四条）");
        RuleForEach(c => c.Coordinators).NotEmpty().WithMessage("协调处理人员姓名不能为空").Within(TextLimits.PersonName, "协调处理人员姓名");
        RuleFor(c => c.WorkerChief).NotEmpty().WithMessage("协调处理协议书须由职工方首席代表签字（《集体合同规定》第五十四条）").Within(TextLimits.PersonName, "职工方首席代表姓名");
        RuleFor(c => c.EmployerChief).NotEmpty().WithMessage("协调处理协议书须由企业方首席代表签字（《集体合同规定》第五十四条）").Within(TextLimits.PersonName, "企业方首席代表姓名");
    }
}

/// <summary>Handles <see cref="RecordCoordinationAgreementCommand"/>: the agreement and <c>agree</c>.</summary>
public sealed class RecordCoordinationAgreementHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<RecordCoordinationAgreementCommand, Unit>
{
    public async Task<Unit> Handle(RecordCoordinationAgreementCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        round.Coordination.Agree(request.Text, request.Coordinators, request.WorkerChief, request.EmployerChief, workflow.Now);
        // A meeting scheduled before the application and never minuted did not take place as bargaining: once a
        // dispute is brought, the sides bargain no further until it is settled (Art 49–50), and the agreement (Art 54)
        // now says how they go on. So it is superseded rather than left waiting for minutes nobody can write. A meeting
        // that did take place is minuted at the table before the application: its minutes record the failed bargaining.
        if (MeetingTurn.Pending(await MeetingTurn.OfRoundAsync(db, round.Id, cancellationToken)) is { } interrupted)
            interrupted.Supersede($"{round.Coordination.AppliedBy?.Chinese()}申请协调处理，未举行；由{workflow.Today(round):yyyy-MM-dd}的协调处理协议书取代", workflow.Now);
        await workflow.SignalAsRoleAsync(round, Signals.Agree, WorkflowRoles.Coordinator, "协调处理机构", users.Caller(), "签署协调处理协议书", new JsonObject
        {
            ["agreement"] = round.Coordination.Agreement,
            ["signedBy"] = round.Coordination.SignedBy,
        }, cancellationToken);
        return Unit.Value;
    }
}

/// <summary>The coordinators close coordination without agreement; the round ends without a contract.</summary>
public sealed record CloseCoordinationCommand(Guid RoundId, string Reason) : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseCoordinatorAsync(user, db, RoundId, ct);
}

public sealed class CloseCoordinationValidator : AbstractValidator<CloseCoordinationCommand>
{
    public CloseCoordinationValidator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("请说明终结协调处理的理由").Within(TextLimits.Reason, "理由");
}

/// <summary>Handles <see cref="CloseCoordinationCommand"/>: the reason and <c>close</c>.</summary>
public sealed class CloseCoordinationHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<CloseCoordinationCommand, Unit>
{
    public async Task<Unit> Handle(CloseCoordinationCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        round.Coordination.Close(request.Reason, workflow.Now);
        await workflow.SignalAsRoleAsync(round, Signals.Close, WorkflowRoles.Coordinator, "协调处理机构", users.Caller(), "终结协调处理",
            new JsonObject { ["reason"] = round.Coordination.ClosedReason }, cancellationToken);
        return Unit.Value;
    }
}
