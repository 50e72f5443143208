using System.Diagnostics;
using System.Globalization;
using Bargaining;
using Bargaining.DashboardBenchmarks;
using Bargaining.Demo;
using Bargaining.Domain;
using Bargaining.Features.Export;
using Bargaining.Features.Organisations;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Views;
using Bargaining.Persistence;
using Bargaining.Tests.Features.Progress;
using Bargaining.Workflows;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project bench/Bargaining.DashboardBenchmarks -- [--sizes 20000,100000] [--calls 40] [--db PATH] [--from DEMO.db] [--only TEXT] [--unfired 1]
//   [--postgres CONNECTION-STRING]
// --db keeps the grown database (for the HTTP load: bench/dashboard-http.sh); --from starts from a copy of a demo database
// generated before (the demo alone takes 1–2 minutes); --calls 0 only builds the database; --only runs the cases whose
// name contains TEXT; --unfired 1 leaves the demo's lapsed deadlines unfired before copying. --postgres builds and
// measures it in that PostgreSQL database instead (emptied first, and kept).
var options = Arguments(args);
var sizes = (options.GetValueOrDefault("sizes") ?? "20000,100000").Split(',').Select(int.Parse).ToList();
var calls = int.Parse(options.GetValueOrDefault("calls") ?? "40", CultureInfo.InvariantCulture);
var keep = options.GetValueOrDefault("db");
var only = options.GetValueOrDefault("only");
var path = Path.GetFullPath(keep ?? Path.Combine(Path.GetTempPath(), $"bargaining-dashboard-bench-{Guid.NewGuid():N}.db"));
var database = options.GetValueOrDefault("postgres") is { } postgres ? DatabaseSettings.PostgreSql(postgres) : DatabaseSettings.Sqlite(path);
var workflows = BargainingOptions.FindWorkflowsDirectory();

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, load average {Load()}");
Console.WriteLine($"database: {database.Describe()}; the demo city (240 enterprises through the real pipeline), copied in bulk up to each size, summaries by the backfill");
var watch = Stopwatch.StartNew();
await using (var empty = new ServiceCollection().AddLogging().AddBargaining(new BargainingOptions(workflows, database)).BuildServiceProvider())
await using (var scope = empty.CreateAsyncScope())
    await Database.RecreateGeneratedAsync(scope.ServiceProvider.GetRequiredService<BargainingDbContext>());
if (options.GetValueOrDefault("from") is { } demo)
{
    // The empty database just created (and marked as generated) is replaced by the copy, its write-ahead log with it.
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    foreach (var suffix in new[] { "-wal", "-shm" }) File.Delete(path + suffix);
    File.Copy(demo, path, overwrite: true);
}
else
{
    await YanchengDemo.CreateAsync(new BargainingOptions(workflows, database));
    Console.WriteLine($"demo city generated in {watch.Elapsed.TotalSeconds:0.0} s");
}

