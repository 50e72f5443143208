using System.Data.Common;
using Bargaining.Domain;
using Bargaining.Persistence;
using Bargaining.Tests.Workflows;
using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bargaining.Tests.Persistence;

// The writer gate (one writer per SQLite file in the process) is never left taken: a save that fails or is cancelled
// gives the turn back, so the next writer does not wait for a busy timeout (issue 13).
[Trait("Database", "SqliteOnly")]
public sealed class WriterGateTests
{
    private static SqliteWriterGate Gate(BargainingHost host) => SqliteWriterGate.For(host.SqlitePath!, DatabaseSettings.DefaultBusyTimeout);

    /// <summary>A context of the host's database with <paramref name="interceptors"/> besides the application's own.</summary>
    private static BargainingDbContext Context(BargainingHost host, params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<BargainingDbContext>().UseDatabase(host.Database).AddInterceptors(interceptors).UseApplicationServiceProvider(host.Services).Options);

    private static async Task<WorkflowInstanceRecord> InstanceAsync(BargainingDbContext db, Guid id) =>
        await db.Set<WorkflowInstanceRecord>().SingleAsync(i => i.Id == id);

    [Fact]
    public async Task A_save_that_loses_the_revision_race_gives_the_turn_back_while_its_connection_stays_open()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        var id = await host.OfferAsync();
        await using var db = Context(host);
        await db.Database.OpenConnectionAsync();
        var stale = await InstanceAsync(db, id);
        await host.WithDbAsync(other => other.Set<WorkflowInstanceRecord>().Where(i => i.Id == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.Revision, i => i.Revision + 1)));

        var updated = stale.UpdatedAt;
        (stale.Revision, stale.UpdatedAt) = (stale.Revision + 1, updated.AddSeconds(1));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        Assert.False(Gate(host).Taken);
        Assert.Equal(updated, await host.WithDbAsync(other => other.Set<WorkflowInstanceRecord>().Where(i => i.Id == id).Select(i => i.UpdatedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_failed_save_in_efs_own_transaction_gives_the_turn_back_when_its_connection_closes()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        await host.ImportOrganisationsAsync();
        await using var db = Context(host);
        await db.Database.OpenConnectionAsync();
        var city = await db.Organisations.SingleAsync(o => o.ParentId == null);

        db.Add(new Organisation(city.Code, "重复代码的工会", OrganisationKind.County, city)); // the code is unique
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        await db.Database.CloseConnectionAsync();

        Assert.False(Gate(host).Taken);
        Assert.Equal(12, await host.WithDbAsync(other => other.Organisations.CountAsync()));
    }

    [Fact]
    public async Task A_save_cancelled_while_it_waits_for_the_turn_leaves_the_turn_to_its_holder()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        var id = await host.OfferAsync();
        await using var holder = Context(host);
        await using var waiter = Context(host);
        var waiting = await InstanceAsync(waiter, id);

        await using (var transaction = await holder.Database.BeginTransactionAsync())
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            waiting.UpdatedAt = waiting.UpdatedAt.AddSeconds(1);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter.SaveChangesAsync(cancel.Token));
            Assert.True(Gate(host).Taken);
            await transaction.CommitAsync();
        }

        Assert.False(Gate(host).Taken);
        Assert.NotEqual(waiting.UpdatedAt, await host.WithDbAsync(other => other.Set<WorkflowInstanceRecord>().Where(i => i.Id == id).Select(i => i.UpdatedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_save_cancelled_inside_its_transaction_rolls_back_and_gives_the_turn_back()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        var id = await host.OfferAsync();
        using var cancel = new CancellationTokenSource();
        await using var db = Context(host, new CancelOnUpdate(cancel));
        await db.Database.OpenConnectionAsync();
        var record = await InstanceAsync(db, id);
        var before = record.UpdatedAt;

        record.UpdatedAt = before.AddSeconds(1);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.SaveChangesAsync(cancel.Token));

        Assert.False(Gate(host).Taken);
        Assert.Equal(before, await host.WithDbAsync(other => other.Set<WorkflowInstanceRecord>().Where(i => i.Id == id).Select(i => i.UpdatedAt).SingleAsync()));
        await host.SendAsync(id, "accept", "employer"); // the next writer gets in
    }

    /// <summary>Cancels the save's token when its first <c>UPDATE</c> is about to run, in the middle of its transaction.</summary>
    private sealed class CancelOnUpdate(CancellationTokenSource cancel) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            if (command.CommandText.TrimStart().StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)) cancel.Cancel();
            return ValueTask.FromResult(result);
        }
    }
}
