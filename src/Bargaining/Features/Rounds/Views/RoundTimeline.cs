using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using Bargaining.Workflows;
using Bargaining.Workflows.Definitions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Views;

/// <summary>A round's journal, where it stands now with its deadlines, and what the caller may do next.</summary>
public sealed record RoundTimelineQuery(Guid RoundId) : IQuery<RoundTimeline>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseRoundReaderAsync(user, db, RoundId, ct);
}

/// <summary>The timeline of a round.</summary>
public sealed record RoundTimeline(
    Guid RoundId,
    string Enterprise,
    RoundStage Stage,
    string StageName,
    OfferMode? OfferMode,
    IReadOnlyList<TimelineEntry> Journal,
    IReadOnlyList<CurrentStep> CurrentSteps,
    IReadOnlyList<AvailableAction> Actions);

/// <summary>One journal entry: the step (Chinese), what happened there, who and when.</summary>
public sealed record TimelineEntry(long Sequence, DateTimeOffset At, string Step, string Action, string Actor);

/// <summary>A step the round waits at, with its last day if it has a deadline.</summary>
/// <param name="Who">Who may act there, in Chinese (职工方（企业工会）, 企业方, …), from the step's and its signals' roles.</param>
/// <param name="CalendarNote">
/// 节假日安排未录入，按周末计算 when the deadline counts through a year whose holiday schedule is missing; otherwise null.
/// </param>
public sealed record CurrentStep(string Node, string Name, DateTimeOffset EnteredAt, DateOnly? LastDay, IReadOnlyList<string> Who, string? CalendarNote = null);

/// <summary>An action the caller's role may take now.</summary>
public sealed record AvailableAction(string Node, string Step, string Signal, string Title, DateOnly? LastDay);

/// <summary>Handles <see cref="RoundTimelineQuery"/> from the workflow's journal and state.</summary>
public sealed class RoundTimelineHandler(BargainingDbContext db, WorkflowEngine engine, WorkflowRegistry registry, ICurrentUserAccessor users, Jurisdictions.JurisdictionCatalog jurisdictions)
    : IRequestHandler<RoundTimelineQuery, RoundTimeline>
{
    public async Task<RoundTimeline> Handle(RoundTimelineQuery request, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == request.RoundId, cancellationToken);
        var enterprise = await db.Enterprises.Where(e => e.Id == round.EnterpriseId).Select(e => e.Name).FirstAsync(cancellationToken);
        var snapshot = await engine.GetAsync(round.WorkflowInstanceId, cancellationToken) ?? throw DomainException.NotFound("本轮协商的流程");
        var definition = registry.Find(snapshot.DefinitionId, snapshot.DefinitionVersion)!;
        var journal = await engine.JournalAsync(round.WorkflowInstanceId, cancellationToken);
        var stage = RoundStages.Of(snapshot);
        var lastDays = snapshot.Steps.ToDictionary(s => s.Node, s => s.LastDay);
        var role = RoundAccess.WorkflowRole(users.Caller().Role);
        var time = jurisdictions[round.Jurisdiction].Time;
        var actions = role is null ? [] : await engine.AvailableSignalsAsync(round.WorkflowInstanceId, role, cancellationToken);
        return new RoundTimeline(round.Id, enterprise, stage, stage.Chinese(), round.Offer.Mode,
            [.. journal.Select(j => new TimelineEntry(j.Sequence, j.At, StepName(definition, j.Node), ActionName(definition, j), Actor(j.Actor)))],
            [.. snapshot.Steps.Select(s => new CurrentStep(s.Node, s.Name, s.EnteredAt, s.LastDay, Who(definition, s.Node),
                Calendars.HolidaySchedules.Note(time, time.LocalDate(s.EnteredAt), s.LastDay)))],
            [.. actions.Select(a => new AvailableAction(a.Node, a.NodeName, a.Signal, a.Title, lastDays.GetValueOrDefault(a.Node)))]);
    }

    private static IReadOnlyList<string> Who(WorkflowDefinition definition, string node) =>
        definition.Nodes.TryGetValue(node, out var n)
            ? [.. n.Roles.Concat(n.Signals.SelectMany(x => x.Roles)).Distinct().Select(r => definition.Roles.GetValueOrDefault(r) ?? r)]
            : [];

    private static string StepName(WorkflowDefinition definition, string? node) =>
        node is not null && definition.Nodes.TryGetValue(node, out var n) ? n.Name : node ?? "";

    private static string ActionName(WorkflowDefinition definition, Workflows.Persistence.WorkflowJournalRecord entry) => entry.Kind switch
    {
        "started" => "发起协商",
        "deadline" => "期限届满",
        "timer" => "时间届至",
        "migrated" => "流程版本迁移",
        "recounted" => "期限重新计算：" + (System.Text.Json.Nodes.JsonNode.Parse(entry.Payload ?? "{}")?["reason"]?.GetValue<string>() ?? "计算规则变更"),
        _ => entry.Node is { } node && definition.Nodes.TryGetValue(node, out var n) && entry.Signal is { } signal ? n.Signal(signal)?.Title ?? signal : entry.Signal ?? entry.Kind,
    };

    // Journaled as "<user id> <name>"; the timers act as "system".
    private static string Actor(string actor) => actor == "system" ? "系统（期限届满）" : actor[(actor.IndexOf(' ') + 1)..];
}
