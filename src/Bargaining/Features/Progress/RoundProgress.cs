using System.Globalization;
using System.Runtime.CompilerServices;
using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Views;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using Bargaining.Workflows;
using Bargaining.Workflows.Definitions;
using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Bargaining.Features.Progress;

/// <summary>
/// Where a round stands, kept in the same transaction as every change of the round, its workflow, its meetings and
/// its topics (table <c>round_progress</c>), so the dashboard, the county page and the lists count with the database
/// instead of describing every workflow. Written only by <see cref="RoundProgressWriter"/>.
/// </summary>
public sealed class RoundProgress
{
    public Guid RoundId { get; set; }
    public Guid EnterpriseId { get; set; }
    /// <summary>The enterprise's county-level union or city-direct unit (an enterprise never moves).</summary>
    public Guid OrganisationId { get; set; }
    /// <summary><see cref="RoundStages.Of"/> of the stored workflow.</summary>
    public RoundStage Stage { get; set; }
    /// <summary>The enterprise's latest round: the last created (then the greatest id), as the lists pick it.</summary>
    public bool Latest { get; set; }
    /// <summary>The offer's day in the round's jurisdiction.</summary>
    public DateOnly? OfferedOn { get; set; }
    /// <summary>The offer was answered (accepted or refused).</summary>
    public bool Replied { get; set; }
    /// <summary>A meeting was scheduled or the parties met on the spot.</summary>
    public bool Met { get; set; }
    /// <summary>The agreed pay rises in % (one per agreed pay topic), ascending, invariant, separated by <c>;</c>; null when none.</summary>
    public string? WageRises { get; set; }
    /// <summary>
    /// The instant from which the round is overdue (the start of the day after the missed last day, in the round's
    /// jurisdiction): overdue now exactly when this is not after now, without a write as the clock moves. In UTC, as
    /// every instant compared in SQL (SQLite compares them as numbers of their own offset's ticks).
    /// </summary>
    public DateTimeOffset? OverdueFrom { get; set; }
    /// <summary>The step it is overdue at (<see cref="RoundStages.Overdue"/>).</summary>
    public string? OverdueStep { get; set; }
    /// <summary>The last day it missed.</summary>
    public DateOnly? OverdueLastDay { get; set; }
    /// <summary>The roles that may act now, as <c>|union|employer|</c>; true until <see cref="DueAt"/>.</summary>
    public string AwaitedRoles { get; set; } = "";
    /// <summary>
    /// The earliest deadline or timer of the stored workflow, or the start of the day after a step's last day if that
    /// comes first: from then the awaited roles, the overdue step and the list's row may have changed before the timer
    /// fires, and the lists describe the workflow instead.
    /// </summary>
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>When the round was created, as the round (the round list's order, newest first).</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The steps it waits at, or the stage's name once ended (<see cref="Rounds.Views.RoundSteps"/>).</summary>
    public string Step { get; set; } = "";
    /// <summary>The earliest last day of the steps it waits at.</summary>
    public DateOnly? LastDay { get; set; }
    /// <summary>Who may act now in Chinese, in the order of <see cref="AwaitedRoles"/> and in its form; true until <see cref="DueAt"/>.</summary>
    public string NextActors { get; set; } = "";
    /// <summary>A step it waits at offers the county union the urge signal; true until <see cref="DueAt"/>.</summary>
    public bool CountyMayUrge { get; set; }
    /// <summary>
    /// The last save that touched the round, its workflow, meetings or topics (in UTC): what the catalogue's
    /// incremental export (<see cref="Catalogue.ExportChangesQuery"/>) selects by.
    /// </summary>
    public DateTimeOffset ChangedAt { get; set; }
    /// <summary>The first day of the term of a contract that took effect (Art 38); null for a round without one.</summary>
    public DateOnly? InForceFrom { get; set; }
    /// <summary>
    /// The last day that contract is in force: the term's last day, or the day before its rescission or termination
    /// takes effect (Art 39–41). "In force on D" is <c>InForceFrom &lt;= D &lt;= InForceUntil</c>.
    /// </summary>
    public DateOnly? InForceUntil { get; set; }

    /// <summary>The pattern <see cref="AwaitedRoles"/> contains when <paramref name="role"/> may act.</summary>
    public static string RolePattern(string role) => $"|{role}|";

    /// <summary>Names as <see cref="AwaitedRoles"/> and <see cref="NextActors"/> hold them: <c>|a|b|</c>, or empty.</summary>
    public static string Join(IReadOnlyCollection<string> names) => names.Count == 0 ? "" : $"|{string.Join("|", names)}|";

    /// <summary>The names <see cref="Join"/> wrote.</summary>
    public static IReadOnlyList<string> Split(string joined) => joined.Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The rises of <see cref="WageRises"/>.</summary>
    public static IEnumerable<decimal> Rises(string? wageRises) =>
        wageRises is null ? [] : wageRises.Split(';').Select(r => decimal.Parse(r, CultureInfo.InvariantCulture));
}

/// <summary>
/// A number that moves, in the same transaction, with every change of a unit's round summaries or enterprises (table
/// <c>unit_progress_stamps</c>): a unit's figures computed at one stamp stay right until the stamp moves or a day
/// begins, which is what <see cref="ProgressCache"/> keys on.
/// </summary>
public sealed class UnitProgressStamp
{
    public Guid OrganisationId { get; set; }
    public long Stamp { get; set; }
}

/// <summary>
/// The one writer of <see cref="RoundProgress"/>: computes it from the round, its workflow (<see cref="RoundStages"/>),
/// its meetings and its agreed pay topics. <see cref="BargainingDbContext"/> calls it in every save that changes one
/// of these, so commands, the engine and the timer processor keep it alike.
/// </summary>
public sealed class RoundProgressWriter(WorkflowRegistry registry, WorkflowConditions conditions, JurisdictionCatalog jurisdictions, TimeProvider clock, JournalSeal seal)
{
    /// <summary>Rounds filled in per save by <see cref="BackfillAsync"/>.</summary>
    public const int BackfillBatch = 500;

