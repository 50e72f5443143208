using Bargaining.Features.Rounds;
using Bargaining.Persistence;
using Bargaining.Workflows;
using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Cli;

/// <summary>
/// <c>bargaining verify --db FILE [--checkpoint CHECKPOINT]</c>: checks every instance's journal (hash chain, seals
/// with the journal key, stored state), every round's recorded facts against its journal (<see cref="RoundAudit"/>),
/// naming each difference, and with a checkpoint that no journal was cut or removed since (<see cref="JournalCheckpoint"/>).
/// <c>bargaining checkpoint --db FILE --to CHECKPOINT</c> writes one.
/// </summary>
internal static class VerifyCommand
{
    public static async Task<int> CheckpointAsync(Arguments args, TextWriter output)
    {
        var target = args["to"] ?? throw new ArgumentException("--to CHECKPOINT is required (a file kept away from the database)");
        var (services, seal) = Services(args);
        await using var _ = services;
        await using var scope = services.CreateAsyncScope();
        var checkpoint = await JournalCheckpoint.TakeAsync(scope.ServiceProvider.GetRequiredService<BargainingDbContext>(), TimeProvider.System.GetUtcNow());
        await File.WriteAllTextAsync(target, checkpoint.Write(seal));
        output.WriteLine($"检查点已写入 {Path.GetFullPath(target)}：{checkpoint.Heads.Count} 个流程实例的日志末端");
        return 0;
    }

    public static async Task<int> RunAsync(Arguments args, TextWriter output)
    {
        var (services, seal) = Services(args);
        await using var _ = services;
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
        var cut = 0;
        if (args["checkpoint"] is { } file)
        {
            var checkpoint = JournalCheckpoint.Read(await File.ReadAllTextAsync(file), seal);
            var problems = await checkpoint.ProblemsAsync(db);
            cut = problems.Count;
            foreach (var problem in problems) output.WriteLine($"CUT     {problem}");
            output.WriteLine(cut == 0
                ? $"checked {Count(checkpoint.Heads.Count, "journal", "journals")} against the checkpoint of {checkpoint.At:yyyy-MM-dd HH:mm:ss}Z: none cut or removed"
                : $"{cut} of {Count(checkpoint.Heads.Count, "journal", "journals")} CUT or REMOVED since the checkpoint of {checkpoint.At:yyyy-MM-dd HH:mm:ss}Z");
        }
        output.WriteLine(broken == 0
            ? $"verified {Count(instances, "instance", "instances")}, {Count(entries, "entry", "entries")}: every journal chain intact and sealed"
            : $"{broken} of {Count(instances, "instance", "instances")} BROKEN ({Count(entries, "entry", "entries")} checked)");
        output.WriteLine(differing == 0
            ? $"compared {Count(rounds, "round", "rounds")} with their journals: no difference"
            : $"{differing} of {Count(rounds, "round", "rounds")} DIFFER from their journals");
        return broken == 0 && differing == 0 && cut == 0 ? 0 : 1;
    }

    // The application's services on the database, with the journal key it was sealed with (never a new one).
    private static (ServiceProvider Services, JournalSeal Seal) Services(Arguments args)
    {
        var options = args.Options(args.Database());
        var seal = options.OpenJournalSeal(create: false);
        return (new ServiceCollection().AddLogging().AddSingleton(seal).AddBargaining(options).BuildServiceProvider(), seal);
    }

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
