using Bargaining.Demo;
using Bargaining.Domain;
using Bargaining.Features.Organisations;
using Bargaining.Features.Campaigns;
using Bargaining.Persistence;
using Bargaining.Workflows;
using Bargaining.Workflows.Hosting;
using Bargaining.Workflows.Persistence;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Tests.Walk;

/// <summary>
/// A clock that moves a little every time it is read, as the real clock does while a command runs (issue 10 item 1:
/// rows stamped a millisecond after the offer), and jumps forward when the walk lets time pass.
/// </summary>
public sealed class WalkClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start.ToUniversalTime();

    /// <summary>How far each read moves the clock.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMicroseconds(300);

    public override DateTimeOffset GetUtcNow()
    {
        var now = _now;
        _now += Tick;
        return now;
    }

    public override TimeZoneInfo LocalTimeZone { get; } = TimeZoneInfo.CreateCustomTimeZone("UTC+08", China.Offset, "UTC+08", "UTC+08");

    /// <summary>Now, without moving.</summary>
    public DateTimeOffset Peek => _now;

    /// <summary>Today in China.</summary>
    public DateOnly Today => DateOnly.FromDateTime(_now.ToOffset(China.Offset).DateTime);

    public void MoveTo(DateTimeOffset to)
    {
        if (to > _now) _now = to.ToUniversalTime();
    }
}

/// <summary>One person of the walk: who they are and what they act as.</summary>
public sealed record Actor(string Label, CurrentUser User);

/// <summary>An enterprise of the walk with the people who act for it and for its county.</summary>
public sealed record WalkEnterprise(Enterprise Enterprise, Organisation County, Actor Chair, Actor Employer, Actor Staff, Actor Instructor, Actor Reviewer, Actor Coordinator)
{
    /// <summary>Everyone who may act in its rounds, in a fixed order.</summary>
    public IReadOnlyList<Actor> Everyone => [Chair, Employer, Staff, Instructor, Reviewer, Coordinator];

    /// <summary>The legal representative, who is the employer chief unless someone is authorised.</summary>
    public string LegalRepresentative => $"{Enterprise.Name[..2]}法人";
}

/// <summary>
/// The application as production wires it, on its own SQLite file, with a <see cref="WalkClock"/>; three counties of
/// Yancheng with their labour authorities, enterprises of each, everyone who acts, and a campaign for the dashboard.
/// </summary>
public sealed class WalkWorld : IAsyncDisposable
{
    private WalkWorld(WalkClock clock, ServiceProvider services, string path)
    {
        Clock = clock;
        Services = services;
        _path = path;
    }

    private readonly string _path;

    public WalkClock Clock { get; }

    public ServiceProvider Services { get; }

    public List<WalkEnterprise> Enterprises { get; } = [];

    public Actor City { get; private set; } = null!;

    public Guid CampaignId { get; private set; }

    public DateOnly CampaignStartsOn { get; private set; }

