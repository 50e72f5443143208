using Bargaining.Demo;
using Bargaining.Workflows;

namespace Bargaining.Tests.Workflows;

// The scripted Yancheng rounds that the CLI demo and the benchmark drive, run through the real engine.
public sealed class DemoRoundTests
{
    private static readonly DateTimeOffset CampaignStart = China.At(2026, 3, 2, 9);

    [Fact]
    public async Task The_scripted_ordinary_round_is_in_force_with_an_unbroken_journal()
    {
        await using var host = await BargainingHost.StartAsync(CampaignStart);

        var round = await host.RunAsync(DemoRounds.Ordinary());

        var snapshot = await host.SnapshotAsync(round);
        Assert.Equal((WorkflowStatus.Running, "published", new DateOnly(2029, 4, 30)), (snapshot.Status, Assert.Single(snapshot.Steps).Node, snapshot.Steps[0].LastDay));
        var journal = await host.WithEngineAsync(e => e.JournalAsync(round));
        Assert.Contains(journal, j => j.Kind == "deadline" && j.Node == "review"); // took effect by silence (Art 47)
        var verification = await host.WithEngineAsync(e => e.VerifyJournalAsync(round));
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(journal.Count, verification.Entries);
    }

    [Fact]
    public async Task The_scripted_unanswered_simplified_offer_is_escalated_by_the_county_union()
    {
        await using var host = await BargainingHost.StartAsync(CampaignStart);

        var round = await host.RunAsync(DemoRounds.OverdueReply());

        var snapshot = await host.SnapshotAsync(round);
        Assert.Equal("escalated", snapshot.Outcome);
        Assert.True((await host.WithEngineAsync(e => e.VerifyJournalAsync(round))).Valid);
    }
}
