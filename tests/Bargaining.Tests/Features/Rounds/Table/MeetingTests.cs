using Bargaining.Domain;
using Bargaining.Features.Documents;
using Bargaining.Features.Rounds.Table;
using Bargaining.Features.Rounds.Views;
using Bargaining.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Features.Rounds.Table;

// 协商会议 (Art 33–34): a neutral recorder, chiefs chairing in turn, minutes of each meeting.
public sealed class MeetingTests : RoundScenario
{
    [Fact]
    public async Task Scheduling_the_first_meeting_ends_the_preparation_and_opens_the_table()
    {
        var round = await PreparedAsync();

        var meeting = await Host.SendAsync(FirstMeeting(round), Chair);

        await Host.AssertAtAsync(round, "bargaining");
        var stored = await Host.WithDbAsync(db => db.Meetings.SingleAsync(m => m.Id == meeting));
        Assert.Equal((1, Side.Worker, "张丽", "公司工会会议室"), (stored.Number, stored.Chair, stored.Recorder, stored.Place));
    }

    [Fact]
    public async Task A_representative_cannot_be_the_recorder_and_nothing_is_written()
    {
        var round = await PreparedAsync();

        var e = await RefusedAsync(() => Host.SendAsync(FirstMeeting(round) with { Recorder = "职工代表1" }, Chair), FailureKind.Rule);

        Assert.Contains("第三十三条", e.Message);
        Assert.Equal(0, await CountAsync<Meeting>());
        await Host.AssertAtAsync(round, "preparation");
    }

    [Fact]
    public async Task The_chiefs_chair_in_turn_so_the_same_side_cannot_chair_twice_in_a_row()
    {
        var round = await AtTheTableAsync();
        await Host.SendAsync(new RecordMeetingCommand(round, Side.Worker, "双方就工资增长幅度交换意见"), Chair);

        var e = await RefusedAsync(() => Host.SendAsync(new ScheduleMeetingCommand(round, Side.Employer, Today.AddDays(7), "公司会议室", Side.Worker, "张丽"), Employer),
            FailureKind.Rule);
        Assert.Contains("第三十四条", e.Message);
        Assert.Equal(1, await CountAsync<Meeting>());

        await Host.SendAsync(new ScheduleMeetingCommand(round, Side.Employer, Today.AddDays(7), "公司会议室", Side.Employer, "张丽"), Employer);
        Assert.Equal(2, await CountAsync<Meeting>());
        await Host.AssertAtAsync(round, "bargaining");
    }

    [Fact]
    public async Task Minutes_are_recorded_for_a_meeting_that_has_taken_place()
    {
        var round = await AtTheTableAsync();

        await Host.SendAsync(new RecordMeetingCommand(round, Side.Employer, "双方就工资增长幅度交换意见，企业方提出4%"), Employer);

        var meeting = await Host.WithDbAsync(db => db.Meetings.SingleAsync());
        Assert.StartsWith("双方就工资增长幅度", meeting.Minutes);
        var journal = await Host.WithEngineAsync(e => e.JournalAsync(round));
        Assert.Equal("record-meeting", journal[^1].Signal);
        await Host.AssertAtAsync(round, "bargaining");
    }

    [Fact]
    public async Task Minutes_of_a_meeting_not_yet_held_are_refused_and_the_workflow_does_not_move()
    {
        var round = await AtTheTableAsync();
        await Host.SendAsync(new RecordMeetingCommand(round, Side.Worker, "第一次会议"), Chair);
        await Host.SendAsync(new ScheduleMeetingCommand(round, Side.Employer, Today.AddDays(7), "公司会议室", Side.Employer, "张丽"), Employer);
        var before = (await Host.WithEngineAsync(e => e.JournalAsync(round))).Count;

        await RefusedAsync(() => Host.SendAsync(new RecordMeetingCommand(round, Side.Worker, "第二次会议"), Chair), FailureKind.Rule);

        Assert.Null((await Host.WithDbAsync(db => db.Meetings.SingleAsync(m => m.Number == 2))).Minutes);
        Assert.Equal(before, (await Host.WithEngineAsync(e => e.JournalAsync(round))).Count);
    }

    [Fact]
    public async Task Only_the_sides_of_the_enterprise_schedule_meetings()
    {
        var round = await PreparedAsync();

        await RefusedAsync(() => Host.SendAsync(FirstMeeting(round), YanduStaff), FailureKind.Forbidden);
        await Host.AssertAtAsync(round, "preparation");
    }

    [Fact]
    public async Task Minutes_are_refused_before_the_table_is_open()
    {
        var round = await PreparedAsync();

        await RefusedAsync(() => Host.SendAsync(new RecordMeetingCommand(round, Side.Worker, "记录"), Chair), FailureKind.Conflict);
        await Host.AssertAtAsync(round, "preparation");
    }

