using System.Text.Json.Nodes;
using Bargaining.Workflows;

namespace Bargaining.Tests.Workflows;

// 要约 and 回应, 《集体合同规定》 Art 32: the other side answers in writing within 20 days of receiving the offer (Shanghai:
// 15), counted as 《民法典》 Art 201–203 say: the day of receipt not counted, the last day until 24:00, a last day that is
// a rest day moved to the next working day.
public sealed class OfferAndReplyTests
{
    [Fact]
    public async Task An_offer_received_on_a_Tuesday_must_be_answered_by_the_end_of_the_20th_day()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));

        var round = await host.OfferAsync();

        var reply = await host.StepAsync(round, "employer-reply");
        Assert.Equal(new DateOnly(2026, 3, 23), reply.LastDay);  // Monday, a working day
        Assert.Equal(China.At(2026, 3, 24), reply.Due);
    }

    [Fact]
    public async Task An_offer_received_before_8_in_the_morning_counts_from_the_local_day_not_the_UTC_one()
    {
        // 07:30 on Wednesday 4 March in China is still 3 March in UTC; day 20 is Tuesday 24 March, not Monday 23.
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 4, 7, 30));

        var round = await host.OfferAsync();

        Assert.Equal(new DateOnly(2026, 3, 24), (await host.StepAsync(round, "employer-reply")).LastDay);
    }

    [Fact]
    public async Task An_offer_answered_on_day_20_is_on_time()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));
        var round = await host.OfferAsync();

        await host.AdvanceToAsync(China.At(2026, 3, 23, 23, 59));
        await host.SendAsync(round, "accept", "employer");

        await host.AssertAtAsync(round, "employer-representatives", "union-representatives");
    }

    [Fact]
    public async Task Silence_until_day_21_makes_the_reply_overdue_at_midnight()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));
        var round = await host.OfferAsync();

        await host.AdvanceToAsync(China.At(2026, 3, 23, 23, 59));
        await host.AssertAtAsync(round, "employer-reply");

        await host.AdvanceToAsync(China.At(2026, 3, 24, 0, 0));
        await host.AssertAtAsync(round, "employer-reply-overdue");
        var journal = await host.WithEngineAsync(e => e.JournalAsync(round));
        Assert.Equal(China.At(2026, 3, 24), journal[^1].At);
        Assert.Equal("deadline", journal[^1].Kind);
    }

    [Fact]
    public async Task A_20th_day_on_a_Saturday_moves_the_deadline_to_Monday()
    {
        // Received Sunday 8 March 2026: day 20 is Saturday 28 March, so the last day is Monday 30 March (Art 203).
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 8, 16));
        var round = await host.OfferAsync();

        var reply = await host.StepAsync(round, "employer-reply");
        Assert.Equal(new DateOnly(2026, 3, 30), reply.LastDay);

        await host.AdvanceToAsync(China.At(2026, 3, 30, 23, 59));
        await host.AssertAtAsync(round, "employer-reply");
        await host.AdvanceToAsync(China.At(2026, 3, 31, 0, 0));
        await host.AssertAtAsync(round, "employer-reply-overdue");
    }

    [Fact]
    public async Task A_20th_day_in_the_National_Day_holiday_moves_the_deadline_past_the_holiday()
    {
        // Received Friday 11 September 2026: day 20 is 1 October; the holiday runs to 7 October.
        await using var host = await BargainingHost.StartAsync(China.At(2026, 9, 11, 10));
        var round = await host.OfferAsync();

        Assert.Equal(new DateOnly(2026, 10, 8), (await host.StepAsync(round, "employer-reply")).LastDay);
    }

    [Fact]
    public async Task A_20th_day_on_an_adjusted_working_Saturday_is_not_moved()
    {
        // Received Sunday 8 February 2026: day 20 is Saturday 28 February, a 调休 working day.
        await using var host = await BargainingHost.StartAsync(China.At(2026, 2, 8, 10));
        var round = await host.OfferAsync();

        Assert.Equal(new DateOnly(2026, 2, 28), (await host.StepAsync(round, "employer-reply")).LastDay);
    }

    [Fact]
    public async Task Under_Shanghai_rules_an_offer_is_overdue_after_day_15_while_under_Jiangsu_rules_it_is_not()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));
        var shanghai = await host.OfferAsync("shanghai");
        var jiangsu = await host.OfferAsync("jiangsu");
        Assert.Equal(new DateOnly(2026, 3, 18), (await host.StepAsync(shanghai, "employer-reply")).LastDay);

        await host.AdvanceToAsync(China.At(2026, 3, 18, 23, 59));
        await host.AssertAtAsync(shanghai, "employer-reply");

        await host.AdvanceToAsync(China.At(2026, 3, 19, 0, 0));
        await host.AssertAtAsync(shanghai, "employer-reply-overdue");
        await host.AssertAtAsync(jiangsu, "employer-reply");
    }

    [Fact]
    public async Task A_refusal_goes_to_dispute_coordination_once_the_offering_side_applies()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));
        var round = await host.OfferAsync();

        await host.SendAsync(round, "refuse", "employer", new JsonObject { ["reason"] = "企业正在破产重整" });
        await host.AssertAtAsync(round, "offer-refused");
        await host.SendAsync(round, "apply-coordination", "union");

        await host.AssertAtAsync(round, "dispute-coordination");
    }

    [Fact]
    public async Task The_employer_may_accept_or_refuse_a_union_offer_and_the_union_may_do_neither()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));
        var round = await host.OfferAsync();

        var employer = await host.WithEngineAsync(e => e.AvailableSignalsAsync(round, "employer"));
        var union = await host.WithEngineAsync(e => e.AvailableSignalsAsync(round, "union"));

        Assert.Equal(["accept", "refuse"], employer.Select(s => s.Signal).Order());
        Assert.All(employer, s => Assert.Equal("employer-reply", s.Node));
        Assert.All(employer, s => Assert.Equal(China.At(2026, 3, 24), s.Due));
        Assert.Empty(union);
        var answeringOwnOffer = await host.TrySendAsync(round, "accept", "union");
        Assert.Equal(WorkflowErrorCode.Forbidden, answeringOwnOffer.Error?.Code);
    }

    [Fact]
    public async Task An_employer_offer_starts_at_the_employer_and_the_union_replies()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));
        var round = await host.StartRoundAsync(OrdinaryProcedure.Id, "jiangsu", new JsonObject { ["offeredBy"] = "employer" });
        await host.AssertAtAsync(round, "employer-offer");
        Assert.Equal(WorkflowErrorCode.Forbidden, (await host.TrySendAsync(round, "send-offer", "union")).Error?.Code);

        await host.SendAsync(round, "send-offer", "employer", host.ReceivedToday("offerReceivedOn"));
        await host.AssertAtAsync(round, "union-reply");
        Assert.Equal(new DateOnly(2026, 3, 23), (await host.StepAsync(round, "union-reply")).LastDay);
        Assert.Empty(await host.WithEngineAsync(e => e.AvailableSignalsAsync(round, "employer")));

        await host.SendAsync(round, "accept", "union");
        await host.AssertAtAsync(round, "employer-representatives", "union-representatives");
    }

    [Fact]
    public async Task After_the_reply_period_lapses_only_the_side_that_received_the_offer_may_still_answer_it()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));
        var round = await host.OfferAsync();
        await host.AdvanceToAsync(China.At(2026, 3, 24, 0, 0));
        await host.AssertAtAsync(round, "employer-reply-overdue");

        Assert.False((await host.TrySendAsync(round, "accept", "union")).Succeeded);
        Assert.DoesNotContain(await host.WithEngineAsync(e => e.AvailableSignalsAsync(round, "union")), s => s.Signal is "accept" or "refuse");

        await host.SendAsync(round, "accept", "employer");
        await host.AssertAtAsync(round, "employer-representatives", "union-representatives");
    }
}
