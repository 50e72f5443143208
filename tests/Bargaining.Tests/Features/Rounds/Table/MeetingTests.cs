using Bargaining.Domain;
using Bargaining.Features.Rounds.Table;
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
}
