using Bargaining.Domain;
using Bargaining.Features.Documents;
using Bargaining.Features.Rounds.Coordination;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Representatives;
using Bargaining.Features.Rounds.Table;
using Bargaining.Features.Rounds.Views;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Features.Rounds.Coordination;

// 协调处理, 《集体合同规定》 Art 49–54: 30 days from accepting the application, extendable once by at most 15 days.
public sealed class CoordinationTests : RoundScenario
{
    private CurrentUser YanduCoordinator => new("u-coord", "盐都区人社局 协调处理 孙平", Role.Coordinator, Yandu.Id);
    private CurrentUser TinghuCoordinator => new("u-coord-th", "亭湖区人社局 协调处理 钱力", Role.Coordinator, Tinghu.Id);

    /// <summary>The employer refuses on Monday 9 March 2026 and the union applies the same day: the 30th day is Wednesday 8 April.</summary>
    private async Task<Guid> RefusedAndAppliedOnMonday9MarchAsync()
    {
        var round = await OfferedAsync();
        await Host.AdvanceToAsync(China.At(2026, 3, 9, 10));
        await Host.SendAsync(new ReplyToOfferCommand(round, Accept: false, Reason: "经营困难"), Employer);
        var period = await Host.SendAsync(new ApplyForCoordinationCommand(round, Side.Worker, "企业方以经营困难为由拒绝工资协商"), Chair);
        Assert.Equal(new DateOnly(2026, 4, 8), period.LastDay);
        await Host.AssertAtAsync(round, "dispute-coordination");
        return round;
    }

    [Fact]
    public async Task After_a_refusal_the_union_applies_and_the_30th_day_is_still_inside_the_31st_overdue()
    {
        var round = await RefusedAndAppliedOnMonday9MarchAsync();

        var saved = await RoundAsync(round);
        Assert.Equal(Side.Worker, saved.Coordination.AppliedBy);
        await Host.AdvanceToAsync(China.At(2026, 4, 8, 23, 59));
        await Host.AssertAtAsync(round, "dispute-coordination");
        await Host.AdvanceToAsync(China.At(2026, 4, 9, 0, 0));
        await Host.AssertAtAsync(round, "coordination-overdue");
    }

    [Fact]
    public async Task An_extension_counts_15_days_from_the_original_last_day_and_a_second_is_refused_citing_Art_53()
    {
        var round = await RefusedAndAppliedOnMonday9MarchAsync();
        await Host.AdvanceToAsync(China.At(2026, 3, 20, 15));

        var extended = await Host.SendAsync(new ExtendCoordinationCommand(round, "需进一步核实企业经营数据"), YanduCoordinator);

        // 8 April + 15 days = Thursday 23 April, not 15 days from 20 March.
        Assert.Equal(new DateOnly(2026, 4, 23), extended.LastDay);
        var e = await RefusedAsync(() => Host.SendAsync(new ExtendCoordinationCommand(round, "再延长"), YanduCoordinator), FailureKind.Rule);
        Assert.Contains("第五十三条", e.Message);
        Assert.Equal("需进一步核实企业经营数据", (await RoundAsync(round)).Coordination.ExtensionReason);
        await Host.AssertAtAsync(round, "coordination-extended");
        await Host.AdvanceToAsync(China.At(2026, 4, 23, 23, 59));
        await Host.AssertAtAsync(round, "coordination-extended");
        await Host.AdvanceToAsync(China.At(2026, 4, 24, 0, 0));
        await Host.AssertAtAsync(round, "coordination-overdue");
    }

    [Fact]
    public async Task The_coordinator_chooses_a_shorter_extension_and_16_days_or_none_are_refused_with_nothing_written()
    {
        var round = await RefusedAndAppliedOnMonday9MarchAsync();
        await Host.AdvanceToAsync(China.At(2026, 3, 20, 15));

        var tooLong = await RefusedAsync(() => Host.SendAsync(new ExtendCoordinationCommand(round, "需进一步核实企业经营数据", 16), YanduCoordinator), FailureKind.Validation);
        var none = await RefusedAsync(() => Host.SendAsync(new ExtendCoordinationCommand(round, "需进一步核实企业经营数据", 0), YanduCoordinator), FailureKind.Validation);
        Assert.Equal(["延长天数应为1至15天"], tooLong.Errors["Days"]);
        Assert.Contains("不得超过15日", tooLong.Message);
        Assert.Equal(["延长天数至少为1天"], none.Errors["Days"]);
        Assert.Null((await RoundAsync(round)).Coordination.ExtendedAt);
        await Host.AssertAtAsync(round, "dispute-coordination");

        // 8 April + 7 days = Wednesday 15 April; day 16 is overdue.
        var extended = await Host.SendAsync(new ExtendCoordinationCommand(round, "需进一步核实企业经营数据", 7), YanduCoordinator);
        Assert.Equal(new DateOnly(2026, 4, 15), extended.LastDay);
        await Host.AdvanceToAsync(China.At(2026, 4, 15, 23, 59));
        await Host.AssertAtAsync(round, "coordination-extended");
        await Host.AdvanceToAsync(China.At(2026, 4, 16, 0, 0));
        await Host.AssertAtAsync(round, "coordination-overdue");
    }

