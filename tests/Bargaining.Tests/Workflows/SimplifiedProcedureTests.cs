using Bargaining.Workflows;

namespace Bargaining.Tests.Workflows;

// 简易程序 of 《江苏省集体协商条例》: one offer, one reply, one meeting, minutes or a memo signed on the spot.
public sealed class SimplifiedProcedureTests
{
    [Fact]
    public async Task A_simplified_round_ends_with_minutes_signed_on_the_spot()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));
        var round = await host.StartRoundAsync("simplified-procedure", "jiangsu");

        await host.SendAsync(round, "send-offer", "union", host.ReceivedToday("offerReceivedOn"));
        await host.AssertAtAsync(round, "employer-reply");
        await host.AdvanceAsync(TimeSpan.FromDays(3));
        await host.SendAsync(round, "accept", "employer");
        await host.AssertAtAsync(round, "meeting");
        await host.SendAsync(round, "sign-minutes", "employer");

        var snapshot = await host.SnapshotAsync(round);
        Assert.Equal(WorkflowStatus.Completed, snapshot.Status);
        Assert.Equal("minutes-signed", snapshot.Outcome);
        Assert.Empty(snapshot.Steps);
        Assert.Equal(WorkflowErrorCode.Completed, (await host.TrySendAsync(round, "sign-memo", "union")).Error?.Code);
    }

    [Fact]
    public async Task An_unanswered_simplified_offer_is_overdue_after_day_20()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));
        var round = await host.StartRoundAsync("simplified-procedure", "jiangsu");
        await host.SendAsync(round, "send-offer", "union", host.ReceivedToday("offerReceivedOn"));

        await host.AdvanceToAsync(China.At(2026, 3, 24, 0, 0));

        await host.AssertAtAsync(round, "reply-overdue");
    }
}
