using Bargaining.Domain;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds;
using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bargaining.Persistence;

/// <summary>The application's database: the workflow engine's tables now, the bargaining data as it arrives.</summary>
public sealed class BargainingDbContext(DbContextOptions<BargainingDbContext> options) : DbContext(options), IWorkflowChanges
{
    /// <summary>The city union, county-level unions and city-direct units.</summary>
    public DbSet<Organisation> Organisations => Set<Organisation>();

    /// <summary>Enterprises with their unions.</summary>
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();

    /// <summary>Bargaining rounds.</summary>
    public DbSet<Round> Rounds => Set<Round>();

    /// <summary>Topics of rounds, each with its thread of positions.</summary>
    public DbSet<Topic> Topics => Set<Topic>();

    /// <summary>Positions on topics (append-only).</summary>
    public DbSet<Position> Positions => Set<Position>();

    /// <summary>Representatives of both sides.</summary>
    public DbSet<Representative> Representatives => Set<Representative>();

    /// <summary>Bargaining meetings (Art 34).</summary>
    public DbSet<Meeting> Meetings => Set<Meeting>();

    /// <summary>The high-temperature allowance or the coverage a round's contract states (one row per round).</summary>
    public DbSet<SpecificTerms> SpecificTerms => Set<SpecificTerms>();

    /// <summary>The clauses of each round's draft contract.</summary>
    public DbSet<DraftClause> DraftClauses => Set<DraftClause>();

    /// <summary>Each enterprise's roster of workers' deputies, kept from one congress to the next.</summary>
    public DbSet<Deputy> Deputies => Set<Deputy>();

    /// <summary>Drafts put before the deputies ahead of the congress.</summary>
    public DbSet<Consultation> Consultations => Set<Consultation>();

    /// <summary>The deputies' personal invitations to a consultation.</summary>
    public DbSet<ConsultationInvitation> ConsultationInvitations => Set<ConsultationInvitation>();

    /// <summary>The deputies' comments on the draft's articles, with the chair's answers.</summary>
    public DbSet<ConsultationComment> ConsultationComments => Set<ConsultationComment>();

    /// <summary>Printed contracts registered under their verification codes.</summary>
    public DbSet<RegisteredContract> RegisteredContracts => Set<RegisteredContract>();

    /// <summary>Offer campaigns (集中要约行动).</summary>
    public DbSet<Campaign> Campaigns => Set<Campaign>();

    /// <summary>Instructors assigned to enterprises, current and past.</summary>
    public DbSet<InstructorAssignment> InstructorAssignments => Set<InstructorAssignment>();

    /// <summary>Where each round stands, for the dashboard and the lists (see <see cref="RoundProgressWriter"/>).</summary>
    public DbSet<RoundProgress> RoundProgress => Set<RoundProgress>();

    /// <summary>Each unit's stamp, moved with its rounds' summaries and enterprises (see <see cref="UnitProgressStamp"/>).</summary>
    public DbSet<UnitProgressStamp> UnitProgressStamps => Set<UnitProgressStamp>();

    /// <summary>Commands sent with an idempotency key, with their results (see <see cref="Infrastructure.IdempotencyKeys"/>).</summary>
    public DbSet<Infrastructure.CommandKey> CommandKeys => Set<Infrastructure.CommandKey>();

    /// <summary>E-mails queued in the transaction of what they report (see <see cref="Infrastructure.Outbox"/>).</summary>
    public DbSet<Infrastructure.OutboxMessage> OutboxMessages => Set<Infrastructure.OutboxMessage>();
    /// <summary>The years' holiday schedules entered in the product, over the shipped calendar files.</summary>
    public DbSet<Features.Calendars.HolidaySchedule> HolidaySchedules => Set<Features.Calendars.HolidaySchedule>();

    /// <summary>
    /// Saves, stopping the rounds whose workflow this save ends, and rewrites the <see cref="Features.Progress.RoundProgress"/>
    /// of every round whose workflow, offer, reply, meetings or topics it changes, in the same transaction.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var written = _written.ToList();
        _written.Clear();
        var touched = Touched(written);
        if (touched.Ended.Count > 0)
        {
            foreach (var round in await Rounds.Where(r => touched.Ended.Contains(r.WorkflowInstanceId) && r.Running).ToListAsync(cancellationToken)) round.Stop();
            touched = Touched(written);
        }
        if (!touched.Workflows && touched.Rounds.Count + touched.Topics.Count + touched.Units.Count == 0)
            return await SaveDetectedAsync(acceptAllChangesOnSuccess, cancellationToken);