    public static async Task<WalkWorld> CreateAsync(DateTimeOffset start, int enterprisesPerCounty, Random random)
    {
        // A real SQLite file, in memory-backed /dev/shm where there is one: thousands of commits, each synced (WAL,
        // synchronous=FULL), would otherwise spend the walk's time waiting for the disk.
        var folder = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var path = Path.Combine(folder, $"bargaining-walk-{Guid.NewGuid():N}.db");
        var clock = new WalkClock(start);
        var services = new ServiceCollection().AddLogging()
            .AddBargaining(new BargainingOptions(BargainingHost.RepositoryWorkflows, DatabaseSettings.Sqlite(path)), clock)
            .BuildServiceProvider();
        var world = new WalkWorld(clock, services, path);
        await world.WithDbAsync(async db =>
        {
            await db.MigrateAsync();
            return 0;
        });
        await world.SendAsync(ImportOrganisationsCommand.FromFile(services.GetRequiredService<BargainingOptions>().OrganisationsFile),
            new CurrentUser("u-city", "盐城市总工会", Role.CityAdministrator, Guid.Empty));
        var counties = await world.WithDbAsync(db => db.Organisations.Where(o => o.Kind == OrganisationKind.County && o.LabourAuthority != null)
            .OrderBy(o => o.Code).Take(3).ToListAsync());
        var city = await world.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Kind == OrganisationKind.City));
        world.City = new Actor("市总工会", new CurrentUser("walk-city", "市总工会 权益保障部", Role.CityAdministrator, city.Id));
        var number = 0;
        foreach (var county in counties)
        {
            var c = county.Code;
            var staff = new Actor($"{county.Name}工作人员", new CurrentUser($"walk-staff-{c}", $"{county.Name} 工作人员", Role.CountyStaff, county.Id));
            var instructor = new Actor($"{county.Name}指导员", new CurrentUser($"walk-instructor-{c}", $"{county.Name} 指导员", Role.Instructor, county.Id));
            var reviewer = new Actor($"{county.Name}人社审查", new CurrentUser($"walk-reviewer-{c}", $"{county.Name} 人社审查员", Role.Reviewer, county.Id));
            var coordinator = new Actor($"{county.Name}协调员", new CurrentUser($"walk-coordinator-{c}", $"{county.Name} 协调员", Role.Coordinator, county.Id));
            for (var i = 0; i < enterprisesPerCounty; i++)
            {
                number++;
                var stem = $"91{c}MA{number:D2}WALK0";
                var employees = random.Next(40, 900);
                var name = $"{Names[number % Names.Length]}{number}号有限公司";
                var enterprise = new Enterprise(county.Id, name, stem + CreditCode.CheckCharacter(stem), "制造业", "私营企业", employees, employees / 3,
                    name + "工会委员会", $"主席{number}");
                await world.WithDbAsync(async db => { db.Enterprises.Add(enterprise); return await db.SaveChangesAsync(); });
                world.Enterprises.Add(new WalkEnterprise(enterprise, county,
                    new Actor($"{name}工会主席", new CurrentUser($"walk-chair-{number}", enterprise.ChairName!, Role.UnionChair, county.Id, enterprise.Id)),
                    new Actor($"{name}企业方", new CurrentUser($"walk-employer-{number}", $"企业方代表{number}", Role.EmployerRepresentative, county.Id, enterprise.Id)),
                    staff, instructor, reviewer, coordinator));
            }
        }
        world.CampaignStartsOn = clock.Today;
        world.CampaignId = await world.SendAsync(new CreateCampaignCommand("集中要约行动（漫步测试）", clock.Today, clock.Today.AddYears(1),
            [.. counties.Select(c => c.Id)], 80, 60, 1000), world.City.User);
        return world;
    }

    private static readonly string[] Names = ["恒达", "盐海", "东方", "瑞丰", "华联", "新润", "金穗", "苏北", "江淮", "海韵"];

    /// <summary>Sends a request through the real MediatR pipeline as <paramref name="user"/>, in its own scope.</summary>
    public async Task<T> SendAsync<T>(IRequest<T> request, CurrentUser user)
    {
        await using var scope = Services.CreateAsyncScope();
        ((FixedCurrentUser)scope.ServiceProvider.GetRequiredService<ICurrentUserAccessor>()).User = user;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>Sends any request (its type known only at run time) as <paramref name="user"/>.</summary>
    public async Task<object?> SendObjectAsync(object request, CurrentUser user)
    {
        var response = request.GetType().GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)).GetGenericArguments()[0];
        var send = typeof(WalkWorld).GetMethod(nameof(SendBoxedAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.MakeGenericMethod(response);
        return await (Task<object?>)send.Invoke(this, [request, user])!;
    }

    private async Task<object?> SendBoxedAsync<T>(IRequest<T> request, CurrentUser user) => await SendAsync(request, user);

    public async Task<T> WithDbAsync<T>(Func<BargainingDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<BargainingDbContext>());
    }

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>
    /// Lets time pass to <paramref name="target"/>. With <paramref name="fireTimers"/> the timer processor keeps up,
    /// firing every timer at its due instant on the way; without, it lags behind (it polls every 30 s in production)
    /// and what is due fires at a later step.
    /// </summary>
    public async Task AdvanceToAsync(DateTimeOffset target, bool fireTimers)
    {
        if (fireTimers)
        {
            var processor = Services.GetRequiredService<WorkflowTimerProcessor>();
            while (await WithServicesAsync(s => s.GetRequiredService<WorkflowEngine>().NextDueAsync()) is { } due && due <= target)
            {
                Clock.MoveTo(due);
                if (await processor.RunOnceAsync() == 0) throw new InvalidOperationException($"a timer due at {due:O} is pending but could not fire");
            }
        }
        Clock.MoveTo(target);
    }

    /// <summary>True when the round's workflow has a timer pending (a deadline or a window that will move it).</summary>
    public Task<bool> HasTimerAsync(Guid round) => WithDbAsync(db => db.Set<WorkflowTimerRecord>().AnyAsync(t => t.InstanceId == round));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearPool(new SqliteConnection(DatabaseSettings.Sqlite(_path).ConnectionString));
        foreach (var suffix in new[] { "", "-wal", "-shm", ".journal-key" }) File.Delete(_path + suffix);
    }
}
