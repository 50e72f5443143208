using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bargaining.Testing;

/// <summary>
/// One test host's database, on the provider the run asks for: a SQLite file in the temp folder (the default), or,
/// with <c>BARGAINING_TEST_DATABASE=PostgreSql</c>, a PostgreSQL database of its own on the server of
/// <c>BARGAINING_TEST_POSTGRES</c> (an Npgsql connection string; <c>scripts/test.sh</c> starts a throwaway cluster and
/// sets both). A PostgreSQL database is copied from a template migrated once per test process (<c>CREATE DATABASE …
/// TEMPLATE</c>, a few milliseconds). Disposing deletes the file or drops the database.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Templates = new(StringComparer.Ordinal);

    private TestDatabase(bool postgreSql, string connectionString, string? name)
    {
        IsPostgreSql = postgreSql;
        ConnectionString = connectionString;
        _name = name;
    }

    private readonly string? _name;

    /// <summary>Whether this run's tests use PostgreSQL.</summary>
    public static bool RunOnPostgreSql { get; } =
        string.Equals(Environment.GetEnvironmentVariable("BARGAINING_TEST_DATABASE"), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    public bool IsPostgreSql { get; }

    /// <summary>The connection string (for SQLite: <c>Data Source=</c> the file).</summary>
    public string ConnectionString { get; }

    /// <summary>The journal key of the application on this database (a new one per database; on SQLite no key file is left behind).</summary>
    public string JournalKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    public string? SqliteFile => IsPostgreSql ? null : new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    /// <summary>
    /// A new empty database for this run's provider. On PostgreSQL it is a copy of the template
    /// <paramref name="template"/>, which <paramref name="migrate"/> (given the template's connection string) prepares
    /// once per process; on SQLite the file does not exist yet and the host creates its tables.
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(string template, Func<string, Task> migrate)
    {
        if (!RunOnPostgreSql)
            return new TestDatabase(false, $"Data Source={Path.Combine(Path.GetTempPath(), $"bargaining-{template}-{Guid.NewGuid():N}.db")}", null);
        var source = await Templates.GetOrAdd(template, t => new Lazy<Task<string>>(() => CreateTemplateAsync(t, migrate))).Value;
        var name = $"t_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {source}");
        return new TestDatabase(true, Server(name), name);
    }

    /// <summary>The PostgreSQL server of this run, with <paramref name="database"/>.</summary>
    private static string Server(string database) =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("BARGAINING_TEST_POSTGRES")
            ?? throw new InvalidOperationException("BARGAINING_TEST_DATABASE=PostgreSql needs BARGAINING_TEST_POSTGRES, an Npgsql connection string to a server (scripts/test.sh sets both)"))
        {
            Database = database,
        }.ToString();

    private static async Task<string> CreateTemplateAsync(string template, Func<string, Task> migrate)
    {
        var name = $"template_{template.Replace('-', '_')}_{Environment.ProcessId}";
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name}");
        await ExecuteAsync($"CREATE DATABASE {name}");
        await migrate(Server(name));
        // A database with open connections cannot be copied: close the pooled ones.
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)").GetAwaiter().GetResult();
        return name;
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server("postgres")) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (IsPostgreSql)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
            await ExecuteAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
            return;
        }
        // Pooled connections keep the file open (the host may have opened it with a connection string of its own).
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".journal-key" }) File.Delete(SqliteFile + suffix);
    }
}
