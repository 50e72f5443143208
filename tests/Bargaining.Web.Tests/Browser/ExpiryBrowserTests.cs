using Bargaining.Domain;
using Bargaining.Tests.Shared;
using Bargaining.Web.Tests.Api;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Bargaining.Web.Tests.Browser;

/// <summary>
/// A contract in force expires at the end of its term by its own timer (Art 38), seen in the browser as the clock moves
/// over three years: renewal offered on its last day, 已期满 the next, on the round page, the list, /Verify and the
/// county's count of contracts in force (its own host: the clock moves).
/// </summary>
// Provider-independent (pages in a browser): SQLite only, see scripts/test.sh.
[Trait("Database", "SqliteOnly")]
public sealed class ExpiryBrowserTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Enterprise = "盐城华泰纺织有限公司";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public async Task The_published_contract_is_renewable_on_its_last_day_and_expired_the_next_everywhere()
    {
        // Filed on 2 March 2026 with the term 1 April 2026 – 31 March 2029; effective after 15 days; published.
        using var table = await RoundTable.SeatAsync(app, Enterprise);
        var (round, code) = await table.PublishedAsync();
        var enterprise = app.Enterprises[Enterprise];
        var chairAccount = await app.AccountAsync(Role.UnionChair, app.Yandu.Id, enterprise.Id, enterprise.ChairName);

        await app.AdvanceToAsync(new DateTimeOffset(2029, 3, 31, 16, 0, 0, China));
        var chair = await app.SignInPageAsync(chairAccount);
        await chair.GotoAsync($"/Rounds/{round}");
        await Expect(chair.Locator("#stage")).ToHaveTextAsync("已生效");
        await Expect(chair.Locator("#renew-form")).ToBeVisibleAsync();
        await chair.Context.CloseAsync();

        await app.AdvanceToAsync(new DateTimeOffset(2029, 4, 1, 8, 30, 0, China));
        chair = await app.SignInPageAsync(chairAccount);
        await chair.GotoAsync($"/Rounds/{round}");
        await Expect(chair.Locator("#stage")).ToHaveTextAsync("已期满");
        await Expect(chair.Locator("#renew-form")).ToHaveCountAsync(0);
        await Expect(chair.Locator("#terminate")).ToHaveCountAsync(0);
        output.WriteLine(await BrowserApp.ScreenshotAsync(chair, "contract-expired"));
        await chair.GotoAsync("/Rounds");
        await Expect(chair.Locator($"tr:has(a[href='/Rounds/{round}'])")).ToContainTextAsync("已期满");

        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync($"/Verify?Code={code}");
        await Expect(visitor.Locator("#contract-stage")).ToHaveTextAsync("已期满");
        await Expect(visitor.Locator("#contract-ended")).ToContainTextAsync("2029年4月1日");

        var staff = await app.SignInPageAsync(await app.AccountAsync(Role.CountyStaff, app.Yandu.Id));
        await staff.GotoAsync("/County?on=2029-03-31");
        await Expect(staff.Locator("#in-force-form [data-figure=in-force]")).ToHaveTextAsync("1");
        await staff.GotoAsync("/County?on=2029-04-01");
        await Expect(staff.Locator("#in-force-form [data-figure=in-force]")).ToHaveTextAsync("0");
        foreach (var page in new[] { chair, visitor, staff }) await page.Context.CloseAsync();
    }
}
