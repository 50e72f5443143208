using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using static Bargaining.Workflows.Tests.Support.TestWorkflows;

namespace Bargaining.Workflows.Tests.Runtime;

/// <summary>Version 2 of the offer round renames the reply step from await-reply to await-written-reply.</summary>
public sealed class MigrationTests : WorkflowDatabaseTest
{
    private static readonly Dictionary<string, string> FullMap = new() { ["await-reply"] = "await-written-reply" };

    [Fact]
    public async Task An_instance_moves_to_version_2_when_every_active_node_is_mapped_and_stays_there()
    {
        var engine = NewEngine(Registry(1, 2));
        var id = await StartRoundAsync(engine, version: 1);
        Clock.Advance(TimeSpan.FromDays(5));

        var migrated = (await engine.MigrateAsync(id, 2, FullMap, "administrator")).Applied();

        Assert.Equal(2, migrated.DefinitionVersion);
        var step = Assert.Single(migrated.Steps);
        // Still counted from the receipt of the offer, not from the migration.
        Assert.Equal(("await-written-reply", OfferReceived, new DateOnly(2026, 3, 23)), (step.Node, step.EnteredAt, step.LastDay));
        var timer = Assert.Single(await Database.NewContext().Set<WorkflowTimerRecord>().ToListAsync());
        Assert.Equal(("await-written-reply", ReplyDeadline), (timer.Node, timer.DueAt));

        var replied = (await engine.SignalAsync(id, Reply(agrees: true))).Applied();

        Assert.Equal(2, replied.DefinitionVersion);
        Assert.Equal(["started", "migrated", "signal"], (await engine.JournalAsync(id)).Select(e => e.Kind));
    }

    [Fact]
    public async Task A_migration_that_leaves_an_active_node_unmapped_is_refused_and_changes_nothing()
    {
        var engine = NewEngine(Registry(1, 2));
        var id = await StartRoundAsync(engine, version: 1);
        var before = (await engine.GetAsync(id))!;

        var error = (await engine.MigrateAsync(id, 2, new Dictionary<string, string> { ["overdue"] = "overdue" }, "administrator"))
            .Refused(WorkflowErrorCode.InvalidMigration);

        Assert.Contains("node 'await-reply' has no mapping", error.Message);
        var after = (await engine.GetAsync(id))!;
        Assert.Equal((1, before.Revision), (after.DefinitionVersion, after.Revision));
        Assert.Equal(["await-reply"], await NodesAsync(engine, id));
        Assert.Single(await engine.JournalAsync(id));
    }

    [Fact]
    public async Task Instances_started_before_version_2_was_loaded_stay_on_version_1()
    {
        var early = await StartRoundAsync(NewEngine(Registry(1)));

        var engine = NewEngine(Registry(1, 2)); // the application restarted with version 2 beside version 1
        var late = await StartRoundAsync(engine);

        Assert.Equal((1, "await-reply"), await VersionAndNodeAsync(engine, early));
        Assert.Equal((2, "await-written-reply"), await VersionAndNodeAsync(engine, late));
        Assert.Equal(1, (await engine.SignalAsync(early, Reply(agrees: true))).Applied().DefinitionVersion);
    }

    private static async Task<(int, string)> VersionAndNodeAsync(WorkflowEngine engine, Guid id)
    {
        var instance = (await engine.GetAsync(id))!;
        return (instance.DefinitionVersion, Assert.Single(instance.Steps).Node);
    }
}
