using System.Text.Json.Nodes;
using Bargaining.Workflows;
using static Bargaining.Tests.Workflows.OrdinaryProcedure;

namespace Bargaining.Tests.Workflows;

public sealed class BargainingAndCongressTests
{
    private static readonly DateTimeOffset Monday = China.At(2026, 3, 2, 9);

    [Fact]
    public async Task A_suspended_round_waits_and_then_resumes_bargaining()
    {
        // 中止, Art 35.
        await using var host = await BargainingHost.StartAsync(Monday);
        var round = await host.BargainingAsync();

        await host.SendAsync(round, "suspend", "employer", new JsonObject { ["resumeOn"] = "2026-03-30" });
        await host.AssertAtAsync(round, "suspended");
        Assert.Equal(WorkflowErrorCode.NotAllowed, (await host.TrySendAsync(round, "conclude", "union")).Error?.Code);

        await host.AdvanceAsync(TimeSpan.FromDays(60));
        await host.AssertAtAsync(round, "suspended");
        await host.SendAsync(round, "resume", "union");
        await host.AssertAtAsync(round, "bargaining");
    }

    [Fact]
    public async Task At_the_table_either_side_schedules_the_next_meeting_without_a_suspension()
    {
        // 协商会议, Art 34: as many meetings as the sides need; suspension (Art 35) is a separate agreement.
        await using var host = await BargainingHost.StartAsync(Monday);
        var round = await host.BargainingAsync();
        await host.SendAsync(round, "record-meeting", "union", new JsonObject { ["meeting"] = 1 });

        foreach (var role in new[] { "union", "employer" })
            Assert.Contains(await host.WithEngineAsync(e => e.AvailableSignalsAsync(round, role)), a => a.Signal == "schedule-meeting");
        await host.SendAsync(round, "schedule-meeting", "employer", new JsonObject { ["meeting"] = 2 });
        await host.AssertAtAsync(round, "bargaining");
        await host.SendAsync(round, "record-meeting", "employer", new JsonObject { ["meeting"] = 2 });
        await host.AssertAtAsync(round, "bargaining");
    }

    [Theory]
    [InlineData(180, 150, 90)]  // 90 is not more than half of all 180 deputies
    [InlineData(180, 120, 0)]   // 120 present is the quorum: a vote, and a rejection
    public async Task A_draft_the_congress_does_not_adopt_goes_back_to_bargaining(int entitled, int present, int inFavour)
    {
        // 职代会审议, Art 36.
        await using var host = await BargainingHost.StartAsync(Monday);
        var round = await host.BargainingAsync();
        await host.SendAsync(round, "conclude", "union");
        await host.AssertAtAsync(round, "congress");

        await host.SendAsync(round, "record-vote", "union", Vote(entitled, present, inFavour));

        await host.AssertAtAsync(round, "bargaining");
    }

    [Fact]
    public async Task A_meeting_of_119_of_180_is_no_vote_and_the_draft_stays_before_the_congress()
    {
        // Two thirds of 180 is 120 (Art 36): with 119 present the congress is held again.
        await using var host = await BargainingHost.StartAsync(Monday);
        var round = await host.BargainingAsync();
        await host.SendAsync(round, "conclude", "union");

        await host.SendAsync(round, "record-vote", "union", Vote(180, 119, 119));

        await host.AssertAtAsync(round, "congress");
    }

    [Fact]
    public async Task A_draft_adopted_by_91_of_180_with_120_present_goes_to_both_chiefs_for_signature()
    {
        await using var host = await BargainingHost.StartAsync(Monday);
        var round = await host.BargainingAsync();
        await host.SendAsync(round, "conclude", "employer");

        await host.SendAsync(round, "record-vote", "union", Vote(180, 120, 91));

        await host.AssertAtAsync(round, "employer-signature", "union-signature");
    }

    [Fact]
    public async Task Filing_opens_only_once_both_chiefs_have_signed()
    {
        // 签字, Art 37; then 报送, Art 42.
        await using var host = await BargainingHost.StartAsync(Monday);
        var round = await host.BargainingAsync();
        await host.ConcludeAndAdoptAsync(round);

        await host.SendAsync(round, "sign", "employer");
        Assert.DoesNotContain("filing", await host.NodesAsync(round));
        Assert.Contains("union-signature", await host.NodesAsync(round));
        Assert.Equal(WorkflowErrorCode.NotAllowed, (await host.TrySendAsync(round, "file", "employer")).Error?.Code);
        Assert.Equal(WorkflowErrorCode.Forbidden, (await host.TrySendAsync(round, "sign", "employer")).Error?.Code); // only the union's signature is pending

        await host.SendAsync(round, "sign", "union");
        await host.AssertAtAsync(round, "filing");
    }

    [Fact]
    public async Task Only_the_union_records_the_congress_vote()
    {
        await using var host = await BargainingHost.StartAsync(Monday);
        var round = await host.BargainingAsync();
        await host.SendAsync(round, "conclude", "union");

        var byEmployer = await host.TrySendAsync(round, "record-vote", "employer", Vote(180, 120, 91));

        Assert.Equal(WorkflowErrorCode.Forbidden, byEmployer.Error?.Code);
        await host.AssertAtAsync(round, "congress");
    }

    [Fact]
    public async Task A_vote_with_impossible_figures_is_not_counted_as_a_rejection()
    {
        await using var host = await BargainingHost.StartAsync(Monday);
        var round = await host.BargainingAsync();
        await host.SendAsync(round, "conclude", "union");

        var result = await host.TrySendAsync(round, "record-vote", "union", Vote(180, 200, 150));

        if (result.Succeeded) await host.AssertAtAsync(round, "congress");
        else Assert.Equal(WorkflowErrorCode.InvalidInput, result.Error!.Code);
    }
}
