using System.Text.Json.Nodes;
using Bargaining.Demo;
using Bargaining.Domain;
using Bargaining.Features.Organisations;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using Bargaining.Workflows;
using Bargaining.Testing;
using Bargaining.Workflows.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Tests;

/// <summary>
/// The application as production wires it (<see cref="BargainingServices.AddBargaining"/>), on its own SQLite file
/// in the temp folder, with the repository's <c>workflows/</c> and a <see cref="ManualClock"/>. Every operation runs
/// in its own scope, as a request would. Disposing deletes the file.
/// </summary>
public sealed class BargainingHost : IAsyncDisposable
{
    /// <summary>The repository's <c>workflows/</c> folder.</summary>
    public static string RepositoryWorkflows { get; } = BargainingOptions.FindWorkflowsDirectory();

    private BargainingHost(ManualClock clock, ServiceProvider services, TestDatabase database, bool ownsDatabase = true)
    {
        Clock = clock;
        Services = services;
        _database = database;
        _ownsDatabase = ownsDatabase;
    }

    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;

    public ManualClock Clock { get; }

    public ServiceProvider Services { get; }

    /// <summary>The SQLite file, or null when the run is on PostgreSQL.</summary>
    public string? SqlitePath => _database.SqliteFile;

    /// <summary>The database the host runs on.</summary>
    public DatabaseSettings Database => Settings(_database);

    /// <summary>A new database for this run's provider (<see cref="TestDatabase"/>); on PostgreSQL a copy of a migrated template.</summary>
    public static Task<TestDatabase> NewDatabaseAsync() =>
        TestDatabase.CreateAsync("app", async connection =>
        {
            await using var db = new BargainingDbContext(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<BargainingDbContext>().UseDatabase(DatabaseSettings.PostgreSql(connection)).Options);
            await Bargaining.Persistence.Database.MigrateAsync(db);
        });

    /// <summary>The application's settings for a test database.</summary>
    public static DatabaseSettings Settings(TestDatabase database) =>
        database.IsPostgreSql ? DatabaseSettings.PostgreSql(database.ConnectionString) : DatabaseSettings.Sqlite(database.SqliteFile!);

    /// <summary>
    /// A host whose clock reads <paramref name="now"/>, on a fresh database; with <paramref name="tickPerRead"/>, the
    /// application's clock moves that much on every read (<see cref="TickingClock"/>), as the real clock does; a write
    /// waits <paramref name="busyTimeout"/> (default 30 s) for the database before it is refused as busy.
    /// </summary>
    public static async Task<BargainingHost> StartAsync(DateTimeOffset now, string? workflowsDirectory = null, TimeSpan? tickPerRead = null, TimeSpan? busyTimeout = null)
    {
        var database = await NewDatabaseAsync();
        var clock = new ManualClock(now);
        var services = new ServiceCollection()
            .AddLogging()
            .AddBargaining(new BargainingOptions(workflowsDirectory ?? RepositoryWorkflows, Settings(database) with { BusyTimeout = busyTimeout ?? DatabaseSettings.DefaultBusyTimeout }) { JournalKey = database.JournalKey }, tickPerRead is { } tick ? new TickingClock(clock, tick) : clock)
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<BargainingDbContext>().MigrateAsync();
        return new BargainingHost(clock, services, database);
    }

    /// <summary>
    /// Another application instance on this host's database and clock, as a second server behind a load balancer
    /// would be: its own services, connection pool and timer processor. Disposing it leaves the database.
    /// </summary>
    public BargainingHost SecondInstance() =>
        new(Clock, new ServiceCollection().AddLogging().AddBargaining(Services.GetRequiredService<BargainingOptions>(), Clock).BuildServiceProvider(), _database, ownsDatabase: false);

    /// <summary>Sends a request through the real MediatR pipeline as <paramref name="user"/>, in its own scope.</summary>
    public async Task<T> SendAsync<T>(MediatR.IRequest<T> request, CurrentUser? user)
    {
        await using var scope = Services.CreateAsyncScope();
        ((FixedCurrentUser)scope.ServiceProvider.GetRequiredService<ICurrentUserAccessor>()).User = user;
        return await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(request);
    }

    /// <summary>Imports the repository's organisation tree (<c>organisations.json</c>) as the city union, as the web host does on its first start.</summary>
    public Task<ImportOrganisationsReport> ImportOrganisationsAsync() =>
        SendAsync(ImportOrganisationsCommand.FromFile(Path.Combine(Path.GetDirectoryName(RepositoryWorkflows.TrimEnd(Path.DirectorySeparatorChar))!, "organisations.json")),
            new CurrentUser("u-city", "盐城市总工会", Role.CityAdministrator, Guid.Empty));

