using Bargaining.Workflows.Hosting;
using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Workflows.Tests.Hosting;

public sealed class WorkflowTimerProcessorTests : WorkflowDatabaseTest
{
    [Fact]
    public async Task A_deadline_that_lapsed_while_the_application_was_down_fires_once_after_the_restart()
    {
        Guid id;
        await using (var before = Database.NewHost(Clock))
        await using (var scope = before.CreateAsyncScope())
            id = await StartRoundAsync(scope.ServiceProvider.GetRequiredService<WorkflowEngine>());

        // The new process reads the time afresh: two days past the deadline.
        await using var after = Database.NewHost(new ManualClock(ReplyDeadline.AddDays(2)));
        var processor = after.GetRequiredService<WorkflowTimerProcessor>();

        Assert.Equal(1, await processor.RunOnceAsync());
        Assert.Equal(0, await processor.RunOnceAsync());

        await using var check = after.CreateAsyncScope();
        var engine = check.ServiceProvider.GetRequiredService<WorkflowEngine>();
        Assert.Equal(["overdue"], await NodesAsync(engine, id));
        Assert.Single(await engine.JournalAsync(id), e => e.Kind == "deadline");
    }

    [Fact]
    public async Task The_background_processor_sleeps_until_the_deadline_and_fires_it_when_the_clock_gets_there()
    {
        var clock = new SleepReportingClock(Clock);
        var options = new WorkflowTimerOptions { PollInterval = TimeSpan.FromDays(30) };
        var host = Database.NewHost(clock, options);
        await using var scope = host.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        var id = await StartRoundAsync(engine);
        var processor = host.GetRequiredService<WorkflowTimerProcessor>();

        await processor.StartAsync(CancellationToken.None);
        try
        {
            var sleep = await clock.NextSleepAsync();
            Assert.Equal(ReplyDeadline - Clock.GetUtcNow(), sleep);

            Clock.Advance(sleep);

            // It sleeps again once it has been round the loop; nothing is left to wait for, so a whole interval.
            Assert.Equal(options.PollInterval, await clock.NextSleepAsync());
            Assert.Equal(["overdue"], await NodesAsync(engine, id));
        }
        finally
        {
            await processor.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Two_processors_on_one_database_fire_every_due_deadline_exactly_once_between_them()
    {
        var engine = NewEngine();
        var ids = new List<Guid>();
        for (var i = 0; i < 60; i++) ids.Add(await StartRoundAsync(engine));
        Clock.SetUtcNow(ReplyDeadline.AddHours(1));

        // Two application instances, each with its own processor, wake at the same moment.
        var options = new WorkflowTimerOptions { BatchSize = 7 };
        var first = Database.NewHost(Clock, options).GetRequiredService<WorkflowTimerProcessor>();
        var second = Database.NewHost(Clock, options).GetRequiredService<WorkflowTimerProcessor>();
        var fired = await Task.WhenAll(first.RunOnceAsync(), second.RunOnceAsync());

        Assert.Equal(ids.Count, fired.Sum());
        foreach (var id in ids)
        {
            Assert.Equal(["overdue"], await NodesAsync(engine, id));
            Assert.Single(await engine.JournalAsync(id), e => e.Kind == "deadline");
        }
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.Set<WorkflowTimerRecord>().CountAsync());
    }

    // On PostgreSQL a processor claims a timer's row with FOR UPDATE SKIP LOCKED: a timer another instance is firing
    // is passed over at once, not waited for and not fired twice; if that instance fails, the timer is still due.
    // (On SQLite the other instance holds the file's write lock instead, and this one waits for it.)
    [Fact]
    [Trait("Database", "PostgreSqlOnly")]
    public async Task A_timer_another_instance_is_firing_is_passed_over_and_fires_later_if_that_instance_fails()
    {
        var engine = NewEngine();
        var held = await StartRoundAsync(engine);
        var other = await StartRoundAsync(engine);
        Clock.SetUtcNow(ReplyDeadline.AddHours(1));

        await using var otherInstance = Database.NewContext();
        await using (var claim = await otherInstance.Database.BeginTransactionAsync())
        {
            var timer = await otherInstance.Set<WorkflowTimerRecord>().AsNoTracking().SingleAsync(t => t.InstanceId == held);
            await otherInstance.Set<WorkflowTimerRecord>()
                .FromSqlRaw("""SELECT * FROM workflow_timers WHERE "Id" = {0} FOR UPDATE""", timer.Id).ToListAsync();

            var processor = Database.NewHost(Clock).GetRequiredService<WorkflowTimerProcessor>();
            Assert.Equal(1, await processor.RunOnceAsync().WaitAsync(TimeSpan.FromMinutes(1)));
            Assert.Single(await engine.JournalAsync(other), e => e.Kind == "deadline");
            Assert.DoesNotContain(await engine.JournalAsync(held), e => e.Kind == "deadline");

            await claim.RollbackAsync();
        }

        Assert.Equal(1, await Database.NewHost(Clock).GetRequiredService<WorkflowTimerProcessor>().RunOnceAsync());
        Assert.Equal(["overdue"], await NodesAsync(engine, held));
        Assert.Single(await engine.JournalAsync(held), e => e.Kind == "deadline");
    }
}
