using Bargaining.Domain;
using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Bargaining.Web.Tests.Browser;

/// <summary>The city union's dashboard over a generated city, against figures counted straight from the database.</summary>
// Provider-independent (pages in a browser): SQLite only, see scripts/test.sh.
[Trait("Database", "SqliteOnly")]
public sealed class CityDashboardBrowserTests(DemoBrowserApp app, ITestOutputHelper output) : IClassFixture<DemoBrowserApp>
{
    [Fact]
    public async Task The_city_dashboard_shows_the_numbers_the_database_holds_and_draws_its_charts()
    {
        var campaign = app.Demo.CampaignId;
        var (enterprises, offered, effective, workers) = await app.WithDbAsync(async db =>
        {
            // In effect: waiting at its "effective" step for the publication (Art 48), or published and in force.
            var instances = db.Set<WorkflowInstanceRecord>().Where(i => i.Outcome == "effective" || i.State.Contains("\"node\":\"effective\"") || i.State.Contains("\"node\":\"published\""));
            var effectiveRounds = db.Rounds.Join(instances, r => r.WorkflowInstanceId, i => i.Id, (r, i) => r);
            var covered = await db.Enterprises.Where(e => effectiveRounds.Any(r => r.EnterpriseId == e.Id)).ToListAsync();
            return (await db.Enterprises.CountAsync(),
                await db.Rounds.Where(r => r.Offer.CampaignId == campaign).Select(r => r.EnterpriseId).Distinct().CountAsync(),
                covered.Count, covered.Sum(e => e.Employees));
        });
        Assert.True(effective > 0 && offered > effective, $"the generated city should have offers and effective contracts ({offered}, {effective})");

        var page = await app.SignInPageAsync(await app.AccountAsync(Role.CityAdministrator, app.City.Id, displayName: "孙海"));
        Assert.EndsWith("/City", page.Url);

        Assert.Equal(enterprises.ToString(), await Figure(page, "enterprises"));
        Assert.Equal(offered.ToString(), await Figure(page, "offered"));
        Assert.Equal(effective.ToString(), await Figure(page, "effective"));
        Assert.Equal(workers.ToString(), await Figure(page, "workers"));
        Assert.Equal(12, await page.Locator("#dashboard tbody tr").CountAsync());             // 11 county-level unions and the total
        await Expect(page.Locator("#dashboard tr.total")).ToContainTextAsync(enterprises.ToString());
        await Expect(page.Locator("#funnel-chart svg")).ToBeVisibleAsync();
        await Expect(page.Locator("#rate-chart svg")).ToBeVisibleAsync();
        await Expect(page.Locator("#funnel-chart")).ToContainTextAsync("各地协商进展");
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "city-dashboard"));

        // Drill down from the city to a county.
        await page.ClickAsync("#dashboard tbody tr:first-child td a");
        await page.WaitForURLAsync(url => url.Contains("/County?unit=", StringComparison.Ordinal));
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "city-drill-down-county"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_union_chair_opening_the_city_dashboard_gets_the_403_page()
    {
        var enterprise = app.Demo.Enterprises.First(e => e.Chair is not null);
        var page = await app.SignInPageAsync(await app.AccountAsync(Role.UnionChair, enterprise.Chair!.OrganisationId, enterprise.EnterpriseId));

        var response = await page.GotoAsync("/City");

        Assert.Equal(403, response!.Status);
        Assert.Equal("无权访问", await page.InnerTextAsync("main h1"));
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "forbidden-City"));
        await page.Context.CloseAsync();
    }

    private static async Task<string> Figure(IPage page, string name) => (await page.InnerTextAsync($"#totals [data-figure={name}]")).Trim();
}