    /// <summary>Runs <paramref name="work"/> on a fresh <see cref="BargainingDbContext"/> in its own scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<BargainingDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<BargainingDbContext>());
    }

    /// <summary>Starts a round of a workflow and returns its id; fails the test if refused.</summary>
    public async Task<Guid> StartRoundAsync(string workflow, string jurisdiction, JsonObject? variables = null)
    {
        var result = await WithEngineAsync(e => e.StartAsync(new StartWorkflow(workflow, jurisdiction, "测试（县总工会）", variables)));
        Assert.True(result.Succeeded, $"starting {workflow} under {jurisdiction} failed: {result.Error}");
        return result.Instance!.Id;
    }

    /// <summary>
    /// <paramref name="payload"/> with <paramref name="field"/> set to today's date in China: the day an offer or a
    /// filing is received, from which its period counts (Art 32, Art 44).
    /// </summary>
    public JsonObject ReceivedToday(string field, JsonObject? payload = null)
    {
        payload ??= [];
        payload[field] = Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return payload;
    }

    /// <summary>Sends a signal and fails the test unless it is accepted.</summary>
    public async Task<WorkflowSnapshot> SendAsync(Guid round, string signal, string role, JsonObject? payload = null, string? node = null)
    {
        var result = await TrySendAsync(round, signal, role, payload, node);
        Assert.True(result.Succeeded, $"'{signal}' from {role} at {Clock.GetUtcNow():O} was refused: {result.Error}");
        return result.Instance!;
    }

    /// <summary>Sends a signal and returns the outcome, accepted or not.</summary>
    public Task<WorkflowResult> TrySendAsync(Guid round, string signal, string role, JsonObject? payload = null, string? node = null) =>
        WithEngineAsync(e => e.SignalAsync(round, new Signal(signal, $"测试（{role}）", role, payload, Node: node)));

    /// <summary>
    /// Moves the clock to <paramref name="target"/>, stopping at every timer due on the way so each fires at its
    /// due instant (as <c>DemoCommand</c> does), including timers that the fired ones schedule.
    /// </summary>
    public async Task AdvanceToAsync(DateTimeOffset target)
    {
        var processor = Services.GetRequiredService<WorkflowTimerProcessor>();
        while (await WithEngineAsync(e => e.NextDueAsync()) is { } due && due <= target)
        {
            if (due > Clock.GetUtcNow()) Clock.SetUtcNow(due);
            var fired = await processor.RunOnceAsync();
            Assert.True(fired > 0, $"a timer due at {due:O} is pending but could not fire");
        }
        if (target > Clock.GetUtcNow()) Clock.SetUtcNow(target);
    }

    /// <summary>Lets <paramref name="time"/> pass, firing what falls due.</summary>
    public Task AdvanceAsync(TimeSpan time) => AdvanceToAsync(Clock.GetUtcNow() + time);

    public async Task<WorkflowSnapshot> SnapshotAsync(Guid round) =>
        await WithEngineAsync(e => e.GetAsync(round)) ?? throw new InvalidOperationException($"no round {round}");

    /// <summary>The nodes the round's tokens are at, in order.</summary>
    public async Task<IReadOnlyList<string>> NodesAsync(Guid round) =>
        (await SnapshotAsync(round)).Steps.Select(s => s.Node).Order(StringComparer.Ordinal).ToList();

    /// <summary>Asserts that the round is at exactly these nodes.</summary>
    public async Task AssertAtAsync(Guid round, params string[] nodes) =>
        Assert.Equal(nodes.Order(StringComparer.Ordinal), await NodesAsync(round));

    /// <summary>The active step at <paramref name="node"/>.</summary>
    public async Task<ActiveStep> StepAsync(Guid round, string node) =>
        Assert.Single((await SnapshotAsync(round)).Steps, s => s.Node == node);

    /// <summary>Runs a scripted round from the clock's current time and returns its id.</summary>
    public async Task<Guid> RunAsync(DemoRound script)
    {
        var round = await StartRoundAsync(script.Workflow, script.Jurisdiction, script.Variables);
        foreach (var step in script.Steps)
        {
            await AdvanceAsync(step.Wait);
            if (step.At(Clock.GetUtcNow(), Services.GetRequiredService<JurisdictionCatalog>()[script.Jurisdiction].Time) is { } signal)
            {
                var result = await WithEngineAsync(e => e.SignalAsync(round, signal));
                Assert.True(result.Succeeded, $"{script.Title}: '{signal.Name}' from {signal.Role} was refused: {result.Error}");
            }
        }
        return round;
    }

    public async Task<T> WithEngineAsync<T>(Func<WorkflowEngine, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<WorkflowEngine>());
    }

    public async Task<T> WithDatabaseAsync<T>(Func<BargainingDbContext, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<BargainingDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_ownsDatabase) await _database.DisposeAsync();
    }
}

/// <summary>China Standard Time (UTC+8, no daylight saving), the local time every period is counted in.</summary>
public static class China
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, Offset);
}
