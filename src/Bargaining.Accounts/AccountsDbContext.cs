using Bargaining.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Accounts;

/// <summary>
/// ASP.NET Core Identity's tables and the keys protecting sign-in cookies, in the application's database beside the
/// bargaining tables: every app instance on the database signs in with the same accounts and reads the same cookies.
/// </summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : IdentityDbContext<Account, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>The table recording the accounts' applied migrations (the bargaining tables keep theirs in the default one).</summary>
    public const string MigrationsHistoryTable = "__AccountsMigrationsHistory";

    /// <summary>The ASP.NET Data Protection key ring.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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
}
