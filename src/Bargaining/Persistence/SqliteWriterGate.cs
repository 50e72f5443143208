using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Bargaining.Domain;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
    /// <summary>The queue of one file's writers, and the connections in it holding the write turn.</summary>
    private sealed record Lane(SemaphoreSlim Writer, ConcurrentDictionary<DbConnection, byte> Holders);

    private static readonly ConcurrentDictionary<string, Lane> Lanes = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _writer;
    private readonly ConcurrentDictionary<DbConnection, byte> _holders;
    private readonly TimeSpan _wait;

    private SqliteWriterGate(Lane lane, TimeSpan wait) => (_writer, _holders, _wait) = (lane.Writer, lane.Holders, wait);

    /// <summary>
    /// The gate of the SQLite file at <paramref name="path"/>: every context on that file in this process queues in
    /// one lane; a writer that has waited <paramref name="wait"/> gives up with a busy failure (503).
    /// </summary>
    public static SqliteWriterGate For(string path, TimeSpan wait) =>
        new(Lanes.GetOrAdd(Path.GetFullPath(path), _ => new Lane(new SemaphoreSlim(1, 1), new ConcurrentDictionary<DbConnection, byte>())), wait);

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (!IsWrite(eventData)) return result;
        if (!_writer.Wait(_wait)) throw DomainException.Busy();
        return Begun(() => connection.BeginTransaction(eventData.IsolationLevel), connection);
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (!IsWrite(eventData)) return result;
        if (!await _writer.WaitAsync(_wait, cancellationToken)) throw DomainException.Busy();
        return Begun(() => connection.BeginTransaction(eventData.IsolationLevel), connection);
    }

    /// <summary>Begins the transaction with the turn held; a <c>BEGIN</c> that fails (another process writing) gives the turn back.</summary>
    private InterceptionResult<DbTransaction> Begun(Func<DbTransaction> begin, DbConnection connection)
    {
        try
        {
            var transaction = begin();
            _holders[connection] = 0;
            return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
        }
        catch
        {
            _writer.Release();
            throw;
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction.Connection);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Released(transaction.Connection);

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction.Connection);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Released(transaction.Connection);

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(transaction.Connection);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Released(transaction.Connection);

    /// <summary>A transaction disposed without commit or rollback ends when its connection closes.</summary>
    void IDbConnectionInterceptor.ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    Task IDbConnectionInterceptor.ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => Released(connection);

    /// <summary>Only a write transaction queues: a read one is deferred and takes no lock (see <see cref="Database.BeginReadAsync"/>).</summary>
    private static bool IsWrite(TransactionStartingEventData eventData) => eventData.IsolationLevel != Database.SqliteReadIsolation;

    private void Release(DbConnection? connection)
    {
        if (connection is not null && _holders.TryRemove(connection, out _)) _writer.Release();
    }

    private Task Released(DbConnection? connection)
    {
        Release(connection);
        return Task.CompletedTask;
    }
}
