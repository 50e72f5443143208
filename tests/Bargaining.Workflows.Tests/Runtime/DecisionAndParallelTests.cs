using static Bargaining.Workflows.Tests.Support.TestWorkflows;

namespace Bargaining.Workflows.Tests.Runtime;

public sealed class DecisionAndParallelTests : WorkflowDatabaseTest
{
    [Fact]
    public async Task A_reply_that_agrees_meets_the_agreed_condition_and_splits_into_both_drafts()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);

        var split = (await engine.SignalAsync(id, Reply(agrees: true))).Applied();

        Assert.Equal(WorkflowStatus.Running, split.Status);
        Assert.Equal(["employer-draft", "union-draft"], split.Steps.Select(s => s.Node).Order());
        Assert.Contains("\"via\":\"agreed\"", (await engine.JournalAsync(id))[^1].Moves);
    }

    [Fact]
    public async Task A_reply_that_refuses_takes_the_otherwise_branch()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);

        var ended = (await engine.SignalAsync(id, Reply(agrees: false))).Applied();

        Assert.Equal((WorkflowStatus.Completed, "refused"), (ended.Status, ended.Outcome));
    }

    [Fact]
    public async Task Both_drafts_must_arrive_before_the_round_moves_on()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);
        (await engine.SignalAsync(id, Reply(agrees: true))).Applied();

        var half = (await engine.SignalAsync(id, Send("submit-union-draft", "union"))).Applied();

        Assert.Equal(["employer-draft", "prepared"], half.Steps.Select(s => s.Node).Order());
        Assert.Empty(await engine.AvailableSignalsAsync(id, "union"));

        var joined = (await engine.SignalAsync(id, Send("submit-employer-draft", "employer"))).Applied();

        Assert.Equal(["notice"], joined.Steps.Select(s => s.Node));
    }

    [Fact]
    public async Task A_branch_cannot_be_submitted_twice()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);
        (await engine.SignalAsync(id, Reply(agrees: true))).Applied();
        (await engine.SignalAsync(id, Send("submit-union-draft", "union"))).Applied();

        (await engine.SignalAsync(id, Send("submit-union-draft", "union"))).Refused(WorkflowErrorCode.NotAllowed);

        Assert.Equal(["employer-draft", "prepared"], await NodesAsync(engine, id));
    }
}
