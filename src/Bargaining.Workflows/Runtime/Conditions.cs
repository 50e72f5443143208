using System.Text.Json.Nodes;

namespace Bargaining.Workflows;

/// <summary>What a condition sees: the instance variables and the jurisdiction it runs under.</summary>
public sealed record ConditionContext(JsonObject Variables, Jurisdiction Jurisdiction);

/// <summary>The named conditions decisions may use. Names are checked when definitions load.</summary>
public sealed class WorkflowConditions
{
    private readonly Dictionary<string, Func<ConditionContext, bool>> _conditions = new(StringComparer.Ordinal);

    /// <summary>Registers a condition under a name.</summary>
    public WorkflowConditions Add(string name, Func<ConditionContext, bool> condition)
    {
        if (!_conditions.TryAdd(name, condition)) throw new ArgumentException($"condition '{name}' is already registered", nameof(name));
        return this;
    }

    /// <summary>The registered names.</summary>
    public IReadOnlySet<string> Names => _conditions.Keys.ToHashSet(StringComparer.Ordinal);

    internal bool Evaluate(string name, ConditionContext context) => _conditions[name](context);
}
