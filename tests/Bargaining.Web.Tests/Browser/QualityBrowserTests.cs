using Bargaining.Domain;
using Bargaining.Features.Catalogue;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Bargaining.Web.Tests.Browser;

/// <summary>The data-quality report: its summary on the city dashboard, the page, the drill-down and the link to where an item is fixed.</summary>
// Provider-independent (pages in a browser): SQLite only, see scripts/test.sh.
[Trait("Database", "SqliteOnly")]
public sealed class QualityBrowserTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_city_union_follows_a_defect_from_the_dashboard_to_the_enterprise_it_fixes()
    {
        var xinyuan = app.Enterprises["盐城鑫源电子有限公司"];
        var invalid = xinyuan.CreditCode[..17] + (xinyuan.CreditCode[17] == '0' ? '1' : '0');
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE enterprises SET \"CreditCode\" = {invalid} WHERE \"Id\" = {xinyuan.Id}"));
        var page = await app.SignInPageAsync(await app.AccountAsync(Role.CityAdministrator, app.City.Id, displayName: "孙海"));
        Assert.EndsWith("/City", page.Url);

        await Expect(page.Locator($"#quality-summary [data-kind={QualityIssues.CreditCodeInvalid}] b")).ToHaveTextAsync("1");
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "city-quality-summary"));
        await page.ClickAsync("#quality-link");
        await page.WaitForURLAsync(url => url.EndsWith("/City/Quality", StringComparison.Ordinal));
        await Expect(page.Locator("#quality tbody tr")).ToHaveCountAsync(12);                  // 11 county-level unions and the city
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "city-quality"));

        await page.ClickAsync($"#quality tr[data-unit='{app.Yandu.Id}'] td[data-kind={QualityIssues.CreditCodeInvalid}] a");
        await Expect(page.Locator("#items tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#items tbody tr")).ToContainTextAsync("盐城鑫源电子有限公司");
        await Expect(page.Locator("#items tbody tr")).ToContainTextAsync("校验位错误");
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "city-quality-items"));

        await page.ClickAsync("#items tbody tr a");
        await page.WaitForURLAsync(url => url.Contains("/County?unit=", StringComparison.Ordinal));
        await Expect(page.Locator("main")).ToContainTextAsync("盐城鑫源电子有限公司");
        await page.Context.CloseAsync();
    }
}
