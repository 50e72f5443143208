using Bargaining.Features.Rounds;
using Bargaining.Persistence;
using Bargaining.Workflows;
using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Cli;

/// <summary>
/// <c>bargaining verify --db FILE</c>: checks every instance's journal (hash chain, seals with the journal key, stored
/// state) and every round's recorded facts against its journal (<see cref="RoundAudit"/>), naming each difference.
/// </summary>
internal static class VerifyCommand
{
    public static async Task<int> RunAsync(Arguments args, TextWriter output)
    {
        var options = args.Options(args.Database());
        await using var services = new ServiceCollection().AddLogging().AddSingleton(options.OpenJournalSeal(create: false)).AddBargaining(options).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BargainingDbContext>();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        var (instances, entries, broken) = (0, 0, 0);
        foreach (var id in await db.Set<WorkflowInstanceRecord>().Select(i => i.Id).ToListAsync())
        {
            var result = await engine.VerifyJournalAsync(id);
            instances++;
            entries += result.Entries;
            if (!result.Valid) broken++;
            output.WriteLine(result.Valid ? $"ok      {id}  {Count(result.Entries, "entry", "entries")}" : $"BROKEN  {id}  at entry {result.BrokenAt}: {result.Problem}");
        }
        var (rounds, differing) = (0, 0);
        foreach (var round in await db.Rounds.AsNoTracking().ToListAsync())
        {
            rounds++;
            var differences = RoundAudit.Differences(round, await engine.JournalAsync(round.WorkflowInstanceId));
            if (differences.Count > 0) differing++;
            foreach (var difference in differences) output.WriteLine($"DIFFERS round {round.Id}: {difference}");
        }
        output.WriteLine(broken == 0
            ? $"verified {Count(instances, "instance", "instances")}, {Count(entries, "entry", "entries")}: every journal chain intact and sealed"
            : $"{broken} of {Count(instances, "instance", "instances")} BROKEN ({Count(entries, "entry", "entries")} checked)");
        output.WriteLine(differing == 0
            ? $"compared {Count(rounds, "round", "rounds")} with their journals: no difference"
            : $"{differing} of {Count(rounds, "round", "rounds")} DIFFER from their journals");
        return broken == 0 && differing == 0 ? 0 : 1;
    }

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
