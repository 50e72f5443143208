using Bargaining.Domain;
using Bargaining.Features.Rounds.Table;
using Bargaining.Features.Rounds.Views;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Features.Rounds.Table;

/// <summary>Proposals, counterproposals, agreement and withdrawal on a topic, and its history with the gap.</summary>
public sealed class TopicTests : RoundScenario
{
    private async Task<(Guid Round, Guid Pay)> PayTopicAtTheTableAsync()
    {
        var round = await AtTheTableAsync();
        var pay = (await TopicsAsync(round)).Single(t => t.Code == TopicCatalog.Pay).Id;
        return (round, pay);
    }

    private Task<TopicHistory> HistoryAsync(Guid topic) => Host.SendAsync(new TopicHistoryQuery(topic), YanduStaff);

    [Fact]
    public async Task Offers_and_counteroffers_narrow_the_gap_until_the_union_accepts_and_the_history_shows_each_step()
    {
        var (_, pay) = await PayTopicAtTheTableAsync();

        await Host.SendAsync(new CounterProposeCommand(pay, Side.Employer, "职工年平均工资增长3%", 3, "%"), Employer);
        await Host.SendAsync(new CounterProposeCommand(pay, Side.Worker, "职工年平均工资增长5%", 5, "%"), Chair);
        await Host.SendAsync(new CounterProposeCommand(pay, Side.Employer, "职工年平均工资增长4.5%", 4.5m, "%"), Employer);
        await Host.SendAsync(new AgreeTopicCommand(pay, Side.Worker), Chair);

        var history = await HistoryAsync(pay);
        Assert.Equal(TopicStatus.Agreed, history.Status);
        Assert.Equal([PositionKind.Proposal, PositionKind.Counterproposal, PositionKind.Counterproposal, PositionKind.Counterproposal, PositionKind.Agreement],
            history.Moves.Select(m => m.Kind));
        Assert.Equal([null, 3m, 2m, 0.5m, 0m], history.Moves.Select(m => m.Gap));
        Assert.Equal((4.5m, "职工年平均工资增长4.5%"), (history.Moves[^1].Number, history.Moves[^1].Clause));
        Assert.Equal("u-chair 王建国", history.Moves[^1].By);
        Assert.Equal(2490m, history.MinimumWage!.Monthly);
        Assert.Equal((3m, 6m, 9m), (history.Guideline!.Lower, history.Guideline.Benchmark, history.Guideline.Upper));
        Assert.Equal("介于下线3%与基准线6%之间", history.Moves[1].AgainstGuideline);
    }

    [Fact]
    public async Task A_side_cannot_counter_or_accept_its_own_last_position()
    {
        var (_, pay) = await PayTopicAtTheTableAsync();

        await RefusedAsync(() => Host.SendAsync(new CounterProposeCommand(pay, Side.Worker, "增长7%", 7, "%"), Chair), FailureKind.Conflict);
        await RefusedAsync(() => Host.SendAsync(new AgreeTopicCommand(pay, Side.Worker), Chair), FailureKind.Conflict);

        Assert.Single((await HistoryAsync(pay)).Moves);
    }

    [Fact]
    public async Task An_agreed_topic_takes_no_more_moves()
    {
        var (_, pay) = await PayTopicAtTheTableAsync();
        await Host.SendAsync(new AgreeTopicCommand(pay, Side.Employer), Employer);

        var e = await RefusedAsync(() => Host.SendAsync(new CounterProposeCommand(pay, Side.Worker, "增长7%", 7, "%"), Chair), FailureKind.Conflict);

        Assert.Contains("已达成一致", e.Message);
        Assert.Equal(2, (await HistoryAsync(pay)).Moves.Count);
    }

    [Fact]
    public async Task A_counterproposal_below_the_minimum_wage_is_refused_and_not_recorded()
    {
        var round = await AtTheTableAsync();
        var floor = await Host.SendAsync(new ProposeCommand(round, Side.Worker, new(TopicCatalog.Pay, "企业最低工资每月2600元", 2600, "元/月", Title: "企业最低工资")), Chair);

        var e = await RefusedAsync(() => Host.SendAsync(new CounterProposeCommand(floor, Side.Employer, "企业最低工资每月2400元", 2400, "元/月"), Employer), FailureKind.Rule);

        Assert.Contains("《劳动合同法》第五十五条", e.Message);
        Assert.Single((await HistoryAsync(floor)).Moves);
    }

    [Fact]
    public async Task A_proposal_at_the_table_opens_a_new_topic_or_adds_a_fresh_position_to_an_open_one()
    {
        var round = await AtTheTableAsync();

        var hours = await Host.SendAsync(new ProposeCommand(round, Side.Employer, new("working-hours", "实行综合计算工时制")), Employer);
        var again = await Host.SendAsync(new ProposeCommand(round, Side.Employer, new("working-hours", "旺季实行综合计算工时制")), Employer);

        Assert.Equal(hours, again);
        Assert.Equal(["实行综合计算工时制", "旺季实行综合计算工时制"], (await HistoryAsync(hours)).Moves.Select(m => m.Clause));
    }

    [Fact]
    public async Task Only_the_side_that_raised_a_topic_may_withdraw_it()
    {
        var (_, pay) = await PayTopicAtTheTableAsync();

        var e = await RefusedAsync(() => Host.SendAsync(new WithdrawTopicCommand(pay, Side.Employer, "不谈工资"), Employer), FailureKind.Rule);
        await Host.SendAsync(new WithdrawTopicCommand(pay, Side.Worker, "改为下一年度专项协商"), Chair);

        Assert.Contains("只能由职工方撤回", e.Message);
        var history = await HistoryAsync(pay);
        Assert.Equal((TopicStatus.Withdrawn, PositionKind.Withdrawal, (decimal?)null), (history.Status, history.Moves[^1].Kind, history.Moves[^1].Gap));
    }

    [Fact]
    public async Task Positions_cannot_be_exchanged_before_the_bargaining_table()
    {
        var round = await AcceptedAsync();
        var pay = (await TopicsAsync(round)).Single().Id;

        var e = await RefusedAsync(() => Host.SendAsync(new CounterProposeCommand(pay, Side.Employer, "增长3%", 3, "%"), Employer), FailureKind.Conflict);

        Assert.Contains("确定协商代表", e.Message);
    }

    [Fact]
    public async Task The_union_chair_may_not_speak_for_the_employer()
    {
        var (_, pay) = await PayTopicAtTheTableAsync();

        await RefusedAsync(() => Host.SendAsync(new AgreeTopicCommand(pay, Side.Employer), Chair), FailureKind.Forbidden);
    }

    [Fact]
    public async Task Staff_of_another_county_may_not_read_a_topics_history()
    {
        var (_, pay) = await PayTopicAtTheTableAsync();

        await RefusedAsync(() => Host.SendAsync(new TopicHistoryQuery(pay), TinghuStaff), FailureKind.Forbidden);
    }
}

public sealed class PositionRecordTests : RoundScenario
{
    [Theory]
    [InlineData("UPDATE positions SET \"Number\" = 9")]
    [InlineData("DELETE FROM positions")]
    public async Task The_database_refuses_to_rewrite_or_remove_a_recorded_position(string sql)
    {
        await OfferedAsync();

        var e = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Host.WithDatabaseAsync(db => db.Database.ExecuteSqlRawAsync(sql)));

        Assert.Contains("append-only", e.Message);
        Assert.Equal(1, await CountAsync<Position>());
    }
}
