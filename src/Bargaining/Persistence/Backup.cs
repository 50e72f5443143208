using Bargaining.Workflows;
using Bargaining.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Persistence;

/// <summary>What a check of a database copy found: SQLite's integrity check and every journal's hash chain.</summary>
/// <param name="Integrity">SQLite's <c>PRAGMA integrity_check</c> answer: <c>ok</c>, or the first problems.</param>
/// <param name="Instances">Workflow instances whose journals were verified.</param>
/// <param name="Entries">Journal entries verified.</param>
/// <param name="Broken">The instances whose chain is broken, with where and why.</param>
public sealed record BackupCheck(string Integrity, int Instances, int Entries, IReadOnlyList<string> Broken)
{
    /// <summary>True when the file is sound and every journal verifies.</summary>
    public bool Sound => Integrity == "ok" && Broken.Count == 0;
}

/// <summary>
/// Backups of a SQLite database, taken while the application runs: SQLite's online backup API copies one consistent
/// snapshot, the writes still in the <c>-wal</c> file included (a plain copy of the <c>.db</c> file is not a backup).
/// The sign-in keys are in the database and come with it; the journal key (<see cref="JournalSeal"/>) is not, on
/// purpose: whoever holds a backup cannot forge a journal. Keep a copy of the key apart from the backups; a copy is
/// checked, and a restore checked first, with the installation's key. A restore keeps the file it replaces.
/// PostgreSQL has its own tools (docs/deployment.md).
/// </summary>
public static class Backup
{
    /// <summary>Copies <paramref name="database"/> to the new file <paramref name="target"/> and checks the copy.</summary>
    public static async Task<BackupCheck> TakeAsync(string database, string target, string workflows, JournalSeal seal, CancellationToken ct = default)
    {
        if (!File.Exists(database)) throw new ArgumentException($"没有数据库文件 {database}");
        if (File.Exists(target)) throw new ArgumentException($"备份文件 {target} 已存在，不会覆盖");
        await using (var source = new SqliteConnection(DatabaseSettings.Sqlite(database).ConnectionString))
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(target), Pooling = false }.ToString()))
        {
            await source.OpenAsync(ct);
            await copy.OpenAsync(ct);
            source.BackupDatabase(copy);
        }
        return await CheckAsync(target, workflows, seal, ct);
    }

    /// <summary>Checks a database file: SQLite's integrity check, then every workflow journal's hash chain and seals (<paramref name="seal"/>: the installation's key).</summary>
    public static async Task<BackupCheck> CheckAsync(string file, string workflows, JournalSeal seal, CancellationToken ct = default)
    {
        if (!File.Exists(file)) throw new ArgumentException($"没有数据库文件 {file}");
        string integrity;
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(file), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            integrity = Convert.ToString(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
        if (integrity != "ok") return new BackupCheck(integrity, 0, 0, []);
        await using var services = new ServiceCollection().AddLogging().AddSingleton(seal).AddBargaining(new BargainingOptions(workflows, DatabaseSettings.Sqlite(file))).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        var ids = await scope.ServiceProvider.GetRequiredService<BargainingDbContext>().Set<WorkflowInstanceRecord>().Select(i => i.Id).ToListAsync(ct);
        var (entries, broken) = (0, new List<string>());
        foreach (var id in ids)
        {
            var result = await engine.VerifyJournalAsync(id, ct);
            entries += result.Entries;
            if (!result.Valid) broken.Add($"{id} 第 {result.BrokenAt} 条：{result.Problem}");
        }
        SqliteConnection.ClearAllPools();
        return new BackupCheck(integrity, ids.Count, entries, broken);
    }

    /// <summary>
    /// Restores <paramref name="backup"/> as <paramref name="database"/> (the application stopped): refused, with
    /// nothing changed, unless the backup checks sound; the file replaced is kept beside it as
    /// <c>FILE.before-restore-yyyyMMddHHmmss</c>, which is returned (null when there was none).
    /// </summary>
    public static async Task<(BackupCheck Check, string? Kept)> RestoreAsync(string backup, string database, string workflows, JournalSeal seal, DateTimeOffset now, CancellationToken ct = default)
    {
        var check = await CheckAsync(backup, workflows, seal, ct);
        if (!check.Sound) return (check, null);
        var incoming = database + ".restoring";
        File.Delete(incoming);
        await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(backup), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(incoming), Pooling = false }.ToString()))
        {
            await source.OpenAsync(ct);
            await copy.OpenAsync(ct);
            source.BackupDatabase(copy);
        }
        SqliteConnection.ClearAllPools();
        string? kept = null;
        if (File.Exists(database))
        {
            // Checkpointed first, so the kept file holds every write of the database it was.
            await using (var current = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(database), Pooling = false }.ToString()))
            {
                await current.OpenAsync(ct);
                await using var command = current.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                await command.ExecuteNonQueryAsync(ct);
            }
            kept = $"{database}.before-restore-{now.UtcDateTime:yyyyMMddHHmmss}";
            File.Move(database, kept);
        }
        foreach (var suffix in new[] { "-wal", "-shm" }) File.Delete(database + suffix);
        File.Move(incoming, database);
        return (check, kept);
    }
}
