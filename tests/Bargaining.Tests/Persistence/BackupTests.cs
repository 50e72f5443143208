using Bargaining.Workflows;
using Bargaining.Persistence;
using Bargaining.Tests.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Tests.Persistence;

// Backup and restore of a SQLite database (issue 12): a backup taken while commands are being written holds every
// write acknowledged before it began and verifies; a restore puts exactly that in place and keeps the file it
// replaced; a backup whose journal was rewritten is refused and nothing changes.
[Trait("Database", "SqliteOnly")]
public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_taken_during_writes_holds_every_acknowledged_write_verifies_and_restores_identically()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));
        var workflows = host.Services.GetRequiredService<BargainingOptions>().WorkflowsDirectory;
        var seal = host.Services.GetRequiredService<JournalSeal>();
        var before = new List<Guid>();
        for (var i = 0; i < 20; i++) before.Add(await host.OfferAsync());
        using var stop = new CancellationTokenSource();
        var during = Task.Run(async () =>
        {
            var written = 0;
            while (!stop.IsCancellationRequested) { await host.OfferAsync(); written++; }
            return written;
        });
        var backup = Temp("backup");
        var restored = Temp("restored");
        try
        {
            while (await Count(host.SqlitePath!, "workflow_instances") < 25) await Task.Yield();   // writes are under way

            var check = await Backup.TakeAsync(host.SqlitePath!, backup, workflows, seal);
            stop.Cancel();
            var writtenDuring = await during;

            Assert.True(check.Sound, $"{check.Integrity}; {string.Join("; ", check.Broken)}");
            Assert.True(writtenDuring >= 5);
            var inBackup = await Ids(backup);
            Assert.All(before, id => Assert.Contains(id, inBackup));
            Assert.Equal(inBackup.Count, check.Instances);

            await Execute(restored, "CREATE TABLE replaced (what TEXT); INSERT INTO replaced VALUES ('the database the restore replaces')");
            var (restore, kept) = await Backup.RestoreAsync(backup, restored, workflows, seal, China.At(2026, 3, 3, 12));

            Assert.True(restore.Sound);
            Assert.Equal(await Dump(backup), await Dump(restored));
            Assert.Equal(1, await Count(kept!, "replaced"));
            File.Delete(kept!);
        }
        finally
        {
            stop.Cancel();
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { backup, restored }) foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
        }
    }

    [Fact]
    public async Task A_backup_whose_journal_was_rewritten_is_refused_and_the_database_is_left_as_it_was()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));
        var workflows = host.Services.GetRequiredService<BargainingOptions>().WorkflowsDirectory;
        var seal = host.Services.GetRequiredService<JournalSeal>();
        await host.OfferAsync();
        var backup = Temp("backup");
        var database = Temp("database");
        try
        {
            Assert.True((await Backup.TakeAsync(host.SqlitePath!, backup, workflows, seal)).Sound);
            await Execute(backup, "DROP TRIGGER workflow_journal_no_update; UPDATE workflow_journal SET Actor = 'someone else'");
            File.WriteAllText(database, "the database in use");

            var (check, kept) = await Backup.RestoreAsync(backup, database, workflows, seal, China.At(2026, 3, 3, 12));

            Assert.False(check.Sound);
            Assert.NotEmpty(check.Broken);
            Assert.Null(kept);
            Assert.Equal("the database in use", File.ReadAllText(database));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { backup, database }) foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
        }
    }

    private static string Temp(string name) => Path.Combine(Path.GetTempPath(), $"bargaining-{name}-{Guid.NewGuid():N}.db");

    private static SqliteConnection Open(string file) => new(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());

    private static async Task<long> Count(string file, string table)
    {
        await using var connection = Open(file);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Execute(string file, string sql)
    {
        await using var connection = Open(file);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<HashSet<Guid>> Ids(string file)
    {
        await using var connection = Open(file);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM workflow_instances";
        var ids = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }

    // Every row of every table, in order: two files hold the same data when their dumps are equal.
    private static async Task<List<string>> Dump(string file)
    {
        await using var connection = Open(file);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var rows = new List<string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync())
                lines.Add(table + ":" + string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            lines.Sort(StringComparer.Ordinal);
            rows.AddRange(lines);
        }
        return rows;
    }
}
