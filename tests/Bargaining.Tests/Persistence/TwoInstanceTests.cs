using Bargaining.Tests.Workflows;
using Bargaining.Workflows.Hosting;
using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Tests.Persistence;

// Two app instances on one database (issue 11): both fire due timers at the same moment and take signals side by
// side; every deadline fires exactly once and no accepted signal is lost. Runs on SQLite and on PostgreSQL.
public sealed class TwoInstanceTests
{
    [Fact]
    public async Task Two_instances_firing_the_same_due_deadlines_fire_each_once_and_lose_no_signal()
    {
        await using var first = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));
        await using var second = first.SecondInstance();
        var rounds = new List<Guid>();
        for (var i = 0; i < 40; i++) rounds.Add(await (i % 2 == 0 ? first : second).OfferAsync());

        // Half the employers reply on day 20, alternately through either instance; the others let day 20 pass.
        await first.AdvanceToAsync(China.At(2026, 3, 23, 12));
        var replied = rounds.Where((_, i) => i % 2 == 0).ToList();
        await Task.WhenAll(replied.Select((round, i) => (i % 2 == 0 ? first : second).SendAsync(round, "accept", "employer")));

        // Day 21: both instances' processors fire the lapsed reply deadlines at once.
        first.Clock.SetUtcNow(China.At(2026, 3, 24, 9));
        var fired = await Task.WhenAll(Processor(first).RunOnceAsync(), Processor(second).RunOnceAsync());

        var silent = rounds.Except(replied).ToList();
        Assert.Equal(silent.Count, fired.Sum());
        var journal = await first.WithDbAsync(db => db.Set<WorkflowJournalRecord>().AsNoTracking()
            .Where(j => rounds.Contains(j.InstanceId)).Select(j => new { j.InstanceId, j.Kind, j.Signal }).ToListAsync());
        foreach (var round in silent)
        {
            Assert.Single(journal, j => j.InstanceId == round && j.Kind == "deadline");
            await first.AssertAtAsync(round, "employer-reply-overdue");
        }
        foreach (var round in replied)
        {
            Assert.Single(journal, j => j.InstanceId == round && j.Signal == "accept");
            Assert.DoesNotContain(journal, j => j.InstanceId == round && j.Kind == "deadline");
        }
        Assert.Equal(0, await first.WithDbAsync(db => db.Set<WorkflowTimerRecord>().CountAsync(t => t.DueAt <= first.Clock.GetUtcNow())));
    }

    private static WorkflowTimerProcessor Processor(BargainingHost host) => host.Services.GetRequiredService<WorkflowTimerProcessor>();
}
