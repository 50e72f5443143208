namespace Bargaining.Workflows.Definitions;

/// <summary>A validated, immutable workflow definition: one version of one workflow.</summary>
public sealed class WorkflowDefinition
{
    internal WorkflowDefinition(string id, int version, string name, string? description, string start,
        IReadOnlyDictionary<string, string> roles, IReadOnlyList<NodeDefinition> nodes, string source)
    {
        Id = id;
        Version = version;
        Name = name;
        Description = description;
        Start = start;
        Roles = roles;
        Nodes = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        NodeOrder = nodes;
        Source = source;
    }

    /// <summary>Stable identifier, e.g. <c>ordinary-procedure</c>.</summary>
    public string Id { get; }

    /// <summary>Version number; versions of one id live side by side.</summary>
    public int Version { get; }

    /// <summary>Display name (Chinese).</summary>
    public string Name { get; }

    /// <summary>Optional longer description.</summary>
    public string? Description { get; }

    /// <summary>Id of the first node.</summary>
    public string Start { get; }

    /// <summary>Roles that act in this workflow, id → display name.</summary>
    public IReadOnlyDictionary<string, string> Roles { get; }

    /// <summary>Nodes by id.</summary>
    public IReadOnlyDictionary<string, NodeDefinition> Nodes { get; }

    /// <summary>Nodes in the order the file lists them.</summary>
    public IReadOnlyList<NodeDefinition> NodeOrder { get; }

    /// <summary>Where the definition was loaded from (a file path or a caller-given name).</summary>
    public string Source { get; }

    /// <summary>The node with the given id; throws when the definition has none.</summary>
    public NodeDefinition Node(string id) =>
        Nodes.TryGetValue(id, out var node) ? node : throw new KeyNotFoundException($"{Id} v{Version} has no node '{id}'.");

    /// <inheritdoc />
    public override string ToString() => $"{Id} v{Version}";
}

/// <summary>The kinds of node a definition may contain.</summary>
public enum NodeKind
{
    /// <summary>A human task: named roles act on it by sending signals; it may carry a deadline.</summary>
    Task,
    /// <summary>A pure wait that moves on when its period has run.</summary>
    Timer,
    /// <summary>Chooses the first case whose named condition holds, otherwise the fallback.</summary>
    Decision,
    /// <summary>Splits into branches that run side by side until they meet at a join.</summary>
    Parallel,
    /// <summary>Waits until every branch of its parallel split has arrived.</summary>
    Join,
    /// <summary>A terminal state with a named outcome.</summary>
    End,
}

/// <summary>One node of a definition.</summary>
public sealed record NodeDefinition(
    string Id,
    NodeKind Kind,
    string Name,
    IReadOnlyList<string> Roles,
    IReadOnlyList<SignalDefinition> Signals,
    PeriodDefinition? Deadline,
    IReadOnlyList<DecisionCase> Cases,
    string? Otherwise,
    IReadOnlyList<string> Branches,
    string? Join,
    string? To,
    string? Outcome)
{
    /// <summary>The signal this node accepts under the given name, if any.</summary>
    public SignalDefinition? Signal(string name) => Signals.FirstOrDefault(s => s.Name == name);

    /// <summary>Every node this node can move to directly.</summary>
    public IEnumerable<string> Targets()
    {
        foreach (var s in Signals) yield return s.To;
        if (Deadline is not null) yield return Deadline.To;
        foreach (var c in Cases) yield return c.To;
        if (Otherwise is not null) yield return Otherwise;
        foreach (var b in Branches) yield return b;
        if (To is not null) yield return To;
    }
}

/// <summary>A signal a task accepts, and where it leads.</summary>
/// <param name="Name">Signal name as sent by callers.</param>
/// <param name="Title">Display name (Chinese).</param>
/// <param name="To">Target node.</param>
/// <param name="Roles">Roles allowed to send it; empty means every role of the task.</param>
public sealed record SignalDefinition(string Name, string Title, string To, IReadOnlyList<string> Roles);

/// <summary>One case of a decision: when the named condition holds, go to <paramref name="To"/>.</summary>
public sealed record DecisionCase(string When, string To);

/// <summary>How days are counted for a period.</summary>
public enum DayCounting
{
    /// <summary>Calendar days (the default in law).</summary>
    Calendar,
    /// <summary>Working days according to the jurisdiction's holiday calendar.</summary>
    Working,
}

/// <summary>
/// A period: a deadline on a task (with the node it leads to when it lapses) or the wait of a timer node.
/// Either <see cref="Duration"/> or <see cref="Parameter"/> is set. With <see cref="LengthVariable"/> the length is
/// chosen at run time (an ISO-8601 period in that variable, e.g. P7D) and the duration or parameter is its limit.
/// An <see cref="Optional"/> period counted from a variable is not set while the variable is missing (an instance that
/// started before the variable was given); otherwise a missing variable is an error.
/// </summary>
public sealed record PeriodDefinition(
    string? Title,
    Period? Duration,
    string? Parameter,
    DayCounting? Counting,
    PeriodAnchor Anchor,
    bool Before,
    string To,
    string? LengthVariable = null,
    bool Optional = false);

/// <summary>What a period counts from.</summary>
/// <param name="Kind">Entry into the node, a date variable, or the last day of another node's deadline.</param>
/// <param name="Name">The variable or node name, for the latter two.</param>
public sealed record PeriodAnchor(AnchorKind Kind, string? Name)
{
    /// <summary>Counting from the moment the node is entered.</summary>
    public static readonly PeriodAnchor Entry = new(AnchorKind.Entry, null);
}

/// <summary>Kinds of <see cref="PeriodAnchor"/>.</summary>
public enum AnchorKind
{
    /// <summary>The moment the node is entered.</summary>
    Entry,
    /// <summary>A date held in an instance variable (e.g. the date an offer was received).</summary>
    Variable,
    /// <summary>The last day of the most recent deadline of another node (to extend a period).</summary>
    Deadline,
}