    [Fact]
    public async Task Fifteen_chosen_days_are_the_longest_extension_and_end_as_the_default_does()
    {
        var round = await RefusedAndAppliedOnMonday9MarchAsync();

        var extended = await Host.SendAsync(new ExtendCoordinationCommand(round, "需进一步核实企业经营数据", 15), YanduCoordinator);

        Assert.Equal(new DateOnly(2026, 4, 23), extended.LastDay);
    }

    [Fact]
    public async Task Once_the_period_has_lapsed_it_cannot_be_extended_and_nothing_is_written()
    {
        var round = await RefusedAndAppliedOnMonday9MarchAsync();
        await Host.AdvanceToAsync(China.At(2026, 4, 9, 9));

        await RefusedAsync(() => Host.SendAsync(new ExtendCoordinationCommand(round, "来不及"), YanduCoordinator), FailureKind.Conflict);

        Assert.Null((await RoundAsync(round)).Coordination.ExtendedAt);
        await Host.AssertAtAsync(round, "coordination-overdue");
    }

    [Fact]
    public async Task An_agreement_signed_by_the_coordinators_and_both_chiefs_resumes_bargaining_with_representatives()
    {
        var round = await RefusedAndAppliedOnMonday9MarchAsync();

        await Host.SendAsync(new RecordCoordinationAgreementCommand(round, "双方同意于4月内开展工资集体协商", ["孙平", "盐都区总工会 张敏", "盐都区工商联 赵强"], "王建国", "李明"), YanduCoordinator);

        var saved = await RoundAsync(round);
        Assert.Equal("孙平、盐都区总工会 张敏、盐都区工商联 赵强、王建国、李明", saved.Coordination.SignedBy);
        await Host.AssertAtAsync(round, "employer-representatives", "union-representatives");
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Worker, WorkerSide()), Chair);
    }

    [Fact]
    public async Task An_agreement_without_the_chiefs_is_refused_citing_Art_54_and_the_workflow_is_unmoved()
    {
        var round = await RefusedAndAppliedOnMonday9MarchAsync();

        var e = await RefusedAsync(() => Host.SendAsync(new RecordCoordinationAgreementCommand(round, "同意协商", ["孙平"], "王建国", " "), YanduCoordinator), FailureKind.Validation);

        Assert.Contains("第五十四条", e.Message);
        Assert.Null((await RoundAsync(round)).Coordination.Agreement);
        await Host.AssertAtAsync(round, "dispute-coordination");
    }

    [Fact]
    public async Task Closing_coordination_ends_the_round_without_a_contract()
    {
        var round = await RefusedAndAppliedOnMonday9MarchAsync();

        await Host.SendAsync(new CloseCoordinationCommand(round, "企业已进入破产程序"), YanduCoordinator);

        Assert.Equal("企业已进入破产程序", (await RoundAsync(round)).Coordination.ClosedReason);
        Assert.Equal("no-contract", (await Host.SnapshotAsync(round)).Outcome);
    }

    [Fact]
    public async Task Only_a_coordinator_of_the_enterprises_area_may_act_in_coordination()
    {
        var round = await RefusedAndAppliedOnMonday9MarchAsync();

        await RefusedAsync(() => Host.SendAsync(new CloseCoordinationCommand(round, "结案"), TinghuCoordinator), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new ExtendCoordinationCommand(round, "延长"), YanduReviewer), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new CloseCoordinationCommand(round, "结案"), Chair), FailureKind.Forbidden);
        await Host.AssertAtAsync(round, "dispute-coordination");
    }

    [Fact]
    public async Task After_an_unanswered_offer_the_union_may_apply_but_the_silent_employer_may_not()
    {
        var round = await OfferedAsync();
        await Host.AdvanceAsync(TimeSpan.FromDays(30));
        await Host.AssertAtAsync(round, "employer-reply-overdue");

        await RefusedAsync(() => Host.SendAsync(new ApplyForCoordinationCommand(round, Side.Employer, "职工方要求过高"), Employer), FailureKind.Forbidden);
        Assert.Null((await RoundAsync(round)).Coordination.AppliedAt);

        await Host.SendAsync(new ApplyForCoordinationCommand(round, Side.Worker, "企业方逾期未回应要约"), Chair);
        await Host.AssertAtAsync(round, "dispute-coordination");
    }

    [Fact]
    public async Task When_bargaining_fails_either_side_may_apply()
    {
        var round = await AtTheTableAsync();

        await Host.SendAsync(new ApplyForCoordinationCommand(round, Side.Employer, "工资增长幅度分歧较大，协商不成"), Employer);

        Assert.Equal(Side.Employer, (await RoundAsync(round)).Coordination.AppliedBy);
        await Host.AssertAtAsync(round, "dispute-coordination");
    }

    [Fact]
    public async Task After_failed_bargaining_a_coordination_agreement_returns_the_round_to_the_table_with_its_representatives_and_meetings()
    {
        var round = await AtTheTableAsync();
        await Host.SendAsync(new RecordMeetingCommand(round, Side.Worker, "双方就工资增长幅度分歧较大"), Chair);
        await Host.SendAsync(new ScheduleMeetingCommand(round, Side.Employer, Today.AddDays(7), "公司会议室", Side.Employer, "张丽"), Employer);
        await Host.SendAsync(new ApplyForCoordinationCommand(round, Side.Employer, "工资增长幅度分歧较大，协商不成"), Employer);
        await Host.AdvanceAsync(TimeSpan.FromDays(10));

        await Host.SendAsync(new RecordCoordinationAgreementCommand(round, "双方同意恢复协商", ["孙平"], "王建国", "李明"), YanduCoordinator);

        // Back at the table: nobody names representatives again, the minuted meeting stays, the interrupted one is superseded.
        await Host.AssertAtAsync(round, "bargaining");
        Assert.Equal(WorkerSide().Count + EmployerSide().Count, await Host.WithDbAsync(db => db.Representatives.CountAsync(r => r.RoundId == round)));
        var again = await RefusedAsync(() => Host.SendAsync(new NameRepresentativesCommand(round, Side.Worker, WorkerSide()), Chair), FailureKind.Conflict);
        Assert.Contains("已确定协商代表", again.Message);
        var meetings = await Host.WithDbAsync(db => db.Meetings.Where(m => m.RoundId == round).OrderBy(m => m.Number).ToListAsync());
        Assert.Equal("双方就工资增长幅度分歧较大", meetings[0].Minutes);
        Assert.Contains("协调处理协议书", meetings[1].SupersededBecause);

        // The next meeting is scheduled under the agreement, chaired in turn after the last meeting held (Art 34).
        var offered = (await Host.SendAsync(new RoundTimelineQuery(round), Chair)).Actions.Select(a => a.Signal);
        Assert.Contains("schedule-meeting", offered);
        await RefusedAsync(() => Host.SendAsync(new ScheduleMeetingCommand(round, Side.Worker, Today, "公司会议室", Side.Worker, "张丽"), Chair), FailureKind.Rule);
        await Host.SendAsync(new ScheduleMeetingCommand(round, Side.Worker, Today, "公司会议室", Side.Employer, "张丽"), Chair);
        await Host.SendAsync(new AgreeTopicCommand((await TopicsAsync(round)).Single().Id, Side.Employer), Employer);
        await Host.SendAsync(new RecordMeetingCommand(round, Side.Worker, "按协调处理协议达成一致"), Chair);
        await ConcludedAsync(round);
        await Host.AssertAtAsync(round, "congress");
        var minutes = await RefusedAsync(() => Host.SendAsync(new PrintRoundDocumentQuery(round, RoundDocumentKind.MeetingMinutes, 2), Chair), FailureKind.Conflict);
        Assert.Contains("未举行", minutes.Message);
    }

    [Fact]
    public async Task A_meeting_scheduled_before_the_application_and_never_held_no_longer_blocks_the_next_meeting()
    {
        var round = await AtTheTableAsync();
        await Host.SendAsync(new ApplyForCoordinationCommand(round, Side.Worker, "企业方拒不参加协商会议"), Chair);

        await Host.SendAsync(new RecordCoordinationAgreementCommand(round, "企业方同意参加协商", ["孙平"], "王建国", "李明"), YanduCoordinator);

        await Host.AssertAtAsync(round, "bargaining");
        await Host.SendAsync(new ScheduleMeetingCommand(round, Side.Worker, Today.AddDays(3), "公司会议室", Side.Worker, "张丽"), Chair);
        Assert.Equal(2, await CountAsync<Meeting>());
    }

    [Fact]
    public async Task An_application_without_grounds_or_before_any_dispute_is_refused_and_nothing_is_written()
    {
        var round = await OfferedAsync();

        await RefusedAsync(() => Host.SendAsync(new ApplyForCoordinationCommand(round, Side.Worker, ""), Chair), FailureKind.Validation);
        await RefusedAsync(() => Host.SendAsync(new ApplyForCoordinationCommand(round, Side.Worker, "尚未回应"), Chair), FailureKind.Conflict);

        Assert.Null((await RoundAsync(round)).Coordination.AppliedAt);
        await Host.AssertAtAsync(round, "employer-reply");
    }
}
