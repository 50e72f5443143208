using System.Globalization;
using Bargaining.Demo;
using Bargaining.Persistence;
using Bargaining.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Cli;

/// <summary>
/// <c>bargaining simulate</c>: a whole spring campaign for a city of N enterprises through the real commands on a
/// simulated clock (<see cref="CitySimulation"/>), with a progress bar on stderr; prints the throughput and the city
/// dashboard. The database is a normal one that the web app can open.
/// </summary>
internal static class SimulateCommand
{
    public static async Task<int> RunAsync(Arguments args, TextWriter output, TextWriter progress)
    {
        var database = args.Database("bargaining-simulation.db", create: true);
        var size = int.Parse(args["enterprises"] ?? "2000", CultureInfo.InvariantCulture);
        var seed = int.Parse(args["seed"] ?? CitySimulation.DefaultSeed.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (size < 1) throw new ArgumentException("--enterprises must be at least 1");
        var clock = new ManualClock(YanchengDemo.Start);
        await using var services = new ServiceCollection().AddLogging().AddBargaining(args.Options(database), clock).BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BargainingDbContext>();
            await Database.RecreateGeneratedAsync(db);
        }

        output.WriteLine($"模拟盐城市 2026 年春季集体协商要约行动：{size} 家企业，种子 {seed}，数据库 {database.Describe()}");
        var bar = new ProgressBar(progress);
        var result = await new CitySimulation(services, clock).RunAsync(size, seed, bar);
        bar.Finish();

        string F(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);
        output.WriteLine($"用时 {F(result.Elapsed.TotalSeconds, "0.0")} 秒：{result.Rounds} 轮协商（{F(result.RoundsPerSecond, "0.0")} 轮/秒），" +
            $"{result.Commands} 条命令（{F(result.CommandsPerSecond)} 条/秒），定时器触发 {result.TimersFired} 次，模拟至 {result.EndedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd}");
        output.WriteLine($"  结果：生效 {result.Outcomes[SimulatedOutcome.Effective]}，拒绝后撤回 {result.Outcomes[SimulatedOutcome.RefusedAndWithdrawn]}，" +
            $"拒绝后协调终结 {result.Outcomes[SimulatedOutcome.RefusedAndCoordinated]}，始终未回应 {result.Outcomes[SimulatedOutcome.NeverReplied]}；" +
            $"逾期后回应 {result.LateReplies}，职代会未通过 {result.CongressRejections}，审查异议 {result.ReviewObjections}，协商会议 {result.Meetings} 次");
        await CityDashboardTable.WriteAsync(services, result.CityId, result.CampaignId, output);
        return 0;
    }
}
