using Microsoft.Data.Sqlite;

namespace Bargaining.Benchmarks;

/// <summary>A fresh SQLite file in the temp folder, deleted with its WAL, shared-memory and journal-key files on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bargaining-bench-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".journal-key" }) File.Delete(Path + suffix);
    }
}
