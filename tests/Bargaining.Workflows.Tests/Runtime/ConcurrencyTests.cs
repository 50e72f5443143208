using static Bargaining.Workflows.Tests.Support.TestWorkflows;

namespace Bargaining.Workflows.Tests.Runtime;

/// <summary>Two engines on two contexts over one file, held by a <see cref="WriteBarrier"/> until both have read.</summary>
public sealed class ConcurrencyTests : WorkflowDatabaseTest
{
    [Fact]
    public async Task Of_two_simultaneous_replies_exactly_one_is_applied_and_the_other_is_a_conflict()
    {
        var id = await StartRoundAsync(NewEngine());
        var barrier = new WriteBarrier(parties: 2);
        WorkflowEngine first = NewEngine(null, barrier), second = NewEngine(null, barrier);

        var results = await Task.WhenAll(
            Task.Run(() => first.SignalAsync(id, Reply(agrees: true))),
            Task.Run(() => second.SignalAsync(id, Reply(agrees: false))));

        var winner = Assert.Single(results, r => r.Succeeded).Instance!;
        Assert.Single(results, r => r.Error?.Code == WorkflowErrorCode.Conflict);
        var now = (await NewEngine().GetAsync(id))!;
        Assert.Equal((winner.Revision, winner.Status, winner.Steps.Count), (now.Revision, now.Status, now.Steps.Count));
        Assert.Equal(2, (await NewEngine().JournalAsync(id)).Count);
        Assert.True((await NewEngine().VerifyJournalAsync(id)).Valid);
    }

    [Fact]
    public async Task A_deadline_fired_by_two_processors_at_once_fires_once()
    {
        var id = await StartRoundAsync(NewEngine());
        Clock.SetUtcNow(ReplyDeadline);
        var barrier = new WriteBarrier(parties: 2);
        WorkflowEngine first = NewEngine(null, barrier), second = NewEngine(null, barrier);

        var fired = await Task.WhenAll(
            Task.Run(() => first.FireDueTimersAsync()),
            Task.Run(() => second.FireDueTimersAsync()));

        Assert.Equal(1, fired.Sum());
        var engine = NewEngine();
        Assert.Equal(["overdue"], await NodesAsync(engine, id));
        Assert.Single(await engine.JournalAsync(id), e => e.Kind == "deadline");
        Assert.Equal(0, await engine.FireDueTimersAsync());
    }
}
