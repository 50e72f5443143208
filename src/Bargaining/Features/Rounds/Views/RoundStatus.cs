using Bargaining.Domain;
using Bargaining.Features.Progress;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using Bargaining.Workflows;
using Bargaining.Workflows.Definitions;
using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Views;

/// <summary>Where a round stands for a list row: stage, current step, last day, days late, and who must act now.</summary>
/// <param name="Stage">The stage (<see cref="RoundStages.Of"/>).</param>
/// <param name="Step">The steps it waits at (Chinese), or the stage's name once ended.</param>
/// <param name="LastDay">The earliest last day of the current steps, or the missed last day when overdue.</param>
/// <param name="DaysLate">Days past <see cref="LastDay"/> when overdue, else null.</param>
/// <param name="NextRoles">The definitions' roles that may act now (<c>union</c>, <c>employer</c>, <c>county-union</c>, …).</param>
/// <param name="NextActors">The same in Chinese (职工方（企业工会）, 企业方, …).</param>
/// <param name="CountyMayUrge">True when a step it waits at offers the county union the <c>urge</c> signal (an overdue reply, 督促书面回应).</param>
public sealed record RoundStatus(RoundStage Stage, string Step, DateOnly? LastDay, int? DaysLate, IReadOnlyList<string> NextRoles, IReadOnlyList<string> NextActors,
    bool CountyMayUrge = false);

/// <summary>
/// What a round's stored workflow says of its current steps: the part of <see cref="RoundStatus"/> that does not
/// change with the day until the workflow's earliest deadline (<see cref="RoundProgress.DueAt"/>), which
/// <see cref="RoundProgressWriter"/> keeps in the round's summary.
/// </summary>
/// <param name="LastDay">The earliest last day of the current steps.</param>
public sealed record RoundSteps(RoundStage Stage, string Step, DateOnly? LastDay, IReadOnlyList<string> NextRoles, IReadOnlyList<string> NextActors, bool CountyMayUrge)
{
    /// <summary>The steps of a described workflow whose definition is <paramref name="definition"/>.</summary>
    public static RoundSteps Of(WorkflowOverview state, WorkflowDefinition? definition)
    {
        var stage = RoundStages.Of(state.Snapshot);
        // A contract in force awaits no one: its step only holds the end of its term and the sides' right to end it.
        var roles = state.Awaiting.Where(a => a.Node != Nodes.Published).SelectMany(a => a.Roles).Distinct().ToList();
        var urge = definition is not null && state.Awaiting.Any(a => definition.Nodes.GetValueOrDefault(a.Node)?.Signal(Signals.Urge) is { } signal
            && signal.Roles.Contains(WorkflowRoles.CountyUnion));
        return new RoundSteps(stage, state.Snapshot.Steps.Count == 0 ? stage.Chinese() : string.Join("、", state.Snapshot.Steps.Select(s => s.Name)),
            state.Snapshot.Steps.Where(s => !Nodes.InForce(s.Node)).Select(s => s.LastDay).Where(d => d is not null).Min(), roles, [.. roles.Select(r => definition?.Roles.GetValueOrDefault(r) ?? r)], urge);
    }

    /// <summary>The status on <paramref name="today"/>, when the round is <paramref name="overdue"/> at a step (<see cref="RoundStages.Overdue"/>) or not.</summary>
    public RoundStatus On(DateOnly today, (string Step, DateOnly LastDay)? overdue) =>
        new(Stage, Step, overdue?.LastDay ?? LastDay, overdue is { } o ? today.DayNumber - o.LastDay.DayNumber : null, NextRoles, NextActors, CountyMayUrge);
}

/// <summary>A round a list shows: its summary, its jurisdiction and its workflow instance.</summary>
public sealed record ListedRound(RoundProgress Summary, string Jurisdiction, Guid WorkflowInstanceId);

/// <summary>
/// Reads <see cref="RoundStatus"/> for list rows: from the rounds' summaries (<see cref="RoundProgress"/>), exact
/// until their earliest deadline; a round whose deadline has lapsed and whose timer has not fired yet (its awaited
/// roles may have changed) is described from its workflow, the workflows of a page read in one query.
/// </summary>
public sealed class RoundStatusReader(BargainingDbContext db, WorkflowEngine engine, WorkflowRegistry registry, RoundWorkflow workflow, JurisdictionCatalog jurisdictions)
{
    /// <summary>The statuses of <paramref name="rounds"/>, by round id.</summary>
    public async Task<IReadOnlyDictionary<Guid, RoundStatus>> ReadAsync(IReadOnlyCollection<ListedRound> rounds, CancellationToken ct)
    {
        var now = workflow.Now;
        var lapsed = rounds.Where(x => x.Summary.DueAt <= now).Select(x => x.WorkflowInstanceId).ToList();
        var records = lapsed.Count == 0 ? new Dictionary<Guid, WorkflowInstanceRecord>() : await db.Set<WorkflowInstanceRecord>().AsNoTracking().Where(w => lapsed.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        return rounds.ToDictionary(x => x.Summary.RoundId, x => records.TryGetValue(x.WorkflowInstanceId, out var record)
            ? Read(x.Jurisdiction, engine.Describe(record))
            : FromSummary(x.Summary, x.Jurisdiction));
    }

    /// <summary>The status of a round of <paramref name="jurisdiction"/> from its described workflow.</summary>
    public RoundStatus Read(string jurisdiction, WorkflowOverview state)
    {
        var today = Today(jurisdiction);
        return RoundSteps.Of(state, registry.Find(state.Snapshot.DefinitionId, state.Snapshot.DefinitionVersion)).On(today, RoundStages.Overdue(state, today));
    }

    /// <summary>The status from a summary, exact before its <see cref="RoundProgress.DueAt"/>.</summary>
    public RoundStatus FromSummary(RoundProgress summary, string jurisdiction) =>
        new RoundSteps(summary.Stage, summary.Step, summary.LastDay, RoundProgress.Split(summary.AwaitedRoles), RoundProgress.Split(summary.NextActors), summary.CountyMayUrge)
            .On(Today(jurisdiction), summary.OverdueFrom <= workflow.Now ? (summary.OverdueStep!, summary.OverdueLastDay!.Value) : null);

    private DateOnly Today(string jurisdiction) => jurisdictions[jurisdiction].Time.LocalDate(workflow.Now);
}
