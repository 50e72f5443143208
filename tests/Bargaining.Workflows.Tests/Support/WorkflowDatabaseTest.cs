using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bargaining.Workflows.Tests.Support;

/// <summary>
/// Base of the tests that run the engine: a fresh database (SQLite, or PostgreSQL when the run is on it) and a manual clock per test. The clock starts when
/// the union's offer (要约) is received, Tuesday 3 March 2026 15:00 in China, so day 20 of the reply period is
/// Monday 23 March and the deadline lapses at 00:00 on Tuesday 24 March.
/// </summary>
public abstract class WorkflowDatabaseTest : IAsyncLifetime
{
    protected static readonly DateTimeOffset OfferReceived = China.At(2026, 3, 3, 15, 0);
    protected static readonly DateTimeOffset ReplyDeadline = China.At(2026, 3, 24);

    protected WorkflowTestDatabase Database { get; } = new();

    protected ManualClock Clock { get; } = new(OfferReceived);

    protected WorkflowEngine NewEngine(WorkflowRegistry? registry = null, params IInterceptor[] interceptors) =>
        Database.NewEngine(Clock, registry, interceptors);

    protected static async Task<Guid> StartRoundAsync(WorkflowEngine engine, int? version = null) =>
        (await engine.StartAsync(TestWorkflows.StartOfferRound(version))).Applied().Id;

    /// <summary>The nodes an instance waits at, in order of id.</summary>
    protected static async Task<string[]> NodesAsync(WorkflowEngine engine, Guid id) =>
        [.. (await engine.GetAsync(id))!.Steps.Select(s => s.Node).Order(StringComparer.Ordinal)];

    public Task InitializeAsync() => Database.InitializeAsync();

    public Task DisposeAsync() => Database.DisposeAsync();
}

public static class WorkflowResultAssertions
{
    /// <summary>Asserts the operation was applied and returns the instance after it.</summary>
    public static WorkflowSnapshot Applied(this WorkflowResult result)
    {
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Instance!;
    }

    /// <summary>Asserts the operation was refused with the given code and returns the error.</summary>
    public static WorkflowError Refused(this WorkflowResult result, WorkflowErrorCode code)
    {
        Assert.Equal(code, result.Error?.Code);
        Assert.Null(result.Instance);
        return result.Error!;
    }
}
