namespace Bargaining.Workflows.Persistence;

/// <summary>A running or completed workflow instance (table <c>workflow_instances</c>).</summary>
public sealed class WorkflowInstanceRecord
{
    /// <summary>Instance id.</summary>
    public Guid Id { get; set; }
    /// <summary>Definition id.</summary>
    public string DefinitionId { get; set; } = "";
    /// <summary>The definition version the instance runs on.</summary>
    public int DefinitionVersion { get; set; }
    /// <summary>Jurisdiction code.</summary>
    public string Jurisdiction { get; set; } = "";
    /// <summary>Optional caller key.</summary>
    public string? BusinessKey { get; set; }
    /// <summary>Running or completed.</summary>
    public WorkflowStatus Status { get; set; }
    /// <summary>The end node's outcome once completed.</summary>
    public string? Outcome { get; set; }
    /// <summary>Tokens, variables and deadlines as JSON.</summary>
    public string State { get; set; } = "{}";
    /// <summary>Concurrency token: incremented by every change.</summary>
    public int Revision { get; set; }
    /// <summary>Sequence number of the latest journal entry.</summary>
    public long JournalSequence { get; set; }
    /// <summary>Hash of the latest journal entry.</summary>
    public string JournalHead { get; set; } = JournalHash.Genesis;
    /// <summary>When started.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A durable timer (table <c>workflow_timers</c>): the row exists exactly while the timer is pending.</summary>
public sealed class WorkflowTimerRecord
{
    /// <summary>Timer id, also held by the token that waits on it.</summary>
    public Guid Id { get; set; }
    /// <summary>The instance.</summary>
    public Guid InstanceId { get; set; }
    /// <summary>The node whose deadline or timer this is.</summary>
    public string Node { get; set; } = "";
    /// <summary>When it fires.</summary>
    public DateTimeOffset DueAt { get; set; }
}

/// <summary>One append-only journal entry (table <c>workflow_journal</c>), chained to the one before by hash.</summary>
public sealed class WorkflowJournalRecord
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }
    /// <summary>The instance.</summary>
    public Guid InstanceId { get; set; }
    /// <summary>1, 2, 3 … within the instance.</summary>
    public long Sequence { get; set; }
    /// <summary><c>started</c>, <c>signal</c>, <c>deadline</c>, <c>timer</c> or <c>migrated</c>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>The node the event happened at.</summary>
    public string? Node { get; set; }
    /// <summary>The signal name, for signals.</summary>
    public string? Signal { get; set; }
    /// <summary>Who acted; <c>system</c> for timers.</summary>
    public string Actor { get; set; } = "";
    /// <summary>The role acted in.</summary>
    public string? Role { get; set; }
    /// <summary>The signal's payload as JSON.</summary>
    public string? Payload { get; set; }
    /// <summary>The caller's idempotency key.</summary>
    public string? IdempotencyKey { get; set; }
    /// <summary>The moves the event caused, as JSON.</summary>
    public string Moves { get; set; } = "[]";
    /// <summary>The resulting state summary (status, outcome, revision, steps) as JSON: returned again for a repeated key.</summary>
    public string Result { get; set; } = "{}";
    /// <summary>When it happened.</summary>
    public DateTimeOffset At { get; set; }
    /// <summary>Hash of the previous entry (all zeros for the first).</summary>
    public string PreviousHash { get; set; } = "";
    /// <summary>SHA-256 of this entry's canonical content and <see cref="PreviousHash"/>.</summary>
    public string Hash { get; set; } = "";
    /// <summary>
    /// HMAC-SHA256 of <see cref="Hash"/> with the key outside the database (<see cref="JournalSeal"/>); null only for an
    /// entry written before seals, until the application seals it on start.
    /// </summary>
    public string? Seal { get; set; }
}