    /// <summary>
    /// Rewrites the summaries of the rounds given and of the rounds of <paramref name="topicIds"/>, and the latest-round
    /// mark of their enterprises' other rounds; moves the stamps of the units whose summaries changed and of
    /// <paramref name="units"/> (whose enterprises changed). A round id that names no round (an instance's business key
    /// that is not a round's) finds nothing. The caller saves, if this returns true (false: nothing is left for it to save).
    /// </summary>
    public async Task<bool> WriteAsync(BargainingDbContext db, IReadOnlyCollection<Guid> roundIds, IReadOnlyCollection<Guid> topicIds,
        IReadOnlyCollection<Guid> units, CancellationToken ct)
    {
        var rounds = roundIds.Count + topicIds.Count == 0 ? [] : await Sources(db, [.. roundIds], [.. topicIds]).ToListAsync(ct);
        var changed = rounds.Count > 0 ? await WriteAsync(db, rounds, ct) : [];
        await StampAsync(db, [.. changed.Concat(units).Distinct()], ct);
        return changed.Count > 0 || units.Count > 0;
    }

    /// <summary>
    /// Writes the summaries that are missing (a database from before they existed), <paramref name="batch"/> rounds
    /// per save; running it again finds nothing to do. Returns how many were written.
    /// </summary>
    public async Task<int> BackfillAsync(BargainingDbContext db, CancellationToken ct, int batch = BackfillBatch)
    {
        var written = 0;
        while (true)
        {
            var ids = await db.Rounds.Where(r => !db.Set<RoundProgress>().Any(p => p.RoundId == r.Id)).OrderBy(r => r.Id).Select(r => r.Id).Take(batch).ToArrayAsync(ct);
            if (ids.Length == 0) return written;
            var missing = await Sources(db, ids, []).ToListAsync(ct);
            await StampAsync(db, await WriteAsync(db, missing, ct), ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            written += missing.Count;
        }
    }

    /// <summary>What a summary is computed from, a row per round, read in one query: the round's facts, its unit, its workflow, whether it met, its agreed rises.</summary>
    private sealed record Source(RoundFacts Round, Guid OrganisationId, WorkflowInstanceRecord Workflow, bool Met, List<Rise> Rises);

    /// <summary>The last position of an agreed pay topic: what was agreed.</summary>
    private sealed record Rise(decimal? Number, string? Unit);

    /// <summary>The few facts of a round that its summary reads.</summary>
    internal sealed record RoundFacts(Guid Id, Guid EnterpriseId, DateTimeOffset CreatedAt, string Jurisdiction, DateTimeOffset? OfferedAt, DateTimeOffset? RepliedAt, DateTimeOffset? MetOnTheSpotAt,
        DateOnly? TermStartsOn = null, DateOnly? TermEndsOn = null, DateOnly? TerminatedOn = null);

    /// <summary>
    /// The sources of the rounds given and of the rounds of the topics given. It
    /// runs in every save of a round, so it is compiled, once per model (a compiled query serves one model only).
    /// </summary>
    private static IAsyncEnumerable<Source> Sources(BargainingDbContext db, Guid[] roundIds, Guid[] topicIds) =>
        CompiledSources.GetValue(db.Model, model => EF.CompileAsyncQuery((BargainingDbContext c, Guid[] rounds, Guid[] topics) =>
            from r in c.Rounds.AsNoTracking()
            where rounds.Contains(r.Id) || c.Topics.Where(t => topics.Contains(t.Id)).Select(t => t.RoundId).Contains(r.Id)
            join e in c.Enterprises on r.EnterpriseId equals e.Id
            join w in c.Set<WorkflowInstanceRecord>() on r.WorkflowInstanceId equals w.Id
            select new Source(
                new RoundFacts(r.Id, r.EnterpriseId, r.CreatedAt, r.Jurisdiction, r.Offer.MadeAt, r.Response.GivenAt, r.OnTheSpot.MetAt,
                    r.Signing.TermStartsOn, r.Signing.TermEndsOn, r.Termination.ConfirmedAt != null ? r.Termination.EffectiveOn : null),
                e.OrganisationId, w,
                c.Meetings.Any(m => m.RoundId == r.Id),
                c.Topics.Where(t => t.RoundId == r.Id && t.Code == TopicCatalog.Pay && t.Status == TopicStatus.Agreed)
                    .Select(t => new Rise(t.Positions.OrderByDescending(p => p.Sequence).Select(p => p.Number).FirstOrDefault(),
                        t.Positions.OrderByDescending(p => p.Sequence).Select(p => p.Unit).FirstOrDefault())).ToList())))(db, roundIds, topicIds);

    private static readonly ConditionalWeakTable<IModel, Func<BargainingDbContext, Guid[], Guid[], IAsyncEnumerable<Source>>> CompiledSources = [];

    /// <summary>
    /// Writes the summaries of <paramref name="rounds"/> and the latest-round marks of their enterprises' other rounds;
    /// returns the units of the summaries that changed (a unit whose summaries stayed the same keeps its stamp).
    /// </summary>
    private async Task<IReadOnlyCollection<Guid>> WriteAsync(BargainingDbContext db, IReadOnlyList<Source> rounds, CancellationToken ct)
    {
        var ids = rounds.Select(x => x.Round.Id).ToList();
        var enterpriseIds = rounds.Select(x => x.Round.EnterpriseId).Distinct().ToList();
        // The enterprises' rounds, each with its stored summary (tracked), if any.
        var siblings = await (from r in db.Rounds
                              where enterpriseIds.Contains(r.EnterpriseId)
                              join p in db.Set<RoundProgress>() on r.Id equals p.RoundId into summaries
                              from p in summaries.DefaultIfEmpty()
                              select new { r.Id, r.EnterpriseId, r.CreatedAt, Stored = p }).ToListAsync(ct);
        var latest = siblings.GroupBy(r => r.EnterpriseId).Select(g => g.MaxBy(r => (r.CreatedAt, r.Id))!.Id).ToHashSet();
        var stored = siblings.Where(s => s.Stored is not null).ToDictionary(s => s.Id, s => s.Stored!);
        var engine = new WorkflowEngine(db, registry, conditions, jurisdictions.TimeRules, clock, seal);
        var changed = new HashSet<Guid>();
        var now = clock.GetUtcNow().ToUniversalTime();
        foreach (var (round, unit, record, met, rises) in rounds)
        {
            var computed = Compute(round, unit, engine.Describe(record), registry.Find(record.DefinitionId, record.DefinitionVersion), jurisdictions[round.Jurisdiction].Time,
                met, rises.Where(t => t is { Unit: "%", Number: not null }).Select(t => t.Number!.Value), latest.Contains(round.Id));
            if (stored.TryGetValue(round.Id, out var summary))
            {
                var entry = db.Entry(summary);
                computed.ChangedAt = summary.ChangedAt;
                entry.CurrentValues.SetValues(computed);
                if (entry.State == EntityState.Modified) changed.Add(unit);
                // Every touch is a change to export, though the unit's figures (and so its stamp) may stay.
                entry.Property(p => p.ChangedAt).CurrentValue = now;
            }
            else
            {
                computed.ChangedAt = now;
                db.Add(computed);
                changed.Add(unit);
            }
        }
        // Through the entry API, so the save need not detect changes (see BargainingDbContext.SaveChangesAsync).
        foreach (var other in stored.Values.Where(p => !ids.Contains(p.RoundId) && p.Latest != latest.Contains(p.RoundId)))
        {
            db.Entry(other).Property(p => p.Latest).CurrentValue = !other.Latest;
            changed.Add(other.OrganisationId);
        }
        return changed;
    }

    /// <summary>Moves the units' stamps (atomically, so two writers never leave one stamp for two states); a unit's first gets one.</summary>
    private static async Task StampAsync(BargainingDbContext db, IReadOnlyCollection<Guid> units, CancellationToken ct)
    {
        if (units.Count == 0) return;
        var moved = await db.UnitProgressStamps.Where(s => units.Contains(s.OrganisationId)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Stamp, x => x.Stamp + 1), ct);
        if (moved == units.Count) return;
        var stamped = await db.UnitProgressStamps.Where(s => units.Contains(s.OrganisationId)).Select(s => s.OrganisationId).ToListAsync(ct);
        foreach (var unit in units.Except(stamped)) db.Add(new UnitProgressStamp { OrganisationId = unit, Stamp = 1 });
    }

