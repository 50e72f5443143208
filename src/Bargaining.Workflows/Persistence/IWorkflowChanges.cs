namespace Bargaining.Workflows.Persistence;

/// <summary>
/// Implemented by a context whose own data follows its workflow instances (summaries, rows that end with their
/// instance). The engine writes an instance's rows itself, past the change tracker, and then saves the context in the
/// same transaction; right before that save it says here which instance it wrote.
/// </summary>
public interface IWorkflowChanges
{
    /// <summary>The engine wrote <paramref name="instance"/>'s row as it is now (not to be changed).</summary>
    void Written(WorkflowInstanceRecord instance);
}
