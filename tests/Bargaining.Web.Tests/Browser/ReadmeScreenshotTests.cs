using Bargaining.Demo;
using Bargaining.Domain;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Bargaining.Web.Tests.Browser;

/// <summary>
/// The screens the README shows, on the generated city of 240 enterprises, each checked for what it must show before it is kept as
/// <c>test-artifacts/readme-*.png</c>; <c>scripts/screenshots.sh</c> copies them to <c>docs/screenshots/</c>.
/// </summary>
// Provider-independent (pages in a browser): SQLite only, see scripts/test.sh.
[Trait("Database", "SqliteOnly")]
public sealed class ReadmeScreenshotTests(FullDemoBrowserApp app, ITestOutputHelper output) : IClassFixture<FullDemoBrowserApp>
{
    [Fact]
    public async Task The_city_dashboard_the_county_page_a_round_at_the_table_and_the_offer_form()
    {
        var city = await app.SignInPageAsync(await app.AccountAsync(Role.CityAdministrator, app.City.Id, displayName: "孙海"));
        await Expect(city.Locator("#rate-chart svg")).ToBeVisibleAsync();
        await Keep(city, "city-dashboard");

        var table = app.Demo.Enterprises.First(e => e.Fate == DemoFate.Bargaining && e.Chair is not null);
        var county = await app.SignInPageAsync(await app.AccountAsync(Role.CountyStaff, table.Chair!.OrganisationId, displayName: "陆晓燕"));
        await Expect(county.Locator("#enterprises")).ToContainTextAsync(table.Name);
        await Keep(county, "county");

        var chair = await app.SignInPageAsync(await app.AccountAsync(Role.UnionChair, table.Chair.OrganisationId, table.EnterpriseId, table.Chair.Name.Split('（')[0]));
        await chair.GotoAsync($"/Rounds/{table.RoundId}");
        await Expect(chair.Locator("#topics")).ToContainTextAsync("劳动报酬");
        await Keep(chair, "round", from: "#steps");

        await chair.GotoAsync("/Rounds/New");
        await chair.SelectOptionAsync("#Kind", "Comprehensive");
        await chair.ClickAsync("#start-round");
        await Expect(chair.Locator("#offer-form")).ToBeVisibleAsync();
        await Keep(chair, "offer", from: "#offer-form");
        foreach (var page in new[] { city, county, chair }) await page.Context.CloseAsync();
    }

    /// <summary>Keeps 1280 × 900 pixels of the page, from its top or from a little above <paramref name="from"/>.</summary>
    private async Task Keep(IPage page, string name, string? from = null)
    {
        var path = Path.Combine(BrowserApp.Artifacts, $"readme-{name}.png");
        var top = from is null ? 0 : Math.Max(0, (await page.Locator(from).BoundingBoxAsync())!.Y - 80);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Clip = new Clip { X = 0, Y = top, Width = 1280, Height = 900 }, FullPage = true });
        output.WriteLine(path);
    }
}