    /// <summary>The summary of <paramref name="round"/> whose workflow is <paramref name="workflow"/>, of <paramref name="definition"/>.</summary>
    internal static RoundProgress Compute(RoundFacts round, Guid organisationId, WorkflowOverview workflow, WorkflowDefinition? definition, Jurisdiction time, bool met,
        IEnumerable<decimal> rises, bool latest)
    {
        var overdue = OverdueFrom(workflow);
        var sorted = rises.Order().ToList();
        var steps = RoundSteps.Of(workflow, definition);
        // A step's last day passing can make the round overdue at that step even before its deadline's timer is due.
        var changes = workflow.Snapshot.Steps.SelectMany(s => new[] { s.Due, s.LastDay is { } last ? time.StartOf(last.AddDays(1)) : null }).Min();
        return new RoundProgress
        {
            RoundId = round.Id,
            EnterpriseId = round.EnterpriseId,
            OrganisationId = organisationId,
            Stage = steps.Stage,
            Latest = latest,
            OfferedOn = round.OfferedAt is { } at ? time.LocalDate(at) : null,
            Replied = round.RepliedAt is not null,
            Met = met || round.MetOnTheSpotAt is not null,
            WageRises = sorted.Count == 0 ? null : string.Join(";", sorted.Select(r => r.ToString(CultureInfo.InvariantCulture))),
            OverdueFrom = overdue is { } o ? time.StartOf(o.From).ToUniversalTime() : null,
            OverdueStep = overdue?.Step,
            OverdueLastDay = overdue?.LastDay,
            AwaitedRoles = RoundProgress.Join(steps.NextRoles),
            DueAt = changes?.ToUniversalTime(),
            CreatedAt = round.CreatedAt,
            Step = steps.Step,
            LastDay = steps.LastDay,
            NextActors = RoundProgress.Join(steps.NextActors),
            CountyMayUrge = steps.CountyMayUrge,
            InForceFrom = steps.Stage.TookEffect() ? round.TermStartsOn : null,
            InForceUntil = steps.Stage.TookEffect() ? InForceUntil(round) : null,
        };
    }

    private static DateOnly? InForceUntil(RoundFacts round) =>
        round.TerminatedOn is { } ended && ended <= round.TermEndsOn ? ended.AddDays(-1) : round.TermEndsOn;

    /// <summary>
    /// The first day <see cref="RoundStages.Overdue"/> finds the round overdue, and what it finds that day. Being
    /// overdue only starts as days pass (a last day is passed, or a deadline has lapsed), so the first such day is
    /// the day after one of the steps' last days, or after a lapsed deadline's.
    /// </summary>
    private static (string Step, DateOnly LastDay, DateOnly From)? OverdueFrom(WorkflowOverview workflow)
    {
        var days = workflow.Snapshot.Steps.Where(s => s.LastDay is not null).Select(s => s.LastDay!.Value)
            .Concat(workflow.Lapsed.Select(l => l.LastDay)).Select(d => d.AddDays(1)).Distinct().Order();
        foreach (var day in days)
            if (RoundStages.Overdue(workflow, day) is { } o) return (o.Step, o.LastDay, day);
        return null;
    }
}
