using Bargaining.Domain;
using Bargaining.Features.Rounds.Offer;

namespace Bargaining.Tests.Features.Rounds.Offer;

public sealed class MakeOfferTests : RoundScenario
{
    [Fact]
    public async Task The_unions_offer_records_its_topics_and_gives_the_employer_20_days_from_receipt()
    {
        var id = await StartAsync();
        var receivedOn = Today.AddDays(-1);

        await Host.SendAsync(new MakeOfferCommand(id,
            [WageRise(6), new(TopicCatalog.Custom, "夏季高温津贴每月300元", 300, "元/月", Title: "高温津贴")], receivedOn, RepresentativesPerSide: 3), Chair);

        var round = await RoundAsync(id);
        Assert.Equal((receivedOn, 3), (round.Offer.ReceivedOn, round.Offer.RepresentativesPerSide));
        var topics = await TopicsAsync(id);
        Assert.Equal(["劳动报酬", "高温津贴"], topics.Select(t => t.Title).Order(StringComparer.Ordinal));
        var first = Assert.Single(topics.Single(t => t.Code == TopicCatalog.Pay).Positions);
        Assert.Equal((PositionKind.Proposal, Side.Worker, 6m, "%", "u-chair 王建国"), (first.Kind, first.Side, first.Number, first.Unit, first.By));
        // Received 1 March 2026: the 20 days end on Saturday 21 March, a rest day, so the period runs to Monday 23 March (民法典 Art 203).
        Assert.Equal(new DateOnly(2026, 3, 23), (await Host.StepAsync(id, "employer-reply")).LastDay);
    }

    [Fact]
    public async Task A_monthly_wage_below_the_jiangsu_minimum_is_refused_citing_LCL_Art_55_and_nothing_is_written()
    {
        var id = await StartAsync();

        var e = await RefusedAsync(() => Host.SendAsync(new MakeOfferCommand(id,
            [new("working-hours", "每周工作40小时"), new(TopicCatalog.Pay, "企业最低工资标准每月2489元", 2489, "元/月")], Today), Chair), FailureKind.Rule);

        Assert.Contains("《劳动合同法》第五十五条", e.Message);
        Assert.Contains("2490", e.Message);
        Assert.Null((await RoundAsync(id)).Offer.ReceivedOn);
        Assert.Empty(await TopicsAsync(id));
        await Host.AssertAtAsync(id, "union-offer");
    }

    [Fact]
    public async Task A_monthly_wage_at_the_minimum_itself_is_accepted()
    {
        var id = await StartAsync();

        await Host.SendAsync(new MakeOfferCommand(id, [new(TopicCatalog.Pay, "企业最低工资标准每月2490元", 2490, "元/月")], Today), Chair);

        await Host.AssertAtAsync(id, "employer-reply");
    }

    [Fact]
    public async Task An_offer_without_topics_or_with_an_unknown_code_is_refused()
    {
        var id = await StartAsync();

        var empty = await RefusedAsync(() => Host.SendAsync(new MakeOfferCommand(id, [], Today), Chair), FailureKind.Validation);
        var unknown = await RefusedAsync(() => Host.SendAsync(new MakeOfferCommand(id, [new("bonus", "年终奖")], Today), Chair), FailureKind.Validation);
        var unitless = await RefusedAsync(() => Host.SendAsync(new MakeOfferCommand(id, [new(TopicCatalog.Pay, "增长6", 6)], Today), Chair), FailureKind.Validation);

        Assert.Contains("第八条", empty.Message);
        Assert.Contains("“bonus”", unknown.Message);
        Assert.Contains("单位", unitless.Message);
    }

    [Fact]
    public async Task An_offer_received_tomorrow_is_refused()
    {
        var id = await StartAsync();

        await RefusedAsync(() => Host.SendAsync(new MakeOfferCommand(id, [WageRise(6)], Today.AddDays(1)), Chair), FailureKind.Rule);
    }

    [Fact]
    public async Task An_offer_proposing_two_representatives_a_side_is_refused_citing_Art_19()
    {
        var id = await StartAsync();

        var e = await RefusedAsync(() => Host.SendAsync(new MakeOfferCommand(id, [WageRise(6)], Today, RepresentativesPerSide: 2), Chair), FailureKind.Rule);

        Assert.Contains("第十九条", e.Message);
        Assert.Empty(await TopicsAsync(id));
    }

    [Fact]
    public async Task Only_the_offering_side_sends_the_offer()
    {
        var id = await StartAsync();

        var e = await RefusedAsync(() => Host.SendAsync(new MakeOfferCommand(id, [WageRise(6)], Today), Employer), FailureKind.Forbidden);

        Assert.Contains("职工方", e.Message);
        Assert.Empty(await TopicsAsync(id));
    }

    [Fact]
    public async Task A_second_offer_in_the_same_round_is_refused_and_adds_no_topic()
    {
        var id = await OfferedAsync();

        await RefusedAsync(() => Host.SendAsync(new MakeOfferCommand(id, [new("working-hours", "每周工作40小时")], Today), Chair), FailureKind.Conflict);

        Assert.Single(await TopicsAsync(id));
    }
}
