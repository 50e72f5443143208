using System.Diagnostics;
using Bargaining.Persistence;
using Microsoft.Data.Sqlite;

namespace Bargaining.Benchmarks;

/// <summary>
/// The floor to measure the engine against: a plain ADO.NET loop on its own fresh SQLite file, with the
/// application's connection string and WAL, doing per transaction what a signal needs at the least — read an
/// instance row, update it guarded by its revision, append a journal row. <c>synchronous</c> is set explicitly
/// (FULL, the bundled SQLite's compiled-in default that the application relies on, unless an analysis row asks for
/// another). Each thread keeps one open connection and its prepared commands, and cycles over instances of its own.
/// </summary>
internal static class AdoBaseline
{
    private const int InstancesPerThread = 100;

    // The size of the engine's rows: an ordinary round's state grows to about 1.1 KB of JSON, a journal entry is about 750 bytes.
    private static readonly string State = new('s', 1200);
    private static readonly string Entry = new('j', 750);

    public static async Task<Measurement> RunAsync(string name, int threads, TimeSpan duration, string synchronous = "FULL")
    {
        using var file = new TempDatabase();
        var instances = Create(file.Path, threads * InstancesPerThread);
        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(() =>
            Loop(file.Path, synchronous, instances.AsMemory(t * InstancesPerThread, InstancesPerThread), Stopwatch.StartNew(), Measurement.Settle))));
        var cpu = Environment.CpuUsage.TotalTime;
        var stopwatch = Stopwatch.StartNew();
        var loops = await Task.WhenAll(Enumerable.Range(0, threads)
            .Select(t => Task.Run(() => Loop(file.Path, synchronous, instances.AsMemory(t * InstancesPerThread, InstancesPerThread), stopwatch, duration))));
        stopwatch.Stop();
        return new Measurement(name, threads, loops.Sum(l => l.Committed), stopwatch.Elapsed, loops.Sum(l => l.Failed),
            $"{loops.Sum(l => l.Committed)} transactions", loops.Sum(l => l.Failed) > 0 ? "an update found the revision moved" : null)
            { Cpu = Environment.CpuUsage.TotalTime - cpu };
    }

    /// <summary>The settings of a baseline connection, read back from SQLite.</summary>
    public static string Settings()
    {
        using var file = new TempDatabase();
        Create(file.Path, 1);
        using var connection = Open(file.Path, "FULL");
        return SqliteSettings.Read(connection);
    }

    private static string[] Create(string path, int count)
    {
        using var connection = Open(path, "FULL");
        Execute(connection, """
            PRAGMA journal_mode=WAL;
            CREATE TABLE instances (id TEXT NOT NULL PRIMARY KEY, revision INTEGER NOT NULL, state TEXT NOT NULL, updated_at INTEGER NOT NULL);
            CREATE TABLE journal (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, instance_id TEXT NOT NULL, sequence INTEGER NOT NULL,
                                  entry TEXT NOT NULL, at INTEGER NOT NULL);
            CREATE UNIQUE INDEX journal_instance_sequence ON journal (instance_id, sequence);
            """);
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid().ToString()).ToArray();
        using var insert = Command(connection, "INSERT INTO instances VALUES ($id, 0, $state, 0)", "$id", "$state");
        using var transaction = connection.BeginTransaction();
        insert.Transaction = transaction;
        insert.Parameters["$state"].Value = State;
        foreach (var id in ids)
        {
            insert.Parameters["$id"].Value = id;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        return ids;
    }

    private static (long Committed, long Failed) Loop(string path, string synchronous, ReadOnlyMemory<string> instances, Stopwatch stopwatch, TimeSpan duration)
    {
        using var connection = Open(path, synchronous);
        using var select = Command(connection, "SELECT revision, state FROM instances WHERE id = $id", "$id");
        using var update = Command(connection,
            "UPDATE instances SET revision = $revision + 1, state = $state, updated_at = $at WHERE id = $id AND revision = $revision",
            "$id", "$revision", "$state", "$at");
        using var append = Command(connection,
            "INSERT INTO journal (instance_id, sequence, entry, at) VALUES ($id, $sequence, $entry, $at)", "$id", "$sequence", "$entry", "$at");
        append.Parameters["$entry"].Value = Entry;
        long committed = 0, failed = 0;
        for (var i = 0; stopwatch.Elapsed < duration; i++)
        {
            var id = instances.Span[i % instances.Length];
            using var transaction = connection.BeginTransaction();
            select.Transaction = update.Transaction = append.Transaction = transaction;

            select.Parameters["$id"].Value = id;
            long revision;
            string state;
            using (var reader = select.ExecuteReader())
            {
                reader.Read();
                revision = reader.GetInt64(0);
                state = reader.GetString(1);
            }
            var now = TimeProvider.System.GetUtcNow().UtcTicks;
            update.Parameters["$id"].Value = id;
            update.Parameters["$revision"].Value = revision;
            update.Parameters["$state"].Value = state;
            update.Parameters["$at"].Value = now;
            if (update.ExecuteNonQuery() != 1)
            {
                failed++;
                continue;
            }
            append.Parameters["$id"].Value = id;
            append.Parameters["$sequence"].Value = revision + 1;
            append.Parameters["$at"].Value = now;
            append.ExecuteNonQuery();
            transaction.Commit();
            committed++;
        }
        return (committed, failed);
    }

    private static SqliteConnection Open(string path, string synchronous)
    {
        var connection = new SqliteConnection(DatabaseSettings.Sqlite(path).ConnectionString);
        connection.Open();
        Execute(connection, $"PRAGMA synchronous={synchronous};");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = p });
        command.Prepare();
        return command;
    }
}
