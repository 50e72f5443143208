using Bargaining.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Persistence;

// The demo switch, `demo` and `simulate` rebuild only a database they generated themselves (issue 12): pointed at one
// with data of its own by mistake, they refuse and delete nothing. Both providers.
public sealed class GeneratedDatabaseTests
{
    [Fact]
    public async Task A_database_with_organisations_of_its_own_is_refused_and_keeps_them()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));
        await host.ImportOrganisationsAsync();
        var before = await host.WithDbAsync(db => db.Organisations.CountAsync());

        var refused = await Assert.ThrowsAsync<DatabaseNotGeneratedException>(() => host.WithDbAsync(async db =>
        {
            await Database.RecreateGeneratedAsync(db);
            return 0;
        }));

        Assert.Contains("不会被删除", refused.Message);
        Assert.True(before > 0);
        Assert.Equal(before, await host.WithDbAsync(db => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task A_generated_database_is_emptied_when_generated_again_and_a_new_one_is_made_and_marked()
    {
        await using var database = await BargainingHost.NewDatabaseAsync();
        var settings = BargainingHost.Settings(database);
        BargainingDbContext Open() => new(new DbContextOptionsBuilder<BargainingDbContext>().UseDatabase(settings).Options);

        await using (var db = Open()) await Database.RecreateGeneratedAsync(db);
        await using (var db = Open())
        {
            db.Organisations.Add(new Domain.Organisation("320900", "演示市总工会", Domain.OrganisationKind.City, null));
            await db.SaveChangesAsync();
        }

        await using (var db = Open()) await Database.RecreateGeneratedAsync(db);

        await using (var db = Open())
        {
            Assert.False(await db.Organisations.AnyAsync());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
