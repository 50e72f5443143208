using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Persistence;

// Every change must stay attributable: the database itself refuses to rewrite or remove journal entries.
public sealed class JournalTests
{
    [Theory]
    [InlineData("UPDATE workflow_journal SET \"Actor\" = '某人' WHERE \"Sequence\" = 1")]
    [InlineData("DELETE FROM workflow_journal WHERE \"Sequence\" = 1")]
    [InlineData("DELETE FROM workflow_journal")]
    [InlineData("UPDATE workflow_journal SET \"Seal\" = NULL WHERE \"Sequence\" = 1")]
    [InlineData("UPDATE workflow_journal SET \"Seal\" = 'forged' WHERE \"Sequence\" = 1")]
    public async Task The_database_refuses_to_change_or_remove_a_journal_entry(string sql)
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));
        var round = await host.StartRoundAsync("simplified-procedure", "jiangsu");
        await host.SendAsync(round, "send-offer", "union", host.ReceivedToday("offerReceivedOn"));

        var e = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => host.WithDatabaseAsync(db => db.Database.ExecuteSqlRawAsync(sql)));

        Assert.Contains("append-only", e.Message);
        var verification = await host.WithEngineAsync(engine => engine.VerifyJournalAsync(round));
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(2, verification.Entries);
    }

    [Fact]
    public async Task An_entry_written_before_seals_may_be_sealed_once_and_nothing_else_changed_with_it()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));
        await host.StartRoundAsync("simplified-procedure", "jiangsu");
        // An unsealed entry, as a database of the release before seals holds (inserting is what the journal allows).
        await host.WithDatabaseAsync(db => db.Database.ExecuteSqlRawAsync("""
            INSERT INTO workflow_journal ("InstanceId", "Sequence", "Kind", "Actor", "Moves", "Result", "At", "PreviousHash", "Hash")
            SELECT "InstanceId", 99, "Kind", "Actor", "Moves", "Result", "At", "PreviousHash", "Hash" FROM workflow_journal WHERE "Sequence" = 1
            """));

        var refused = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => host.WithDatabaseAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE workflow_journal SET \"Seal\" = 'a', \"Actor\" = '某人' WHERE \"Sequence\" = 99")));
        Assert.Contains("append-only", refused.Message);
        Assert.Equal(1, await host.WithDatabaseAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE workflow_journal SET \"Seal\" = 'a' WHERE \"Sequence\" = 99")));
        var again = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => host.WithDatabaseAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE workflow_journal SET \"Seal\" = 'b' WHERE \"Sequence\" = 99")));
        Assert.Contains("append-only", again.Message);
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task The_database_file_runs_in_write_ahead_logging_mode()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));

        var mode = await host.WithDatabaseAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());

        Assert.Equal("wal", Assert.Single(mode));
    }
}
