using Bargaining.Persistence;

namespace Bargaining.Cli;

/// <summary>Options of the form <c>--name value</c>.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Arguments Parse(string[] args)
    {
        var result = new Arguments();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"expected '--option value', got '{args[i]}'");
            result._values[args[i][2..]] = args[++i];
        }
        return result;
    }

    public string? this[string name] => _values.GetValueOrDefault(name);

    /// <summary>
    /// The database: <c>--db FILE</c> (SQLite), else the web host's settings from the environment
    /// (<c>Bargaining__DatabaseProvider</c>, <c>Bargaining__Database</c>, <c>Bargaining__ConnectionString</c>), else
    /// <paramref name="defaultFile"/>; a SQLite file must exist unless it is to be created.
    /// </summary>
    public DatabaseSettings Database(string? defaultFile = null, bool create = false)
    {
        var provider = Environment.GetEnvironmentVariable("Bargaining__DatabaseProvider");
        var settings = this["db"] is { } file
            ? DatabaseSettings.Sqlite(file)
            : DatabaseSettings.From(provider,
                Environment.GetEnvironmentVariable("Bargaining__Database") ?? defaultFile
                    ?? (string.Equals(provider, nameof(DatabaseProvider.PostgreSql), StringComparison.OrdinalIgnoreCase) ? null : throw new ArgumentException("--db FILE is required")),
                Environment.GetEnvironmentVariable("Bargaining__ConnectionString"));
        if (!create && settings.SqliteFile is { } path && !File.Exists(path)) throw new ArgumentException($"no database file '{path}'");
        return settings;
    }

    public string Workflows => this["workflows"] ?? BargainingOptions.FindWorkflowsDirectory();

    /// <summary>
    /// The application's options on <paramref name="database"/>, with the journal key as the web host reads it
    /// (<c>Bargaining__JournalKey</c>, or the file <c>--journal-key-file FILE</c> or <c>Bargaining__JournalKeyFile</c>,
    /// else the default file of the database).
    /// </summary>
    public BargainingOptions Options(DatabaseSettings database)
    {
        var options = new BargainingOptions(Workflows, database) { JournalKey = Environment.GetEnvironmentVariable("Bargaining__JournalKey") };
        return (this["journal-key-file"] ?? Environment.GetEnvironmentVariable("Bargaining__JournalKeyFile")) is { Length: > 0 } file
            ? options with { JournalKeyFile = Path.GetFullPath(file) }
            : options;
    }
}
