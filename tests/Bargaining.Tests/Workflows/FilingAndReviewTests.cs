using System.Text.Json.Nodes;
using Bargaining.Workflows;

namespace Bargaining.Tests.Workflows;

// 报送 (Art 42: within 10 days of signing) and 审查 (Art 44–47: an objection within 15 days of receipt, otherwise the
// contract takes effect).
public sealed class FilingAndReviewTests
{
    [Fact]
    public async Task A_contract_not_filed_within_10_days_of_signing_is_overdue_from_the_11th_day()
    {
        // Both chiefs sign on Tuesday 17 March 2026; day 10 is Friday 27 March.
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        var round = await host.BargainingAsync();
        await host.ConcludeAndAdoptAsync(round);
        await host.AdvanceToAsync(China.At(2026, 3, 17, 10));
        await host.SignBothAsync(round);
        Assert.Equal(new DateOnly(2026, 3, 27), (await host.StepAsync(round, "filing")).LastDay);

        await host.AdvanceToAsync(China.At(2026, 3, 27, 23, 59));
        await host.AssertAtAsync(round, "filing");
        await host.AdvanceToAsync(China.At(2026, 3, 28, 0, 0));
        await host.AssertAtAsync(round, "filing-overdue");

        await host.SendAsync(round, "file", "employer", host.ReceivedToday("filingReceivedOn"));
        await host.AssertAtAsync(round, "review");
    }

    [Fact]
    public async Task A_wage_agreement_must_be_filed_within_7_days_of_signing_not_10()
    {
        // 《工资集体协商试行办法》 Art 21. Both chiefs sign on Tuesday 17 March 2026; day 7 is Tuesday 24 March.
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        var round = await host.StartRoundAsync(OrdinaryProcedure.Id, "jiangsu", new JsonObject { ["offeredBy"] = "union", ["kind"] = "wage" });
        await host.SendAsync(round, "send-offer", "union", host.ReceivedToday("offerReceivedOn"));
        await host.AcceptAndPrepareAsync(round);
        await host.ConcludeAndAdoptAsync(round);
        await host.AdvanceToAsync(China.At(2026, 3, 17, 10));
        await host.SendAsync(round, "sign", "union");
        await host.SendAsync(round, "sign", "employer");

        Assert.Equal(new DateOnly(2026, 3, 24), (await host.StepAsync(round, "wage-filing")).LastDay);
        await host.AdvanceToAsync(China.At(2026, 3, 25, 0, 0));
        await host.AssertAtAsync(round, "filing-overdue");
    }

    [Fact]
    public async Task The_reviewer_objects_or_clears_the_contract_otherwise_it_takes_effect_by_the_lapse_of_15_days()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        var round = await FiledOnMonday23MarchAsync(host);

        var signals = await host.WithEngineAsync(e => e.AvailableSignalsAsync(round, "reviewer"));

        Assert.Equal(["object", "clear"], signals.Select(s => s.Signal));
    }

    [Fact]
    public async Task An_objection_on_the_15th_day_after_filing_sends_the_contract_back_to_bargaining()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        var round = await FiledOnMonday23MarchAsync(host);

        await host.AdvanceToAsync(China.At(2026, 4, 7, 23, 59));
        await host.AssertAtAsync(round, "review");
        await host.SendAsync(round, "object", "reviewer");

        await host.AssertAtAsync(round, "bargaining");
        await host.AdvanceToAsync(China.At(2026, 5, 1));
        await host.AssertAtAsync(round, "bargaining");
    }

    [Fact]
    public async Task Without_an_objection_the_contract_takes_effect_at_midnight_starting_the_16th_day()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        var round = await FiledOnMonday23MarchAsync(host);
        Assert.Equal(new DateOnly(2026, 4, 7), (await host.StepAsync(round, "review")).LastDay);

        await host.AdvanceToAsync(China.At(2026, 4, 7, 23, 59));
        await host.AssertAtAsync(round, "review");
        await host.AdvanceToAsync(China.At(2026, 4, 8, 0, 0));
        await host.AssertAtAsync(round, "effective");
        Assert.Equal(WorkflowErrorCode.NotAllowed, (await host.TrySendAsync(round, "object", "reviewer")).Error?.Code);

        await host.SendAsync(round, "publish", "union", new JsonObject { ["termEndsOn"] = "2029-04-07" });
        await host.AdvanceToAsync(China.At(2029, 4, 7, 23, 59));
        await host.AssertAtAsync(round, "published");
        await host.AdvanceToAsync(China.At(2029, 4, 8, 0, 0));
        var snapshot = await host.SnapshotAsync(round);
        Assert.Equal(WorkflowStatus.Completed, snapshot.Status);
        Assert.Equal("expired", snapshot.Outcome);
    }

    /// <summary>A round signed on Tuesday 17 March 2026 and filed on Monday 23 March: day 15 is Tuesday 7 April, a working day.</summary>
    private static async Task<Guid> FiledOnMonday23MarchAsync(BargainingHost host)
    {
        var round = await host.BargainingAsync();
        await host.ConcludeAndAdoptAsync(round);
        await host.AdvanceToAsync(China.At(2026, 3, 17, 10));
        await host.SignBothAsync(round);
        await host.AdvanceToAsync(China.At(2026, 3, 23, 14));
        await host.SendAsync(round, "file", "employer", host.ReceivedToday("filingReceivedOn"));
        await host.AssertAtAsync(round, "review");
        return round;
    }
}
