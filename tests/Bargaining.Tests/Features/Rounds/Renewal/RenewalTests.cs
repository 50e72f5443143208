using Bargaining.Domain;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Renewal;

namespace Bargaining.Tests.Features.Rounds.Renewal;

// 续签, 《集体合同规定》 Art 38: within the 3 months before expiry; 3 months before 31 May is 28 February (《民法典》 Art 202).
public sealed class RenewalTests : RoundScenario
{
    /// <summary>The 6 % wage contract filed on 2 March 2026 takes effect on 18 March, the review having lapsed.</summary>
    private async Task<Guid> EffectiveAsync()
    {
        var round = await FiledAsync();
        await Host.AdvanceToAsync(China.At(2026, 3, 18, 9));
        await Host.AssertAtAsync(round, "effective");
        return round;
    }

    [Fact]
    public async Task Before_the_window_the_offer_is_refused_naming_28_February_and_inside_it_is_pre_filled_from_the_contract()
    {
        var current = await EffectiveAsync();
        var renewal = await Host.SendAsync(new StartRenewalCommand(current, new DateOnly(2027, 5, 31), Side.Worker), Chair);
        await Host.AssertAtAsync(renewal, "awaiting-window");

        await Host.AdvanceToAsync(China.At(2027, 2, 27, 23, 59));
        var e = await RefusedAsync(() => Host.SendAsync(new MakeOfferCommand(renewal, [], Today), Chair), FailureKind.Rule);
        Assert.Contains("2027年2月28日", e.Message);
        Assert.Contains("第三十八条", e.Message);
        Assert.Empty(await TopicsAsync(renewal));
        Assert.Null((await RoundAsync(renewal)).Offer.MadeAt);
        await Host.AssertAtAsync(renewal, "awaiting-window");

        await Host.AdvanceToAsync(China.At(2027, 2, 28, 0, 0));
        await Host.SendAsync(new MakeOfferCommand(renewal, [new("rest-leave", "年休假增加1天")], Today), Chair);

        var topics = await TopicsAsync(renewal);
        Assert.Equal(["年休假增加1天", "职工年平均工资增长6%"], topics.Select(t => t.Last.Clause).Order());
        Assert.Equal(6m, topics.Single(t => t.Code == TopicCatalog.Pay).Last.Number);
        await Host.AssertAtAsync(renewal, "employer-reply");
        var saved = await RoundAsync(renewal);
        Assert.Equal((current, RoundKind.Wage), (saved.Renewal.RenewsRoundId!.Value, saved.Kind));
    }

    [Fact]
    public async Task A_topic_in_the_renewal_offer_replaces_the_current_clause_of_the_same_topic()
    {
        var current = await EffectiveAsync();
        var renewal = await Host.SendAsync(new StartRenewalCommand(current, new DateOnly(2026, 6, 30), Side.Worker), Chair);
        await Host.AdvanceToAsync(China.At(2026, 3, 30, 9));
        await Host.AssertAtAsync(renewal, "renewal-window");

        await Host.SendAsync(new MakeOfferCommand(renewal, [WageRise(8)], Today), Chair);

        Assert.Equal("职工年平均工资增长8%", Assert.Single(await TopicsAsync(renewal)).Last.Clause);
    }

    [Fact]
    public async Task A_contract_not_yet_effective_cannot_be_renewed_and_nothing_is_written()
    {
        var current = await FiledAsync();
        var before = await CountAsync<Round>();

        var e = await RefusedAsync(() => Host.SendAsync(new StartRenewalCommand(current, new DateOnly(2027, 5, 31), Side.Worker), Chair), FailureKind.Conflict);

        Assert.Contains("第三十八条", e.Message);
        Assert.Equal(before, await CountAsync<Round>());
    }

    [Fact]
    public async Task A_contract_is_renewed_once_and_only_by_its_own_enterprise()
    {
        var current = await EffectiveAsync();
        await Host.SendAsync(new StartRenewalCommand(current, new DateOnly(2027, 5, 31), Side.Worker), Chair);
        var before = await CountAsync<Round>();

        await RefusedAsync(() => Host.SendAsync(new StartRenewalCommand(current, new DateOnly(2027, 5, 31), Side.Employer), Employer), FailureKind.Conflict);
        await RefusedAsync(() => Host.SendAsync(new StartRenewalCommand(current, new DateOnly(2027, 5, 31), Side.Worker), TinghuStaff), FailureKind.Forbidden);

        Assert.Equal(before, await CountAsync<Round>());
    }
}
