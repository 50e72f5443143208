using Bargaining.Accounts;
using Bargaining.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Bargaining.Migrations.PostgreSql;

// dotnet-ef makes the contexts through these when it adds a migration (scripts/add-migration.sh); no database is opened.

internal sealed class BargainingDesignTimeFactory : IDesignTimeDbContextFactory<BargainingDbContext>
{
    public BargainingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BargainingDbContext>().UseDatabase(DesignTime.Settings).Options);
}

internal sealed class AccountsDesignTimeFactory : IDesignTimeDbContextFactory<AccountsDbContext>
{
    public AccountsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AccountsDbContext>().UseDatabase(DesignTime.Settings, AccountsDbContext.MigrationsHistoryTable).Options);
}

internal static class DesignTime
{
    public static readonly DatabaseSettings Settings = DatabaseSettings.PostgreSql("Host=localhost;Database=design-time");
}
