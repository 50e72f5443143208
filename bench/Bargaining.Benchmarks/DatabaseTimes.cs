using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bargaining.Benchmarks;

/// <summary>
/// Sums the time and counts the database calls EF makes, by kind, from EF's own event timings. What an operation
/// spends outside these calls is EF's, the engine's and DI's own work, and the engine's own statements: it runs them on
/// commands it keeps prepared on the open connection, which EF's events do not see.
/// </summary>
internal sealed class DatabaseTimes : IDbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly ConcurrentDictionary<string, double> _microseconds = new();
    private readonly ConcurrentDictionary<string, long> _calls = new();

    /// <summary>Forgets what was timed so far (the uncounted settling before a measurement).</summary>
    public void Reset()
    {
        _microseconds.Clear();
        _calls.Clear();
    }

    /// <summary>Prints, per operation of a single-threaded run, the time of each kind of call and what remains.</summary>
    public void Print(Measurement run)
    {
        var kinds = new[] { "open connection", "SELECT", "BEGIN IMMEDIATE", "INSERT/UPDATE/DELETE", "COMMIT", "close connection" };
        var perOperation = run.Elapsed.TotalMicroseconds / run.Operations;
        Console.WriteLine("| phase | µs per operation | calls per operation |");
        Console.WriteLine("|---|--:|--:|");
        foreach (var kind in kinds)
            Console.WriteLine(FormattableString.Invariant(
                $"| {kind} | {_microseconds.GetValueOrDefault(kind) / run.Operations:0} | {(double)_calls.GetValueOrDefault(kind) / run.Operations:0.00} |"));
        Console.WriteLine(FormattableString.Invariant($"| everything else: the engine's own statements, EF, engine, DI | {perOperation - _microseconds.Values.Sum() / run.Operations:0} | |"));
        Console.WriteLine(FormattableString.Invariant($"| total | {perOperation:0} | {(double)_calls.Values.Sum() / run.Operations:0.00} |"));
    }

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Add("open connection", eventData.Duration);
        return Task.CompletedTask;
    }

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Add("close connection", eventData.Duration);
        return Task.CompletedTask;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Add(command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) ? "SELECT" : "INSERT/UPDATE/DELETE", eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Add("INSERT/UPDATE/DELETE", eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Add("BEGIN IMMEDIATE", eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Add("COMMIT", eventData.Duration);
        return Task.CompletedTask;
    }

    private void Add(string kind, TimeSpan duration)
    {
        _microseconds.AddOrUpdate(kind, duration.TotalMicroseconds, (_, total) => total + duration.TotalMicroseconds);
        _calls.AddOrUpdate(kind, 1, (_, calls) => calls + 1);
    }
}
