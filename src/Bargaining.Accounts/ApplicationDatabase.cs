using Bargaining.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Accounts;

/// <summary>The application's whole database: the bargaining tables and the accounts' tables, migrated together.</summary>
public static class ApplicationDatabase
{
    /// <summary>Applies every pending migration of both, upgrading a database of a release before migrations in place.</summary>
    public static async Task MigrateAsync(DatabaseSettings settings, CancellationToken ct = default)
    {
        await using (var db = new BargainingDbContext(new DbContextOptionsBuilder<BargainingDbContext>().UseDatabase(settings).Options))
            await Database.MigrateAsync(db, ct);
        await using (var accounts = new AccountsDbContext(new DbContextOptionsBuilder<AccountsDbContext>().UseDatabase(settings, AccountsDbContext.MigrationsHistoryTable).Options))
            await Database.MigrateAsync(accounts, ct);
    }
}
