using Bargaining.Domain;
using Bargaining.Workflows;
using Bargaining.Workflows.Definitions;
using Bargaining.Workflows.Persistence;

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
/// Reads <see cref="RoundStatus"/> from a workflow record that the caller loaded together with its rounds in one
/// query, so a list of many rounds does not read their workflows one by one.
/// </summary>
public sealed class RoundStatusReader(WorkflowEngine engine, WorkflowRegistry registry, RoundWorkflow workflow)
{
    /// <summary>The status of <paramref name="round"/>, whose workflow instance is <paramref name="record"/>.</summary>
    public RoundStatus Read(Round round, WorkflowInstanceRecord record) => Read(round, engine.Describe(record));

    /// <summary>The status of <paramref name="round"/> from its described workflow.</summary>
    public RoundStatus Read(Round round, WorkflowOverview state)
    {
        var stage = RoundStages.Of(state.Snapshot);
        var today = workflow.Today(round);
        var overdue = RoundStages.Overdue(state, today);
        var definition = registry.Find(state.Snapshot.DefinitionId, state.Snapshot.DefinitionVersion);
        var roles = state.Awaiting.SelectMany(a => a.Roles).Distinct().ToList();
        var step = state.Snapshot.Steps.Count == 0 ? stage.Chinese() : string.Join("、", state.Snapshot.Steps.Select(s => s.Name));
        var lastDay = overdue?.LastDay ?? state.Snapshot.Steps.Select(s => s.LastDay).Where(d => d is not null).Min();
        var urge = definition is not null && state.Awaiting.Any(a => definition.Nodes.GetValueOrDefault(a.Node)?.Signal(Signals.Urge) is { } signal
            && signal.Roles.Contains(WorkflowRoles.CountyUnion));
        return new RoundStatus(stage, step, lastDay, overdue is { } o ? today.DayNumber - o.LastDay.DayNumber : null, roles,
            [.. roles.Select(r => definition?.Roles.GetValueOrDefault(r) ?? r)], urge);
    }
}
