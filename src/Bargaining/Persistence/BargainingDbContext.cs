using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Persistence;

/// <summary>The application's database: the workflow engine's tables now, the bargaining data as it arrives.</summary>
public sealed class BargainingDbContext(DbContextOptions<BargainingDbContext> options) : DbContext(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyWorkflowModel();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyWorkflowConventions(Database.ProviderName);
}
