using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Persistence;

// Every change must stay attributable: the database itself refuses to rewrite or remove journal entries.
public sealed class JournalTests
{
    [Theory]
    [InlineData("UPDATE workflow_journal SET \"Actor\" = '某人' WHERE \"Sequence\" = 1")]
    [InlineData("DELETE FROM workflow_journal WHERE \"Sequence\" = 1")]
    [InlineData("DELETE FROM workflow_journal")]
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
    [Trait("Database", "SqliteOnly")]
    public async Task The_database_file_runs_in_write_ahead_logging_mode()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));

        var mode = await host.WithDatabaseAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());

        Assert.Equal("wal", Assert.Single(mode));
    }
}