// The system clock, as the web host runs: the demo's deadlines have lapsed since its simulated spring.
await using var services = new ServiceCollection().AddLogging().AddBargaining(new BargainingOptions(workflows, database)).BuildServiceProvider();
if (options.GetValueOrDefault("unfired") is null)
{
    // What the host's timer processor does on start, done before copying: the copies (which get no timer rows) start
    // from caught-up rounds, as a city whose processor runs has them. --unfired 1 keeps them lapsed and unfired.
    watch.Restart();
    var fired = 0;
    for (int batch; (batch = await WithServicesAsync(s => s.GetRequiredService<WorkflowEngine>().FireDueTimersAsync(500))) > 0;) fired += batch;
    Console.WriteLine($"{fired} lapsed timers of the demo fired in {watch.Elapsed.TotalSeconds:0.0} s");
}
var rows = new List<string>();
foreach (var size in sizes)
{
    watch.Restart();
    var enterprises = CityClone.Grow(database, size);
    var copied = watch.Elapsed;
    watch.Restart();
    var backfilled = await WithDbAsync(db => db.BackfillRoundProgressAsync());
    Console.WriteLine($"{enterprises} enterprises: copied in {copied.TotalSeconds:0.0} s; {backfilled} summaries backfilled in {watch.Elapsed.TotalSeconds:0.0} s ({backfilled / watch.Elapsed.TotalSeconds:0} rounds/s)");

    var (city, campaign, county, countyEnterprises, rounds) = await WithDbAsync(async db =>
    {
        var city = await db.Organisations.SingleAsync(o => o.Kind == OrganisationKind.City);
        var campaign = await db.Campaigns.OrderBy(c => c.StartsOn).Select(c => c.Id).FirstAsync();
        var largest = await db.Enterprises.GroupBy(e => e.OrganisationId).OrderByDescending(g => g.Count()).Select(g => new { g.Key, Count = g.Count() }).FirstAsync();
        return (city, campaign, await db.Organisations.SingleAsync(o => o.Id == largest.Key), largest.Count, await db.Rounds.CountAsync());
    });
    if (calls == 0) continue;
    var cityUser = new CurrentUser("bench-city", "市总工会", Role.CityAdministrator, city.Id);
    var staff = new CurrentUser("bench-county", county.Name, Role.CountyStaff, county.Id);
    Console.WriteLine($"  {rounds} rounds; county page of {county.Name} ({countyEnterprises} enterprises)");

    var cases = new List<(string Name, Func<IServiceProvider, Task<object>> Call)>
    {
        ("city dashboard, figures computed (cache emptied before each call)", s => { s.GetRequiredService<ProgressCache>().Clear(); return Send(s, cityUser, new CityDashboardQuery(campaign)); }),
        ("city dashboard", s => Send(s, cityUser, new CityDashboardQuery(campaign))),
        ("county page, figures computed (cache emptied) + enterprise list page 1", async s =>
        {
            s.GetRequiredService<ProgressCache>().Clear();
            return (await Send(s, staff, new CountyProgressQuery(county.Id)), await Send(s, staff, new EnterpriseListQuery { OrganisationId = county.Id }));
        }),
        ("county page (figures + enterprise list page 1)", async s => (await Send(s, staff, new CountyProgressQuery(county.Id)), await Send(s, staff, new EnterpriseListQuery { OrganisationId = county.Id }))),
        ("round list, overdue only (city)", s => Send(s, cityUser, new RoundListQuery { OverdueOnly = true })),
        ("round list, awaiting me (county)", s => Send(s, staff, new RoundListQuery { AwaitingMe = true })),
        ("enterprise list (city, page 1)", s => Send(s, cityUser, new EnterpriseListQuery())),
        ("enterprise list, stage 协商中 (county)", s => Send(s, staff, new EnterpriseListQuery { OrganisationId = county.Id, Stage = RoundStage.Bargaining })),
        ("dashboard Excel export", s => Send(s, cityUser, new ExportCityDashboardQuery(campaign, ExportFormat.Xlsx))),
        ("round list Excel export, overdue only (county, all rows)", s => Send(s, staff, new ExportRoundListQuery(new RoundListQuery { OverdueOnly = true }, ExportFormat.Xlsx))),
        ("enterprise list Excel export, stage 协商中 (county, all rows)", s => Send(s, staff, new ExportEnterpriseListQuery(new EnterpriseListQuery { OrganisationId = county.Id, Stage = RoundStage.Bargaining }, ExportFormat.Xlsx))),
        ("round list CSV export, overdue only (county, all rows)", s => Send(s, staff, new ExportRoundListQuery(new RoundListQuery { OverdueOnly = true }, ExportFormat.Csv))),
    };
    if (size == sizes[0])
        cases.Insert(0, ("baseline: the old in-memory dashboard figures", async s =>
        {
            var db = s.GetRequiredService<BargainingDbContext>();
            var units = await db.Organisations.AsNoTracking().Where(o => o.Kind != OrganisationKind.City).OrderBy(o => o.Kind).ThenBy(o => o.Code).ToListAsync();
            var c = await db.Campaigns.AsNoTracking().Include(x => x.Units).SingleAsync(x => x.Id == campaign);
            return await new InMemoryProgressFigures(db, s.GetRequiredService<WorkflowEngine>(), s.GetRequiredService<RoundWorkflow>())
                .ComputeAsync(units, c.StartsOn, (city, c.Units.Select(u => u.OrganisationId).ToHashSet()), CancellationToken.None);
        }));
    Console.WriteLine($"  | what | enterprises | calls | p50 ms | p95 ms | 8 concurrent: calls | req/s | p50 ms | p95 ms | errors |");
    Console.WriteLine($"  |---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    double? baseline = null;
    foreach (var (name, call) in cases.Where(c => only is null || c.Name.Contains(only, StringComparison.Ordinal)))
    {
        var isBaseline = name.StartsWith("baseline", StringComparison.Ordinal);
        var n = isBaseline ? 3 : calls;
        await InScopeAsync(call);
        var alone = await MeasureAsync(call, n, concurrency: 1);
        // The baseline takes seconds a call: under 8 connections it would only queue behind itself.
        var loaded = isBaseline ? default : await MeasureAsync(call, n, concurrency: 8);
        if (isBaseline) baseline = alone.P50;
        var row = isBaseline
            ? FormattableString.Invariant($"| {name} | {enterprises:N0} | {n} | {alone.P50:0.0} | {alone.P95:0.0} | – | – | – | – | {alone.Errors} |")
            : FormattableString.Invariant($"| {name} | {enterprises:N0} | {n} | {alone.P50:0.0} | {alone.P95:0.0} | {8 * n} | {loaded.PerSecond:0} | {loaded.P50:0.0} | {loaded.P95:0.0} | {alone.Errors + loaded.Errors} |");
        Console.WriteLine("  " + row);
        rows.Add(row);
        if (name.StartsWith("city dashboard", StringComparison.Ordinal) && baseline is { } b)
            Console.WriteLine(FormattableString.Invariant($"  {name} / baseline (p50, one at a time): {alone.P50 / b:0.0000} ({b / alone.P50:0}x faster)"));
    }
}
Console.WriteLine($"load average {Load()}");
if (keep is null && database.SqliteFile is not null) { Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix); }
return 0;

