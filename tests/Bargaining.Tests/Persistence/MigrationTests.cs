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
}
