using Bargaining.Workflows.Hosting;
using Bargaining.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bargaining.Workflows.Tests.Support;

/// <summary>
/// One test's workflow database: a real SQLite file in WAL mode, as in production, deleted afterwards. Hands out
/// contexts, engines over them and service providers that host the engine as an application does; whatever it
/// hands out is disposed with it.
/// </summary>
public sealed class SqliteWorkflowDatabase : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"workflows-{Guid.NewGuid():N}.db");

    private string ConnectionString => $"Data Source={Path}";

    public async Task InitializeAsync()
    {
        await using var context = Context([]);
        await context.Database.EnsureCreatedAsync();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL";
        if (await command.ExecuteScalarAsync() is not "wal") throw new InvalidOperationException($"{Path} did not switch to WAL");
    }

    public WorkflowDbContext NewContext(params IInterceptor[] interceptors) => Own(Context(interceptors));

    public WorkflowEngine NewEngine(TimeProvider clock, WorkflowRegistry? registry = null, params IInterceptor[] interceptors) =>
        new(NewContext(interceptors), registry ?? TestWorkflows.Registry(), TestWorkflows.Conditions(), TestWorkflows.Jurisdictions, clock);

    /// <summary>The services an application registers to run the engine and its timer processor, without a generic host.</summary>
    public ServiceProvider NewHost(TimeProvider clock, WorkflowTimerOptions? options = null)
    {
        var services = new ServiceCollection();
        services.AddDbContext<WorkflowDbContext>(o => o.UseSqlite(ConnectionString));
        services.AddScoped<DbContext>(sp => sp.GetRequiredService<WorkflowDbContext>());
        services.AddScoped<WorkflowEngine>();
        services.AddSingleton(TestWorkflows.Registry());
        services.AddSingleton(TestWorkflows.Conditions());
        services.AddSingleton(TestWorkflows.Jurisdictions);
        services.AddSingleton(clock);
        services.AddSingleton(options ?? new WorkflowTimerOptions());
        services.AddSingleton<ILogger<WorkflowTimerProcessor>>(NullLogger<WorkflowTimerProcessor>.Instance);
        services.AddSingleton<WorkflowTimerProcessor>();
        return Own(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned)) await owned.DisposeAsync();
        // Pooled connections keep the file open.
        SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" }) File.Delete(file);
    }

    private WorkflowDbContext Context(IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<WorkflowDbContext>().UseSqlite(ConnectionString).AddInterceptors(interceptors).Options);

    private T Own<T>(T disposable) where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
