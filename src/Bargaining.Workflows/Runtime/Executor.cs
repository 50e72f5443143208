using System.Globalization;
using System.Text.Json.Nodes;
using Bargaining.Workflows.Definitions;

namespace Bargaining.Workflows.Runtime;

/// <summary>A move of one token from one node to another, as journaled.</summary>
/// <param name="From">The node left, or null when an instance starts.</param>
/// <param name="To">The node entered.</param>
/// <param name="Via">What caused it: a signal name, <c>deadline</c>, <c>timer</c>, a condition, <c>otherwise</c>, <c>parallel</c>, <c>join</c>.</param>
public sealed record Move(string? From, string To, string Via);

/// <summary>A deadline counted again: the node, its last day and its due instant before and after.</summary>
public sealed record RecountedDeadline(string Node, DateOnly? FromLastDay, DateOnly ToLastDay, DateTimeOffset? FromDue, DateTimeOffset ToDue);

/// <summary>A timer the executor asks the store to keep.</summary>
internal sealed record ScheduledTimer(Guid Id, string Node, DateTimeOffset Due);

/// <summary>Thrown for a definition that misbehaves at run time (e.g. decisions looping forever).</summary>
public sealed class WorkflowRuntimeException(string message) : Exception(message);

/// <summary>
/// Applies one event to an instance's state, without I/O: moves tokens, evaluates decisions, splits and joins
/// branches, computes deadlines, and reports the timers to add and remove.
/// </summary>
internal sealed class Executor(WorkflowDefinition definition, Jurisdiction jurisdiction, WorkflowConditions conditions, DateTimeOffset now, InstanceState state)
{
    private const int MaxStepsPerEvent = 1000;
    private int _steps;

    public List<Move> Moves { get; } = [];
    public List<ScheduledTimer> Scheduled { get; } = [];
    public List<Guid> Cancelled { get; } = [];
    public string? Outcome { get; private set; }

    public void Start()
    {
        var token = new Token { Id = state.NextToken++ };
        state.Tokens.Add(token);
        Enter(token, null, definition.Start, "start");
    }

    public void Signal(Token token, SignalDefinition signal, JsonObject? payload)
    {
        Merge(payload);
        Leave(token);
        Enter(token, token.Node, signal.To, signal.Name);
    }

    public void Timer(Token token)
    {
        var node = definition.Node(token.Node);
        token.TimerId = null;
        Clear(token);
        Enter(token, token.Node, node.Deadline!.To, node.Kind == NodeKind.Timer ? "timer" : "deadline");
    }

    /// <summary>Places a token at a node of a (new) definition without running entry actions, but with its deadline, counted from when the token first entered.</summary>
    public void Place(Token token, string node)
    {
        Leave(token);
        token.Node = node;
        Schedule(token, definition.Node(node), token.EnteredAt);
    }

    /// <summary>
    /// Counts a waiting token's deadline again, from when it entered, with the rules as they are now (a holiday schedule
    /// entered for a year it counts through); a deadline that moves gets a new timer. Returns the move, or null.
    /// </summary>
    public RecountedDeadline? Recount(Token token)
    {
        var node = definition.Node(token.Node);
        if (node.Deadline is not { } spec || token.TimerId is null) return null;
        var end = PeriodEnd(spec, token.EnteredAt);
        if (end.Due == token.Due && end.LastDay == token.LastDay) return null;
        var moved = new RecountedDeadline(node.Id, token.LastDay, end.LastDay, token.Due, end.Due);
        Leave(token);
        Schedule(token, node, token.EnteredAt);
        return moved;
    }

    private void Merge(JsonObject? payload)
    {
        if (payload is null) return;
        foreach (var (key, value) in payload) state.Variables[key] = value?.DeepClone();
    }

    private void Leave(Token token)
    {
        if (token.TimerId is { } id) Cancelled.Add(id);
        token.TimerId = null;
        Clear(token);
    }

    private static void Clear(Token token)
    {
        token.Due = null;
        token.LastDay = null;
    }

    private void Enter(Token token, string? from, string to, string via)
    {
        if (++_steps > MaxStepsPerEvent)
            throw new WorkflowRuntimeException($"{definition}: more than {MaxStepsPerEvent} steps in one event; decisions are looping near '{to}'.");
        Moves.Add(new Move(from, to, via));
        token.Node = to;
        token.EnteredAt = now;
        var node = definition.Node(to);
        switch (node.Kind)
        {
            case NodeKind.Task:
            case NodeKind.Timer:
                Schedule(token, node, now);
                break;
            case NodeKind.Decision:
                var chosen = node.Cases.FirstOrDefault(c => conditions.Evaluate(c.When, new ConditionContext(state.Variables, jurisdiction)));
                Enter(token, to, chosen?.To ?? node.Otherwise!, chosen?.When ?? "otherwise");
                break;
            case NodeKind.Parallel:
                state.Tokens.Remove(token);
                var scope = $"{token.Scope}{node.Id}#{state.NextFork++}/";
                foreach (var branch in node.Branches)
                {
                    var child = new Token { Id = state.NextToken++, Scope = scope };
                    state.Tokens.Add(child);
                    Enter(child, to, branch, "parallel");
                }
                break;
            case NodeKind.Join:
                Join(token, node);
                break;
            case NodeKind.End:
                Outcome = node.Outcome;
                foreach (var t in state.Tokens) Leave(t);
                state.Tokens.Clear();
                break;
        }
    }

