using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Persistence;

/// <summary>
/// Opening and preparing the database. SQLite runs in WAL mode with <c>synchronous=FULL</c> (the bundled SQLite's
/// compiled-in default, checked by a test): a committed change survives a power cut, and readers never block the
/// single writer.
/// </summary>
public static class Database
{
    /// <summary>The connection string for a SQLite file; waits up to 30 s for a competing writer.</summary>
    public static string SqliteFile(string path) =>
        new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), DefaultTimeout = 30, Pooling = true, ForeignKeys = true }.ToString();

    /// <summary>Configures a context for a SQLite file.</summary>
    public static DbContextOptionsBuilder UseSqliteFile(this DbContextOptionsBuilder builder, string path) => builder.UseSqlite(SqliteFile(path));

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
