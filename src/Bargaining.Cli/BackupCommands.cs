using Bargaining.Persistence;

namespace Bargaining.Cli;

/// <summary>
/// <c>bargaining backup --db FILE --to BACKUP</c> (while the application runs) and
/// <c>bargaining restore --from BACKUP --db FILE</c> (with it stopped), on SQLite (<see cref="Backup"/>).
/// </summary>
internal static class BackupCommands
{
    public static async Task<int> BackupAsync(Arguments args, TextWriter output)
    {
        var database = SqliteFile(args);
        var target = args["to"] ?? throw new ArgumentException("--to BACKUP.db is required");
        var check = await Backup.TakeAsync(database, target, args.Workflows, args.Options(args.Database()).OpenJournalSeal(create: false));
        Report(check, output);
        output.WriteLine(check.Sound ? $"已备份到 {Path.GetFullPath(target)}" : $"备份 {Path.GetFullPath(target)} 未通过检查，请勿使用");
        return check.Sound ? 0 : 1;
    }

    public static async Task<int> RestoreAsync(Arguments args, TextWriter output)
    {
        var backup = args["from"] ?? throw new ArgumentException("--from BACKUP.db is required");
        var database = args["db"] ?? throw new ArgumentException("--db FILE is required (the database to restore; stop the application first)");
        var seal = args.Options(DatabaseSettings.Sqlite(database)).OpenJournalSeal(create: false);
        var (check, kept) = await Backup.RestoreAsync(backup, Path.GetFullPath(database), args.Workflows, seal, TimeProvider.System.GetUtcNow());
        Report(check, output);
        if (!check.Sound)
        {
            output.WriteLine($"备份 {backup} 未通过检查，未作任何更改");
            return 1;
        }
        output.WriteLine($"已从 {backup} 恢复 {Path.GetFullPath(database)}" + (kept is null ? "" : $"；原文件保留为 {kept}"));
        return 0;
    }

    private static string SqliteFile(Arguments args) =>
        args.Database().SqliteFile ?? throw new ArgumentException("backup works on a SQLite file; for PostgreSQL use pg_dump or pg_basebackup (docs/deployment.md)");

    private static void Report(BackupCheck check, TextWriter output)
    {
        output.WriteLine($"完整性检查：{check.Integrity}；日志哈希链：{check.Instances} 个流程实例、{check.Entries} 条记录" + (check.Broken.Count == 0 ? "，全部完好" : $"，{check.Broken.Count} 个损坏"));
        foreach (var broken in check.Broken) output.WriteLine($"  损坏：{broken}");
    }
}
