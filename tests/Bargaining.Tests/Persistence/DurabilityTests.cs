using Bargaining.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Persistence;

// A committed change must survive a power cut: WAL with synchronous=FULL. The app sets no pragma for it and relies
// on the bundled SQLite's compiled-in default, so a package update that weakened it would fail here.
// SQLite's own settings.
[Trait("Database", "SqliteOnly")]
public sealed class DurabilityTests
{
    [Fact]
    public async Task Every_connection_the_app_opens_is_durable_and_checks_foreign_keys()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));

        var (journal, synchronous, foreignKeys) = await host.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            async Task<string> Pragma(string name)
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = $"PRAGMA {name}";
                return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
            }
            return (await Pragma("journal_mode"), await Pragma("synchronous"), await Pragma("foreign_keys"));
        });

        Assert.Equal(("wal", "2", "1"), (journal, synchronous, foreignKeys)); // 2 = FULL
    }
}
