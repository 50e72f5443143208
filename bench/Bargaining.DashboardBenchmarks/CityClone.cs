using Microsoft.Data.Sqlite;

namespace Bargaining.DashboardBenchmarks;

/// <summary>
/// Grows the demo city to a size by copying its enterprises with everything the dashboard and the lists read —
/// rounds, workflow instances, topics, positions, meetings, instructors — under new ids (the last 12 hex digits of
/// each id carry the copy's number), in bulk SQL on SQLite. The copies get no summaries: the application's backfill
/// (<see cref="Persistence.BargainingDbContext.BackfillRoundProgressAsync"/>) writes them with the same code as a
/// command would. Timers and journals are not copied: the benchmark fires the demo's lapsed deadlines before the
/// first copy (as the host's timer processor does), so only deadlines still to come stay unfired in the copies.
/// </summary>
internal static class CityClone
{
    private static readonly string[] Ids = ["Id", "EnterpriseId", "RoundId", "TopicId", "WorkflowInstanceId"];

    /// <summary>Copies the demo's enterprises until there are at least <paramref name="enterprises"/>; returns how many there are.</summary>
    public static int Grow(string path, int enterprises)
    {
        using var connection = new SqliteConnection(Persistence.DatabaseSettings.Sqlite(path).ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        // The demo's own rows, noted once (in tables of the benchmark's file) before the first copy.
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS bench_template_enterprises AS SELECT Id FROM enterprises;
            CREATE TABLE IF NOT EXISTS bench_template_rounds AS SELECT Id, WorkflowInstanceId FROM rounds WHERE EnterpriseId IN (SELECT Id FROM bench_template_enterprises);
            CREATE TABLE IF NOT EXISTS bench_template_topics AS SELECT Id FROM topics WHERE RoundId IN (SELECT Id FROM bench_template_rounds);
            """);
        var templates = Scalar(connection, "SELECT COUNT(*) FROM bench_template_enterprises");
        var count = Scalar(connection, "SELECT COUNT(*) FROM enterprises");
        var first = count / templates;
        var last = (enterprises + templates - 1) / templates - 1;
        if (last < first) return count;
        Execute(connection, $"""
            DROP TABLE IF EXISTS temp.copies;
            CREATE TEMP TABLE copies AS WITH RECURSIVE k(n) AS (SELECT {first} UNION ALL SELECT n + 1 FROM k WHERE n < {last}) SELECT n FROM k;
            """);
        Copy(connection, "enterprises", "Id IN (SELECT Id FROM bench_template_enterprises)",
            ("Name", "Name || '（' || copies.n || '）'"), ("CreditCode", "'9' || printf('%07d', copies.n) || printf('%010d', enterprises.rowid)"));
        Copy(connection, "rounds", "Id IN (SELECT Id FROM bench_template_rounds)", ("Filing_ContractNumber", "Filing_ContractNumber || '-' || copies.n"));
        Copy(connection, "workflow_instances", "Id IN (SELECT WorkflowInstanceId FROM bench_template_rounds)");
        Copy(connection, "topics", "Id IN (SELECT Id FROM bench_template_topics)");
        Copy(connection, "positions", "TopicId IN (SELECT Id FROM bench_template_topics)");
        Copy(connection, "meetings", "RoundId IN (SELECT Id FROM bench_template_rounds)");
        Copy(connection, "instructor_assignments", "EnterpriseId IN (SELECT Id FROM bench_template_enterprises)");
        transaction.Commit();
        return Scalar(connection, "SELECT COUNT(*) FROM enterprises");
    }

    private static void Copy(SqliteConnection connection, string table, string templates, params (string Column, string Value)[] unique)
    {
        var columns = new List<(string Name, string Type, bool Key)>();
        using (var info = connection.CreateCommand())
        {
            info.CommandText = $"PRAGMA table_info({table})";
            using var reader = info.ExecuteReader();
            while (reader.Read()) columns.Add((reader.GetString(1), reader.GetString(2), reader.GetInt32(5) > 0));
        }
        // An integer key is numbered by SQLite; a Guid key (TEXT) and every Guid reference to a copied row get the copy's number.
        var copied = columns.Where(c => !(c.Key && c.Type == "INTEGER")).ToList();
        string Value((string Name, string Type, bool Key) c) =>
            unique.FirstOrDefault(u => u.Column == c.Name).Value
            ?? (Ids.Contains(c.Name) && c.Type == "TEXT" ? $"substr({c.Name}, 1, 24) || printf('%012X', copies.n)" : c.Name);
        Execute(connection, $"INSERT INTO {table} ({string.Join(", ", copied.Select(c => c.Name))}) " +
            $"SELECT {string.Join(", ", copied.Select(Value))} FROM {table} CROSS JOIN copies WHERE {templates}");
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    private static int Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
