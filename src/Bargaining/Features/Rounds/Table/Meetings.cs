using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Table;

/// <summary>
/// A side schedules a bargaining meeting (协商会议, Art 34): date, place, the side whose chief chairs (the chiefs take
/// turns) and the neutral recorder both sides appoint, who is not a representative (Art 33). The first meeting
/// ends the preparation and opens the table; later ones are scheduled at the table.
/// </summary>
public sealed record ScheduleMeetingCommand(Guid RoundId, Side Side, DateOnly Date, string Place, Side Chair, string Recorder, string? Agenda = null)
    : IRequest<Guid>, IAuthorisedRequest
{
    /// <inheritdoc />
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side, ct);
}

/// <summary>Checks the request.</summary>
public sealed class ScheduleMeetingValidator : AbstractValidator<ScheduleMeetingCommand>
{
    /// <summary>Creates the rules.</summary>
    public ScheduleMeetingValidator()
    {
        RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
        RuleFor(c => c.Chair).IsInEnum().WithMessage("请选择主持会议的一方");
        RuleFor(c => c.Place).NotEmpty().WithMessage("请填写协商会议地点（《集体合同规定》第三十三条）");
        RuleFor(c => c.Recorder).NotEmpty().WithMessage("请填写双方共同指定的记录员（《集体合同规定》第三十三条）");
    }
}

/// <summary>Handles <see cref="ScheduleMeetingCommand"/>.</summary>
public sealed class ScheduleMeetingHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<ScheduleMeetingCommand, Guid>
{
    /// <inheritdoc />
    public async Task<Guid> Handle(ScheduleMeetingCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        var steps = await workflow.StepsAsync(round, cancellationToken);
        var first = steps.Any(s => s.Node == Nodes.Preparation);
        if (!first) await workflow.EnsureAtAsync(round, "安排协商会议", cancellationToken, TopicMoves.AtTheTable);
        if (request.Date < workflow.Today(round))
            throw DomainException.Rule("meeting.in-past", $"协商会议日期（{request.Date:yyyy-MM-dd}）不能早于今天");
        var recorder = request.Recorder.Trim();
        // The recorder is neutral: jointly appointed and not a representative of either side (Art 33).
        if (await db.Representatives.AnyAsync(r => r.RoundId == round.Id && r.Name == recorder, cancellationToken))
            throw DomainException.Rule("meeting.recorder-neutral", $"“{recorder}”是本轮协商代表，不能担任记录员；记录员应由双方共同指定、非协商代表的人员担任（《集体合同规定》第三十三条）");
        var meetings = await db.Meetings.Where(m => m.RoundId == round.Id).OrderBy(m => m.Number).ToListAsync(cancellationToken);
        if (RoundPreconditions.ScheduleMeeting(meetings) is { } refusal) throw refusal;
        var meeting = new Meeting(round.Id, meetings.Count + 1, request.Date, request.Place, request.Chair, meetings.LastOrDefault()?.Chair, recorder, request.Agenda, workflow.Now);
        db.Meetings.Add(meeting);
        if (first)
            await workflow.SignalAsync(round, Signals.ScheduleMeeting, request.Side, users.Caller(), "安排协商会议", new JsonObject
            {
                ["meetingDate"] = request.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["meetingPlace"] = meeting.Place,
                ["recorder"] = recorder,
            }, cancellationToken);
        return meeting.Id;
    }
}

/// <summary>A side records the minutes (协商记录) of the last meeting held, signed by both chiefs (Art 34).</summary>
public sealed record RecordMeetingCommand(Guid RoundId, Side Side, string Minutes) : IRequest<Unit>, IAuthorisedRequest
{
    /// <inheritdoc />
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side, ct);
}

/// <summary>Checks the request.</summary>
public sealed class RecordMeetingValidator : AbstractValidator<RecordMeetingCommand>
{
    /// <summary>Creates the rules.</summary>
    public RecordMeetingValidator()
    {
        RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
        RuleFor(c => c.Minutes).NotEmpty().WithMessage("请填写协商会议记录（《集体合同规定》第三十四条）");
    }
}

/// <summary>Handles <see cref="RecordMeetingCommand"/>: the minutes and <c>record-meeting</c>.</summary>
public sealed class RecordMeetingHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<RecordMeetingCommand, Unit>
{
    /// <inheritdoc />
    public async Task<Unit> Handle(RecordMeetingCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        var meetings = await db.Meetings.Where(m => m.RoundId == round.Id).OrderBy(m => m.Number).ToListAsync(cancellationToken);
        if (RoundPreconditions.RecordMeeting(meetings, workflow.Today(round)) is { } refusal) throw refusal;
        var meeting = meetings[^1];
        meeting.Record(request.Minutes, workflow.Today(round), workflow.Now);
        await workflow.SignalAsync(round, Signals.RecordMeeting, request.Side, users.Caller(), "记录协商会议", new JsonObject
        {
            ["meeting"] = meeting.Number,
            ["chair"] = meeting.Chair.WorkflowRole(),
        }, cancellationToken);
        return Unit.Value;
    }
}
