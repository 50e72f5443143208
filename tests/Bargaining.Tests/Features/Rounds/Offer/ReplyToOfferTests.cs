using Bargaining.Domain;
using Bargaining.Features.Rounds.Offer;

namespace Bargaining.Tests.Features.Rounds.Offer;

public sealed class ReplyToOfferTests : RoundScenario
{
    [Fact]
    public async Task The_employer_accepts_adds_a_topic_and_both_sides_are_asked_for_representatives()
    {
        var id = await OfferedAsync();

        await Host.SendAsync(new ReplyToOfferCommand(id, Accept: true, AddedTopics: [new("labour-contracts", "劳动合同期限一般不少于三年")]), Employer);

        var round = await RoundAsync(id);
        Assert.True(round.Response.Accepted);
        var added = (await TopicsAsync(id)).Single(t => t.Code == "labour-contracts");
        Assert.Equal(Side.Employer, added.RaisedBy);
        await Host.AssertAtAsync(id, "employer-representatives", "union-representatives");
    }

    [Fact]
    public async Task A_refusal_with_a_reason_is_recorded_and_the_union_may_ask_for_coordination()
    {
        var id = await OfferedAsync();

        await Host.SendAsync(new ReplyToOfferCommand(id, Accept: false, Reason: "企业正在破产重整，无法协商工资"), Employer);

        Assert.Equal("企业正在破产重整，无法协商工资", (await RoundAsync(id)).Response.RefusalReason);
        await Host.AssertAtAsync(id, "offer-refused");
    }

    [Fact]
    public async Task A_refusal_without_a_reason_is_refused_citing_Art_32_and_nothing_is_written()
    {
        var id = await OfferedAsync();

        var e = await RefusedAsync(() => Host.SendAsync(new ReplyToOfferCommand(id, Accept: false, Reason: " "), Employer), FailureKind.Validation);

        Assert.Contains("正当理由", e.Message);
        Assert.Contains("第三十二条", e.Message);
        Assert.Null((await RoundAsync(id)).Response.Accepted);
        await Host.AssertAtAsync(id, "employer-reply");
    }

    [Fact]
    public async Task The_offering_side_cannot_answer_its_own_offer()
    {
        var id = await OfferedAsync();

        await RefusedAsync(() => Host.SendAsync(new ReplyToOfferCommand(id, Accept: true), Chair), FailureKind.Forbidden);
    }

    [Fact]
    public async Task An_added_topic_already_on_the_table_is_refused_and_the_response_is_not_recorded()
    {
        var id = await OfferedAsync();

        var e = await RefusedAsync(() => Host.SendAsync(new ReplyToOfferCommand(id, Accept: true, AddedTopics: [WageRise(2)]), Employer), FailureKind.Conflict);

        Assert.Contains("劳动报酬", e.Message);
        Assert.Null((await RoundAsync(id)).Response.Accepted);
        Assert.Single(await TopicsAsync(id));
        await Host.AssertAtAsync(id, "employer-reply");
    }

    [Fact]
    public async Task A_reply_after_the_period_still_opens_bargaining_from_the_overdue_step()
    {
        var id = await OfferedAsync();
        await Host.AdvanceToAsync(China.At(2026, 3, 24, 9));
        await Host.AssertAtAsync(id, "employer-reply-overdue");

        await Host.SendAsync(new ReplyToOfferCommand(id, Accept: true), Employer);

        await Host.AssertAtAsync(id, "employer-representatives", "union-representatives");
    }

    [Fact]
    public async Task A_second_reply_is_refused()
    {
        var id = await AcceptedAsync();

        await RefusedAsync(() => Host.SendAsync(new ReplyToOfferCommand(id, Accept: false, Reason: "改变主意"), Employer), FailureKind.Conflict);
    }
}
