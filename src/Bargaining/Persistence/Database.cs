using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bargaining.Persistence;

/// <summary>
/// Opening and preparing the database. SQLite runs in WAL mode with <c>synchronous=FULL</c> (the bundled SQLite's
/// compiled-in default, checked by a test): a committed change survives a power cut, and readers never block the
/// single writer.
/// </summary>
public static class Database
{
    /// <summary>How long a write waits for the writers before it, by default, before it is answered "busy".</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The connection string for a SQLite file; a statement waits up to <paramref name="busyTimeout"/> (default 30 s) for a competing writer.</summary>
    public static string SqliteFile(string path, TimeSpan? busyTimeout = null) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path), DefaultTimeout = (int)Math.Ceiling((busyTimeout ?? DefaultBusyTimeout).TotalSeconds), Pooling = true, ForeignKeys = true,
        }.ToString();

    /// <summary>
    /// Configures a context for a SQLite file, its writers queued by the file's <see cref="SqliteWriterGate"/>; a
    /// write that cannot start within <paramref name="busyTimeout"/> (default 30 s) fails as busy.
    /// </summary>
    public static DbContextOptionsBuilder UseSqliteFile(this DbContextOptionsBuilder builder, string path, TimeSpan? busyTimeout = null) =>
        builder.UseSqlite(SqliteFile(path, busyTimeout)).AddInterceptors(SqliteWriterGate.For(path, busyTimeout ?? DefaultBusyTimeout));

    /// <summary>
    /// The isolation level that asks Microsoft.Data.Sqlite for a deferred transaction (<c>BEGIN</c>, not
    /// <c>BEGIN IMMEDIATE</c>): it takes no write lock, and in WAL mode reads one consistent snapshot.
    /// </summary>
    internal const IsolationLevel SqliteReadIsolation = IsolationLevel.ReadUncommitted;

    /// <summary>
    /// A read-only transaction for a query: every statement sees one snapshot, and no writer waits for it — on SQLite
    /// a deferred transaction (no write lock), on a server database REPEATABLE READ, READ ONLY.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginReadAsync(this DatabaseFacade database, CancellationToken ct = default)
    {
        if (database.IsSqlite()) return await database.BeginTransactionAsync(SqliteReadIsolation, ct);
        var transaction = await database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY", ct);
        return transaction;
    }

    /// <summary>
    /// Whether <paramref name="error"/> (or an exception inside it) says the database was too busy to answer — SQLite's
    /// <c>SQLITE_BUSY</c>/<c>SQLITE_LOCKED</c>, a server's serialization failure, deadlock or lock timeout — so the
    /// request may simply be tried again.
    /// </summary>
    public static bool IsBusy(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
            if (e is SqliteException { SqliteErrorCode: 5 or 6 } or DbException { SqlState: "40001" or "40P01" or "55P03" }) return true;
        return false;
    }

    /// <summary>
    /// Creates the schema if needed, switches the file to WAL, makes the journal and the topic positions
    /// append-only in the database itself (an UPDATE or DELETE on <c>workflow_journal</c> or <c>positions</c> is
    /// refused), and writes the round summaries a database from before them lacks.
    /// </summary>
    public static async Task InitializeAsync(DbContext db, CancellationToken ct = default)
    {
        await db.Database.EnsureCreatedAsync(ct);
        if (db is BargainingDbContext bargaining) await bargaining.BackfillRoundProgressAsync(ct);
        if (!db.Database.IsSqlite()) return;
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TRIGGER IF NOT EXISTS workflow_journal_no_update BEFORE UPDATE ON workflow_journal
            BEGIN SELECT RAISE(ABORT, 'workflow_journal is append-only'); END;
            """, ct);
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TRIGGER IF NOT EXISTS workflow_journal_no_delete BEFORE DELETE ON workflow_journal
            BEGIN SELECT RAISE(ABORT, 'workflow_journal is append-only'); END;
            """, ct);
        // A position once recorded is part of the bargaining record (Art 34: minutes signed by both chiefs).
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TRIGGER IF NOT EXISTS positions_no_update BEFORE UPDATE ON positions
            BEGIN SELECT RAISE(ABORT, 'positions are append-only'); END;
            """, ct);
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TRIGGER IF NOT EXISTS positions_no_delete BEFORE DELETE ON positions
            BEGIN SELECT RAISE(ABORT, 'positions are append-only'); END;
            """, ct);
    }
}
