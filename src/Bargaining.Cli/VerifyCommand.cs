using Bargaining.Persistence;
using Bargaining.Workflows;
using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Cli;

/// <summary><c>bargaining verify --db FILE</c>: checks every instance's journal chain.</summary>
internal static class VerifyCommand
{
    public static async Task<int> RunAsync(Arguments args, TextWriter output)
    {
        await using var services = new ServiceCollection().AddLogging().AddBargaining(new BargainingOptions(args.Workflows, args.Database())).BuildServiceProvider();
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
        output.WriteLine(broken == 0
            ? $"verified {Count(instances, "instance", "instances")}, {Count(entries, "entry", "entries")}: every journal chain intact"
            : $"{broken} of {Count(instances, "instance", "instances")} BROKEN ({Count(entries, "entry", "entries")} checked)");
        return broken == 0 ? 0 : 1;
    }

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
