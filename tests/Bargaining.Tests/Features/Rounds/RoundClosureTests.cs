using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Views;

namespace Bargaining.Tests.Features.Rounds;

/// <summary>Rounds that end without a contract: the offer withdrawn after a refusal, a simplified procedure escalated, a lapsed renewal closed.</summary>
public sealed class RoundClosureTests : RoundScenario
{
    [Fact]
    public async Task After_a_refusal_the_offering_side_withdraws_and_the_round_closes_with_its_reason()
    {
        var round = await OfferedAsync();
        await Host.SendAsync(new ReplyToOfferCommand(round, Accept: false, Reason: "企业正在破产重整"), Employer);

        await Host.SendAsync(new WithdrawOfferCommand(round, Side.Worker, "企业进入破产重整程序，暂不具备协商条件"), Chair);

        var timeline = await Host.SendAsync(new RoundTimelineQuery(round), Chair);
        Assert.Equal(RoundStage.Closed, timeline.Stage);
        Assert.Contains(timeline.Journal, j => j.Action.Contains("不再要求协商", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_offering_side_withdraws_only_after_a_refusal_and_only_with_a_reason()
    {
        var round = await OfferedAsync();
        Assert.Equal(FailureKind.Conflict, (await Assert.ThrowsAsync<DomainException>(() => Host.SendAsync(new WithdrawOfferCommand(round, Side.Worker, "不再协商"), Chair))).Kind);
        await Host.SendAsync(new ReplyToOfferCommand(round, Accept: false, Reason: "企业正在破产重整"), Employer);
        Assert.Equal(FailureKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => Host.SendAsync(new WithdrawOfferCommand(round, Side.Employer, "不再协商"), Employer))).Kind);
        Assert.Equal(FailureKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => Host.SendAsync(new WithdrawOfferCommand(round, Side.Worker, "不再协商"), Employer))).Kind);
        Assert.Equal(FailureKind.Validation, (await Assert.ThrowsAsync<DomainException>(() => Host.SendAsync(new WithdrawOfferCommand(round, Side.Worker, ""), Chair))).Kind);
        await Host.AssertAtAsync(round, "offer-refused");
    }

    [Fact]
    public async Task The_county_escalates_a_simplified_round_whose_reply_is_overdue()
    {
        var round = await StartAsync(Procedure.Simplified, RoundKind.HighTemperature);
        await Host.SendAsync(new MakeOfferCommand(round, [new TopicProposal(TopicCatalog.Custom, "高温津贴每月300元", 300, "元/月", Title: "高温津贴")], Today), Chair);
        Assert.Equal(FailureKind.Conflict, (await Assert.ThrowsAsync<DomainException>(() => Host.SendAsync(new EscalateToOrdinaryCommand(round, "督办无果"), YanduStaff))).Kind);

        await Host.AdvanceAsync(TimeSpan.FromDays(25));
        Assert.Equal(FailureKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => Host.SendAsync(new EscalateToOrdinaryCommand(round, "督办无果"), TinghuStaff))).Kind);
        await Host.SendAsync(new EscalateToOrdinaryCommand(round, "电话及书面督办两次无果，转入普通程序"), YanduStaff);

        Assert.Equal(RoundStage.Closed, (await Host.SendAsync(new RoundTimelineQuery(round), YanduStaff)).Stage);
    }

    [Fact]
    public async Task A_renewal_that_has_not_lapsed_cannot_be_closed_and_parties_may_not_close_one()
    {
        var round = await OfferedAsync();
        Assert.Equal(FailureKind.Conflict, (await Assert.ThrowsAsync<DomainException>(() => Host.SendAsync(new CloseLapsedRenewalCommand(round, "不再续订"), YanduStaff))).Kind);
        Assert.Equal(FailureKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => Host.SendAsync(new CloseLapsedRenewalCommand(round, "不再续订"), Chair))).Kind);
        Assert.Equal(FailureKind.Validation, (await Assert.ThrowsAsync<DomainException>(() => Host.SendAsync(new CloseLapsedRenewalCommand(round, " "), YanduStaff))).Kind);
    }
}
