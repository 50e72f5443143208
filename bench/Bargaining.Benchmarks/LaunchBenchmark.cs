using System.Diagnostics;
using System.Text;
using Bargaining.Domain;
using Bargaining.Features.Campaigns;
using Bargaining.Features.Organisations;
using Bargaining.Features.Rounds;
using Bargaining.Persistence;
using Bargaining.Testing;
using Bargaining.Workflows;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Benchmarks;

/// <summary>
/// A county's campaign launch (<see cref="LaunchCampaignOffersCommand"/>) of N enterprises in one request, each run on
/// a fresh file with the same city: the bulk handler through the real pipeline against the baseline of launching one
/// by one (<see cref="OneByOneLaunch"/>, the handler as it was at 163ff64, called in a transaction of its own).
/// </summary>
internal static class LaunchBenchmark
{
    /// <summary>The goal of issue 13: a county's 2,000 offers within 10 seconds.</summary>
    private const int GoalOffers = 2000;
    private const double GoalSeconds = 10;

    public static async Task RunAsync(string workflows, int enterprises)
    {
        Console.WriteLine($"campaign launch of {enterprises} enterprises of one county in one request, each on a fresh file; {Machine.LoadAverage()}");
        var old = await MeasureAsync(workflows, enterprises, bulk: false);
        var now = await MeasureAsync(workflows, enterprises, bulk: true);
        Console.WriteLine("| handler | enterprises | seconds | offers/s |");
        Console.WriteLine("|---|--:|--:|--:|");
        foreach (var (name, seconds) in new[] { ("one by one (baseline, 163ff64)", old), ($"bulk, {LaunchCampaignOffersHandler.Batch} per save, through the pipeline", now) })
            Console.WriteLine(FormattableString.Invariant($"| {name} | {enterprises} | {seconds:0.00} | {enterprises / seconds:0} |"));
        Console.WriteLine(FormattableString.Invariant($"bulk / one by one: {old / now:0.0}× as fast"));
        var verdict = enterprises < GoalOffers ? "not judged: fewer enterprises than the goal's" : now <= GoalSeconds * enterprises / GoalOffers ? "met" : "not met";
        Console.WriteLine(FormattableString.Invariant($"goal 2,000 offers ≤ 10 s: {enterprises} offers in {now:0.00} s ({enterprises / now:0}/s, goal ≥ {GoalOffers / GoalSeconds:0}/s): {verdict}"));
        Console.WriteLine($"{Machine.LoadAverage()} at the end");
    }

    private static async Task<double> MeasureAsync(string workflows, int enterprises, bool bulk)
    {
        using var file = new TempDatabase();
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        await using var services = new ServiceCollection().AddLogging().AddBargaining(new BargainingOptions(workflows, DatabaseSettings.Sqlite(file.Path)), clock).BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<BargainingDbContext>().MigrateAsync();
        var city = new CurrentUser("bench-city", "市总工会", Role.CityAdministrator, Guid.Empty);
        var tree = await SendAsync(services, ImportOrganisationsCommand.FromFile(services.GetRequiredService<BargainingOptions>().OrganisationsFile), city);
        var county = tree.Units.First(u => u.Kind == OrganisationKind.County);
        var staff = new CurrentUser("bench-staff", "县总工会", Role.CountyStaff, county.Id);
        var csv = new StringBuilder(string.Join(",", EnterpriseFile.Columns) + "\n");
        for (var i = 0; i < enterprises; i++)
        {
            var code = $"91{county.Code}MA{i:D7}";
            csv.Append(FormattableString.Invariant($"盐城测试{i:D5}机械有限公司,{code}{CreditCode.CheckCharacter(code)},制造业,私营企业,{50 + i % 500},{20 + i % 30},盐城测试{i:D5}机械有限公司工会委员会,职工{i}\n"));
        }
        await SendAsync(services, new ImportEnterprisesCommand(county.Id, "企业名单.csv", Encoding.UTF8.GetBytes(csv.ToString())), staff);
        List<Guid> ids;
        await using (var scope = services.CreateAsyncScope())
            ids = await scope.ServiceProvider.GetRequiredService<BargainingDbContext>().Enterprises.AsNoTracking().OrderBy(e => e.CreditCode).Select(e => e.Id).ToListAsync();

        var command = new LaunchCampaignOffersCommand(ids, RoundKind.Wage, [new TopicProposal(TopicCatalog.Pay, "职工年平均工资增长6%", 6, "%")], new DateOnly(2026, 3, 2), 3);
        var watch = Stopwatch.StartNew();
        var report = bulk ? await SendAsync(services, command, staff) : await OneByOneLaunch.LaunchAsync(services, command, staff);
        var seconds = watch.Elapsed.TotalSeconds;
        if (report.Launched.Count != ids.Count) throw new InvalidOperationException($"{report.Refused.Count} refused: {report.Refused[0].Reason}");
        return seconds;
    }

    private static async Task<T> SendAsync<T>(IServiceProvider services, IRequest<T> request, CurrentUser user)
    {
        await using var scope = services.CreateAsyncScope();
        ((FixedCurrentUser)scope.ServiceProvider.GetRequiredService<ICurrentUserAccessor>()).User = user;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }
}
