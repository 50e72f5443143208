using System.Data;
using Bargaining.Persistence;
using Bargaining.Workflows;
using Bargaining.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;

namespace Bargaining.Tests.Persistence;

// A pooled context's SQLite connection stays open from one use to the next, with the engine's statements prepared on
// it (issue 13: opening and compiling anew was about a sixth of an engine operation); closing it, disposing the host or
// rebuilding the file still closes it, so nothing prepared or opened outlives its connection or its file.
[Trait("Database", "SqliteOnly")]
public sealed class KeptConnectionTests
{
    /// <summary>The heap SQLite holds for the statements prepared on a connection (none prepared: 0).</summary>
    private static int Prepared(sqlite3 handle)
    {
        const int statementMemory = 3; // SQLITE_DBSTATUS_STMT_USED
        Assert.Equal(0, raw.sqlite3_db_status(handle, statementMemory, out var bytes, out _, 0));
        return bytes;
    }

    private static Task<Guid> RoundAsync(BargainingHost host) =>
        host.StartRoundAsync(Workflows.OrdinaryProcedure.Id, "jiangsu", new System.Text.Json.Nodes.JsonObject { ["offeredBy"] = "union" });

    private static Signal Offer(BargainingHost host) => new("send-offer", "测试（工会）", "union", host.ReceivedToday("offerReceivedOn"));

    /// <summary>Runs <paramref name="use"/> on the engine of a new scope and returns the connection its context used.</summary>
    private static async Task<SqliteConnection> InScopeAsync(BargainingHost host, Func<WorkflowEngine, Task> use)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<WorkflowEngine>());
        return (SqliteConnection)scope.ServiceProvider.GetRequiredService<BargainingDbContext>().Database.GetDbConnection();
    }

    [Fact]
    public async Task The_next_request_finds_the_connection_open_with_the_engines_statements_prepared_and_the_host_closes_it()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        var id = await RoundAsync(host);

        var first = await InScopeAsync(host, e => e.GetAsync(id));
        Assert.Equal(ConnectionState.Open, first.State);
        var prepared = Prepared(first.Handle!);
        Assert.True(prepared > 0, "the engine's read is prepared on the connection");

        var second = await InScopeAsync(host, async e => Assert.True((await e.SignalAsync(id, Offer(host))).Succeeded));
        Assert.Same(first, second);
        Assert.Equal(ConnectionState.Open, second.State);
        Assert.True(Prepared(second.Handle!) > prepared, "the write is prepared beside the read, which is used again");
        Assert.Equal("send-offer", (await host.WithDbAsync(db => db.Set<WorkflowJournalRecord>().Where(j => j.InstanceId == id).OrderBy(j => j.Sequence).Select(j => j.Signal).ToListAsync()))[^1]);

        await host.Services.DisposeAsync();
        Assert.Equal(ConnectionState.Closed, second.State);
    }

    [Fact]
    public async Task A_connection_closed_between_operations_releases_its_statements_and_the_next_operation_prepares_them_again()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        var id = await RoundAsync(host);
        await using var scope = host.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        var db = scope.ServiceProvider.GetRequiredService<BargainingDbContext>();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        Assert.NotNull(await engine.GetAsync(id));
        Assert.True(Prepared(connection.Handle!) > 0);
        var handle = connection.Handle!;

        await connection.CloseAsync();
        Assert.Equal(0, Prepared(handle));

        var result = await engine.SignalAsync(id, Offer(host));
        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(ConnectionState.Open, connection.State);
        Assert.True(Prepared(connection.Handle!) > 0);
    }

    [Fact]
    public async Task Rebuilding_a_generated_database_with_a_context_whose_connection_was_kept_writes_to_the_new_file()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        var id = await RoundAsync(host);
        var kept = await InScopeAsync(host, e => e.GetAsync(id));
        Assert.Equal(ConnectionState.Open, kept.State);

        await host.WithDbAsync(async db =>
        {
            Assert.Same(kept, db.Database.GetDbConnection());
            await Database.RecreateGeneratedAsync(db);
            db.Organisations.Add(new Domain.Organisation("320900", "演示市总工会", Domain.OrganisationKind.City, null));
            return await db.SaveChangesAsync();
        });

        // Read from the file on disk by a connection of its own: the new file holds the new row and no old round.
        await using var file = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = host.SqlitePath, Pooling = false }.ToString());
        await file.OpenAsync();
        await using var command = file.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM organisations) || '/' || (SELECT COUNT(*) FROM workflow_instances)";
        Assert.Equal("1/0", await command.ExecuteScalarAsync());
    }
}
