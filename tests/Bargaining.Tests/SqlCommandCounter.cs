using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bargaining.Tests;

/// <summary>
/// Counts the SQL commands EF Core sends to one database (a SQLite file or a PostgreSQL database), through EF's diagnostic events: a list must read a page
/// in a fixed number of queries, not one per row. Create it before the host (EF caches for a while whether anyone
/// listens to command events), then <see cref="Watch"/> the host's database.
/// </summary>
public sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private Func<System.Data.Common.DbConnection, bool>? _watched;
    private int _count;

    public SqlCommandCounter() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>Counts from zero the commands sent to <paramref name="database"/>.</summary>
    public void Watch(Bargaining.Persistence.DatabaseSettings database)
    {
        var name = database.SqliteFile ?? new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        _watched = database.SqliteFile is null ? c => c.Database == name : c => c.DataSource == name;
        Interlocked.Exchange(ref _count, 0);
    }

    /// <summary>Commands sent since <see cref="Watch"/>.</summary>
    public int Count => Volatile.Read(ref _count);

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name) lock (_listeners) _listeners.Add(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        // A read transaction's set-up on PostgreSQL (SET TRANSACTION READ ONLY) reads nothing: not counted.
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data && data.Command.Connection is { } connection && _watched?.Invoke(connection) == true
            && !data.Command.CommandText.StartsWith("SET TRANSACTION", StringComparison.Ordinal))
            Interlocked.Increment(ref _count);
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners) _listeners.ForEach(l => l.Dispose());
    }
}
