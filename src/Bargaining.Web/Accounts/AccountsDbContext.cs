using Bargaining.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bargaining.Web.Accounts;

/// <summary>ASP.NET Core Identity's tables, in the application's database beside the bargaining tables.</summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : IdentityDbContext<Account, IdentityRole, string>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Account>(a =>
        {
            a.Property(x => x.DisplayName).HasMaxLength(64);
            a.Property(x => x.Role).HasConversion<string>().HasMaxLength(32);
            a.HasIndex(x => x.OrganisationId);
            a.HasIndex(x => x.EnterpriseId);
        });
    }

    /// <summary>
    /// Creates the account tables when the database has none yet. The bargaining tables are created first by
    /// <see cref="Bargaining.Persistence.Database.InitializeAsync"/>; EnsureCreated would do nothing on a database
    /// that already has tables, so the account tables are created on their own.
    /// </summary>
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        var creator = Database.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct)) await creator.CreateAsync(ct);
        var connection = Database.GetDbConnection();
        await Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'AspNetUsers'";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0)
                await creator.CreateTablesAsync(ct);
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }
}
