using Bargaining.Domain;
using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Persistence;

/// <summary>The application's database: the workflow engine's tables now, the bargaining data as it arrives.</summary>
public sealed class BargainingDbContext(DbContextOptions<BargainingDbContext> options) : DbContext(options)
{
    /// <summary>The city union, county-level unions and city-direct units.</summary>
    public DbSet<Organisation> Organisations => Set<Organisation>();

    /// <summary>Enterprises with their unions.</summary>
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyWorkflowModel();
        modelBuilder.Entity<Organisation>(e =>
        {
            e.ToTable("organisations");
            e.Property(x => x.Code).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => x.Code).IsUnique();
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Enterprise>(e =>
        {
            e.ToTable("enterprises");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.CreditCode).HasMaxLength(18);
            e.Property(x => x.Industry).HasMaxLength(100);
            e.Property(x => x.EconomicType).HasMaxLength(100);
            e.Property(x => x.UnionName).HasMaxLength(200);
            e.Property(x => x.ChairName).HasMaxLength(50);
            e.HasIndex(x => x.CreditCode).IsUnique();
            e.HasIndex(x => x.OrganisationId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyWorkflowConventions(Database.ProviderName);
}