        if (Database.CurrentTransaction is not null) return await SaveWithProgressAsync(touched, acceptAllChangesOnSuccess, cancellationToken);
        await using var own = await Database.BeginTransactionAsync(cancellationToken);
        // A failure rolls the whole of this transaction back, so EF's savepoint around each save (two more statements
        // per save) buys nothing here; the rollback is explicit so the writer gate lets the next writer in at once.
        var savepoints = Database.AutoSavepointsEnabled;
        Database.AutoSavepointsEnabled = false;
        try
        {
            var saved = await SaveWithProgressAsync(touched, acceptAllChangesOnSuccess, cancellationToken);
            await own.CommitAsync(cancellationToken);
            return saved;
        }
        catch when (own.GetDbTransaction().Connection is not null)
        {
            await own.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            Database.AutoSavepointsEnabled = savepoints;
        }
    }

    private async Task<int> SaveWithProgressAsync(Touches touched, bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        var saved = await SaveDetectedAsync(acceptAllChangesOnSuccess, ct);
        if (await ProgressWriter.WriteAsync(this, touched.Rounds, touched.Topics, touched.Units, ct))
            saved += await SaveDetectedAsync(acceptAllChangesOnSuccess, ct);
        return saved;
    }

    /// <summary>
    /// Saves changes already detected — by <see cref="Touched"/>, or made by the summary writer through the entry API —
    /// without EF detecting them again over every tracked entity (a round brings eleven parts): one detection per save.
    /// </summary>
    private async Task<int> SaveDetectedAsync(bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>Not supported: a save must write the round summaries, which needs queries; use <see cref="SaveChangesAsync(bool, CancellationToken)"/>.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("BargainingDbContext saves asynchronously (SaveChangesAsync), with the round summaries");

    /// <summary>
    /// Migrates the database (<see cref="Persistence.Database.MigrateAsync"/>) and writes the round summaries a database from
    /// before them lacks, and counts with the holiday schedules entered in the product: what a host does on start. Needs
    /// the context of <c>AddBargaining</c>'s services.
    /// </summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await Persistence.Database.MigrateAsync(this, ct);
        await BackfillRoundProgressAsync(ct);
        await Features.Calendars.HolidaySchedules.LoadAsync(this, Service<Jurisdictions.JurisdictionCatalog>(), ct);
    }

    /// <summary>Writes the round summaries that are missing (see <see cref="RoundProgressWriter.BackfillAsync"/>); returns how many.</summary>
    public Task<int> BackfillRoundProgressAsync(CancellationToken ct = default) => ProgressWriter.BackfillAsync(this, ct);

    private RoundProgressWriter ProgressWriter => _progressWriter ??= Service<RoundProgressWriter>();

    private T Service<T>() where T : class =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(T)) as T
        ?? throw new InvalidOperationException($"BargainingDbContext needs the services of AddBargaining ({typeof(T).Name}) to save");

    private RoundProgressWriter? _progressWriter;

    /// <summary>The instances the engine wrote since the last save: the next save takes them.</summary>
    private readonly List<WorkflowInstanceRecord> _written = [];

    /// <inheritdoc />
    void IWorkflowChanges.Written(WorkflowInstanceRecord instance) => _written.Add(instance);

    /// <summary>
    /// What this save may change of the round summaries and the figures: rounds (with the rounds of the workflow
    /// instances it or the engine (<paramref name="written"/>) changes), topics (a position appended), and the units of
    /// enterprises added or changed; and the instances it completes, whose rounds stop
    /// running in the same save (whether a command or a timer ended them), so <see cref="Round.Running"/> keeps in step
    /// with the workflow. One detection of changes and one pass over the tracked entries: each
    /// <c>ChangeTracker.Entries&lt;T&gt;()</c> would detect changes again.
    /// </summary>
    private Touches Touched(IReadOnlyList<WorkflowInstanceRecord> written)
    {
        HashSet<Guid> rounds = [], topics = [], units = [], ended = [];
        // A save that changes a workflow instance runs in a transaction of its own, so it queues at the writer gate
        // (EF would send a lone statement without one), also when the instance belongs to no round.
        var workflows = written.Count > 0;
        // A round's workflow carries the round's id as its business key (RoundWorkflow.Start): its summary is found
        // by that id, without looking the round up; an instance without one belongs to no round.
        void Workflow(WorkflowInstanceRecord workflow, bool deleted)
        {
            workflows = true;
            if (Guid.TryParse(workflow.BusinessKey, out var round)) rounds.Add(round);
            if (!deleted && workflow.Status == Workflows.WorkflowStatus.Completed) ended.Add(workflow.Id);
        }
        ChangeTracker.DetectChanges();
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in ChangeTracker.Entries())
            {
                if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
                switch (entry.Entity)
                {
                    case Round round: rounds.Add(round.Id); break;
                    case Meeting meeting: rounds.Add(meeting.RoundId); break;
                    case WorkflowInstanceRecord workflow: Workflow(workflow, entry.State == EntityState.Deleted); break;
                    case Topic topic: topics.Add(topic.Id); break;
                    case Position position: topics.Add(position.TopicId); break;
                    case Enterprise enterprise: units.Add(enterprise.OrganisationId); break;
                }
            }
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
        foreach (var workflow in written) Workflow(workflow, deleted: false);
        return new(workflows, [.. rounds], [.. topics], [.. units], [.. ended]);
    }

    private sealed record Touches(bool Workflows, List<Guid> Rounds, List<Guid> Topics, List<Guid> Units, List<Guid> Ended);

    /// <summary>
    /// The round with this id, tracked; a not-found domain error (404) when there is none. In a command's write
    /// transaction on PostgreSQL its row is locked first (<c>FOR UPDATE</c>), so two commands on one round take turns
    /// and the second decides on what the first wrote; on SQLite the writer gate already admits one write at a time.
    /// </summary>
    public async Task<Round> RoundAsync(Guid id, CancellationToken ct)
    {
        if (Database.IsNpgsql() && Database.CurrentTransaction is { } transaction && !Persistence.Database.IsRead(transaction))
            await Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM rounds WHERE \"Id\" = {id} FOR UPDATE", ct);
        return await Rounds.FindAsync([id], ct) ?? throw DomainException.NotFound("该轮协商");
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyWorkflowModel();
        modelBuilder.Entity<Infrastructure.CommandKey>(e =>
        {
            e.ToTable("command_keys");
            e.HasKey(x => new { x.AccountId, x.Key });
            e.Property(x => x.AccountId).HasMaxLength(100);
            e.Property(x => x.Key).HasMaxLength(Infrastructure.IdempotencyKeys.MaxKeyLength);
            e.Property(x => x.Fingerprint).HasMaxLength(64);
            e.Property(x => x.Command).HasMaxLength(200);
            e.HasIndex(x => x.ExpiresAt);
        });
        modelBuilder.Entity<Infrastructure.OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(x => x.Id);
            e.Property(x => x.Key).HasMaxLength(Infrastructure.OutboxMessage.MaxKeyLength);
            e.HasIndex(x => x.Key).IsUnique();
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.UserId).HasMaxLength(100);
            e.Property(x => x.Recipient).HasMaxLength(256);
            e.Property(x => x.RecipientName).HasMaxLength(100);
            e.Property(x => x.Subject).HasMaxLength(Infrastructure.OutboxMessage.MaxSubjectLength);
            e.Property(x => x.LastError).HasMaxLength(Infrastructure.OutboxMessage.MaxErrorLength);
            // The sender's look: what is unsent and not given up, by when it may be tried.
            e.HasIndex(x => x.NextAttemptAt).HasFilter("\"SentAt\" IS NULL AND \"GaveUpAt\" IS NULL");
        });
        modelBuilder.Entity<Features.Calendars.HolidaySchedule>(e =>
        {
            e.ToTable("holiday_schedules");
            e.HasKey(x => new { x.Calendar, x.Year });
            e.Property(x => x.Calendar).HasMaxLength(50);
            e.Property(x => x.Holidays).HasMaxLength(4000);
            e.Property(x => x.Workdays).HasMaxLength(4000);
            e.Property(x => x.EnteredBy).HasMaxLength(200);
        });
        modelBuilder.Entity<Organisation>(e =>
        {
            e.ToTable("organisations");
            e.Property(x => x.Code).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.LabourAuthority).HasMaxLength(100);
            e.Property(x => x.FilingAbbreviation).HasMaxLength(20);
            e.Property(x => x.CreditCode).HasMaxLength(TextLimits.IdNumber);
            e.HasIndex(x => x.Code).IsUnique();
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Enterprise>(e =>
        {
            e.ToTable("enterprises");
            e.Property(x => x.Name).HasMaxLength(TextLimits.Line);
            e.Property(x => x.CreditCode).HasMaxLength(TextLimits.IdNumber);
            e.Property(x => x.Industry).HasMaxLength(TextLimits.Title);
            e.Property(x => x.EconomicType).HasMaxLength(TextLimits.Title);
            e.Property(x => x.UnionName).HasMaxLength(TextLimits.Line);
            e.Property(x => x.ChairName).HasMaxLength(TextLimits.PersonName);
            e.HasIndex(x => x.CreditCode).IsUnique();
            // Covers the figures' enterprises and workers per unit; the list's order by name.
            e.HasIndex(x => new { x.OrganisationId, x.Employees });
            e.HasIndex(x => new { x.Name, x.Id });
            // A county's enterprise list, in name order, stops after its page.
            e.HasIndex(x => new { x.OrganisationId, x.Name, x.Id });
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Round>(e =>
        {
            e.ToTable("rounds");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Procedure).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.OfferingSide).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Jurisdiction).HasMaxLength(50);
            // Each phase's part lives in the rounds table; required, so a part whose columns are all null still loads.
            e.OwnsOne(x => x.Offer, o =>
            {
                o.Property(x => x.Mode).HasConversion<string>().HasMaxLength(20);
                o.Property(x => x.ProposedMeetingPlace).HasMaxLength(TextLimits.Line);
                o.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
            });
            e.OwnsOne(x => x.Response, o => o.Property(x => x.RefusalReason).HasMaxLength(TextLimits.Paragraph));
            e.OwnsOne(x => x.Representatives, o => o.Property(x => x.EmployerLegalRepresentative).HasMaxLength(TextLimits.PersonName));
            e.OwnsOne(x => x.Table, o =>
            {
                o.Property(x => x.NextMeetingPlace).HasMaxLength(TextLimits.Line);
                o.Property(x => x.NextMeetingContent).HasMaxLength(TextLimits.Paragraph);
            });
            e.OwnsOne(x => x.Congress, o => o.Property(x => x.Rejection).HasMaxLength(500));
            e.OwnsOne(x => x.Signing);
            e.OwnsOne(x => x.Filing, o =>
            {
                o.Property(x => x.Authority).HasMaxLength(100);
                o.Property(x => x.ContractNumber).HasMaxLength(50);
                // A filing number is never given twice.
                o.HasIndex(x => x.ContractNumber).IsUnique();
            });
            e.OwnsOne(x => x.Review, o =>
            {
                o.Property(x => x.Opinion).HasMaxLength(TextLimits.Clause);
                o.Property(x => x.PublishedHow).HasMaxLength(TextLimits.Reason);
            });
            e.OwnsOne(x => x.OnTheSpot);
            e.OwnsOne(x => x.Coordination);
            e.OwnsOne(x => x.Renewal);
            e.OwnsOne(x => x.Termination, o =>
            {
                o.Property(x => x.Reason).HasConversion<string>().HasMaxLength(30);
                o.Property(x => x.ProposedBy).HasConversion<string>().HasMaxLength(20);
                o.Property(x => x.ProposedByName).HasMaxLength(TextLimits.Line);
                o.Property(x => x.ConfirmedByName).HasMaxLength(TextLimits.Line);
                o.Property(x => x.Grounds).HasMaxLength(TextLimits.Paragraph);
                o.Property(x => x.Evidence).HasMaxLength(TextLimits.Paragraph);
                o.Property(x => x.EvidenceFileName).HasMaxLength(TextLimits.Line);
                o.Property(x => x.Declined).HasMaxLength(TextLimits.Paragraph);
            });
            e.OwnsOne(x => x.Change, o =>
            {
                o.Property(x => x.Articles).HasMaxLength(TextLimits.Line);
                o.Property(x => x.Reason).HasMaxLength(TextLimits.Reason);
                o.Ignore(x => x.Numbers);
                o.HasIndex(x => x.AmendsRoundId);
            });
            foreach (var part in e.Metadata.GetNavigations().Where(n => n.TargetEntityType.IsOwned()).ToList())
                e.Navigation(part.Name).IsRequired();
            e.HasIndex(x => x.EnterpriseId);
            e.HasIndex(x => x.WorkflowInstanceId).IsUnique();
            // One running round of a kind per enterprise, held by the database against racing starts.
            e.HasIndex(x => new { x.EnterpriseId, x.Kind }).IsUnique().HasFilter("\"Running\"").HasDatabaseName(RunningRounds.IndexName);
            e.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<TerminationEvidence>(e =>
        {
            e.ToTable("termination_evidence");
            e.HasKey(x => x.RoundId);
            e.Property(x => x.FileName).HasMaxLength(TextLimits.Line);
            e.Property(x => x.ContentType).HasMaxLength(TextLimits.Line);
            e.HasOne<Round>().WithOne().HasForeignKey<TerminationEvidence>(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<RoundProgress>(e =>
        {
            e.ToTable("round_progress");
            e.HasKey(x => x.RoundId);
            e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.WageRises).HasMaxLength(200);
            e.Property(x => x.OverdueStep).HasMaxLength(100);
            e.Property(x => x.AwaitedRoles).HasMaxLength(200);
            e.Property(x => x.Step).HasMaxLength(200);
            e.Property(x => x.NextActors).HasMaxLength(200);
            // The unit's figures read these indexes, never the rows.
            e.HasIndex(x => new { x.OrganisationId, x.Latest, x.Stage });
            e.HasIndex(x => new { x.OrganisationId, x.OverdueFrom });
            e.HasIndex(x => x.OverdueFrom);
            // "In force on D" (ContractsInForceQuery) counts from this index alone.
            e.HasIndex(x => new { x.OrganisationId, x.InForceFrom, x.InForceUntil, x.EnterpriseId });
            e.HasIndex(x => new { x.EnterpriseId, x.Stage });
            // The round list's order, newest first, in the city and in a unit: a page stops after its rows.
            e.HasIndex(x => new { x.CreatedAt, x.RoundId });
            e.HasIndex(x => new { x.OrganisationId, x.CreatedAt, x.RoundId });
            // "Awaiting me" in a unit: the rounds past their deadline by range, who may act counted from the index.
            e.HasIndex(x => new { x.OrganisationId, x.DueAt, x.AwaitedRoles });
            // The catalogue's incremental export: the rounds changed after a cursor, in order.
            e.HasIndex(x => new { x.ChangedAt, x.RoundId });
            e.HasOne<Round>().WithOne().HasForeignKey<RoundProgress>(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<UnitProgressStamp>(e =>
        {
            e.ToTable("unit_progress_stamps");
            e.HasKey(x => x.OrganisationId);
            e.Property(x => x.OrganisationId).ValueGeneratedNever();
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RegisteredContract>(e =>
        {
            e.ToTable("registered_contracts");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Code).HasMaxLength(14);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.ContractNumber).HasMaxLength(50);
            e.Property(x => x.Title).HasMaxLength(200);
            // Contracts registered before changes existed are contracts.
            e.Property(x => x.Text).HasConversion<string>().HasMaxLength(20).HasDefaultValue(RegisteredText.Contract);
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => x.RoundId);
            e.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Campaign>(e =>
        {
            e.ToTable("campaigns");
            e.Property(x => x.Name).HasMaxLength(TextLimits.Line);
            e.Property(x => x.OfferRateTarget).HasPrecision(5, 2);
            e.Property(x => x.SigningRateTarget).HasPrecision(5, 2);
            e.HasMany(x => x.Units).WithOne().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(x => x.Units).HasField("_units");
        });
        modelBuilder.Entity<CampaignUnit>(e =>
        {
            e.ToTable("campaign_units");
            e.HasKey(x => new { x.CampaignId, x.OrganisationId });
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<InstructorAssignment>(e =>
        {
            e.ToTable("instructor_assignments");
            e.Property(x => x.InstructorUserId).HasMaxLength(100);
            e.Property(x => x.InstructorName).HasMaxLength(50);
            e.Property(x => x.AssignedBy).HasMaxLength(200);
            e.Property(x => x.EndedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.EnterpriseId, x.AssignedAt });
            e.HasIndex(x => x.InstructorUserId);
            // One current instructor per enterprise.
            e.HasIndex(x => x.EnterpriseId).IsUnique().HasFilter("\"EndedAt\" IS NULL").HasDatabaseName("ix_instructor_assignments_current");
            e.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Topic>(e =>
        {
            e.ToTable("topics");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.Title).HasMaxLength(TextLimits.Line);
            e.Property(x => x.RaisedBy).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => x.RoundId);
            e.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Positions).WithOne().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
            e.Navigation(x => x.Positions).HasField("_positions");
            e.Ignore(x => x.Last);
        });
        modelBuilder.Entity<Position>(e =>
        {
            e.ToTable("positions");
            // Ids are made by the entities: a position appended to a loaded topic's thread must be inserted, never updated.
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Side).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Clause).HasMaxLength(TextLimits.Clause);
            e.Property(x => x.Unit).HasMaxLength(TextLimits.Unit);
            e.Property(x => x.By).HasMaxLength(200);
            e.HasIndex(x => new { x.TopicId, x.Sequence }).IsUnique();
            e.Ignore(x => x.Term);
        });
        modelBuilder.Entity<Meeting>(e =>
        {
            e.ToTable("meetings");
            e.Property(x => x.Place).HasMaxLength(TextLimits.Line);
            e.Property(x => x.Chair).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Recorder).HasMaxLength(TextLimits.PersonName);
            e.Property(x => x.Agenda).HasMaxLength(TextLimits.Paragraph);
            e.Property(x => x.SupersededBecause).HasMaxLength(500);
            e.HasIndex(x => new { x.RoundId, x.Number }).IsUnique();
            e.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<SpecificTerms>(e =>
        {
            e.ToTable("specific_terms");
            e.HasKey(x => x.RoundId);
            e.Property(x => x.HeatAllowancePerMonth).HasPrecision(10, 2);
            e.Property(x => x.CoverageScope).HasMaxLength(200);
            e.OwnsMany(x => x.BoundEnterprises, b =>
            {
                b.ToTable("bound_enterprises");
                b.WithOwner().HasForeignKey("RoundId");
                b.HasKey("RoundId", nameof(BoundEnterprise.Order));
                b.Property(x => x.Name).HasMaxLength(200);
            });
            e.Navigation(x => x.BoundEnterprises).HasField("_boundEnterprises");
            e.HasOne<Round>().WithOne().HasForeignKey<SpecificTerms>(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<DraftClause>(e =>
        {
            e.ToTable("draft_clauses");
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Clause).HasMaxLength(4000);
            e.Property(x => x.Unit).HasMaxLength(20);
            e.HasIndex(x => new { x.RoundId, x.Draft, x.Number }).IsUnique();
            e.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Deputy>(e =>
        {
            e.ToTable("deputies");
            e.Property(x => x.Name).HasMaxLength(TextLimits.PersonName);
            e.Property(x => x.Constituency).HasMaxLength(TextLimits.Title);
            e.Property(x => x.Contact).HasMaxLength(TextLimits.Title);
            e.HasIndex(x => new { x.EnterpriseId, x.Name });
            e.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Consultation>(e =>
        {
            e.ToTable("consultations");
            e.Property(x => x.PublishedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.RoundId, x.Draft }).IsUnique();
            e.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ConsultationInvitation>(e =>
        {
            e.ToTable("consultation_invitations");
            e.Property(x => x.Name).HasMaxLength(TextLimits.PersonName);
            e.Property(x => x.Constituency).HasMaxLength(TextLimits.Title);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => x.ConsultationId);
            e.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Restrict);
            // A deputy taken off the roster leaves the invitations of past consultations, under the name they had.
            e.HasOne<Deputy>().WithMany().HasForeignKey(x => x.DeputyId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<ConsultationComment>(e =>
        {
            e.ToTable("consultation_comments");
            e.Property(x => x.Text).HasMaxLength(TextLimits.Paragraph);
            e.Property(x => x.Handling).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Answer).HasMaxLength(TextLimits.Paragraph);
            e.HasIndex(x => new { x.ConsultationId, x.Sequence });
            e.HasIndex(x => x.InvitationId);
            e.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ConsultationInvitation>().WithMany().HasForeignKey(x => x.InvitationId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Representative>(e =>
        {
            e.ToTable("representatives");
            e.Property(x => x.Side).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Name).HasMaxLength(TextLimits.PersonName);
            e.Property(x => x.IdNumber).HasMaxLength(TextLimits.IdNumber);
            e.Property(x => x.Title).HasMaxLength(TextLimits.Title);
            e.Property(x => x.Delegation).HasMaxLength(TextLimits.Reason);
            e.HasIndex(x => new { x.RoundId, x.Side });
            e.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        });
        Features.Implementation.ImplementationModel.Configure(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.ApplyWorkflowConventions(Database.ProviderName);
        // A DateTime here is a wall-clock time in China (the meeting an offer proposes, 9:30), not an instant: PostgreSQL
        // keeps it as written, as SQLite does.
        if (Database.IsNpgsql()) configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone");
    }
}
