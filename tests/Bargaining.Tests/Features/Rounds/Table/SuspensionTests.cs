using Bargaining.Domain;
using Bargaining.Features.Rounds.Table;

namespace Bargaining.Tests.Features.Rounds.Table;

// 中止 (Art 35): only by mutual agreement, which fixes the next meeting's date, place and content.
public sealed class SuspensionTests : RoundScenario
{
    private SuspendCommand Suspension(Guid round) =>
        new(round, Side.Worker, WorkerChiefConsents: true, EmployerChiefConsents: true, Today.AddDays(30), "公司会议室", "继续协商工资增长幅度");

    [Fact]
    public async Task Both_chiefs_agree_to_suspend_and_the_next_meeting_is_fixed()
    {
        var round = await AtTheTableAsync();

        await Host.SendAsync(Suspension(round), Chair);

        await Host.AssertAtAsync(round, "suspended");
        var stored = await RoundAsync(round);
        Assert.Equal((Today.AddDays(30), "公司会议室", "继续协商工资增长幅度"), (stored.Table.NextMeetingOn, stored.Table.NextMeetingPlace, stored.Table.NextMeetingContent));
    }

    [Fact]
    public async Task One_side_alone_cannot_suspend()
    {
        var round = await AtTheTableAsync();

        var e = await RefusedAsync(() => Host.SendAsync(Suspension(round) with { EmployerChiefConsents = false }, Chair), FailureKind.Validation);

        Assert.Contains("第三十五条", e.Message);
        Assert.Null((await RoundAsync(round)).Table.SuspendedAt);
        await Host.AssertAtAsync(round, "bargaining");
    }

    [Fact]
    public async Task The_next_meeting_must_be_after_today_and_nothing_is_written_otherwise()
    {
        var round = await AtTheTableAsync();

        await RefusedAsync(() => Host.SendAsync(Suspension(round) with { NextMeetingOn = Today }, Chair), FailureKind.Rule);

        Assert.Null((await RoundAsync(round)).Table.NextMeetingOn);
        await Host.AssertAtAsync(round, "bargaining");
    }

    [Fact]
    public async Task A_suspended_round_resumes_at_the_table_and_takes_no_moves_meanwhile()
    {
        var round = await AtTheTableAsync();
        await Host.SendAsync(Suspension(round), Chair);
        var pay = (await TopicsAsync(round)).Single().Id;

        await RefusedAsync(() => Host.SendAsync(new CounterProposeCommand(pay, Side.Employer, "增长4%", 4, "%"), Employer), FailureKind.Conflict);
        Host.Clock.Advance(TimeSpan.FromDays(30));
        await Host.SendAsync(new ResumeCommand(round, Side.Employer), Employer);

        await Host.AssertAtAsync(round, "bargaining");
        Assert.NotNull((await RoundAsync(round)).Table.ResumedAt);
    }

    [Fact]
    public async Task A_round_at_the_table_cannot_be_resumed()
    {
        var round = await AtTheTableAsync();

        await RefusedAsync(() => Host.SendAsync(new ResumeCommand(round, Side.Worker), Chair), FailureKind.Conflict);

        Assert.Null((await RoundAsync(round)).Table.ResumedAt);
    }
}
