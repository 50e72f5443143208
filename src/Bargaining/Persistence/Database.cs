using System.Data;
using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bargaining.Persistence;

/// <summary>The database servers the application runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file (the default): one app instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: several app instances may share it.</summary>
    PostgreSql,
}

/// <summary>Which database the application uses, and how to reach it.</summary>
/// <param name="Provider">SQLite or PostgreSQL.</param>
/// <param name="ConnectionString">The provider's connection string; for SQLite, made by <see cref="Sqlite"/>.</param>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>How long a write waits for the writers before it, by default, before it is answered "busy".</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long a write waits for the writers before it before the request is answered "busy" (503, try again).</summary>
    public TimeSpan BusyTimeout { get; init; } = DefaultBusyTimeout;

    /// <summary>A SQLite file; a statement waits up to <paramref name="busyTimeout"/> (default 30 s) for a competing writer.</summary>
    public static DatabaseSettings Sqlite(string path, TimeSpan? busyTimeout = null) => new(DatabaseProvider.Sqlite,
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path), DefaultTimeout = (int)Math.Ceiling((busyTimeout ?? DefaultBusyTimeout).TotalSeconds), Pooling = true, ForeignKeys = true,
        }.ToString()) { BusyTimeout = busyTimeout ?? DefaultBusyTimeout };

    /// <summary>A PostgreSQL database, e.g. <c>Host=db;Database=bargaining;Username=bargaining;Password=…</c>.</summary>
    public static DatabaseSettings PostgreSql(string connectionString) => new(DatabaseProvider.PostgreSql, connectionString);

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    public string? SqliteFile => Provider == DatabaseProvider.Sqlite ? new SqliteConnectionStringBuilder(ConnectionString).DataSource : null;

    /// <summary>
    /// The settings of a host's configuration: <paramref name="provider"/> <c>Sqlite</c> (the default) with the file
    /// <paramref name="sqliteFile"/>, or <c>PostgreSql</c> with <paramref name="connectionString"/>.
    /// </summary>
    public static DatabaseSettings From(string? provider, string? sqliteFile, string? connectionString, TimeSpan? busyTimeout = null) =>
        Enum.TryParse<DatabaseProvider>(string.IsNullOrWhiteSpace(provider) ? nameof(DatabaseProvider.Sqlite) : provider, ignoreCase: true, out var p) && Enum.IsDefined(p)
            ? p == DatabaseProvider.Sqlite
                ? Sqlite(string.IsNullOrWhiteSpace(sqliteFile) ? "bargaining.db" : sqliteFile, busyTimeout)
                : PostgreSql(string.IsNullOrWhiteSpace(connectionString) ? throw new ArgumentException("Bargaining:ConnectionString is required with the PostgreSql provider") : connectionString)
                    with { BusyTimeout = busyTimeout ?? DefaultBusyTimeout }
            : throw new ArgumentException($"unknown database provider '{provider}' (Sqlite or PostgreSql)");

    /// <summary>Where the data is, for a person to read (a PostgreSQL connection string without its password).</summary>
    public string Describe() => SqliteFile ?? $"PostgreSQL {new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }}";
}

/// <summary>
/// Opening and migrating the database. The schema comes from the migrations of the provider's own assembly
/// (<c>Bargaining.Migrations.Sqlite</c> or <c>Bargaining.Migrations.PostgreSql</c>); the journal and the topic
/// positions are append-only in the database itself (triggers made by the initial migration). SQLite runs in WAL
/// mode with <c>synchronous=FULL</c> (the bundled SQLite's compiled-in default, checked by a test): a committed change
/// survives a power cut, and readers never block the single writer.
/// </summary>
public static class Database
{
    /// <summary>The assembly holding a provider's migrations.</summary>
    public static string MigrationsAssembly(DatabaseProvider provider) => "Bargaining.Migrations." + provider;

