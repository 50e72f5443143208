using System.Text.Json.Nodes;
using Bargaining.Workflows;

namespace Bargaining.Tests.Workflows;

// 续订, 《集体合同规定》 Art 38: either side may ask to renew within the 3 months before expiry. "3 months before
// 31 May" has no 31 February, so the window opens on the last day of February (《民法典》 Art 202).
public sealed class RenewalTests
{
    private static JsonObject ExpiringOn31May2027(string offeredBy = "union") =>
        new() { ["expiresOn"] = "2027-05-31", ["offeredBy"] = offeredBy, ["enterprise"] = "东台市鑫源电子有限公司" };

    [Fact]
    public async Task The_renewal_window_opens_at_midnight_on_28_February_for_a_contract_expiring_on_31_May()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2027, 1, 15, 9));
        var round = await host.StartRoundAsync("renewal", "jiangsu", ExpiringOn31May2027());

        var waiting = await host.StepAsync(round, "awaiting-window");
        Assert.Equal(China.At(2027, 2, 28), waiting.Due);
        Assert.Equal(new DateOnly(2027, 2, 28), waiting.LastDay);

        await host.AdvanceToAsync(China.At(2027, 2, 27, 23, 59));
        await host.AssertAtAsync(round, "awaiting-window");
        await host.AdvanceToAsync(China.At(2027, 2, 28, 0, 0));
        await host.AssertAtAsync(round, "renewal-window");
    }

    [Fact]
    public async Task A_renewal_offer_before_the_window_is_not_possible_and_inside_it_is()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2027, 1, 15, 9));
        var round = await host.StartRoundAsync("renewal", "jiangsu", ExpiringOn31May2027());

        await host.AdvanceToAsync(China.At(2027, 2, 27, 23, 59));
        var early = await host.TrySendAsync(round, "send-offer", "union");
        Assert.Equal(WorkflowErrorCode.NotAllowed, early.Error?.Code);
        Assert.Empty(await host.WithEngineAsync(e => e.AvailableSignalsAsync(round, "union")));

        await host.AdvanceToAsync(China.At(2027, 2, 28, 0, 0));
        await host.SendAsync(round, "send-offer", "union", host.ReceivedToday("offerReceivedOn", new JsonObject { ["basedOn"] = "2024年综合集体合同" }));

        await host.AssertAtAsync(round, "employer-reply");
    }

    [Fact]
    public async Task An_employer_renewal_offer_is_answered_by_the_union()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2027, 1, 15, 9));
        var round = await host.StartRoundAsync("renewal", "jiangsu", ExpiringOn31May2027(offeredBy: "employer"));
        await host.AdvanceToAsync(China.At(2027, 3, 1, 9));

        await host.SendAsync(round, "send-offer", "employer", host.ReceivedToday("offerReceivedOn"));

        await host.AssertAtAsync(round, "union-reply");
        await host.SendAsync(round, "accept", "union");
        await host.AssertAtAsync(round, "employer-representatives", "union-representatives");
    }

    [Fact]
    public async Task A_contract_not_renewed_by_its_expiry_is_flagged_to_the_county_union_the_next_day()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2027, 1, 15, 9));
        var round = await host.StartRoundAsync("renewal", "jiangsu", ExpiringOn31May2027());

        await host.AdvanceToAsync(China.At(2027, 5, 31, 23, 59));
        await host.AssertAtAsync(round, "renewal-window");
        await host.AdvanceToAsync(China.At(2027, 6, 1, 0, 0));
        await host.AssertAtAsync(round, "expired");

        await host.SendAsync(round, "close", "county-union");
        Assert.Equal("lapsed", (await host.SnapshotAsync(round)).Outcome);
    }
}
