using System.Text.Json.Nodes;

namespace Bargaining.Workflows;

/// <summary>Lifecycle of an instance.</summary>
public enum WorkflowStatus
{
    /// <summary>Waiting for signals or timers.</summary>
    Running,
    /// <summary>Reached an end node; <see cref="WorkflowSnapshot.Outcome"/> says which.</summary>
    Completed,
}

/// <summary>Why an operation was refused. Expected failures are values, not exceptions.</summary>
public enum WorkflowErrorCode
{
    /// <summary>No instance with that id.</summary>
    NotFound,
    /// <summary>No definition (or version) with that id.</summary>
    UnknownDefinition,
    /// <summary>No jurisdiction with that code.</summary>
    UnknownJurisdiction,
    /// <summary>No active step accepts that signal now.</summary>
    NotAllowed,
    /// <summary>An active step accepts the signal, but not from that role.</summary>
    Forbidden,
    /// <summary>Several active steps accept the signal; name the node.</summary>
    Ambiguous,
    /// <summary>The instance has already completed.</summary>
    Completed,
    /// <summary>Someone else changed the instance first; reload and try again.</summary>
    Conflict,
    /// <summary>A migration was refused (a node without mapping, an unknown target).</summary>
    InvalidMigration,
    /// <summary>The request itself is malformed (e.g. a date variable a deadline counts from is missing).</summary>
    InvalidInput,
}

/// <summary>An expected failure, with a message for people.</summary>
public sealed record WorkflowError(WorkflowErrorCode Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>A step an instance is waiting at, with its deadline if it has one.</summary>
/// <param name="Node">Node id.</param>
/// <param name="Name">Node display name.</param>
/// <param name="EnteredAt">When the step was entered.</param>
/// <param name="Due">When its deadline or timer lapses, if any.</param>
/// <param name="LastDay">The last day (inclusive) to act before the deadline lapses, if any.</param>
public sealed record ActiveStep(string Node, string Name, DateTimeOffset EnteredAt, DateTimeOffset? Due, DateOnly? LastDay);

/// <summary>The state of an instance after an operation.</summary>
public sealed record WorkflowSnapshot(
    Guid Id,
    string DefinitionId,
    int DefinitionVersion,
    string Jurisdiction,
    string? BusinessKey,
    WorkflowStatus Status,
    string? Outcome,
    int Revision,
    IReadOnlyList<ActiveStep> Steps,
    JsonObject Variables)
{
    /// <summary>
    /// The instance variables as decisions see them: the start variables with every signal's payload merged in. A
    /// copy: changing it changes nothing stored. Empty in an outcome journaled before snapshots carried variables.
    /// </summary>
    public JsonObject Variables { get; init; } = Variables ?? [];
}

/// <summary>The outcome of an operation: the instance after it, or the error; <see cref="Duplicate"/> when an
/// idempotency key had been seen and the earlier outcome is returned unchanged.</summary>
public sealed record WorkflowResult(WorkflowSnapshot? Instance, WorkflowError? Error, bool Duplicate = false)
{
    /// <summary>True when the operation was applied (or had been applied before, for a duplicate).</summary>
    public bool Succeeded => Error is null;

    internal static WorkflowResult Fail(WorkflowErrorCode code, string message) => new(null, new WorkflowError(code, message));
}

/// <summary>A signal a role may send now.</summary>
/// <param name="Node">The node that accepts it.</param>
/// <param name="NodeName">The node's display name.</param>
/// <param name="Signal">Signal name.</param>
/// <param name="Title">Signal display name.</param>
/// <param name="Due">The step's deadline, if any.</param>
public sealed record AvailableSignal(string Node, string NodeName, string Signal, string Title, DateTimeOffset? Due);

/// <summary>An instance described for lists and reports (see <see cref="WorkflowEngine.DescribeAsync"/>).</summary>
/// <param name="Snapshot">The stored state.</param>
/// <param name="Lapsed">Deadlines that lapsed and moved a token to the step it waits at now.</param>
/// <param name="Awaiting">
/// The task steps waiting now, with the roles that may act at each, counting a deadline that has lapsed as fired
/// (the background processor may not have caught up yet); empty once completed.
/// </param>
public sealed record WorkflowOverview(WorkflowSnapshot Snapshot, IReadOnlyList<LapsedDeadline> Lapsed, IReadOnlyList<AwaitedStep> Awaiting);

/// <summary>A deadline that lapsed.</summary>
/// <param name="Node">The step whose deadline lapsed.</param>
/// <param name="NodeName">Its display name.</param>
/// <param name="LastDay">The last day it had (inclusive).</param>
/// <param name="Into">The step the lapse moved the token to, where it still waits.</param>
public sealed record LapsedDeadline(string Node, string NodeName, DateOnly LastDay, string Into);

/// <summary>A task step waiting for someone.</summary>
/// <param name="Node">Node id.</param>
/// <param name="NodeName">Display name.</param>
/// <param name="Roles">The roles that may send at least one of its signals.</param>
/// <param name="Due">When its deadline lapses, if any.</param>
/// <param name="LastDay">The last day to act, if any.</param>
public sealed record AwaitedStep(string Node, string NodeName, IReadOnlyList<string> Roles, DateTimeOffset? Due, DateOnly? LastDay);