    /// <summary>
    /// Configures a context for the database of <paramref name="settings"/>; <paramref name="historyTable"/> names the
    /// table recording the context's applied migrations (each context of the database keeps its own).
    /// </summary>
    public static TBuilder UseDatabase<TBuilder>(this TBuilder builder, DatabaseSettings settings, string historyTable = HistoryRepository.DefaultTableName)
        where TBuilder : DbContextOptionsBuilder => (TBuilder)(settings.Provider switch
        {
            // Writers to one file queue in this process (SqliteWriterGate) instead of racing in SQLite's busy handler;
            // a pooled context keeps its connection open from one use to the next (KeptOpenSqliteConnection).
#pragma warning disable EF1001 // replacing EF's SQLite connection service: see KeptOpenSqliteConnection
            DatabaseProvider.Sqlite => builder.UseSqlite(settings.ConnectionString,
                    o => o.MigrationsAssembly(MigrationsAssembly(settings.Provider)).MigrationsHistoryTable(historyTable))
                .AddInterceptors(SqliteWriterGate.For(settings.SqliteFile!, settings.BusyTimeout))
                .ReplaceService<Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal.ISqliteRelationalConnection, KeptOpenSqliteConnection>(),
#pragma warning restore EF1001
            DatabaseProvider.PostgreSql => builder.UseNpgsql(settings.ConnectionString,
                o => o.MigrationsAssembly(MigrationsAssembly(settings.Provider)).MigrationsHistoryTable(historyTable)),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "unknown database provider"),
        });

    /// <summary>
    /// Brings the context's tables up to date: applies the migrations not yet applied. A SQLite file made by a release
    /// before migrations (its tables created by <c>EnsureCreated</c>, no migrations history) is first baselined: its
    /// schema is checked against the initial migration's, and the initial migration recorded as applied, so that every
    /// row is kept and only the later migrations run.
    /// </summary>
    public static async Task MigrateAsync(DbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                await BaselineAsync(db, ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// The isolation level that asks Microsoft.Data.Sqlite for a deferred transaction (<c>BEGIN</c>, not
    /// <c>BEGIN IMMEDIATE</c>): it takes no write lock, and in WAL mode reads one consistent snapshot.
    /// </summary>
    internal const IsolationLevel SqliteReadIsolation = IsolationLevel.ReadUncommitted;

    /// <summary>Whether <paramref name="transaction"/> is a query's read transaction (<see cref="BeginReadAsync"/>) rather than a command's.</summary>
    public static bool IsRead(IDbContextTransaction transaction) =>
        transaction.GetDbTransaction().IsolationLevel is SqliteReadIsolation or IsolationLevel.RepeatableRead;

    /// <summary>
    /// A read-only transaction for a query: every statement sees one snapshot, and no writer waits for it — on SQLite
    /// a deferred transaction (no write lock), on PostgreSQL REPEATABLE READ, READ ONLY.
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
    /// <c>SQLITE_BUSY</c>/<c>SQLITE_LOCKED</c>, PostgreSQL's serialization failure, deadlock or lock timeout — so the
    /// request may simply be tried again.
    /// </summary>
    public static bool IsBusy(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
            if (e is SqliteException { SqliteErrorCode: 5 or 6 } or DbException { SqlState: "40001" or "40P01" or "55P03" }) return true;
        return false;
    }

    /// <summary>
    /// Makes the database afresh, empty and migrated, for a generated city (the demo, <c>simulate</c>, the
    /// benchmarks), and marks it as generated. Only a database that does not exist yet, holds no organisations, or was
    /// marked so before is deleted: one with data of its own is refused with <see cref="DatabaseNotGeneratedException"/>,
    /// so the demo switch pointed at a real database by mistake deletes nothing.
    /// </summary>
    public static async Task RecreateGeneratedAsync(BargainingDbContext db, CancellationToken ct = default)
    {
        if (await HoldsOwnDataAsync(db, ct))
            throw new DatabaseNotGeneratedException(
                $"数据库 {(db.Database.IsSqlite() ? db.Database.GetDbConnection().DataSource : $"PostgreSQL {db.Database.GetDbConnection().Database}")} 中已有不是演示或模拟生成的数据，不会被删除。演示和模拟只重建它们自己创建的数据库：请另指定一个数据库文件（或 PostgreSQL 数据库），或者不用演示模式启动。");
        // A connection this context kept open from an earlier use would go on writing to the deleted file.
        if (db.Database.IsSqlite()) await db.Database.GetDbConnection().CloseAsync();
        await db.Database.EnsureDeletedAsync(ct);
        if (db.Database.IsSqlite())
            foreach (var suffix in new[] { "-wal", "-shm" }) File.Delete(((SqliteConnection)db.Database.GetDbConnection()).DataSource + suffix);
        await MigrateAsync(db, ct);
        await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite()
            ? $"PRAGMA application_id = {GeneratedSqliteMark}"
            : $"DO $$ BEGIN EXECUTE format('COMMENT ON DATABASE %I IS %L', current_database(), '{GeneratedPostgreSqlMark}'); END $$", ct);
    }

    /// <summary>The SQLite header's application id of a generated database ("BGDM").</summary>
    private const int GeneratedSqliteMark = 0x4247444D;

    /// <summary>The comment on a generated PostgreSQL database.</summary>
    private const string GeneratedPostgreSqlMark = "bargaining: generated demo or simulation";

    private static async Task<bool> HoldsOwnDataAsync(BargainingDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite() ? !File.Exists(((SqliteConnection)db.Database.GetDbConnection()).DataSource) : !await db.Database.CanConnectAsync(ct))
            return false;
        var sqlite = db.Database.IsSqlite();
        var marked = sqlite
            ? await Scalar<long>(db, "PRAGMA application_id", ct) == GeneratedSqliteMark
            : await Scalar<string>(db, "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()", ct) == GeneratedPostgreSqlMark;
        if (marked) return false;
        var hasTable = sqlite
            ? await Scalar<long>(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'organisations'", ct) > 0
            : await Scalar<bool>(db, "SELECT to_regclass('organisations') IS NOT NULL", ct);
        return hasTable && await db.Organisations.AnyAsync(ct);
    }

    private static async Task<T?> Scalar<T>(DbContext db, string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync(ct) is T value ? value : default;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Records the initial migration as applied on a SQLite file whose tables predate migrations.</summary>
    private static async Task BaselineAsync(DbContext db, CancellationToken ct)
    {
        var history = db.GetService<IHistoryRepository>();
        if (await history.ExistsAsync(ct)) return;
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (Schema(connection, tables).Objects.Count == 0) return;   // a new database: the migrations create everything
        var initial = db.GetService<IMigrationsAssembly>().Migrations.Keys.Order(StringComparer.Ordinal).First();
        var expected = ExpectedSchema(db, initial);
        var found = Schema(connection, expected.Tables);
        var missing = expected.Objects.Except(found.Objects).ToList();
        var unexpected = found.Objects.Except(expected.Objects).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
            throw new InvalidOperationException(
                $"the database {connection.DataSource} has {db.GetType().Name}'s tables but no migrations history, and its schema is not the one " +
                $"the first release created, so it cannot be upgraded in place. Missing: {string.Join("; ", missing)}. Unexpected: {string.Join("; ", unexpected)}.");
        var version = typeof(DbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        var record = history.GetCreateIfNotExistsScript() + history.GetInsertScript(new HistoryRow(initial, version));
        await db.Database.ExecuteSqlRawAsync(record, ct);
    }

    /// <summary>The schema the initial migration makes, read back from a scratch in-memory database.</summary>
    private static (IReadOnlySet<string> Tables, IReadOnlySet<string> Objects) ExpectedSchema(DbContext db, string initial)
    {
        var script = db.GetService<IMigrator>().GenerateScript(fromMigration: Migration.InitialDatabase, toMigration: initial, MigrationsSqlGenerationOptions.NoTransactions);
        using var scratch = new SqliteConnection("Data Source=:memory:");
        scratch.Open();
        using (var command = scratch.CreateCommand())
        {
            command.CommandText = script;
            command.ExecuteNonQuery();
        }
        // The context's own tables, without the migrations' bookkeeping (history and lock tables, all named __…).
        var tables = Query(scratch, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'")
            .ToHashSet(StringComparer.Ordinal);
        return (tables, Schema(scratch, tables).Objects);
    }

    /// <summary>Every table, index and trigger on <paramref name="tables"/>, each as its type, name and SQL.</summary>
    private static (IReadOnlySet<string> Tables, IReadOnlySet<string> Objects) Schema(SqliteConnection connection, IReadOnlySet<string> tables)
    {
        var objects = Query(connection, "SELECT type || ' ' || name || ': ' || coalesce(sql, '') || char(31) || tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite%'")
            .Select(row => row.Split('\u001f'))
            .Where(row => tables.Contains(row[1]))
            .Select(row => row[0])
            .ToHashSet(StringComparer.Ordinal);
        return (tables, objects);
    }

    private static List<string> Query(SqliteConnection connection, string sql)
    {
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }
}

/// <summary>A database with data of its own was named where a generated one (the demo's, a simulation's) is rebuilt.</summary>
public sealed class DatabaseNotGeneratedException(string message) : InvalidOperationException(message);
