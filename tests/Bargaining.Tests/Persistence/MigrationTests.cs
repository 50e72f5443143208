using Bargaining.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Persistence;

// The schema comes from the migrations; a database of the release before migrations is upgraded in place only when its
// schema is the one that release made (the upgrade itself: Bargaining.Web.Tests, UpgradeInPlaceTests).
public sealed class MigrationTests
{
    [Fact]
    public async Task A_new_database_has_every_migration_applied_and_none_pending()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));

        var (applied, pending) = await host.WithDatabaseAsync(async db => (await db.Database.GetAppliedMigrationsAsync(), await db.Database.GetPendingMigrationsAsync()));

        Assert.Equal(await host.WithDatabaseAsync(db => Task.FromResult(db.Database.GetMigrations())), applied);
        Assert.Empty(pending);
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task A_database_without_migrations_history_whose_schema_differs_is_refused_and_left_alone()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bargaining-unmigrated-{Guid.NewGuid():N}.db");
        var settings = DatabaseSettings.Sqlite(file);
        // The tables as EnsureCreated makes them, without the append-only triggers the release before migrations added.
        await using (var db = new BargainingDbContext(new DbContextOptionsBuilder<BargainingDbContext>().UseDatabase(settings).Options))
            await db.Database.EnsureCreatedAsync();

        await using (var db = new BargainingDbContext(new DbContextOptionsBuilder<BargainingDbContext>().UseDatabase(settings).Options))
        {
            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Database.MigrateAsync(db));
            Assert.Contains("cannot be upgraded in place", e.Message);
            Assert.Contains("workflow_journal_no_update", e.Message);
            Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task The_journal_rebuilt_without_autoincrement_keeps_every_entry_its_id_and_its_triggers()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bargaining-rowid-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<BargainingDbContext>().UseDatabase(DatabaseSettings.Sqlite(file)).Options;
        const string Entry = """
            INSERT INTO workflow_journal ("Id", "InstanceId", "Sequence", "Kind", "Actor", "Moves", "Result", "At", "PreviousHash", "Hash", "Seal")
            VALUES ({0}, 'D4C0E0D2-6A36-4B6B-9C5B-2B1E0E3F5A01', {1}, 'signal', '工会主席', '[]', '[]', 0, 'p', 'h', 's')
            """;
        await using (var db = new BargainingDbContext(options))
        {
            await db.Database.MigrateAsync("20261207154844_LeanerJournalIndex");
            foreach (var (id, sequence) in new[] { (7L, 1L), (12L, 2L) }) await db.Database.ExecuteSqlRawAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Entry, id, sequence));
        }

        await using (var db = new BargainingDbContext(options))
        {
            await db.Database.MigrateAsync();
            Assert.Equal([7L, 12L], await db.Database.SqlQueryRaw<long>("SELECT \"Id\" AS \"Value\" FROM workflow_journal ORDER BY \"Id\"").ToListAsync());
            var table = await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE name = 'workflow_journal'").SingleAsync();
            Assert.DoesNotContain("AUTOINCREMENT", table, StringComparison.OrdinalIgnoreCase);
            Assert.Empty(await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_sequence WHERE name = 'workflow_journal'").ToListAsync());
            foreach (var sql in new[] { "UPDATE workflow_journal SET \"Actor\" = '某人'", "DELETE FROM workflow_journal", "UPDATE workflow_journal SET \"Seal\" = 'forged'" })
                Assert.Contains("append-only", (await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync(sql))).Message);
            await db.Database.ExecuteSqlRawAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Entry, "NULL", 3));
            Assert.Equal(13L, await db.Database.SqlQueryRaw<long>("SELECT max(\"Id\") AS \"Value\" FROM workflow_journal").SingleAsync());
            var indexes = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'workflow_journal' ORDER BY name").ToListAsync();
            Assert.Equal(["IX_workflow_journal_InstanceId_IdempotencyKey", "IX_workflow_journal_InstanceId_Sequence", "IX_workflow_journal_Unsealed"], indexes);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
    }
}
