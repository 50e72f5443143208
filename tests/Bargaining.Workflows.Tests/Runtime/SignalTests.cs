using System.Text.Json;
using Bargaining.Workflows.Persistence;
using Bargaining.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using static Bargaining.Workflows.Tests.Support.TestWorkflows;

namespace Bargaining.Workflows.Tests.Runtime;

public sealed class SignalTests : WorkflowDatabaseTest
{
    [Fact]
    public async Task A_round_starts_takes_a_refusal_and_ends_with_a_valid_journal()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);

        var ended = (await engine.SignalAsync(id, Reply(agrees: false))).Applied();

        Assert.Equal((WorkflowStatus.Completed, "refused", 1), (ended.Status, ended.Outcome, ended.Revision));
        Assert.Empty(ended.Steps);
        var journal = await engine.JournalAsync(id);
        Assert.Equal([("started", "union-chair", null), ("signal", "hr-director", "employer")], journal.Select(e => (e.Kind, e.Actor, e.Role)));
        Assert.Equal(JournalHash.Genesis, journal[0].PreviousHash);
        Assert.Equal(journal[0].Hash, journal[1].PreviousHash);
        Assert.Equal(
            [new Move("await-reply", "check-reply", "reply"), new Move("check-reply", "refused", "otherwise")],
            JsonSerializer.Deserialize<List<Move>>(journal[1].Moves, JsonSerializerOptions.Web));
        Assert.Equal(new JournalVerification(true, 2, null, null), await engine.VerifyJournalAsync(id));
        Assert.Empty(await Database.NewContext().Set<WorkflowTimerRecord>().ToListAsync()); // the reply deadline went with the step
    }

    [Fact]
    public async Task A_signal_from_a_role_the_step_does_not_allow_is_forbidden_and_changes_nothing()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);

        var error = (await engine.SignalAsync(id, new Signal("reply", "union-chair", "union"))).Refused(WorkflowErrorCode.Forbidden);

        Assert.Contains("role 'union' may not send 'reply'", error.Message);
        Assert.Equal(["await-reply"], await NodesAsync(engine, id));
        Assert.Single(await engine.JournalAsync(id));
    }

    [Fact]
    public async Task A_signal_the_current_step_does_not_accept_is_not_allowed()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);

        var error = (await engine.SignalAsync(id, Send("submit-employer-draft", "employer"))).Refused(WorkflowErrorCode.NotAllowed);

        Assert.Contains("'submit-employer-draft' is not possible now", error.Message);
        Assert.Single(await engine.JournalAsync(id));
    }

    [Fact]
    public async Task A_signal_after_the_round_has_ended_is_refused_as_completed()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);
        (await engine.SignalAsync(id, Reply(agrees: false))).Applied();

        var error = (await engine.SignalAsync(id, Reply(agrees: true))).Refused(WorkflowErrorCode.Completed);

        Assert.Contains("already ended (refused)", error.Message);
        Assert.Equal(2, (await engine.JournalAsync(id)).Count);
    }

    [Fact]
    public async Task A_signal_to_an_unknown_instance_is_not_found()
    {
        var error = (await NewEngine().SignalAsync(Guid.NewGuid(), Reply(agrees: true))).Refused(WorkflowErrorCode.NotFound);

        Assert.Contains("no workflow instance", error.Message);
    }

    [Fact]
    public async Task A_repeated_idempotency_key_returns_the_first_outcome_and_journals_nothing()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);
        var first = await engine.SignalAsync(id, Reply(agrees: true, idempotencyKey: "reply-7f3a"));

        // The repeat even carries the opposite answer: the first one stands.
        var repeated = await engine.SignalAsync(id, Reply(agrees: false, idempotencyKey: "reply-7f3a"));

        Assert.False(first.Duplicate);
        Assert.True(repeated.Duplicate);
        Assert.Equal(Summary(first.Applied()), Summary(repeated.Applied()));
        Assert.Equal(["employer-draft", "union-draft"], await NodesAsync(engine, id));
        Assert.Equal(2, (await engine.JournalAsync(id)).Count);
    }

    [Fact]
    public async Task A_snapshot_carries_the_variables_with_the_payloads_merged_in_as_a_copy_and_a_repeat_carries_them_too()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);
        Assert.Empty((await engine.GetAsync(id))!.Variables);

        var first = (await engine.SignalAsync(id, Reply(agrees: true, idempotencyKey: "reply-1"))).Applied();
        first.Variables["agrees"] = false;
        var repeated = (await engine.SignalAsync(id, Reply(agrees: false, idempotencyKey: "reply-1"))).Applied();

        Assert.True(repeated.Variables["agrees"]!.GetValue<bool>());
        Assert.True((await engine.GetAsync(id))!.Variables["agrees"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_idempotency_key_reused_for_another_signal_is_refused_and_changes_nothing()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);
        (await engine.SignalAsync(id, Reply(agrees: true, idempotencyKey: "k-1"))).Applied();

        var error = (await engine.SignalAsync(id, Send("submit-union-draft", "union") with { IdempotencyKey = "k-1" })).Refused(WorkflowErrorCode.InvalidInput);

        Assert.Contains("'reply'", error.Message);
        Assert.Equal(["employer-draft", "union-draft"], await NodesAsync(engine, id));
        Assert.Equal(2, (await engine.JournalAsync(id)).Count);
    }

    [Fact]
    public async Task Each_role_sees_only_the_signals_it_may_send_now()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);

        Assert.Equal([new AvailableSignal("await-reply", "等待书面回应", "reply", "书面回应", ReplyDeadline)], await engine.AvailableSignalsAsync(id, "employer"));
        Assert.Empty(await engine.AvailableSignalsAsync(id, "union"));

        (await engine.SignalAsync(id, Reply(agrees: true))).Applied();

        Assert.Equal(["submit-union-draft"], (await engine.AvailableSignalsAsync(id, "union")).Select(s => s.Signal));
        Assert.Equal(["submit-employer-draft"], (await engine.AvailableSignalsAsync(id, "employer")).Select(s => s.Signal));
    }

    private static string Summary(WorkflowSnapshot s) =>
        $"{s.Id} v{s.DefinitionVersion} r{s.Revision} {s.Status} {string.Join(",", s.Steps.Select(step => $"{step.Node}@{step.EnteredAt:O}"))}";
}
