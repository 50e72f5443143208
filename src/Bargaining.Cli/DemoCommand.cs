using System.Globalization;
using System.Text.Json;
using Bargaining.Demo;
using Bargaining.Domain;
using Bargaining.Features.Progress;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using Bargaining.Workflows;
using Bargaining.Workflows.Definitions;
using Bargaining.Workflows.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Cli;

/// <summary>
/// <c>bargaining demo</c>: drives scripted Yancheng rounds through the real engine on a SQLite file, with a
/// simulated clock that jumps from step to step while the timer processor fires what falls due, and prints
/// each round's journal.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Monday 2 March 2026, 09:00 in Yancheng (01:00 UTC).</summary>
    private static readonly DateTimeOffset CampaignStart = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(Arguments args, TextWriter output)
    {
        var database = args.Database("bargaining-demo.db", create: true);
        var clock = new ManualClock(CampaignStart);
        await using var services = new ServiceCollection().AddLogging().AddBargaining(args.Options(database), clock).BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BargainingDbContext>();
            await Database.RecreateGeneratedAsync(db);
        }

        var registry = services.GetRequiredService<WorkflowRegistry>();
        var jurisdictions = services.GetRequiredService<JurisdictionCatalog>();
        output.WriteLine($"盐城市集体协商演示 — 数据库 {database.Describe()}，模拟时钟自 {Local(CampaignStart, jurisdictions.Default.Time)} 起");
        foreach (var d in registry.All) output.WriteLine($"  已加载流程 {d.Id} v{d.Version}：{d.Name}（{d.Nodes.Count} 个节点）");

        var processor = services.GetRequiredService<WorkflowTimerProcessor>();
        var failures = 0;
        foreach (var round in new[] { DemoRounds.Ordinary(), DemoRounds.OverdueReply(), DemoRounds.Renewal() })
            failures += await RunRoundAsync(round, services, clock, processor, output);
        output.WriteLine(failures == 0 ? "全部演示轮次完成，日志哈希链校验通过。" : $"{failures} 个步骤失败。");
        if (failures > 0) return 1;
        await LoadCityAsync(args, database, output);
        return 0;
    }

    /// <summary>
    /// Loads the Yancheng-like city through the commands (<see cref="YanchengDemo"/>) on its own simulated clock from
    /// 23 February 2026, and prints the city overview of the spring campaign per county.
    /// </summary>
    private static async Task LoadCityAsync(Arguments args, DatabaseSettings database, TextWriter output)
    {
        var size = int.Parse(args["enterprises"] ?? "240", CultureInfo.InvariantCulture);
        var seed = int.Parse(args["seed"] ?? YanchengDemo.DefaultSeed.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var clock = new ManualClock(YanchengDemo.Start);
        await using var services = new ServiceCollection().AddLogging().AddBargaining(args.Options(database), clock).BuildServiceProvider();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var city = await new YanchengDemo(services, clock).GenerateAsync(size, seed);
        watch.Stop();

        output.WriteLine();
        output.WriteLine($"■ 盐城市 2026 年春季集体协商要约行动（模拟数据，种子 {seed}）：{city.Enterprises.Count} 家企业，{city.Commands} 条命令，" +
            $"模拟至 {Local(city.EndedAt, services.GetRequiredService<JurisdictionCatalog>().Default.Time)}，用时 {watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} 秒");
        await CityDashboardTable.WriteAsync(services, city.CityId, city.CampaignId, output);
    }

    private static async Task<int> RunRoundAsync(DemoRound round, IServiceProvider services, ManualClock clock, WorkflowTimerProcessor processor, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"■ {round.Title}（{round.Workflow}，{round.Jurisdiction}）");
        Guid id;
        var failures = 0;
        var time = services.GetRequiredService<JurisdictionCatalog>()[round.Jurisdiction].Time;
        await using (var scope = services.CreateAsyncScope())
        {
            var started = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>()
                .StartAsync(new StartWorkflow(round.Workflow, round.Jurisdiction, "盐城市总工会权益保障部", round.Variables));
            if (!started.Succeeded) throw new InvalidOperationException(started.Error!.Message);
            id = started.Instance!.Id;
        }
        foreach (var step in round.Steps)
        {
            await AdvanceAsync(clock.GetUtcNow() + step.Wait, services, clock, processor);
            if (step.At(clock.GetUtcNow(), time) is not { } signal) continue;
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().SignalAsync(id, signal);
            if (!result.Succeeded)
            {
                failures++;
                output.WriteLine($"  ✗ {signal.Name}: {result.Error}");
            }
        }
        await using (var scope = services.CreateAsyncScope())
        {
            var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
            var registry = scope.ServiceProvider.GetRequiredService<WorkflowRegistry>();
            var snapshot = (await engine.GetAsync(id))!;
            var definition = registry.Find(snapshot.DefinitionId, snapshot.DefinitionVersion)!;
            foreach (var entry in await engine.JournalAsync(id))
            {
                var moves = JsonSerializer.Deserialize<List<Workflows.Runtime.Move>>(entry.Moves, JsonSerializerOptions.Web) ?? [];
                var path = string.Join("；", moves.Where(m => m.From is not null).Select(m => $"{Name(definition, m.From!)} → {Name(definition, m.To)}"));
                if (path.Length == 0 && moves.Count > 0) path = $"→ {Name(definition, moves[0].To)}";
                var what = entry.Kind switch
                {
                    "signal" => $"{entry.Signal}",
                    "deadline" => "期限届满",
                    "timer" => "定时到达",
                    var k => k,
                };
                output.WriteLine($"  {entry.Sequence,2}. {Local(entry.At, time)}  {what,-20} {entry.Actor}{(entry.Role is null ? "" : $"［{entry.Role}］")}  {path}");
            }
            var verification = await engine.VerifyJournalAsync(id);
            var status = snapshot.Status == WorkflowStatus.Completed
                ? $"已结束：{snapshot.Outcome}"
                : "进行中：" + string.Join("、", snapshot.Steps.Select(s => s.LastDay is { } last ? $"{s.Name}（期限至 {last:yyyy-MM-dd} 24:00）" : s.Name));
            output.WriteLine($"  状态 {status}；日志 {verification.Entries} 条，哈希链{(verification.Valid ? "完整" : $"损坏：{verification.Problem}")}");
            if (!verification.Valid) failures++;
        }
        return failures;
    }

    /// <summary>Moves the clock to <paramref name="target"/>, stopping at every timer due on the way so each fires at its due time.</summary>
    private static async Task AdvanceAsync(DateTimeOffset target, IServiceProvider services, ManualClock clock, WorkflowTimerProcessor processor)
    {
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var next = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().NextDueAsync();
            if (next is not { } due || due > target) break;
            if (due > clock.GetUtcNow()) clock.SetUtcNow(due);
            await processor.RunOnceAsync();
        }
        clock.SetUtcNow(target);
    }

    private static string Name(WorkflowDefinition definition, string node) => definition.Nodes.TryGetValue(node, out var n) ? n.Name : node;

    private static string Local(DateTimeOffset instant, Jurisdiction time) => instant.ToOffset(time.UtcOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
