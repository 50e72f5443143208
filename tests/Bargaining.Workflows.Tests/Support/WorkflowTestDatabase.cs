using Bargaining.Testing;
using Bargaining.Workflows.Hosting;
using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bargaining.Workflows.Tests.Support;

/// <summary>
/// One test's workflow database (<see cref="TestDatabase"/>): a real SQLite file in WAL mode, as in production, or a
/// PostgreSQL database of its own when the run is on PostgreSQL; deleted afterwards. The engine's tables only
/// (<see cref="WorkflowDbContext"/>, created as the model says: the engine has no migrations of its own, an
/// application's migrations hold its tables). Hands out contexts, engines over them and service providers that host
/// the engine as an application does; whatever it hands out is disposed with it.
/// </summary>
public sealed class WorkflowTestDatabase : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("engine", async connection =>
        {
            await using var template = new WorkflowDbContext(new DbContextOptionsBuilder<WorkflowDbContext>().UseNpgsql(connection).Options);
            await template.Database.EnsureCreatedAsync();
        });
        if (_database.IsPostgreSql) return;
        await using var context = Context([]);
        await context.Database.EnsureCreatedAsync();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL";
        if (await command.ExecuteScalarAsync() is not "wal") throw new InvalidOperationException($"{_database.SqliteFile} did not switch to WAL");
    }

    public WorkflowDbContext NewContext(params IInterceptor[] interceptors) => Own(Context(interceptors));

    public WorkflowEngine NewEngine(TimeProvider clock, WorkflowRegistry? registry = null, params IInterceptor[] interceptors) =>
        new(NewContext(interceptors), registry ?? TestWorkflows.Registry(), TestWorkflows.Conditions(), TestWorkflows.Jurisdictions, clock, Seal);

    /// <summary>The journal seal of this database's engines: a key of the test's own.</summary>
    public JournalSeal Seal { get; } = new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(JournalSeal.KeyLength));

    /// <summary>The services an application registers to run the engine and its timer processor, without a generic host.</summary>
    public ServiceProvider NewHost(TimeProvider clock, WorkflowTimerOptions? options = null)
    {
        var services = new ServiceCollection();
        services.AddDbContext<WorkflowDbContext>(o => Use(o));
        services.AddScoped<DbContext>(sp => sp.GetRequiredService<WorkflowDbContext>());
        services.AddScoped<WorkflowEngine>();
        services.AddSingleton(TestWorkflows.Registry());
        services.AddSingleton(TestWorkflows.Conditions());
        services.AddSingleton(TestWorkflows.Jurisdictions);
        services.AddSingleton(clock);
        services.AddSingleton(Seal);
        services.AddSingleton(options ?? new WorkflowTimerOptions());
        services.AddSingleton<ILogger<WorkflowTimerProcessor>>(NullLogger<WorkflowTimerProcessor>.Instance);
        services.AddSingleton<WorkflowTimerProcessor>();
        return Own(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned)) await owned.DisposeAsync();
        await _database.DisposeAsync();
    }

    private DbContextOptionsBuilder Use(DbContextOptionsBuilder builder) =>
        _database.IsPostgreSql ? builder.UseNpgsql(_database.ConnectionString) : builder.UseSqlite(_database.ConnectionString);

    private WorkflowDbContext Context(IInterceptor[] interceptors) =>
        new(((DbContextOptionsBuilder<WorkflowDbContext>)Use(new DbContextOptionsBuilder<WorkflowDbContext>())).AddInterceptors(interceptors).Options);

    private T Own<T>(T disposable) where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
