using System.Net;
using System.Net.Http.Json;
using Bargaining.Domain;
using Bargaining.Persistence;
using Microsoft.Data.Sqlite;

namespace Bargaining.Web.Tests.Api;

/// <summary>A host whose writes wait at most one second for the database.</summary>
public sealed class ImpatientWebAppFactory : WebAppFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Bargaining:BusyTimeoutSeconds", "1");
    }
}

/// <summary>
/// While another process holds the database's write lock, reads still answer and a write is a 503 with Retry-After
/// and a Chinese message, never a 500; nothing is half-written and the same request succeeds once the lock is free.
/// </summary>
[Trait("Database", "SqliteOnly")]
public sealed class BusyApiTests(ImpatientWebAppFactory app) : IClassFixture<ImpatientWebAppFactory>
{
    [Fact]
    public async Task A_write_is_a_503_with_retry_after_while_the_database_is_locked_and_reads_still_answer()
    {
        var yandu = app.Enterprises["盐城恒达精密机械有限公司"].OrganisationId;
        using var city = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);
        var campaign = new { name = "2026年春季集中要约行动", startsOn = "2026-03-02", endsOn = "2026-05-31", organisationIds = new[] { yandu },
            offerRateTarget = 80, signingRateTarget = 60, workersCoveredTarget = 1000 };

        await using (var writer = new SqliteConnection(new SqliteConnectionStringBuilder(DatabaseSettings.Sqlite(app.DatabaseFile).ConnectionString) { Pooling = false }.ToString()))
        {
            await writer.OpenAsync();
            await using (var begin = writer.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                await begin.ExecuteNonQueryAsync();
            }

            var busy = await city.PostAsJsonAsync("/api/campaigns", campaign);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(2), busy.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
            Assert.Contains("系统繁忙", await busy.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var read = await city.GetAsync("/api/campaigns");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal("[]", await read.Content.ReadAsStringAsync()); // the refused write left nothing behind
        }

        Assert.Equal(HttpStatusCode.Created, (await city.PostAsJsonAsync("/api/campaigns", campaign)).StatusCode);
    }
}
