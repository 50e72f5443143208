using static Bargaining.Workflows.Tests.Support.TestWorkflows;

namespace Bargaining.Workflows.Tests.Runtime;

/// <summary>The reply period is 20 days from Tuesday 3 March 2026 15:00: day 20 is Monday 23 March.</summary>
public sealed class TimerTests : WorkflowDatabaseTest
{
    [Fact]
    public async Task The_reply_step_shows_its_last_day_and_when_it_lapses()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);

        var step = Assert.Single((await engine.GetAsync(id))!.Steps);

        Assert.Equal(("await-reply", new DateOnly(2026, 3, 23), ReplyDeadline), (step.Node, step.LastDay, step.Due));
    }

    [Fact]
    public async Task A_reply_on_day_20_is_on_time()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);
        Clock.SetUtcNow(China.At(2026, 3, 23, 23, 59));

        Assert.Equal(0, await engine.FireDueTimersAsync());
        var replied = (await engine.SignalAsync(id, Reply(agrees: true))).Applied();

        Assert.Equal(["employer-draft", "union-draft"], replied.Steps.Select(s => s.Node).Order());
    }

    [Fact]
    public async Task A_reply_on_day_21_is_overdue()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);
        Clock.SetUtcNow(China.At(2026, 3, 24, 0, 0));

        Assert.Equal(1, await engine.FireDueTimersAsync());

        Assert.Equal(["overdue"], await NodesAsync(engine, id));
        (await engine.SignalAsync(id, Reply(agrees: true))).Refused(WorkflowErrorCode.NotAllowed);
        Assert.Equal(["request-mediation"], (await engine.AvailableSignalsAsync(id, "union")).Select(s => s.Signal));
        var last = (await engine.JournalAsync(id))[^1];
        Assert.Equal(("deadline", "system", "await-reply"), (last.Kind, last.Actor, last.Node));
    }

    [Fact]
    public async Task A_reply_on_day_21_meets_the_overdue_step_even_before_the_processor_has_run()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);
        Clock.SetUtcNow(China.At(2026, 3, 24, 0, 1)); // the timer processor has not run yet

        Assert.Empty(await engine.AvailableSignalsAsync(id, "employer"));
        Assert.Contains(await engine.AvailableSignalsAsync(id, "union"), s => s.Signal == "request-mediation");
        var error = (await engine.SignalAsync(id, Reply(agrees: true))).Refused(WorkflowErrorCode.NotAllowed);

        Assert.Contains("逾期未回应", error.Message);
        var journal = await engine.JournalAsync(id);
        Assert.Equal(["started", "deadline"], journal.Select(e => e.Kind));
        Assert.Equal(["overdue"], (await engine.GetAsync(id))!.Steps.Select(s => s.Node));
        Assert.Equal(0, await engine.FireDueTimersAsync()); // the deadline fired once, when the reply came
    }

    [Fact]
    public async Task A_deadline_fires_once_however_often_timers_are_run()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);
        Clock.SetUtcNow(ReplyDeadline);

        Assert.Equal(1, await engine.FireDueTimersAsync());
        Assert.Equal(0, await engine.FireDueTimersAsync());

        Assert.Single(await engine.JournalAsync(id), e => e.Kind == "deadline");
        Assert.Equal(1, (await engine.GetAsync(id))!.Revision);
        Assert.Null(await engine.NextDueAsync()); // the timer went with the step it belonged to
    }

    [Fact]
    public async Task A_timer_that_cannot_fire_is_retried_later_and_does_not_hold_up_the_others()
    {
        var stranded = await StartRoundAsync(NewEngine(TestWorkflows.Registry(1)), version: 1);
        var current = await StartRoundAsync(NewEngine(TestWorkflows.Registry(1, 2)), version: 2);
        var engine = NewEngine(TestWorkflows.Registry(2)); // v1 is no longer loaded: the stranded timer cannot fire
        Clock.SetUtcNow(ReplyDeadline);

        Assert.Equal(1, await engine.FireDueTimersAsync());

        Assert.Single(await engine.JournalAsync(current), e => e.Kind == "deadline");
        Assert.Single(await engine.JournalAsync(stranded));
        Assert.Equal(ReplyDeadline + WorkflowEngine.FailedTimerRetry, await engine.NextDueAsync());
        Assert.Equal(0, await engine.FireDueTimersAsync()); // not retried at once
    }

    [Fact]
    public async Task A_timer_node_moves_on_when_its_period_has_run()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);
        (await engine.SignalAsync(id, Reply(agrees: true))).Applied();
        (await engine.SignalAsync(id, Send("submit-union-draft", "union"))).Applied();
        (await engine.SignalAsync(id, Send("submit-employer-draft", "employer"))).Applied();

        // Seven days from Tuesday 3 March: the notice period's last day is Tuesday 10 March.
        Clock.SetUtcNow(China.At(2026, 3, 10, 23, 59));
        Assert.Equal(0, await engine.FireDueTimersAsync());
        Clock.SetUtcNow(China.At(2026, 3, 11));
        Assert.Equal(1, await engine.FireDueTimersAsync());

        var ended = (await engine.GetAsync(id))!;
        Assert.Equal((WorkflowStatus.Completed, "concluded"), (ended.Status, ended.Outcome));
        Assert.Equal("timer", (await engine.JournalAsync(id))[^1].Kind);
    }
}
