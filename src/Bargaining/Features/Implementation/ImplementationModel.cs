using Bargaining.Domain;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Implementation;

/// <summary>The tables of the implementation checks: obligations, their checks and attachments, and performance disputes.</summary>
internal static class ImplementationModel
{
    /// <summary>The partial index of the unmet obligations by unit and contract.</summary>
    public const string UnmetIndex = "ix_obligations_unmet";

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Obligation>(e =>
        {
            e.ToTable("obligations");
            e.Property(x => x.Title).HasMaxLength(TextLimits.Line);
            e.Property(x => x.Requirement).HasMaxLength(TextLimits.Clause);
            e.Property(x => x.Basis).HasMaxLength(TextLimits.Paragraph);
            e.Property(x => x.CreatedBy).HasMaxLength(TextLimits.Line);
            e.Property(x => x.LastOutcome).HasConversion<string>().HasMaxLength(10);
            e.HasIndex(x => new { x.RoundId, x.Sequence }).IsUnique();
            // The county's list and the city's counts read only the unmet rows, by unit: a partial index, which SQLite
            // uses for EF's bare "WHERE Unmet" (an index on the column itself it does not).
            e.HasIndex(x => new { x.OrganisationId, x.RoundId }).HasFilter("\"Unmet\"").HasDatabaseName(UnmetIndex);
            e.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ObligationCheck>(e =>
        {
            e.ToTable("obligation_checks");
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Note).HasMaxLength(TextLimits.Paragraph);
            e.Property(x => x.By).HasMaxLength(TextLimits.Line);
            e.Property(x => x.AttachmentName).HasMaxLength(TextLimits.Line);
            e.HasIndex(x => x.ObligationId);
            e.HasIndex(x => x.RoundId);
            e.HasOne<Obligation>().WithMany().HasForeignKey(x => x.ObligationId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<CheckAttachment>(e =>
        {
            e.ToTable("check_attachments");
            e.HasKey(x => x.CheckId);
            e.Property(x => x.FileName).HasMaxLength(TextLimits.Line);
            e.Property(x => x.ContentType).HasMaxLength(TextLimits.Line);
            e.HasOne<ObligationCheck>().WithOne().HasForeignKey<CheckAttachment>(x => x.CheckId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<PerformanceDispute>(e =>
        {
            e.ToTable("performance_disputes");
            e.Property(x => x.Claim).HasMaxLength(TextLimits.Paragraph);
            e.Property(x => x.RaisedBy).HasMaxLength(TextLimits.Line);
            e.HasIndex(x => x.ObligationId).IsUnique();
            e.HasIndex(x => x.RoundId);
            e.HasOne<Obligation>().WithMany().HasForeignKey(x => x.ObligationId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
