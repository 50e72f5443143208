using Bargaining.Accounts;

namespace Bargaining.Cli;

/// <summary>
/// <c>bargaining migrate [--db FILE]</c>: brings the database's tables up to date, as the web host does on start (a
/// database of the release before migrations is upgraded in place, every row kept). For an upgrade with the app stopped.
/// </summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(Arguments args, TextWriter output)
    {
        var database = args.Database("bargaining.db", create: true);
        await ApplicationDatabase.MigrateAsync(database);
        output.WriteLine($"数据库已是最新结构：{database.Describe()}");
        return 0;
    }
}
