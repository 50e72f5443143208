using Bargaining.Workflows.Hosting;
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
}
