using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bargaining.Workflows.Definitions;
using Bargaining.Workflows.Persistence;
using Bargaining.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Bargaining.Workflows;

/// <summary>
/// Starts instances, delivers signals, fires due timers and migrates instances, persisting each change of an
/// instance in one <c>SaveChanges</c> (one transaction) guarded by the instance's revision, with a journal entry
/// chained to the previous one by hash. Works on any <see cref="DbContext"/> whose model includes
/// <see cref="WorkflowModel.ApplyWorkflowModel"/>; when the caller has begun a transaction, the engine's changes
/// join it.
/// </summary>
public sealed class WorkflowEngine(DbContext db, WorkflowRegistry registry, WorkflowConditions conditions, IReadOnlyDictionary<string, Jurisdiction> jurisdictions, TimeProvider clock,
    JournalSeal seal, ILogger<WorkflowEngine>? logger = null)
{
    /// <summary>How long a timer that cannot fire (bad data, a definition version no longer loaded) waits before the next try.</summary>
    public static readonly TimeSpan FailedTimerRetry = TimeSpan.FromHours(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = InstanceState.Compact };

    /// <summary>Starts an instance at its definition's start node.</summary>
    public Task<WorkflowResult> StartAsync(StartWorkflow request, CancellationToken ct = default) => ConnectedAsync(() => StartCoreAsync(request, ct), ct);

    private async Task<WorkflowResult> StartCoreAsync(StartWorkflow request, CancellationToken ct)
    {
        if (Resolve(request, out var definition, out var jurisdiction) is { } unknown) return unknown;
        var id = request.InstanceId ?? Guid.CreateVersion7(clock.GetUtcNow());
        if (request.InstanceId is not null && await LoadAsync(id, ct) is { } existing)
            return existing.DefinitionId == definition.Id
                ? new WorkflowResult(Snapshot(existing, InstanceState.Deserialize(existing.State)), null, Duplicate: true)
                : WorkflowResult.Fail(WorkflowErrorCode.Conflict, $"instance {id} already exists for workflow '{existing.DefinitionId}'");

        var (record, state, executor) = Started(request, definition, jurisdiction, id);
        if (Run(executor.Start) is { } invalid) return invalid;
        return await CommitAsync(record, state, executor, StartedEntry(request, definition), isNew: true, ct);
    }

    /// <summary>
    /// Starts an instance and delivers <paramref name="signals"/> to it in memory, adding its rows — the instance, a
    /// journal entry per step, the timers left pending — to the context without saving, so that a caller starting
    /// many instances (a bulk launch) saves them together in one <c>SaveChanges</c>. The rows are those
    /// <see cref="StartAsync"/> and then <see cref="SignalAsync"/> for each signal write at this instant. The instance
    /// must be new (an id that exists fails the caller's save) and idempotency keys are not looked up; when the start
    /// or a signal is refused, nothing is added and the refusal is returned.
    /// </summary>
    public WorkflowResult StartUnsaved(StartWorkflow request, IReadOnlyList<Signal> signals)
    {
        if (Resolve(request, out var definition, out var jurisdiction) is { } unknown) return unknown;
        var (record, state, executor) = Started(request, definition, jurisdiction, request.InstanceId ?? Guid.CreateVersion7(clock.GetUtcNow()));
        if (Run(executor.Start) is { } invalid) return invalid;
        var (snapshot, entry, scheduled, _) = Journal(record, state, executor, StartedEntry(request, definition), isNew: true);
        var entries = new List<WorkflowJournalRecord> { entry };
        var timers = scheduled.ToDictionary(t => t.Id);
        foreach (var signal in signals)
        {
            if (record.Status == WorkflowStatus.Completed)
                return WorkflowResult.Fail(WorkflowErrorCode.Completed, $"the workflow has already ended ({record.Outcome}); '{signal.Name}' is no longer possible");
            if (Accepting(definition, state, signal, out var step) is { } refused) return refused;
            executor = new Executor(definition, jurisdiction, conditions, clock.GetUtcNow(), state);
            if (Run(() => executor.Signal(step.Token, step.Node.Signal(signal.Name)!, signal.Payload)) is { } bad) return bad;
            (snapshot, entry, scheduled, var cancelled) = Journal(record, state, executor, SignalEntry(step.Node, signal), isNew: false);
            entries.Add(entry);
            foreach (var id in cancelled) timers.Remove(id);
            foreach (var t in scheduled) timers[t.Id] = t;
        }
        db.Add(record);
        db.AddRange(entries);
        db.AddRange(timers.Values);
        return new WorkflowResult(snapshot, null);
    }

    /// <summary>The definition and jurisdiction a start names, or the refusal when either is not loaded.</summary>
    private WorkflowResult? Resolve(StartWorkflow request, out WorkflowDefinition definition, out Jurisdiction jurisdiction)
    {
        var found = request.Version is { } v ? registry.Find(request.DefinitionId, v) : registry.Latest(request.DefinitionId);
        definition = found!;
        jurisdiction = jurisdictions.GetValueOrDefault(request.Jurisdiction)!;
        if (found is null)
            return WorkflowResult.Fail(WorkflowErrorCode.UnknownDefinition, $"no workflow '{request.DefinitionId}'{(request.Version is null ? "" : $" v{request.Version}")} is loaded");
        if (jurisdiction is null)
            return WorkflowResult.Fail(WorkflowErrorCode.UnknownJurisdiction, $"no jurisdiction '{request.Jurisdiction}'; known: {string.Join(", ", jurisdictions.Keys)}");
        return null;
    }

    private (WorkflowInstanceRecord Record, InstanceState State, Executor Executor) Started(StartWorkflow request, WorkflowDefinition definition, Jurisdiction jurisdiction, Guid id)
    {
        var now = clock.GetUtcNow();
        var state = new InstanceState { Variables = (JsonObject?)request.Variables?.DeepClone() ?? [] };
        var record = new WorkflowInstanceRecord
        {
            Id = id, DefinitionId = definition.Id, DefinitionVersion = definition.Version, Jurisdiction = jurisdiction.Code,
            BusinessKey = request.BusinessKey, Status = WorkflowStatus.Running, CreatedAt = now, UpdatedAt = now,
        };
        return (record, state, new Executor(definition, jurisdiction, conditions, now, state));
    }

    private static WorkflowJournalRecord StartedEntry(StartWorkflow request, WorkflowDefinition definition) => new()
    {
        Kind = "started", Node = definition.Start, Actor = request.Actor,
        Payload = request.Variables?.ToJsonString(Json),
    };

    private static WorkflowJournalRecord SignalEntry(NodeDefinition node, Signal signal) => new()
    {
        Kind = "signal", Node = node.Id, Signal = signal.Name, Actor = signal.Actor, Role = signal.Role,
        Payload = signal.Payload?.ToJsonString(Json), IdempotencyKey = signal.IdempotencyKey,
    };

    /// <summary>
    /// Delivers a signal. Refused (as a value) when no active step accepts it from that role, when the instance has
    /// completed, or when another change got in first. A repeated idempotency key returns the first outcome.
    /// </summary>
    public Task<WorkflowResult> SignalAsync(Guid instanceId, Signal signal, CancellationToken ct = default) => ConnectedAsync(() => SignalCoreAsync(instanceId, signal, ct), ct);

    private async Task<WorkflowResult> SignalCoreAsync(Guid instanceId, Signal signal, CancellationToken ct)
    {
        if (signal.IdempotencyKey is { } key && await EarlierOutcomeAsync(instanceId, key, signal.Name, ct) is { } earlier) return earlier;
        var record = await LoadAsync(instanceId, ct);
        if (record is null) return WorkflowResult.Fail(WorkflowErrorCode.NotFound, $"no workflow instance {instanceId}");
        var state = InstanceState.Deserialize(record.State);
        if (await CatchUpAsync(record, state, ct))
        {
            record = await LoadAsync(instanceId, ct) ?? throw new InvalidOperationException($"workflow instance {instanceId} disappeared");
            state = InstanceState.Deserialize(record.State);
        }
        if (record.Status == WorkflowStatus.Completed)
            return WorkflowResult.Fail(WorkflowErrorCode.Completed, $"the workflow has already ended ({record.Outcome}); '{signal.Name}' is no longer possible");
        var definition = Definition(record);
        if (Accepting(definition, state, signal, out var step) is { } refused) return refused;
        var (token, node) = step;
        var executor = new Executor(definition, Jurisdiction(record), conditions, clock.GetUtcNow(), state);
        if (Run(() => executor.Signal(token, node.Signal(signal.Name)!, signal.Payload)) is { } invalid) return invalid;
        return await CommitAsync(record, state, executor, SignalEntry(node, signal), isNew: false, ct);
    }

    /// <summary>The one active step that accepts <paramref name="signal"/> from its role, or the refusal.</summary>
    private static WorkflowResult? Accepting(WorkflowDefinition definition, InstanceState state, Signal signal, out (Token Token, NodeDefinition Node) step)
    {
        step = default;
        var candidates = state.Tokens
            .Select(t => (Token: t, Node: definition.Node(t.Node)))
            .Where(x => x.Node.Kind == NodeKind.Task && x.Node.Signal(signal.Name) is not null && (signal.Node is null || signal.Node == x.Node.Id))
            .ToList();
        if (candidates.Count == 0)
            return WorkflowResult.Fail(WorkflowErrorCode.NotAllowed,
                $"'{signal.Name}' is not possible now; the workflow is at {string.Join(", ", state.Tokens.Select(t => definition.Node(t.Node).Name))}");
        var allowed = candidates.Where(x => Allows(x.Node, x.Node.Signal(signal.Name)!, signal.Role)).ToList();
        if (allowed.Count == 0)
            return WorkflowResult.Fail(WorkflowErrorCode.Forbidden, $"role '{signal.Role}' may not send '{signal.Name}' at {candidates[0].Node.Name}");
        if (allowed.Count > 1)
            return WorkflowResult.Fail(WorkflowErrorCode.Ambiguous,
                $"'{signal.Name}' is accepted at several steps ({string.Join(", ", allowed.Select(x => x.Node.Id))}); name the node");
        step = allowed[0];
        return null;
    }

    /// <summary>
    /// The signals a role may send to an instance now. A deadline that has lapsed but whose timer has not fired yet
    /// counts as fired: the answer is what the role can do once the background processor catches up.
    /// </summary>
    public async Task<IReadOnlyList<AvailableSignal>> AvailableSignalsAsync(Guid instanceId, string role, CancellationToken ct = default)
    {
        var record = await LoadAsync(instanceId, ct);
        if (record is null || record.Status == WorkflowStatus.Completed) return [];
        var definition = Definition(record);
        var state = CaughtUp(record, definition, InstanceState.Deserialize(record.State));
        return state.Tokens
            .Select(t => (Token: t, Node: definition.Node(t.Node)))
            .Where(x => x.Node.Kind == NodeKind.Task)
            .SelectMany(x => x.Node.Signals.Where(s => Allows(x.Node, s, role)).Select(s => new AvailableSignal(x.Node.Id, x.Node.Name, s.Name, s.Title, x.Token.Due)))
            .ToList();
    }

    /// <summary>
    /// Describes many instances for lists and reports, reading them in one query: the state, the deadlines that
    /// lapsed into the current steps, and the roles that may act now (as <see cref="AvailableSignalsAsync"/> counts).
    /// Instances that do not exist are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, WorkflowOverview>> DescribeAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken ct = default)
    {
        var records = await db.Set<WorkflowInstanceRecord>().AsNoTracking().Where(i => instanceIds.Contains(i.Id)).ToListAsync(ct);
        return records.ToDictionary(r => r.Id, Describe);
    }

    /// <summary>
    /// Describes one stored instance without I/O, for a caller that read the record itself (e.g. joined with its own
    /// rows in one query). See <see cref="DescribeAsync"/>.
    /// </summary>
    public WorkflowOverview Describe(WorkflowInstanceRecord record)
    {
        var definition = Definition(record);
        var state = InstanceState.Deserialize(record.State);
        var snapshot = Snapshot(record, state);
        // A step reached when another step's deadline lapsed: that step's last deadline is kept in the state.
        var lapsed = state.Tokens
            .SelectMany(t => definition.NodeOrder
                .Where(n => n.Kind == NodeKind.Task && n.Deadline?.To == t.Node && state.Deadlines.ContainsKey(n.Id))
                .Select(n => new LapsedDeadline(n.Id, n.Name, state.Deadlines[n.Id], t.Node)))
            .ToList();
        if (record.Status == WorkflowStatus.Completed) return new WorkflowOverview(snapshot, lapsed, []);
        var now = CaughtUp(record, definition, state);
        var awaiting = now.Tokens
            .Select(t => (Token: t, Node: definition.Node(t.Node)))
            .Where(x => x.Node.Kind == NodeKind.Task)
            .Select(x => new AwaitedStep(x.Node.Id, x.Node.Name,
                [.. x.Node.Signals.SelectMany(s => s.Roles.Count > 0 ? s.Roles : x.Node.Roles).Distinct()], x.Token.Due, x.Token.LastDay))
            .ToList();
        return new WorkflowOverview(snapshot, lapsed, awaiting);
    }

    /// <summary>The state as it will be once the background processor has fired the deadlines that have lapsed (in memory only).</summary>
    private InstanceState CaughtUp(WorkflowInstanceRecord record, WorkflowDefinition definition, InstanceState state) => CaughtUpTo(record, definition, state).State;

    // The state with its lapsed timers fired in memory, and the outcome of the end node that reached, if one did.
    private (InstanceState State, string? Outcome) CaughtUpTo(WorkflowInstanceRecord record, WorkflowDefinition definition, InstanceState state)
    {
        var executor = new Executor(definition, Jurisdiction(record), conditions, clock.GetUtcNow(), state);
        for (var round = 0; round < 100 && executor.Outcome is null && state.Tokens.FirstOrDefault(t => t.Due <= clock.GetUtcNow()) is { } lapsed; round++)
            if (Run(() => executor.Timer(lapsed)) is not null) break;
        return (state, executor.Outcome);
    }

    /// <summary>The current state of an instance, or null.</summary>
    public async Task<WorkflowSnapshot?> GetAsync(Guid instanceId, CancellationToken ct = default)
    {
        var record = await LoadAsync(instanceId, ct);
        return record is null ? null : Snapshot(record, InstanceState.Deserialize(record.State));
    }

    /// <summary>
    /// The instance as it stands now, or null: as <see cref="GetAsync"/>, with the deadlines and timers that have
    /// lapsed counted as fired (in memory only), so that what a caller is told it may do agrees with
    /// <see cref="AvailableSignalsAsync"/> and with what <see cref="SignalAsync"/> will accept once it has caught up.
    /// </summary>
    public async Task<WorkflowSnapshot?> GetCurrentAsync(Guid instanceId, CancellationToken ct = default)
    {
        var record = await LoadAsync(instanceId, ct);
        if (record is null) return null;
        var state = InstanceState.Deserialize(record.State);
        if (record.Status == WorkflowStatus.Completed) return Snapshot(record, state);
        // A lapsed deadline that leads to an end (a contract's term ending) shows the instance as completed there.
        var (current, outcome) = CaughtUpTo(record, Definition(record), state);
        return Snapshot(record, current, outcome);
    }

    /// <summary>
    /// Fires timers that are due, oldest first, each in its own transaction. A timer fires exactly once, however many
    /// processors share the database: each claims its timer's row first (on PostgreSQL <c>FOR UPDATE SKIP LOCKED</c>,
    /// so another instance's processor passes over a timer being fired and takes the next; on SQLite the transaction
    /// holds the file's write lock), the row is deleted in the transaction that moves the instance, and a change
    /// that got in first still wins on the revision. Returns how many fired.
    /// </summary>
    public Task<int> FireDueTimersAsync(int max = 100, CancellationToken ct = default) => ConnectedAsync(() => FireDueTimersCoreAsync(max, ct), ct);

    private async Task<int> FireDueTimersCoreAsync(int max, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<WorkflowTimerRecord>().AsNoTracking().Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).Take(max).ToListAsync(ct);
        var fired = 0;
        foreach (var timer in due)
            if (await FireClaimedAsync(timer, ct)) fired++;
        return fired;
    }

    private async Task<bool> FireClaimedAsync(WorkflowTimerRecord timer, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return await FireAsync(timer, ct, skipLocked: true);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var fired = await FireAsync(timer, ct, skipLocked: true);
        await transaction.CommitAsync(ct);
        return fired;
    }

    /// <summary>When the next timer is due, if any.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken ct = default) =>
        await db.Set<WorkflowTimerRecord>().AsNoTracking().OrderBy(t => t.DueAt).Select(t => (DateTimeOffset?)t.DueAt).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Fires the instance's lapsed deadlines before a signal is judged, so a reply on day 21 meets the overdue step
    /// (and is journaled after the deadline) even when the background processor has not run yet.
    /// </summary>
    private async Task<bool> CatchUpAsync(WorkflowInstanceRecord record, InstanceState state, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var lapsed = state.Tokens.Where(t => t.TimerId is not null && t.Due <= now).OrderBy(t => t.Due).ToList();
        if (lapsed.Count == 0) return false;
        // Firing one deadline can start another that has lapsed too (a chain of steps); fire until none is left,
        // within a bound that a definition of zero-length deadlines in a loop cannot defeat.
        var fired = true;
        for (var round = 0; fired && round < 100; round++)
        {
            fired = false;
            var timers = await db.Set<WorkflowTimerRecord>().AsNoTracking()
                .Where(t => t.InstanceId == record.Id && t.DueAt <= now).OrderBy(t => t.DueAt).ToListAsync(ct);
            foreach (var timer in timers) fired |= await FireAsync(timer, ct);
        }
        return true;
    }

    private async Task<bool> FireAsync(WorkflowTimerRecord timer, CancellationToken ct, bool skipLocked = false)
    {
        if (!await ClaimAsync(timer, skipLocked, ct)) return false;
        var record = await LoadAsync(timer.InstanceId, ct);
        try
        {
            var state = record is null ? null : InstanceState.Deserialize(record.State);
            var token = state?.Tokens.FirstOrDefault(t => t.TimerId == timer.Id);
            if (record is null || state is null || token is null)
            {
                // Nothing waits on this row any more (or a change that committed after our query already removed it).
                await SaveTimerAsync(timer, EntityState.Deleted, ct);
                return false;
            }
            var definition = Definition(record);
            var executor = new Executor(definition, Jurisdiction(record), conditions, clock.GetUtcNow(), state);
            executor.Cancelled.Add(timer.Id);
            var node = definition.Node(token.Node);
            if (Run(() => executor.Timer(token)) is { Error: { } error }) throw new WorkflowRuntimeException(error.Message);
            var result = await CommitAsync(record, state, executor, new WorkflowJournalRecord
            {
                Kind = node.Kind == NodeKind.Timer ? "timer" : "deadline", Node = node.Id, Actor = "system",
                Payload = JsonSerializer.Serialize(new { due = timer.DueAt }, Json),
            }, isNew: false, ct);
            return result.Succeeded;
        }
        catch (Exception e) when (e is WorkflowRuntimeException or InvalidOperationException)
        {
            // A timer that cannot fire must not block the ones behind it: try again later, and say why.
            logger?.LogError(e, "timer {Timer} of instance {Instance} could not fire; retrying in {Retry}", timer.Id, timer.InstanceId, FailedTimerRetry);
            timer.DueAt = clock.GetUtcNow() + FailedTimerRetry;
            await SaveTimerAsync(timer, EntityState.Modified, ct);
            return false;
        }
    }

    /// <summary>
    /// Takes the timer's row for this transaction; false when it is gone (fired or cancelled meanwhile) or, with
    /// <paramref name="skipLocked"/>, held by another processor firing it now. Without a transaction (SQLite's
    /// implicit one per save) only whether the row is still there is known; the revision then decides.
    /// </summary>
    private async Task<bool> ClaimAsync(WorkflowTimerRecord timer, bool skipLocked, CancellationToken ct)
    {
        if (db.Database.ProviderName != Providers.PostgreSql || db.Database.CurrentTransaction is null)
            return await db.Set<WorkflowTimerRecord>().AnyAsync(t => t.Id == timer.Id, ct);
        var held = await db.Set<WorkflowTimerRecord>()
            .FromSqlRaw(skipLocked ? ClaimSkippingLockedSql : ClaimSql, timer.Id)
            .AsNoTracking().ToListAsync(ct);
        return held.Count > 0;
    }

    private const string ClaimSql = """SELECT * FROM workflow_timers WHERE "Id" = {0} FOR UPDATE""";
    private const string ClaimSkippingLockedSql = ClaimSql + " SKIP LOCKED";

    private async Task SaveTimerAsync(WorkflowTimerRecord timer, EntityState change, CancellationToken ct)
    {
        db.Entry(timer).State = change;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Already gone: fired or cancelled by a change that committed meanwhile.
        }
        finally
        {
            Detach(timer);
        }
    }

    /// <summary>
    /// Moves an instance to another version of its definition. Every active node needs an entry in
    /// <paramref name="nodeMap"/> naming a node of the target version; otherwise the migration is refused and
    /// nothing changes. Deadlines are recomputed on the new nodes, counted from when each step was entered.
    /// </summary>
    public async Task<WorkflowResult> MigrateAsync(Guid instanceId, int toVersion, IReadOnlyDictionary<string, string> nodeMap, string actor, CancellationToken ct = default)
    {
        var record = await LoadAsync(instanceId, ct);
        if (record is null) return WorkflowResult.Fail(WorkflowErrorCode.NotFound, $"no workflow instance {instanceId}");
        if (record.Status == WorkflowStatus.Completed)
            return WorkflowResult.Fail(WorkflowErrorCode.Completed, "a completed instance cannot be migrated");
        var target = registry.Find(record.DefinitionId, toVersion);
        if (target is null)
            return WorkflowResult.Fail(WorkflowErrorCode.UnknownDefinition, $"no version {toVersion} of '{record.DefinitionId}' is loaded");
        if (toVersion == record.DefinitionVersion)
            return WorkflowResult.Fail(WorkflowErrorCode.InvalidMigration, $"the instance already runs on v{toVersion}");
        var state = InstanceState.Deserialize(record.State);
        var problems = new List<string>();
        foreach (var token in state.Tokens)
        {
            if (!nodeMap.TryGetValue(token.Node, out var mapped)) problems.Add($"node '{token.Node}' has no mapping");
            else if (!target.Nodes.TryGetValue(mapped, out var node)) problems.Add($"'{token.Node}' maps to '{mapped}', which v{toVersion} does not have");
            else if (node.Kind is not (NodeKind.Task or NodeKind.Timer or NodeKind.Join))
                problems.Add($"'{token.Node}' maps to '{mapped}', a {node.Kind.ToString().ToLowerInvariant()} node, where nothing can wait");
        }
        if (problems.Count > 0)
            return WorkflowResult.Fail(WorkflowErrorCode.InvalidMigration, $"migration to v{toVersion} refused: {string.Join("; ", problems)}");

        var from = record.DefinitionVersion;
        var executor = new Executor(target, Jurisdiction(record), conditions, clock.GetUtcNow(), state);
        foreach (var token in state.Tokens) executor.Place(token, nodeMap[token.Node]);
        record.DefinitionVersion = toVersion;
        return await CommitAsync(record, state, executor, new WorkflowJournalRecord
        {
            Kind = "migrated", Actor = actor,
            Payload = JsonSerializer.Serialize(new { fromVersion = from, toVersion, nodeMap }, Json),
        }, isNew: false, ct);
    }

    /// <summary>
    /// Counts the deadlines of an instance's waiting steps again, each from when its step was entered, after the rules
    /// they were counted with changed (a year's holiday schedule entered or corrected). The deadlines that move get new
    /// timers and the instance one journal entry (<c>recounted</c>) holding <paramref name="reason"/> and each move;
    /// when none moves nothing is written and the result's snapshot is null. The entry names the first step whose deadline moved.
    /// </summary>
    public async Task<WorkflowResult> RecountDeadlinesAsync(Guid instanceId, string actor, string reason, CancellationToken ct = default)
    {
        var record = await LoadAsync(instanceId, ct);
        if (record is null) return WorkflowResult.Fail(WorkflowErrorCode.NotFound, $"no workflow instance {instanceId}");
        if (record.Status == WorkflowStatus.Completed) return new WorkflowResult(null, null);
        var state = InstanceState.Deserialize(record.State);
        var executor = new Executor(Definition(record), Jurisdiction(record), conditions, clock.GetUtcNow(), state);
        var moved = new List<RecountedDeadline>();
        foreach (var token in state.Tokens)
            if (executor.Recount(token) is { } m) moved.Add(m);
        if (moved.Count == 0) return new WorkflowResult(null, null);
        return await CommitAsync(record, state, executor, new WorkflowJournalRecord
        {
            Kind = "recounted", Node = moved[0].Node, Actor = actor,
            Payload = JsonSerializer.Serialize(new { reason, deadlines = moved }, Json),
        }, isNew: false, ct);
    }

    /// <summary>An instance's journal in order.</summary>
    public async Task<IReadOnlyList<WorkflowJournalRecord>> JournalAsync(Guid instanceId, CancellationToken ct = default) =>
        await db.Set<WorkflowJournalRecord>().AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Sequence).ToListAsync(ct);

    /// <summary>
    /// Checks an instance's hash chain — each entry's hash and seal, its link to the previous entry, and the instance's head —
    /// and that the instance's stored state is the one its last entry recorded: a state changed in the database
    /// without a journal entry (a step skipped, a variable altered) is found.
    /// </summary>
    public async Task<JournalVerification> VerifyJournalAsync(Guid instanceId, CancellationToken ct = default)
    {
        var record = await LoadAsync(instanceId, ct);
        if (record is null) return new JournalVerification(false, 0, null, $"no workflow instance {instanceId}");
        return Verify(record, await JournalAsync(instanceId, ct), sealsRequired: true);
    }

    /// <summary>
    /// Seals the entries written before seals existed (a database of an earlier release), instance by instance, where
    /// the rest of <see cref="VerifyJournalAsync"/> holds; an instance whose chain is broken is left unsealed, so
    /// verification keeps reporting it. Trust on first use: what the database held when the key was first used is
    /// taken as true. Returns how many entries were sealed and which instances were not.
    /// </summary>
    public async Task<(int Sealed, IReadOnlyList<Guid> Broken)> SealUnsealedAsync(CancellationToken ct = default)
    {
        var (count, broken) = (0, new List<Guid>());
        var ids = await UnsealedInstances(db).ToListAsync(ct);
        foreach (var id in ids)
        {
            var record = await LoadAsync(id, ct);
            var entries = await JournalAsync(id, ct);
            if (record is null || !Verify(record, entries, sealsRequired: false).Valid)
            {
                broken.Add(id);
                continue;
            }
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            foreach (var e in entries.Where(e => e.Seal is null))
            {
                var value = seal.Compute(e.Hash);
                count += await db.Set<WorkflowJournalRecord>().Where(j => j.Id == e.Id && j.Seal == null).ExecuteUpdateAsync(u => u.SetProperty(j => j.Seal, value), ct);
            }
            if (transaction is not null) await transaction.CommitAsync(ct);
        }
        return (count, broken);
    }

    /// <summary>The instances with entries not sealed yet, read from their partial index (<see cref="WorkflowModel.UnsealedIndex"/>).</summary>
    internal static IQueryable<Guid> UnsealedInstances(DbContext db) =>
        db.Set<WorkflowJournalRecord>().Where(j => j.Seal == null).Select(j => j.InstanceId).Distinct();

    private JournalVerification Verify(WorkflowInstanceRecord record, IReadOnlyList<WorkflowJournalRecord> entries, bool sealsRequired)
    {
        var previous = JournalHash.Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (e.Sequence != i + 1) return new JournalVerification(false, i, i + 1, $"entry {i + 1} is missing");
            if (e.PreviousHash != previous) return new JournalVerification(false, i, e.Sequence, "the link to the previous entry is broken");
            if (JournalHash.Compute(e) != e.Hash) return new JournalVerification(false, i, e.Sequence, "the entry's content does not match its hash");
            if (sealsRequired && !seal.Verifies(e.Hash, e.Seal))
                return new JournalVerification(false, i, e.Sequence, e.Seal is null
                    ? "the entry is not sealed"
                    : "the entry's seal does not match: it was written or changed without the journal key");
            previous = e.Hash;
        }
        if (record.JournalSequence != entries.Count || record.JournalHead != previous)
            return new JournalVerification(false, entries.Count, entries.Count + 1, "entries at the end of the journal are missing");
        if (entries.Count > 0 && !Covers(JsonNode.Parse(entries[^1].Result), JsonSerializer.SerializeToNode(Snapshot(record, InstanceState.Deserialize(record.State)), Json)))
            return new JournalVerification(false, entries.Count, entries.Count, "the instance's stored state is not the state its last journal entry recorded");
        return new JournalVerification(true, entries.Count, null, null);
    }

    /// <summary>
    /// Whether the state <paramref name="current"/> is the one <paramref name="recorded"/>: every part recorded has the
    /// same value. An entry of an earlier release recorded fewer parts (no variables); the parts it recorded count.
    /// </summary>
    private static bool Covers(JsonNode? recorded, JsonNode? current) =>
        recorded is JsonObject parts && current is JsonObject now && parts.All(p => JsonNode.DeepEquals(p.Value, now[p.Key]));

    /// <summary>
    /// Writes an event in one transaction: the instance, its journal entry and its timers (<see cref="WorkflowRows"/>),
    /// then the context's own changes, the context told first which instance was written (<see cref="IWorkflowChanges"/>).
    /// </summary>
    private async Task<WorkflowResult> CommitAsync(WorkflowInstanceRecord record, InstanceState state, Executor executor, WorkflowJournalRecord entry, bool isNew, CancellationToken ct)
    {
        var revision = record.Revision;
        var (snapshot, _, added, cancelled) = Journal(record, state, executor, entry, isNew);
        var rows = WorkflowRows.Of(db).Prepare(db, record, isNew, revision, entry, added, cancelled);
        string reason;
        try
        {
            if (await InTransactionAsync(async () =>
                {
                    if (!await rows.WriteAsync(db, ct)) return false;
                    (db as IWorkflowChanges)?.Written(record);
                    await db.SaveChangesAsync(ct);
                    return true;
                }, ct))
                return new WorkflowResult(snapshot, null);
            reason = "revision moved";
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            // The same key or the same journal sequence won a race.
            if (entry.IdempotencyKey is { } key && await EarlierOutcomeAsync(record.Id, key, entry.Signal, ct) is { } earlier) return earlier;
            reason = e.GetType().Name;
        }
        // Another change got in first (revision moved, a timer already fired, or the same key won a race).
        return WorkflowResult.Fail(WorkflowErrorCode.Conflict, $"the workflow was changed by someone else at the same time; reload and try again ({reason})");
    }

    /// <summary>
    /// Runs <paramref name="work"/> in the caller's transaction within a savepoint, or in a transaction of its own, and
    /// keeps what it wrote only when it returns true. The engine's own transaction takes no savepoints (a failure rolls
    /// all of it back) and rolls back explicitly, so a writer waiting for the database goes in at once.
    /// </summary>
    private async Task<bool> InTransactionAsync(Func<Task<bool>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is { } outer)
        {
            await outer.CreateSavepointAsync(Savepoint, ct);
            var kept = false;
            try
            {
                kept = await work();
            }
            finally
            {
                if (kept) await outer.ReleaseSavepointAsync(Savepoint, ct);
                else await outer.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
            }
            return kept;
        }
        await using var own = await db.Database.BeginTransactionAsync(ct);
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        var committed = false;
        try
        {
            if (await work())
            {
                await own.CommitAsync(ct);
                committed = true;
            }
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
            if (!committed && own.GetDbTransaction().Connection is not null) await own.RollbackAsync(CancellationToken.None);
        }
        return committed;
    }

    private const string Savepoint = "workflow_engine";

    /// <summary>
    /// Applies an event's outcome to <paramref name="record"/> and completes its journal <paramref name="entry"/>,
    /// chained and sealed; returns the timers the event scheduled and cancelled. Nothing is added to the context.
    /// </summary>
    private (WorkflowSnapshot Snapshot, WorkflowJournalRecord Entry, List<WorkflowTimerRecord> Scheduled, List<Guid> Cancelled) Journal(
        WorkflowInstanceRecord record, InstanceState state, Executor executor, WorkflowJournalRecord entry, bool isNew)
    {
        var now = clock.GetUtcNow();
        if (executor.Outcome is not null)
        {
            record.Status = WorkflowStatus.Completed;
            record.Outcome = executor.Outcome;
        }
        record.State = state.Serialize();
        record.UpdatedAt = now;
        if (!isNew) record.Revision++;
        record.JournalSequence++;
        var snapshot = Snapshot(record, state);

        entry.InstanceId = record.Id;
        entry.Sequence = record.JournalSequence;
        // To the millisecond, which every provider stores exactly (SQLite keeps 0.1 ms): the hash must survive the round trip.
        entry.At = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        entry.Moves = JsonSerializer.Serialize(executor.Moves, Json);
        entry.Result = JsonSerializer.Serialize(snapshot, Json);
        entry.PreviousHash = record.JournalHead;
        entry.Hash = JournalHash.Compute(entry);
        entry.Seal = seal.Compute(entry.Hash);
        record.JournalHead = entry.Hash;
        return (snapshot, entry, [.. executor.Scheduled.Select(t => new WorkflowTimerRecord { Id = t.Id, InstanceId = record.Id, Node = t.Node, DueAt = t.Due })], executor.Cancelled);
    }

    private async Task<WorkflowResult?> EarlierOutcomeAsync(Guid instanceId, string key, string? signal, CancellationToken ct)
    {
        var earlier = await db.Set<WorkflowJournalRecord>().AsNoTracking()
            .Where(j => j.InstanceId == instanceId && j.IdempotencyKey == key).Select(j => new { j.Signal, j.Result }).FirstOrDefaultAsync(ct);
        if (earlier is null) return null;
        if (earlier.Signal != signal)
            return WorkflowResult.Fail(WorkflowErrorCode.InvalidInput, $"idempotency key '{key}' was already used for '{earlier.Signal}'; use a new key for '{signal}'");
        return new WorkflowResult(JsonSerializer.Deserialize<WorkflowSnapshot>(earlier.Result, Json), null, Duplicate: true);
    }

    /// <summary>
    /// Opens the connection for a whole operation (its reads and its save) instead of one per command, and leaves it
    /// open: the statements the engine prepared on it stay prepared (<see cref="WorkflowRows"/>) until the context is
    /// disposed or returned to its pool, which closes it (or, where the host's provider keeps a pooled context's
    /// connection, keeps it open for the context's next use).
    /// </summary>
    private async Task<T> ConnectedAsync<T>(Func<Task<T>> operation, CancellationToken ct)
    {
        await OpenAsync(ct);
        return await operation();
    }

    private async Task OpenAsync(CancellationToken ct)
    {
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
    }

    private static WorkflowResult? Run(Action step)
    {
        try
        {
            step();
            return null;
        }
        catch (InvalidVariableException e)
        {
            return WorkflowResult.Fail(WorkflowErrorCode.InvalidInput, e.Message);
        }
    }

    private static bool Allows(NodeDefinition node, SignalDefinition signal, string role) =>
        signal.Roles.Count > 0 ? signal.Roles.Contains(role) : node.Roles.Contains(role);

    private WorkflowDefinition Definition(WorkflowInstanceRecord record) =>
        registry.Find(record.DefinitionId, record.DefinitionVersion)
        ?? throw new InvalidOperationException($"instance {record.Id} runs on {record.DefinitionId} v{record.DefinitionVersion}, which is not loaded; keep every version that has running instances in workflows/");

    private Jurisdiction Jurisdiction(WorkflowInstanceRecord record) =>
        jurisdictions.TryGetValue(record.Jurisdiction, out var j) ? j
        : throw new InvalidOperationException($"instance {record.Id} runs under jurisdiction '{record.Jurisdiction}', which is not loaded");

    private WorkflowSnapshot Snapshot(WorkflowInstanceRecord record, InstanceState state, string? reached = null)
    {
        var definition = Definition(record);
        return new WorkflowSnapshot(record.Id, record.DefinitionId, record.DefinitionVersion, record.Jurisdiction, record.BusinessKey,
            reached is null ? record.Status : WorkflowStatus.Completed, reached ?? record.Outcome, record.Revision,
            state.Tokens.Select(t => new ActiveStep(t.Node, definition.Node(t.Node).Name, t.EnteredAt, t.Due, t.LastDay)).ToList(),
            (JsonObject)state.Variables.DeepClone());
    }

    /// <summary>The instance with this id, untracked: the engine writes its rows itself (<see cref="WorkflowRows"/>). Opens the connection and leaves it open (<see cref="ConnectedAsync"/>).</summary>
    private async Task<WorkflowInstanceRecord?> LoadAsync(Guid id, CancellationToken ct)
    {
        await OpenAsync(ct);
        return await WorkflowRows.Of(db).LoadAsync(db, id, ct);
    }

    private void Detach(object entity)
    {
        var entry = db.Entry(entity);
        if (entry.State != EntityState.Detached) entry.State = EntityState.Detached;
    }
}
