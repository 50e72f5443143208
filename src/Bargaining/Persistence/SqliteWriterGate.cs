using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Bargaining.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Bargaining.Persistence;

/// <summary>
/// One writer at a time per SQLite file in this process. SQLite itself lets one connection write; the others wait
/// in its busy handler, which sleeps and retries, so under load a writer can lose every retry and fail after the
/// busy timeout. The gate queues the process's writers in order instead: a write transaction waits here before its
/// <c>BEGIN IMMEDIATE</c> and lets the next one in when it commits, rolls back, fails or its connection closes.
/// Read transactions (<see cref="Database.BeginReadAsync"/>) never take it. Another process writing the same file
/// still meets SQLite's busy timeout, the backstop.
/// </summary>
public sealed class SqliteWriterGate : DbTransactionInterceptor, IDbConnectionInterceptor
{
    /// <summary>One file's queue of writers, and the connection and transaction holding the turn.</summary>
    private sealed class Lane
    {
        public readonly SemaphoreSlim Writer = new(1, 1);
        public readonly Lock Guard = new();
        public DbConnection? Connection;
        public DbTransaction? Transaction;
        public bool Beginning;
        public int Spinning;
    }

    /// <summary>How often a waiting writer looks whether the holder still holds a transaction.</summary>
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(250);

    private static readonly ConcurrentDictionary<string, Lane> Lanes = new(StringComparer.Ordinal);

    private readonly Lane _lane;
    private readonly TimeSpan _wait;

    private SqliteWriterGate(Lane lane, TimeSpan wait) => (_lane, _wait) = (lane, wait);

    /// <summary>
    /// The gate of the SQLite file at <paramref name="path"/>: every context on that file in this process queues in
    /// one lane; a writer that has waited <paramref name="wait"/> gives up with a busy failure (503).
    /// </summary>
    public static SqliteWriterGate For(string path, TimeSpan wait) => new(Lanes.GetOrAdd(Path.GetFullPath(path), _ => new Lane()), wait);

    /// <summary>Whether a writer holds the file's turn now.</summary>
    internal bool Taken
    {
        get
        {
            lock (_lane.Guard) return _lane.Connection is not null;
        }
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (!IsWrite(eventData)) return result;
        var start = Stopwatch.GetTimestamp();
        if (!Holds(connection))
            while (!_lane.Writer.Wait(Slice) && !TakenOver())
                if (Stopwatch.GetElapsedTime(start) >= _wait) throw DomainException.Busy();
        return Begin(connection, eventData);
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (!IsWrite(eventData)) return result;
        var start = Stopwatch.GetTimestamp();
        if (!Holds(connection) && !Spun())
            while (!await _lane.Writer.WaitAsync(Slice, cancellationToken) && !TakenOver())
                if (Stopwatch.GetElapsedTime(start) >= _wait) throw DomainException.Busy();
        return Begin(connection, eventData);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Released(transaction);

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Released(transaction);

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(transaction);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Released(transaction);

    /// <summary>A transaction disposed without commit or rollback (after a failed save) ends when its connection closes.</summary>
    void IDbConnectionInterceptor.ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    Task IDbConnectionInterceptor.ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(connection);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Whether the turn was taken by spinning for it a short while (<see cref="SpinFor"/>), as the next writer in line
    /// does while the holder commits: an engine operation holds the turn about 0.3 ms, most of it waiting for the disk,
    /// and an asynchronous waiter resumed by the thread pool took 0.07 ms more to start (measured), during which nobody
    /// writes. One writer spins at a time; the others, and one that spun in vain, wait asynchronously in order.
    /// </summary>
    private bool Spun()
    {
        if (Interlocked.CompareExchange(ref _lane.Spinning, 1, 0) != 0) return false;
        try
        {
            var spin = new SpinWait();
            var until = Stopwatch.GetTimestamp() + SpinFor;
            do
            {
                if (_lane.Writer.Wait(0)) return true;
                spin.SpinOnce(sleep1Threshold: -1);
            }
            while (Stopwatch.GetTimestamp() < until);
            return false;
        }
        finally
        {
            Volatile.Write(ref _lane.Spinning, 0);
        }
    }

    /// <summary>How long the next writer spins for the turn before it waits asynchronously: about three engine operations.</summary>
    private static readonly long SpinFor = Stopwatch.Frequency / 1000;

    /// <summary>Only a write transaction queues: a read one is deferred and takes no lock (see <see cref="Database.BeginReadAsync"/>).</summary>
    private static bool IsWrite(TransactionStartingEventData eventData) => eventData.IsolationLevel != Database.SqliteReadIsolation;

    /// <summary>
    /// Whether <paramref name="connection"/> holds the turn already: a connection has one transaction at a time, so
    /// its last one ended without an event (disposed after a failed save) while the connection stayed open.
    /// </summary>
    private bool Holds(DbConnection connection)
    {
        lock (_lane.Guard) return ReferenceEquals(_lane.Connection, connection);
    }

    /// <summary>
    /// Takes the turn from a holder whose transaction has ended without telling (its connection closed, or SQLite
    /// back in autocommit), so a missed end event costs a waiter a slice, not the busy timeout.
    /// </summary>
    private bool TakenOver()
    {
        lock (_lane.Guard)
        {
            if (_lane.Connection is not { } holder || _lane.Beginning) return false;
            var ended = holder.State != ConnectionState.Open || holder is SqliteConnection { Handle: { } handle } && raw.sqlite3_get_autocommit(handle) != 0;
            if (!ended) return false;
            (_lane.Connection, _lane.Transaction) = (null, null);
            return true;
        }
    }

    /// <summary>Begins the transaction with the turn held; a <c>BEGIN</c> that fails (another process writing) gives the turn back.</summary>
    private InterceptionResult<DbTransaction> Begin(DbConnection connection, TransactionStartingEventData eventData)
    {
        lock (_lane.Guard) (_lane.Connection, _lane.Transaction, _lane.Beginning) = (connection, null, true);
        try
        {
            var transaction = connection.BeginTransaction(eventData.IsolationLevel);
            lock (_lane.Guard) (_lane.Transaction, _lane.Beginning) = (transaction, false);
            return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
        }
        catch
        {
            Release(connection);
            throw;
        }
    }

    private void Release(DbTransaction transaction) => ReleaseIf(() => ReferenceEquals(_lane.Transaction, transaction));

    private void Release(DbConnection connection) => ReleaseIf(() => ReferenceEquals(_lane.Connection, connection));

    private Task Released(DbTransaction transaction)
    {
        Release(transaction);
        return Task.CompletedTask;
    }

    private void ReleaseIf(Func<bool> holder)
    {
        lock (_lane.Guard)
        {
            if (_lane.Connection is null || !holder()) return;
            (_lane.Connection, _lane.Transaction, _lane.Beginning) = (null, null, false);
        }
        _lane.Writer.Release();
    }
}
