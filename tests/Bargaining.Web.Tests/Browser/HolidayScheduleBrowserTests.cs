using Bargaining.Domain;
using Bargaining.Web.Tests.Api;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Bargaining.Web.Tests.Browser;

/// <summary>
/// The city administrator enters the 2027 holiday schedule on 节假日安排 and the round page's deadline moves. The
/// schedule is made up for the test (a Spring Festival from 6 to 17 February 2027).
/// </summary>
// Provider-independent (pages in a browser): SQLite only, see scripts/test.sh.
[Trait("Database", "SqliteOnly")]
public sealed class HolidayScheduleBrowserTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_administrator_enters_the_2027_schedule_and_the_round_pages_reply_deadline_moves_past_the_Spring_Festival()
    {
        await app.AdvanceToAsync(new DateTimeOffset(2027, 1, 25, 9, 0, 0, TimeSpan.FromHours(8)));
        using var table = await RoundTable.SeatAsync(app, "盐城恒达精密机械有限公司");
        var round = await table.OfferedAsync();
        var page = await app.SignInPageAsync(await app.AccountAsync(Role.CityAdministrator, app.City.Id, displayName: "孙海"));

        await page.GotoAsync($"/Rounds/{round}");
        await Expect(page.Locator("#steps")).ToContainTextAsync("2027年2月15日");
        await Expect(page.Locator("#steps .calendar-note")).ToHaveTextAsync("节假日安排未录入，按周末计算");
        await Expect(page.Locator("#calendar-warning")).ToContainTextAsync("2027年的法定节假日安排尚未录入");
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "holidays-round-weekends-only"));

        await page.ClickAsync("#calendar-warning a");
        await Expect(page.Locator("#Year")).ToHaveValueAsync("2027");
        await page.FillAsync("#Holidays", "2027-01-01\n2027-02-06..2027-02-17");
        await page.FillAsync("#Workdays", "2027-02-19");
        await page.ClickAsync("#holiday-year button[type=submit]");
        await Expect(page.Locator("[role=alert]")).ToContainTextAsync("调休上班日 2027-02-19 是星期五");
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "holidays-refused"));

        await page.FillAsync("#Workdays", "2027-02-20");
        await page.ClickAsync("#holiday-year button[type=submit]");
        await Expect(page.Locator(".notice[role=status]")).ToContainTextAsync("1个进行中的协商轮次的期限已重新计算");
        await Expect(page.Locator("#calendar-warning")).ToHaveCountAsync(0);
        await Expect(page.Locator("#holiday-years")).ToContainTextAsync("孙海 于 2027-01-25");
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "holidays-entered"));

        await page.GotoAsync($"/Rounds/{round}");
        await Expect(page.Locator("#steps")).ToContainTextAsync("2027年2月18日");
        await Expect(page.Locator("#steps .calendar-note")).ToHaveCountAsync(0);
        await Expect(page.Locator("main")).ToContainTextAsync("期限重新计算：2027年节假日安排由孙海录入");
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "holidays-round-recounted"));
        await page.Context.CloseAsync();
    }
}