    [Fact]
    public async Task Bargaining_holds_several_meetings_each_scheduled_and_minuted_in_turn_without_a_suspension()
    {
        var round = await AtTheTableAsync();
        await Host.SendAsync(new RecordMeetingCommand(round, Side.Worker, "职工方提出增长6%，企业方提出3%"), Chair);

        // With the first meeting minuted, the next meeting is what the round offers, not more minutes.
        var offered = (await Host.SendAsync(new RoundTimelineQuery(round), Employer)).Actions.Select(a => a.Signal).ToList();
        Assert.Contains("schedule-meeting", offered);
        Assert.DoesNotContain("suspend", (await Host.WithEngineAsync(e => e.JournalAsync(round))).Select(j => j.Signal));

        await Host.AdvanceAsync(TimeSpan.FromDays(7));
        await Host.SendAsync(new ScheduleMeetingCommand(round, Side.Employer, Today, "公司会议室", Side.Employer, "张丽", "工资增长幅度"), Employer);
        await Host.SendAsync(new RecordMeetingCommand(round, Side.Employer, "企业方调整为4.5%，职工方调整为5.5%"), Employer);
        await Host.AdvanceAsync(TimeSpan.FromDays(7));
        await Host.SendAsync(new ScheduleMeetingCommand(round, Side.Worker, Today, "公司工会会议室", Side.Worker, "张丽"), Chair);
        await Host.SendAsync(new AgreeTopicCommand((await TopicsAsync(round)).Single().Id, Side.Employer), Employer);
        await Host.SendAsync(new RecordMeetingCommand(round, Side.Worker, "双方就增长6%达成一致"), Chair);
        await ConcludedAsync(round);

        await Host.AssertAtAsync(round, "congress");
        var meetings = await Host.WithDbAsync(db => db.Meetings.Where(m => m.RoundId == round).OrderBy(m => m.Number).ToListAsync());
        Assert.Equal([(1, Side.Worker), (2, Side.Employer), (3, Side.Worker)], meetings.Select(m => (m.Number, m.Chair)));
        Assert.All(meetings, m => Assert.NotNull(m.Minutes));
        var signals = (await Host.WithEngineAsync(e => e.JournalAsync(round))).Select(j => j.Signal).OfType<string>().ToList();
        Assert.Equal(3, signals.Count(s => s == "schedule-meeting"));
        Assert.Equal(3, signals.Count(s => s == "record-meeting"));
        // The minutes print per meeting: "minutes of each meeting" (Art 34).
        for (var n = 1; n <= 3; n++)
        {
            var minutes = await Host.SendAsync(new PrintRoundDocumentQuery(round, RoundDocumentKind.MeetingMinutes, n), Chair);
            Assert.Contains($"第{"一二三"[n - 1]}次会议记录", PrintedPdf.Text(minutes.Pdf));
        }
    }

    [Fact]
    public async Task Once_the_meeting_is_minuted_there_is_nothing_to_minute_until_the_next_is_scheduled()
    {
        var round = await AtTheTableAsync();
        await Host.SendAsync(new RecordMeetingCommand(round, Side.Worker, "第一次会议"), Chair);

        var e = await RefusedAsync(() => Host.SendAsync(new RecordMeetingCommand(round, Side.Worker, "再记一次"), Chair), FailureKind.Conflict);

        Assert.Contains("请先安排下一次协商会议", e.Message);
        var meetings = await Host.WithDbAsync(db => db.Meetings.Where(m => m.RoundId == round).ToListAsync());
        Assert.Equal((null, "第一次会议"), (MeetingTurn.ToRecord(meetings, Today).Meeting?.Minutes, meetings.Single().Minutes));
        Assert.Null(MeetingTurn.CannotSchedule(meetings));
    }

    [Fact]
    public async Task While_a_meeting_awaits_its_minutes_the_next_cannot_be_scheduled_and_its_minutes_are_what_is_due()
    {
        var round = await AtTheTableAsync();

        var e = await RefusedAsync(() => Host.SendAsync(new ScheduleMeetingCommand(round, Side.Employer, Today.AddDays(7), "公司会议室", Side.Employer, "张丽"), Employer),
            FailureKind.Conflict);

        Assert.Contains("第1次协商会议尚未提交会议记录", e.Message);
        var meetings = await Host.WithDbAsync(db => db.Meetings.Where(m => m.RoundId == round).ToListAsync());
        Assert.Equal(1, MeetingTurn.ToRecord(meetings, Today).Meeting?.Number);
        Assert.Equal("meeting.pending", MeetingTurn.CannotSchedule(meetings)?.Code);
    }
}