async Task<T> WithDbAsync<T>(Func<BargainingDbContext, Task<T>> work) => await WithServicesAsync(s => work(s.GetRequiredService<BargainingDbContext>()));

async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
{
    await using var scope = services.CreateAsyncScope();
    return await work(scope.ServiceProvider);
}

async Task InScopeAsync(Func<IServiceProvider, Task<object>> call)
{
    await using var scope = services.CreateAsyncScope();
    await call(scope.ServiceProvider);
}

async Task<(double P50, double P95, double PerSecond, int Errors)> MeasureAsync(Func<IServiceProvider, Task<object>> call, int n, int concurrency)
{
    var times = new System.Collections.Concurrent.ConcurrentBag<double>();
    var errors = 0;
    var all = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
    {
        for (var i = 0; i < n; i++)
        {
            var one = Stopwatch.StartNew();
            try
            {
                await InScopeAsync(call);
            }
            catch (Exception e)
            {
                // A failed call counts with its time (e.g. SQLite's write lock held by the pipeline's transaction on reads).
                if (Interlocked.Increment(ref errors) == 1) Console.WriteLine($"  error: {e.GetType().Name}: {e.Message}");
            }
            times.Add(one.Elapsed.TotalMilliseconds);
        }
    })));
    var sorted = times.Order().ToList();
    return (Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted.Count / all.Elapsed.TotalSeconds, errors);
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static async Task<object> Send<T>(IServiceProvider s, CurrentUser user, IRequest<T> request)
{
    ((FixedCurrentUser)s.GetRequiredService<ICurrentUserAccessor>()).User = user;
    return (await s.GetRequiredService<IMediator>().Send(request))!;
}

static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

static Dictionary<string, string> Arguments(string[] args) =>
    Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i].TrimStart('-'), i => args[2 * i + 1]);
