using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bargaining.Persistence;

#pragma warning disable EF1001 // EF's SQLite connection is internal API: this is the one place that changes how it closes.

/// <summary>
/// A pooled context's SQLite connection that stays open when the context goes back to the pool open, so its next use
/// (the next request's) finds it open. Opening a pooled SQLite connection is not free: Microsoft.Data.Sqlite runs
/// <c>PRAGMA foreign_keys</c> and registers EF's twelve functions on every open and removes them on every close, and
/// its closing finalises every statement the connection prepared, so nothing prepared outlives a request. The workflow
/// engine leaves its connection open after an operation and keeps its statements prepared on it
/// (<c>WorkflowRows</c>). A close asked for while the context is in use (<c>CloseConnection</c>, the end of a query
/// that opened it), a broken connection and the context's disposal still close it; so does disposing the
/// application's services (<see cref="KeptSqliteConnections"/>), since EF does not dispose a pooled context's
/// services with its pool. A context made outside the application's services keeps nothing open.
/// </summary>
internal sealed class KeptOpenSqliteConnection(RelationalConnectionDependencies dependencies, IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger) : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    /// <summary>True while the context is being returned to the pool (not disposed).</summary>
    private bool _returning;

    /// <summary>The application's record of kept connections, found when the connection is first kept.</summary>
    private KeptSqliteConnections? _keeper;

    protected override void ResetState(bool disposeDbConnection)
    {
        _returning = !disposeDbConnection;
        try
        {
            base.ResetState(disposeDbConnection);
        }
        finally
        {
            _returning = false;
        }
    }

    /// <summary>
    /// Returning to the pool resets as the synchronous reset does (SQLite's calls are synchronous anyway): EF's
    /// asynchronous reset leaves its count of opens as it was, so a connection kept open would look opened by EF in the
    /// next use and close with its count (EnsureDeleted's open and close would not close it before the file is deleted).
    /// </summary>
    protected override ValueTask ResetStateAsync(bool disposeDbConnection)
    {
        if (disposeDbConnection) return base.ResetStateAsync(disposeDbConnection);
        ResetState(disposeDbConnection);
        return ValueTask.CompletedTask;
    }

    protected override void CloseDbConnection()
    {
        if (Kept()) return;
        _keeper?.Forget(DbConnection);
        base.CloseDbConnection();
    }

    protected override Task CloseDbConnectionAsync()
    {
        if (Kept()) return Task.CompletedTask;
        _keeper?.Forget(DbConnection);
        return base.CloseDbConnectionAsync();
    }

    /// <summary>
    /// Whether the connection stays open: the context goes back to the pool with its connection open and sound (its
    /// transaction already ended by the reset), and the application's services will close it when disposed.
    /// </summary>
    private bool Kept()
    {
        if (!_returning || DbConnection.State != ConnectionState.Open) return false;
        // A pooled context's options hold the application's root services (alive while contexts return to the pool).
        _keeper ??= Dependencies.ContextOptions.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(KeptSqliteConnections)) as KeptSqliteConnections;
        return _keeper?.Keep(DbConnection) == true;
    }
}

/// <summary>
/// The SQLite connections the application's pooled contexts keep open (<see cref="KeptOpenSqliteConnection"/>), closed
/// when the application's services are disposed: the host stopping, a test's services disposed before its file is
/// deleted.
/// </summary>
public sealed class KeptSqliteConnections : IDisposable
{
    private readonly HashSet<DbConnection> _kept = [];
    private readonly Lock _guard = new();
    private bool _disposed;

    /// <summary>Records <paramref name="connection"/> as kept open; false once the services are disposed (it must close).</summary>
    internal bool Keep(DbConnection connection)
    {
        lock (_guard)
        {
            if (_disposed) return false;
            _kept.Add(connection);
            return true;
        }
    }

    /// <summary>Forgets <paramref name="connection"/>, closed by its context.</summary>
    internal void Forget(DbConnection connection)
    {
        lock (_guard) _kept.Remove(connection);
    }

    /// <summary>Closes every connection still kept open.</summary>
    public void Dispose()
    {
        DbConnection[] kept;
        lock (_guard)
        {
            _disposed = true;
            kept = [.. _kept];
            _kept.Clear();
        }
        foreach (var connection in kept) connection.Dispose();
    }
}
