using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bargaining.Persistence;

/// <summary>
/// Opening and preparing the database. SQLite runs in WAL mode with <c>synchronous=FULL</c>: a committed
/// change survives a power cut, and readers never block the single writer.
/// </summary>
public static class Database
{
    /// <summary>The connection string for a SQLite file; waits up to 30 s for a competing writer.</summary>
    public static string SqliteFile(string path) =>
        new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), DefaultTimeout = 30, Pooling = true }.ToString();

    /// <summary>Configures a context for a SQLite file with the pragmas every connection needs.</summary>
    public static DbContextOptionsBuilder UseSqliteFile(this DbContextOptionsBuilder builder, string path) =>
        builder.UseSqlite(SqliteFile(path)).AddInterceptors(SqlitePragmas.Instance);

    /// <summary>
    /// Creates the schema if needed, switches the file to WAL, and makes the journal append-only in the database
    /// itself: an UPDATE or DELETE on <c>workflow_journal</c> is refused.
    /// </summary>
    public static async Task InitializeAsync(DbContext db, CancellationToken ct = default)
    {
        await db.Database.EnsureCreatedAsync(ct);
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
    }

    /// <summary>Sets per-connection pragmas each time EF opens a connection.</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
            command.ExecuteNonQuery();
        }
    }
}
