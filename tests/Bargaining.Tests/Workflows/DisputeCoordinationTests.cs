using System.Text.Json.Nodes;

namespace Bargaining.Tests.Workflows;

// 协调处理, 《集体合同规定》 Art 53: finished within 30 days of accepting the application, extendable by at most 15 days.
public sealed class DisputeCoordinationTests
{
    /// <summary>The employer refuses on Monday 9 March 2026 and the union applies the same day, so coordination's 30th day is Wednesday 8 April.</summary>
    private static async Task<Guid> RefusedOnMonday9MarchAsync(BargainingHost host)
    {
        var round = await host.OfferAsync();
        await host.AdvanceToAsync(China.At(2026, 3, 9, 10));
        await host.SendAsync(round, "refuse", "employer", new JsonObject { ["reason"] = "经营困难" });
        await host.SendAsync(round, "apply-coordination", "union");
        await host.AssertAtAsync(round, "dispute-coordination");
        return round;
    }

    [Fact]
    public async Task Coordination_must_finish_within_30_days()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        var round = await RefusedOnMonday9MarchAsync(host);
        Assert.Equal(new DateOnly(2026, 4, 8), (await host.StepAsync(round, "dispute-coordination")).LastDay);

        await host.AdvanceToAsync(China.At(2026, 4, 8, 23, 59));
        await host.AssertAtAsync(round, "dispute-coordination");
        await host.AdvanceToAsync(China.At(2026, 4, 9, 0, 0));
        await host.AssertAtAsync(round, "coordination-overdue");
    }

    [Fact]
    public async Task An_extension_adds_15_days_to_the_original_last_day_not_to_the_day_it_is_granted()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        var round = await RefusedOnMonday9MarchAsync(host);

        await host.AdvanceToAsync(China.At(2026, 3, 20, 15));
        await host.SendAsync(round, "extend", "coordinator");

        // 8 April + 15 days = Thursday 23 April; 15 days from 20 March would have ended on 7 April.
        var extended = await host.StepAsync(round, "coordination-extended");
        Assert.Equal(new DateOnly(2026, 4, 23), extended.LastDay);
        Assert.Equal(China.At(2026, 4, 24), extended.Due);
        await host.AdvanceToAsync(China.At(2026, 4, 23, 23, 59));
        await host.AssertAtAsync(round, "coordination-extended");
        await host.AdvanceToAsync(China.At(2026, 4, 24, 0, 0));
        await host.AssertAtAsync(round, "coordination-overdue");
    }

    [Fact]
    public async Task A_coordination_agreement_resumes_bargaining_with_naming_representatives()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        var round = await RefusedOnMonday9MarchAsync(host);

        await host.SendAsync(round, "agree", "coordinator");

        await host.AssertAtAsync(round, "employer-representatives", "union-representatives");
    }

    [Fact]
    public async Task A_coordination_agreement_after_failed_bargaining_goes_back_to_the_table_not_to_naming_representatives()
    {
        // Art 54: the dispute arose at the table; the representatives and the meetings held stay.
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        var round = await host.OfferAsync();
        await host.SendAsync(round, "accept", "employer");
        await host.SendAsync(round, "name-representatives", "union");
        await host.SendAsync(round, "name-representatives", "employer");
        await host.SendAsync(round, "schedule-meeting", "union", new JsonObject { ["meeting"] = 1 });
        await host.SendAsync(round, "apply-coordination", "employer");

        await host.SendAsync(round, "agree", "coordinator");

        await host.AssertAtAsync(round, "bargaining");
    }

    [Fact]
    public async Task Closing_coordination_ends_the_round_without_a_contract()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        var round = await RefusedOnMonday9MarchAsync(host);

        await host.SendAsync(round, "close", "coordinator");

        Assert.Equal("no-contract", (await host.SnapshotAsync(round)).Outcome);
    }
}
