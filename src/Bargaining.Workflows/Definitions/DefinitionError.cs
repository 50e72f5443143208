namespace Bargaining.Workflows.Definitions;

/// <summary>One problem found in a definition, with where it is.</summary>
/// <param name="Source">The file (or name) of the definition.</param>
/// <param name="Path">JSON path of the offending value, e.g. <c>$.nodes[3].signals[0].to</c>.</param>
/// <param name="Code">Stable code, e.g. <c>unknown-target</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record DefinitionError(string Source, string Path, string Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Source}: {Path}: {Message} [{Code}]";
}

/// <summary>Thrown when definitions fail to load; carries every error found, not just the first.</summary>
public sealed class WorkflowDefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception($"{errors.Count} error(s) in workflow definitions:{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    /// <summary>Every error found.</summary>
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