    private void Join(Token token, NodeDefinition join)
    {
        var scope = token.Scope;
        var cut = scope.LastIndexOf('/', scope.Length - 2) + 1;
        var fork = scope.Length == 0 ? null : scope[cut..scope.LastIndexOf('#')];
        if (fork is null || definition.Node(fork).Join != join.Id)
            throw new WorkflowRuntimeException($"{definition}: a token reached join '{join.Id}' from outside its parallel split (scope '{scope}').");
        if (state.Tokens.Any(t => t.Scope.StartsWith(scope, StringComparison.Ordinal) && t.Node != join.Id)) return;
        state.Tokens.RemoveAll(t => t.Scope == scope);
        var merged = new Token { Id = state.NextToken++, Scope = scope[..cut] };
        state.Tokens.Add(merged);
        Enter(merged, join.Id, join.To!, "join");
    }

    private void Schedule(Token token, NodeDefinition node, DateTimeOffset entered)
    {
        if (node.Deadline is not { } spec) return;
        if (spec.Optional && state.Variables[spec.Anchor.Name!] is null) return;
        var end = PeriodEnd(spec, entered);
        token.TimerId = Guid.NewGuid();
        token.Due = end.Due;
        token.LastDay = end.LastDay;
        state.Deadlines[node.Id] = end.LastDay;
        Scheduled.Add(new ScheduledTimer(token.TimerId.Value, node.Id, end.Due.ToUniversalTime()));
    }

    private PeriodEnd PeriodEnd(PeriodDefinition spec, DateTimeOffset entered)
    {
        Period period;
        var counting = spec.Counting;
        if (spec.Parameter is { } name)
        {
            if (!jurisdiction.Periods.TryGetValue(name, out var statutory))
                throw new WorkflowRuntimeException($"jurisdiction '{jurisdiction.Code}' does not define the period '{name}' that {definition} uses.");
            period = statutory.Duration;
            counting ??= statutory.Counting;
        }
        else period = spec.Duration!.Value;
        var days = counting ?? DayCounting.Calendar;
        var limit = PeriodEnd(spec, entered, period, days);
        if (spec.LengthVariable is not { } chosenIn || state.Variables[chosenIn] is null) return limit;
        // A length chosen at run time, never past the limit (the application checks it first and says why).
        var text = state.Variables[chosenIn]!.GetValueKind() == System.Text.Json.JsonValueKind.String ? state.Variables[chosenIn]!.GetValue<string>() : null;
        if (!Period.TryParse(text, out var chosen))
            throw new InvalidVariableException($"variable '{chosenIn}' must hold a period (ISO-8601, e.g. P7D); it holds {state.Variables[chosenIn]!.ToJsonString()}.");
        var end = PeriodEnd(spec, entered, chosen, days);
        if (end.Due > limit.Due)
            throw new InvalidVariableException($"variable '{chosenIn}' holds {chosen}, longer than the period's limit {period}.");
        return end;
    }

    private PeriodEnd PeriodEnd(PeriodDefinition spec, DateTimeOffset entered, Period period, DayCounting days)
    {
        switch (spec.Anchor.Kind)
        {
            case AnchorKind.Entry:
                return LegalPeriods.After(jurisdiction, entered, period, days);
            case AnchorKind.Deadline:
                if (!state.Deadlines.TryGetValue(spec.Anchor.Name!, out var lastDay))
                    throw new WorkflowRuntimeException($"{definition}: '{spec.Anchor.Name}' has had no deadline yet to count from.");
                return LegalPeriods.AfterDay(jurisdiction, lastDay, period, days);
            default:
                var day = DateVariable(spec.Anchor.Name!);
                return spec.Before ? LegalPeriods.Before(jurisdiction, day, period) : LegalPeriods.AfterDay(jurisdiction, day, period, days);
        }
    }

    private DateOnly DateVariable(string name)
    {
        var text = state.Variables[name]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? state.Variables[name]!.GetValue<string>() : null;
        if (text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)) return jurisdiction.LocalDate(instant);
        throw new InvalidVariableException($"variable '{name}' must hold a date (yyyy-MM-dd) for the period counted from it; it holds {state.Variables[name]?.ToJsonString() ?? "nothing"}.");
    }
}

/// <summary>Thrown when a variable a period counts from is missing or not a date.</summary>
internal sealed class InvalidVariableException(string message) : Exception(message);
