using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Bargaining.Workflows.Persistence;

/// <summary>
/// Maps the engine's tables into any <see cref="DbContext"/>, so an application can keep its own data and the
/// workflow state in one database and change both in one transaction.
/// </summary>
public static class WorkflowModel
{
    /// <summary>The partial index of the journal entries without a seal.</summary>
    public const string UnsealedIndex = "IX_workflow_journal_Unsealed";

    /// <summary>Adds the engine's entities to a model.</summary>
    public static ModelBuilder ApplyWorkflowModel(this ModelBuilder model)
    {
        model.Entity<WorkflowInstanceRecord>(e =>
        {
            e.ToTable("workflow_instances");
            e.HasKey(x => x.Id);
            e.Property(x => x.DefinitionId).HasMaxLength(100);
            e.Property(x => x.Jurisdiction).HasMaxLength(50);
            e.Property(x => x.BusinessKey).HasMaxLength(200);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Outcome).HasMaxLength(100);
            e.Property(x => x.JournalHead).HasMaxLength(64);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => x.BusinessKey);
            e.HasIndex(x => new { x.DefinitionId, x.Status });
        });
        model.Entity<WorkflowTimerRecord>(e =>
        {
            e.ToTable("workflow_timers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Node).HasMaxLength(100);
            e.HasIndex(x => x.DueAt);
            e.HasIndex(x => x.InstanceId);
        });
        model.Entity<WorkflowJournalRecord>(e =>
        {
            e.ToTable("workflow_journal");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Node).HasMaxLength(100);
            e.Property(x => x.Signal).HasMaxLength(100);
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.Role).HasMaxLength(100);
            e.Property(x => x.IdempotencyKey).HasMaxLength(200);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.Seal).HasMaxLength(64);
            e.HasIndex(x => new { x.InstanceId, x.Sequence }).IsUnique();
            // Only the entries sent with a key: most signals and every timer carry none, and an entry the index does not
            // hold is one index page fewer to write in the transaction (a lookup by key implies it is not null).
            e.HasIndex(x => new { x.InstanceId, x.IdempotencyKey }).IsUnique().HasFilter("\"IdempotencyKey\" IS NOT NULL");
            // Entries written before a journal key was configured, which the host seals on start: found without
            // reading the whole journal (entries sealed when written are not in this index).
            e.HasIndex(x => x.InstanceId).HasDatabaseName(UnsealedIndex).HasFilter("\"Seal\" IS NULL");
        });
        return model;
    }

    /// <summary>
    /// Provider conventions the engine relies on: SQLite cannot compare <see cref="DateTimeOffset"/> values in SQL,
    /// so there they are stored as sortable 64-bit numbers; PostgreSQL's <c>timestamptz</c> holds instants and Npgsql
    /// writes only UTC ones, so there they are converted to UTC (an instant keeps its meaning; it reads back at
    /// offset 0). Call from <c>ConfigureConventions</c>.
    /// </summary>
    public static void ApplyWorkflowConventions(this ModelConfigurationBuilder conventions, string? providerName)
    {
        if (providerName == Providers.Sqlite)
            conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        else if (providerName == Providers.PostgreSql)
            conventions.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}

/// <summary>The EF provider names the engine tells apart.</summary>
internal static class Providers
{
    public const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";
    public const string PostgreSql = "Npgsql.EntityFrameworkCore.PostgreSQL";
}

/// <summary>Stores a <see cref="DateTimeOffset"/> as the same instant at offset 0.</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);

/// <summary>A context holding only the engine's tables, for hosts without data of their own.</summary>
public sealed class WorkflowDbContext(DbContextOptions<WorkflowDbContext> options) : DbContext(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyWorkflowModel();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyWorkflowConventions(Database.ProviderName);
}
