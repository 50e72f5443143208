using Bargaining.Domain;
using Bargaining.Features.Campaigns;
using Bargaining.Features.Organisations;
using Bargaining.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Persistence;

// Queries never take the write lock, and a writer that cannot get it in time is told "busy" with nothing written
// (issue 11: a 7 s dashboard read used to hold SQLite's write lock and other requests failed with 500).
public sealed class ReadWriteTests
{
    private static readonly CurrentUser City = new("u-city", "盐城市总工会", Role.CityAdministrator, Guid.Empty);

    /// <summary>A campaign of 盐都区 named <paramref name="name"/>, a command that writes one row.</summary>
    private static async Task<CreateCampaignCommand> CampaignAsync(BargainingHost host, string name) =>
        new(name, new DateOnly(2026, 3, 2), new DateOnly(2026, 5, 31),
            [await host.WithDbAsync(db => db.Organisations.Where(o => o.Code == "320903").Select(o => o.Id).SingleAsync())], 80m, 60m, 10_000);

    /// <summary>A host on the repository's organisation tree.</summary>
    private static async Task<BargainingHost> StartAsync(TimeSpan? busyTimeout = null)
    {
        var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9), busyTimeout: busyTimeout);
        await host.ImportOrganisationsAsync();
        return host;
    }

    /// <summary>Another connection holding SQLite's write lock, as a long write elsewhere would, until disposed.</summary>
    private static async Task<SqliteConnection> HoldWriteLockAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(DatabaseSettings.Sqlite(path).ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        return connection;
    }

    [Fact, Trait("Database", "SqliteOnly")]
    public async Task A_query_answers_while_another_connection_holds_the_write_lock()
    {
        await using var host = await StartAsync();

        await using var writer = await HoldWriteLockAsync(host.SqlitePath!);
        var units = await host.SendAsync(new OrganisationListQuery(), City);

        Assert.Equal(12, units.Count); // the city union and the 11 units of organisations.json
    }

    [Fact]
    public async Task A_read_sees_one_snapshot_and_a_command_commits_while_it_is_open()
    {
        await using var host = await StartAsync();
        await host.SendAsync(await CampaignAsync(host, "2026年春季集中要约行动"), City);

        await host.WithDbAsync(async db =>
        {
            await using var read = await db.Database.BeginReadAsync();
            Assert.Equal(1, await db.Campaigns.CountAsync());

            await host.SendAsync(await CampaignAsync(host, "2026年秋季集中要约行动"), City); // not kept waiting by the open read

            Assert.Equal(1, await db.Campaigns.CountAsync()); // the read's snapshot
            return 0;
        });
        Assert.Equal(2, await host.WithDbAsync(db => db.Campaigns.CountAsync()));
    }

    [Fact, Trait("Database", "SqliteOnly")]
    public async Task A_command_that_cannot_get_the_write_lock_in_time_is_refused_as_busy_with_nothing_written()
    {
        await using var host = await StartAsync(busyTimeout: TimeSpan.FromSeconds(1));

        await using (await HoldWriteLockAsync(host.SqlitePath!))
        {
            var command = await CampaignAsync(host, "2026年春季集中要约行动");
            var busy = await Assert.ThrowsAsync<DomainException>(() => host.SendAsync(command, City));
            Assert.Equal((FailureKind.Busy, "busy"), (busy.Kind, busy.Code));
            Assert.Contains("稍后重试", busy.Message, StringComparison.Ordinal);
        }
        Assert.Equal(0, await host.WithDbAsync(db => db.Campaigns.CountAsync()));

        await host.SendAsync(await CampaignAsync(host, "2026年春季集中要约行动"), City); // tried again once the lock is free
        Assert.Equal(1, await host.WithDbAsync(db => db.Campaigns.CountAsync()));
    }

    [Fact, Trait("Database", "SqliteOnly")]
    public async Task Writers_in_one_process_queue_for_the_file_instead_of_failing()
    {
        // Sixteen writers at once queue at the writer gate, each waiting for those before it. The busy timeout is what a
        // loaded machine needs for the last of them (1 s failed at load 35); the gate's own tests (WriterGateTests)
        // check the order and the release without timing.
        await using var host = await StartAsync(busyTimeout: TimeSpan.FromSeconds(15));

        await Task.WhenAll(Enumerable.Range(1, 16).Select(i => Task.Run(async () => await host.SendAsync(await CampaignAsync(host, $"第{i}次集中要约行动"), City))));

        Assert.Equal(16, await host.WithDbAsync(db => db.Campaigns.CountAsync()));
    }

    [Fact]
    public void Busy_is_told_apart_from_other_database_failures()
    {
        Assert.True(Database.IsBusy(new DbUpdateException("save failed", new SqliteException("database is locked", 5))));
        Assert.True(Database.IsBusy(new SqliteException("database table is locked", 6)));
        Assert.False(Database.IsBusy(new SqliteException("UNIQUE constraint failed", 19)));
        Assert.False(Database.IsBusy(new InvalidOperationException("not a database failure")));
    }
}
