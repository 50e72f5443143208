using System.Data.Common;

namespace Bargaining.Benchmarks;

/// <summary>Reads back, from an open connection, the settings that decide durability and waiting for locks.</summary>
internal static class SqliteSettings
{
    public static string Read(DbConnection connection) =>
        $"journal_mode={Pragma(connection, "journal_mode")}, synchronous={Synchronous(Pragma(connection, "synchronous"))}, " +
        $"foreign_keys={Pragma(connection, "foreign_keys")}, busy_timeout={Pragma(connection, "busy_timeout")}";

    private static string Synchronous(string level) => level switch
    {
        "0" => "OFF", "1" => "NORMAL", "2" => "FULL", "3" => "EXTRA", _ => level,
    };

    private static string Pragma(DbConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
