using Bargaining.Domain;
using Bargaining.Features.Rounds;

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
}
