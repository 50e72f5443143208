using System.Net;
using System.Text.Json;
using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Table;
using Bargaining.Persistence;
using Bargaining.Workflows;
using Bargaining.Workflows.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Web.Tests.Upgrade;

/// <summary>
/// The host started on a copy of <c>Fixtures/current-release.db</c>: a SQLite file made by the release before
/// migrations (tables from EnsureCreated, no migrations history) with the generated city of 22 enterprises, their
/// rounds at every stage, and demo accounts (password <see cref="WebAppFactory.Password"/>). Made by that release's
/// <c>YanchengDemo.CreateAsync(…, 22)</c> with the accounts <c>DemoSeeder</c> creates, then <c>VACUUM INTO</c>.
/// </summary>
public sealed class CurrentReleaseApp : WebAppFactory
{
    /// <summary>A round at the table in the fixture; its chair signs in as <c>chair</c>.</summary>
    public static readonly Guid TableRound = Guid.Parse("019cd01b-aa80-7b48-9a5c-a1fb8cdbfd3a");

    /// <summary>Every row of every table of the fixture, per table, before the new release opened it.</summary>
    public IReadOnlyDictionary<string, List<string>> RowsBefore { get; private set; } = null!;

    /// <summary>A payload protected as a sign-in cookie is, by the key ring the release before kept beside its file.</summary>
    public string CookieBefore { get; private set; } = null!;

    public static readonly string[] CookiePurpose = ["Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Identity.Application", "v2"];

    protected override Task BeforeStartAsync()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Upgrade", "Fixtures", "current-release.db"), Database.SqliteFile!);
        RowsBefore = Rows(Database.SqliteFile!);
        // That release's key ring: a folder FILE.keys written by the file-system key store.
        var before = DataProtectionProvider.Create(new DirectoryInfo(Database.SqliteFile + ".keys"), b => b.SetApplicationName("Bargaining"));
        CookieBefore = before.CreateProtector(CookiePurpose).Protect("signed in before the upgrade");
        return Task.CompletedTask;
    }

    protected override Task BeforeDisposeAsync()
    {
        Directory.Delete(Database.SqliteFile + ".keys", recursive: true);
        return Task.CompletedTask;
    }

    protected override Task SeedAsync() => Task.CompletedTask;

    /// <summary>
    /// Every row of every table (but the migrations' own), each written out with its values' types, with only the
    /// columns <paramref name="before"/> has for that table, when given (the columns a later migration added are left out),
    /// and without the journal's seals (the host seals the entries of an older release on start).
    /// </summary>
    public static Dictionary<string, List<string>> Rows(string file, IReadOnlyDictionary<string, List<string>>? before = null)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'";
            using var reader = command.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        var rows = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = command.ExecuteReader();
            var list = new List<string>();
            var kept = before?.GetValueOrDefault(table)?.FirstOrDefault()?.Split('|').Select(v => v[..v.IndexOf('=')]).ToHashSet(StringComparer.Ordinal);
            while (reader.Read())
                list.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Where(i => (kept is null || kept.Contains(reader.GetName(i))) && reader.GetName(i) != nameof(WorkflowJournalRecord.Seal)).Select(i => $"{reader.GetName(i)}={reader.GetDataTypeName(i)}:{(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))}")));
            list.Sort(StringComparer.Ordinal);
            rows[table] = list;
        }
        return rows;
    }
}

[Trait("Database", "SqliteOnly")]
public sealed class UpgradeInPlaceTests(CurrentReleaseApp app) : IClassFixture<CurrentReleaseApp>
{
    [Fact]
    public async Task A_database_of_the_release_before_migrations_keeps_every_row_and_works_after_the_upgrade()
    {
        // Every row of every table is there, unchanged, and the new table (the sign-in keys) has been added.
        var after = CurrentReleaseApp.Rows(app.DatabaseFile, app.RowsBefore);
        Assert.Equal(20, app.RowsBefore["rounds"].Count);
        Assert.Equal(6, app.RowsBefore["AspNetUsers"].Count);
        foreach (var (table, rows) in app.RowsBefore) Assert.Equal(rows, after[table]);
        Assert.Contains("DataProtectionKeys", after.Keys);

        // The sign-in keys the release before kept beside its file are in the database now: a cookie it issued is still read.
        Assert.NotEmpty(after["DataProtectionKeys"]);
        var protection = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(CurrentReleaseApp.CookiePurpose);
        Assert.Equal("signed in before the upgrade", protection.Unprotect(app.CookieBefore));

        // The migrations are recorded: the initial one as the baseline, the later ones as applied; and every old
        // round has its summary (the dashboard's figures), written from its workflow on the first start.
        var (applied, all) = await app.WithDbAsync(async db => ((await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.GetMigrations().ToList()));
        Assert.EndsWith("_Initial", applied[0]);
        Assert.Equal(all, applied);
        Assert.Equal(20, await app.WithDbAsync(db => db.RoundProgress.CountAsync()));

        // Every old journal entry was sealed on the first start (its chain held), so every journal verifies with the key.
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<WorkflowJournalRecord>().CountAsync(j => j.Seal == null)));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
            var instances = await scope.ServiceProvider.GetRequiredService<BargainingDbContext>().Set<WorkflowInstanceRecord>().Select(i => i.Id).ToListAsync();
            Assert.Equal(20, instances.Count);
            foreach (var id in instances) Assert.True((await engine.VerifyJournalAsync(id)).Valid, id.ToString());
        }

        // An old account signs in; a query and a command on an old round answer as before.
        var journal = await app.WithDbAsync(db => db.Set<WorkflowJournalRecord>().AsNoTracking().Select(j => j.At).ToListAsync());
        app.Clock.SetUtcNow(journal.Max().AddMinutes(5));
        using var chair = await app.SignInAsync("chair");
        var timeline = await (await chair.GetAsync($"/api/rounds/{CurrentReleaseApp.TableRound}")).ReadAsync<JsonElement>();
        Assert.Equal(CurrentReleaseApp.TableRound, timeline.GetProperty("roundId").GetGuid());
        var topics = await app.WithDbAsync(db => db.Topics.CountAsync(t => t.RoundId == CurrentReleaseApp.TableRound));
        var raised = await chair.PostJsonAsync($"/api/rounds/{CurrentReleaseApp.TableRound}/topics",
            new ProposeCommand(CurrentReleaseApp.TableRound, Side.Worker, new TopicProposal("rewards-discipline", "考勤奖惩制度须经职代会讨论")));
        await raised.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(topics + 1, await app.WithDbAsync(db => db.Topics.CountAsync(t => t.RoundId == CurrentReleaseApp.TableRound)));
    }
}
