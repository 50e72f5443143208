using Bargaining.Domain;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Filing;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Representatives;
using Bargaining.Features.Rounds.Review;
using Bargaining.Features.Rounds.Signing;
using Bargaining.Features.Rounds.Table;

namespace Bargaining.Tests.Features.Rounds;

public sealed class FullRoundTests : RoundScenario
{
    [Fact]
    public async Task A_wage_round_goes_from_start_to_every_topic_settled_at_the_table_through_commands()
    {
        var round = await Host.SendAsync(new StartRoundCommand(Hengda.Id, RoundKind.Wage, Procedure.Ordinary, Side.Worker), Chair);
        await Host.SendAsync(new MakeOfferCommand(round,
            [WageRise(8), new(TopicCatalog.Custom, "高温津贴每月300元", 300, "元/月", Title: "高温津贴"), new("rest-leave", "年休假增加1天")], Today, RepresentativesPerSide: 3), Chair);
        Host.Clock.Advance(TimeSpan.FromDays(10));
        await Host.SendAsync(new ReplyToOfferCommand(round, Accept: true, AddedTopics: [new("rewards-discipline", "完善考勤奖惩制度")]), Employer);
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Employer,
            [Member("李明", chief: true), Member("人事部经理"), Member("外聘劳动法律师", outsider: true)], LegalRepresentative: "陈总", Delegation: "法定代表人陈总授权委托书"), Employer);
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Worker, WorkerSide()), Chair);
        await Host.SendAsync(FirstMeeting(round), Chair);

        var topics = (await TopicsAsync(round)).ToDictionary(t => t.Title, t => t.Id);
        await Host.SendAsync(new CounterProposeCommand(topics["劳动报酬"], Side.Employer, "职工年平均工资增长4%", 4, "%"), Employer);
        await Host.SendAsync(new CounterProposeCommand(topics["劳动报酬"], Side.Worker, "职工年平均工资增长6%", 6, "%"), Chair);
        await Host.SendAsync(new AgreeTopicCommand(topics["劳动报酬"], Side.Employer), Employer);
        await Host.SendAsync(new AgreeTopicCommand(topics["高温津贴"], Side.Employer), Employer);
        await Host.SendAsync(new WithdrawTopicCommand(topics["休息休假"], Side.Worker, "并入综合集体合同协商"), Chair);
        await Host.SendAsync(new AgreeTopicCommand(topics["奖惩"], Side.Worker), Chair);

        var settled = await TopicsAsync(round);
        Assert.All(settled, t => Assert.NotEqual(TopicStatus.Open, t.Status));
        Assert.Equal(6m, settled.Single(t => t.Code == TopicCatalog.Pay).Last.Number);
        await Host.AssertAtAsync(round, "bargaining");
        var actions = await Host.WithEngineAsync(e => e.AvailableSignalsAsync(round, "union"));
        Assert.Contains(actions, a => a.Signal == "conclude");
        var journal = await Host.WithEngineAsync(e => e.JournalAsync(round));
        Assert.Equal(["started", "send-offer", "accept", "name-representatives", "name-representatives", "schedule-meeting"],
            journal.Select(j => j.Signal ?? j.Kind));
        Assert.StartsWith("u-chair", journal[1].Actor);
    }

    [Fact]
    public async Task A_comprehensive_round_goes_from_start_to_an_effective_published_contract_through_commands_only()
    {
        // Monday 2 March 2026, 09:00.
        var round = await Host.SendAsync(new StartRoundCommand(Hengda.Id, RoundKind.Comprehensive, Procedure.Ordinary, Side.Worker), Chair);
        await Host.SendAsync(new MakeOfferCommand(round, [WageRise(8), new("rest-leave", "年休假增加1天")], Today, RepresentativesPerSide: 3), Chair);
        await Host.AdvanceAsync(TimeSpan.FromDays(5));
        await Host.SendAsync(new ReplyToOfferCommand(round, Accept: true), Employer);
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Worker, WorkerSide()), Chair);
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Employer, EmployerSide(), LegalRepresentative: "李明"), Employer);
        await Host.SendAsync(new ScheduleMeetingCommand(round, Side.Worker, Today.AddDays(3), "公司工会会议室", Side.Worker, "张丽"), Chair);

        // First meeting, chaired by the worker chief: the employer counters; then a suspension both chiefs agree.
        await Host.AdvanceAsync(TimeSpan.FromDays(3));
        var topics = (await TopicsAsync(round)).ToDictionary(t => t.Code, t => t.Id);
        await Host.SendAsync(new CounterProposeCommand(topics[TopicCatalog.Pay], Side.Employer, "职工年平均工资增长4%", 4, "%"), Employer);
        await Host.SendAsync(new RecordMeetingCommand(round, Side.Worker, "职工方提出增长8%，企业方提出4%"), Chair);
        await Host.SendAsync(new SuspendCommand(round, Side.Employer, true, true, Today.AddDays(14), "公司会议室", "继续协商工资增长幅度"), Employer);
        await Host.AdvanceAsync(TimeSpan.FromDays(14));
        await Host.SendAsync(new ResumeCommand(round, Side.Employer), Employer);

        // Second meeting, chaired by the employer chief: pay agreed at 6 %, leave withdrawn; the draft concluded.
        await Host.SendAsync(new ScheduleMeetingCommand(round, Side.Employer, Today, "公司会议室", Side.Employer, "张丽", "继续协商工资增长幅度"), Employer);
        await Host.SendAsync(new CounterProposeCommand(topics[TopicCatalog.Pay], Side.Worker, "职工年平均工资增长6%", 6, "%"), Chair);
        await Host.SendAsync(new AgreeTopicCommand(topics[TopicCatalog.Pay], Side.Employer), Employer);
        await Host.SendAsync(new WithdrawTopicCommand(topics["rest-leave"], Side.Worker, "下一年度再议"), Chair);
        await Host.SendAsync(new RecordMeetingCommand(round, Side.Employer, "双方就增长6%达成一致"), Employer);
        var draft = await ConcludedAsync(round);
        Assert.Equal("职工年平均工资增长6%", Assert.Single(draft).Clause);
        await AgreeTermAsync(round);

        // The congress adopts it, both chiefs sign on Tuesday 24 March, the bureau receives it the next day.
        Assert.True((await Host.SendAsync(new RecordCongressVoteCommand(round, 180, 120, 91), Chair)).Adopted);
        await Host.SendAsync(new SignCommand(round, Side.Employer), Employer);
        await Host.SendAsync(new SignCommand(round, Side.Worker), Chair);
        Assert.Equal(new DateOnly(2026, 3, 24), Today);
        await Host.AdvanceAsync(TimeSpan.FromDays(1));
        var filing = await Host.SendAsync(new FileContractCommand(round, Today), Employer);
        Assert.False(filing.Late);
        Assert.Equal(new DateOnly(2026, 4, 3), (await RoundAsync(round)).Filing.DueOn);

        // No objection: 15 days from receipt on 25 March end on Thursday 9 April; effective from the 10th.
        Assert.Equal(new DateOnly(2026, 4, 9), filing.ReviewLastDay);
        await Host.AdvanceToAsync(China.At(2026, 4, 9, 23, 59));
        await Host.AssertAtAsync(round, "review");
        await Host.AdvanceToAsync(China.At(2026, 4, 10, 9));
        await Host.AssertAtAsync(round, "effective");
        await Host.SendAsync(new PublishCommand(round, Today, "厂区公告栏"), Chair);

        var snapshot = await Host.SnapshotAsync(round);
        Assert.Equal("published", Assert.Single(snapshot.Steps).Node);   // in force until its term ends
        var journal = await Host.WithEngineAsync(e => e.JournalAsync(round));
        Assert.Equal(["started", "send-offer", "accept", "name-representatives", "name-representatives", "schedule-meeting", "record-meeting", "suspend",
            "resume", "schedule-meeting", "record-meeting", "conclude", "record-vote", "sign", "sign", "file", "publish"], journal.Where(j => j.Signal is not null || j.Kind == "started").Select(j => j.Signal ?? j.Kind));
    }
}
