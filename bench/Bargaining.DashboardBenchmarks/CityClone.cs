using System.Data.Common;
using Bargaining.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bargaining.DashboardBenchmarks;

/// <summary>
/// Grows the demo city to a size by copying its enterprises with everything the dashboard and the lists read —
/// rounds, workflow instances, topics, positions, meetings, instructors — under new ids (the last 12 hex digits of
/// each id carry the copy's number), in bulk SQL on SQLite or PostgreSQL. The copies get no summaries: the
/// application's backfill (<see cref="BargainingDbContext.BackfillRoundProgressAsync"/>) writes them with the same
/// code as a command would. Timers and journals are not copied: the benchmark fires the demo's lapsed deadlines before
/// the first copy (as the host's timer processor does), so only deadlines still to come stay unfired in the copies.
/// </summary>
internal static class CityClone
{
    private static readonly string[] Ids = ["Id", "EnterpriseId", "RoundId", "TopicId", "WorkflowInstanceId"];

    /// <summary>Copies the demo's enterprises until there are at least <paramref name="enterprises"/>; returns how many there are.</summary>
    public static int Grow(DatabaseSettings database, int enterprises)
    {
        using DbConnection connection = database.SqliteFile is null ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);
        var sql = database.SqliteFile is null ? Dialect.PostgreSql : Dialect.Sqlite;
        connection.Open();
        using var transaction = connection.BeginTransaction();
        // The demo's own rows, noted once (in tables of the benchmark's database) before the first copy.
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS bench_template_enterprises AS SELECT "Id" FROM enterprises;
            CREATE TABLE IF NOT EXISTS bench_template_rounds AS SELECT "Id", "WorkflowInstanceId" FROM rounds WHERE "EnterpriseId" IN (SELECT "Id" FROM bench_template_enterprises);
            CREATE TABLE IF NOT EXISTS bench_template_topics AS SELECT "Id" FROM topics WHERE "RoundId" IN (SELECT "Id" FROM bench_template_rounds);
            """);
        var templates = Scalar(connection, "SELECT COUNT(*) FROM bench_template_enterprises");
        var count = Scalar(connection, "SELECT COUNT(*) FROM enterprises");
        var first = count / templates;
        var last = (enterprises + templates - 1) / templates - 1;
        if (last < first) return count;
        Execute(connection, $"""
            DROP TABLE IF EXISTS copies;
            CREATE TEMP TABLE copies AS WITH RECURSIVE k(n) AS (SELECT {first} UNION ALL SELECT n + 1 FROM k WHERE n < {last}) SELECT n FROM k;
            """);
        Copy(connection, sql, "enterprises", """ "Id" IN (SELECT "Id" FROM bench_template_enterprises)""",
            ("Name", """ "Name" || '（' || copies.n || '）'"""), ("CreditCode", sql.CreditCode));
        Copy(connection, sql, "rounds", """ "Id" IN (SELECT "Id" FROM bench_template_rounds)""", ("Filing_ContractNumber", """ "Filing_ContractNumber" || '-' || copies.n"""));
        Copy(connection, sql, "workflow_instances", """ "Id" IN (SELECT "WorkflowInstanceId" FROM bench_template_rounds)""");
        Copy(connection, sql, "topics", """ "Id" IN (SELECT "Id" FROM bench_template_topics)""");
        Copy(connection, sql, "positions", """ "TopicId" IN (SELECT "Id" FROM bench_template_topics)""");
        Copy(connection, sql, "meetings", """ "RoundId" IN (SELECT "Id" FROM bench_template_rounds)""");
        Copy(connection, sql, "instructor_assignments", """ "EnterpriseId" IN (SELECT "Id" FROM bench_template_enterprises)""");
        transaction.Commit();
        return Scalar(connection, "SELECT COUNT(*) FROM enterprises");
    }

    /// <summary>What differs between the providers: listing a table's columns and renumbering an id.</summary>
    private sealed record Dialect(string Columns, Func<string, string> Renumbered, string CreditCode)
    {
        // Columns as (name, type, whether the database numbers it).
        public static readonly Dialect Sqlite = new(
            "SELECT name, type, pk > 0 AND type = 'INTEGER' FROM pragma_table_info('{0}')",
            id => $"""substr("{id}", 1, 24) || printf('%012X', copies.n)""",
            """'9' || printf('%07d', copies.n) || printf('%010d', enterprises.rowid)""");

        public static readonly Dialect PostgreSql = new(
            "SELECT column_name, data_type, is_identity = 'YES' FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{0}'",
            id => $"""overlay("{id}"::text placing lpad(to_hex(copies.n), 12, '0') from 25 for 12)::uuid""",
            """'9' || lpad(copies.n::text, 7, '0') || upper(right(replace(enterprises."Id"::text, '-', ''), 10))""");
    }

    private static void Copy(DbConnection connection, Dialect sql, string table, string templates, params (string Column, string Value)[] unique)
    {
        var columns = new List<(string Name, string Type, bool Numbered)>();
        using (var info = connection.CreateCommand())
        {
            info.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql.Columns, table);
            using var reader = info.ExecuteReader();
            while (reader.Read()) columns.Add((reader.GetString(0), reader.GetString(1), Convert.ToBoolean(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)));
        }
        // A numbered key is numbered by the database; a Guid key and every Guid reference to a copied row get the copy's number.
        var copied = columns.Where(c => !c.Numbered).ToList();
        string Value((string Name, string Type, bool Numbered) c) =>
            unique.FirstOrDefault(u => u.Column == c.Name).Value
            ?? (Ids.Contains(c.Name) && c.Type is "TEXT" or "uuid" ? sql.Renumbered(c.Name) : $"\"{c.Name}\"");
        Execute(connection, $"INSERT INTO {table} ({string.Join(", ", copied.Select(c => $"\"{c.Name}\""))}) " +
            $"SELECT {string.Join(", ", copied.Select(Value))} FROM {table} CROSS JOIN copies WHERE {templates}");
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    private static int Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
