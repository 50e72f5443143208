using static Bargaining.Workflows.Tests.Support.TestWorkflows;

namespace Bargaining.Workflows.Tests.Runtime;

/// <summary>
/// <see cref="WorkflowEngine.DescribeAsync"/> for lists: the reply period of Tuesday 3 March 2026 ends on Monday
/// 23 March; who may act now, and the deadline that lapsed into the current step.
/// </summary>
public sealed class DescribeTests : WorkflowDatabaseTest
{
    [Fact]
    public async Task A_waiting_step_names_the_roles_that_may_act_and_its_last_day()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);

        var overview = (await engine.DescribeAsync([id, Guid.NewGuid()]))[id];

        var step = Assert.Single(overview.Awaiting);
        Assert.Equal(("await-reply", new DateOnly(2026, 3, 23)), (step.Node, step.LastDay!.Value));
        Assert.Equal(["employer"], step.Roles);
        Assert.Empty(overview.Lapsed);
    }

    [Fact]
    public async Task A_lapsed_deadline_is_described_with_its_last_day_once_fired_and_counted_as_fired_before()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);
        Clock.SetUtcNow(China.At(2026, 3, 24, 0, 1)); // lapsed; the processor has not run yet

        var before = (await engine.DescribeAsync([id]))[id];
        Assert.Equal(["await-reply"], before.Snapshot.Steps.Select(s => s.Node));
        Assert.Equal(["union"], Assert.Single(before.Awaiting, a => a.Node == "overdue").Roles);

        Assert.Equal(1, await engine.FireDueTimersAsync());
        var after = (await engine.DescribeAsync([id]))[id];
        var lapsed = Assert.Single(after.Lapsed);
        Assert.Equal(("await-reply", new DateOnly(2026, 3, 23), "overdue"), (lapsed.Node, lapsed.LastDay, lapsed.Into));
        Assert.Equal(["union"], Assert.Single(after.Awaiting).Roles);
    }
}
