using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Table;

/// <summary>
/// The order of a round's meetings (协商会议, Art 34): bargaining takes as many meetings as the sides need, each
/// scheduled, held and minuted before the next is scheduled; the minutes go to the latest meeting that awaits them.
/// A formal suspension (中止, Art 35) is not needed between meetings. The commands below and whoever lists what a
/// person may do now ask here, so that what is offered is what is accepted.
/// </summary>
public static class MeetingTurn
{
    /// <summary>Why the next meeting cannot be scheduled now; null when it can.</summary>
    public static DomainException? CannotSchedule(IReadOnlyList<Meeting> meetings) =>
        Pending(meetings) is { } pending
            ? DomainException.Conflict("meeting.pending", $"第{pending.Number}次协商会议尚未提交会议记录，不能安排下一次会议")
            : null;

    /// <summary>The meeting whose minutes may be recorded on <paramref name="today"/>, or why none may.</summary>
    public static (Meeting? Meeting, DomainException? Refusal) ToRecord(IReadOnlyList<Meeting> meetings, DateOnly today)
    {
        if (meetings.Count == 0) return (null, DomainException.Conflict("meeting.none", "本轮协商尚未安排协商会议"));
        if (Pending(meetings) is not { } pending)
            return (null, DomainException.Conflict("meeting.recorded", $"第{meetings.Max(m => m.Number)}次协商会议的记录已经提交，没有待记录的会议；请先安排下一次协商会议"));
        if (pending.Date > today)
            return (null, DomainException.Rule("meeting.not-held", $"第{pending.Number}次协商会议定于{pending.Date:yyyy-MM-dd}召开，尚未召开，不能提交会议记录"));
        return (pending, null);
    }

    /// <summary>The meeting that awaits its minutes, if any: only ever the latest, since the next waits for it.</summary>
    public static Meeting? Pending(IReadOnlyList<Meeting> meetings) => meetings.Where(m => m.AwaitsMinutes).MaxBy(m => m.Number);

    /// <summary>The side that chaired the last meeting held (a superseded meeting did not take place, Art 34).</summary>
    public static Side? LastChair(IReadOnlyList<Meeting> meetings) => meetings.Where(m => m.SupersededAt is null).MaxBy(m => m.Number)?.Chair;

    /// <summary>The round's meetings in order.</summary>
    public static Task<List<Meeting>> OfRoundAsync(BargainingDbContext db, Guid roundId, CancellationToken ct) =>
        db.Meetings.Where(m => m.RoundId == roundId).OrderBy(m => m.Number).ToListAsync(ct);
}

/// <summary>
/// A side schedules a bargaining meeting (协商会议, Art 34): date, place, the side whose chief chairs (the chiefs take
/// turns) and the neutral recorder both sides appoint, who is not a representative (Art 33). The first meeting
/// ends the preparation and opens the table; each later one is scheduled at the table once the one before is
/// minuted (<see cref="MeetingTurn"/>).
/// </summary>
public sealed record ScheduleMeetingCommand(Guid RoundId, Side Side, DateOnly Date, string Place, Side Chair, string Recorder, string? Agenda = null)
    : IRequest<Guid>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side, ct);
}

public sealed class ScheduleMeetingValidator : AbstractValidator<ScheduleMeetingCommand>
{
    public ScheduleMeetingValidator()
    {
        RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
        RuleFor(c => c.Chair).IsInEnum().WithMessage("请选择主持会议的一方");
        RuleFor(c => c.Place).NotEmpty().WithMessage("请填写协商会议地点（《集体合同规定》第三十三条）").Within(TextLimits.Line, "会议地点");
        RuleFor(c => c.Recorder).NotEmpty().WithMessage("请填写双方共同指定的记录员（《集体合同规定》第三十三条）").Within(TextLimits.PersonName, "记录员姓名");
        RuleFor(c => c.Agenda).Within(TextLimits.Paragraph, "会议议程");
    }
}

/// <summary>Handles <see cref="ScheduleMeetingCommand"/>.</summary>
public sealed class ScheduleMeetingHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<ScheduleMeetingCommand, Guid>
{
    public async Task<Guid> Handle(ScheduleMeetingCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        if (request.Date < workflow.Today(round))
            throw DomainException.Rule("meeting.in-past", $"协商会议日期（{request.Date:yyyy-MM-dd}）不能早于今天");
        var recorder = request.Recorder.Trim();
        // The recorder is neutral: jointly appointed and not a representative of either side (Art 33).
        if (await db.Representatives.AnyAsync(r => r.RoundId == round.Id && r.Name == recorder, cancellationToken))
            throw DomainException.Rule("meeting.recorder-neutral", $"“{recorder}”是本轮协商代表，不能担任记录员；记录员应由双方共同指定、非协商代表的人员担任（《集体合同规定》第三十三条）");
        var meetings = await MeetingTurn.OfRoundAsync(db, round.Id, cancellationToken);
        if (MeetingTurn.CannotSchedule(meetings) is { } pending) throw pending;
        var meeting = new Meeting(round.Id, meetings.Count + 1, request.Date, request.Place, request.Chair, MeetingTurn.LastChair(meetings), recorder, request.Agenda, workflow.Now);
        db.Meetings.Add(meeting);
        // From the preparation the first meeting opens the table (Art 33–34); at the table each next one is scheduled.
        await workflow.SignalAsync(round, Signals.ScheduleMeeting, request.Side, users.Caller(), "安排协商会议", new JsonObject
        {
            ["meeting"] = meeting.Number,
            ["meetingDate"] = request.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["meetingPlace"] = meeting.Place,
            ["recorder"] = recorder,
        }, cancellationToken);
        return meeting.Id;
    }
}

/// <summary>A side records the minutes (协商记录) of the meeting that awaits them, signed by both chiefs (Art 34).</summary>
public sealed record RecordMeetingCommand(Guid RoundId, Side Side, string Minutes) : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side, ct);
}

public sealed class RecordMeetingValidator : AbstractValidator<RecordMeetingCommand>
{
    public RecordMeetingValidator()
    {
        RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
        RuleFor(c => c.Minutes).NotEmpty().WithMessage("请填写协商会议记录（《集体合同规定》第三十四条）").Within(TextLimits.Document, "会议记录");
    }
}

/// <summary>Handles <see cref="RecordMeetingCommand"/>: the minutes and <c>record-meeting</c>.</summary>
public sealed class RecordMeetingHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<RecordMeetingCommand, Unit>
{
    public async Task<Unit> Handle(RecordMeetingCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        var (meeting, refusal) = MeetingTurn.ToRecord(await MeetingTurn.OfRoundAsync(db, round.Id, cancellationToken), workflow.Today(round));
        if (refusal is not null) throw refusal;
        meeting!.Record(request.Minutes, workflow.Today(round), workflow.Now);
        await workflow.SignalAsync(round, Signals.RecordMeeting, request.Side, users.Caller(), "记录协商会议", new JsonObject
        {
            ["meeting"] = meeting.Number,
            ["chair"] = meeting.Chair.WorkflowRole(),
        }, cancellationToken);
        return Unit.Value;
    }
}
