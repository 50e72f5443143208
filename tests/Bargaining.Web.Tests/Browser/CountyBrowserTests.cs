using Bargaining.Domain;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Xunit.Abstractions;

namespace Bargaining.Web.Tests.Browser;

/// <summary>County staff at work in the browser: offers for several enterprises at once, an instructor assigned, the list exported.</summary>
// Provider-independent (pages in a browser): SQLite only, see scripts/test.sh.
[Trait("Database", "SqliteOnly")]
public sealed class CountyBrowserTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task County_staff_launch_offers_for_two_enterprises_assign_an_instructor_and_export_the_list()
    {
        var instructor = await app.AccountAsync(Role.Instructor, app.Tinghu.Id, displayName: "缪建华");
        var page = await app.SignInPageAsync(await app.AccountAsync(Role.CountyStaff, app.Tinghu.Id, displayName: "陆晓燕"));
        Assert.EndsWith("/County", page.Url, StringComparison.Ordinal);
        var tinghu = app.Enterprises.Values.Where(e => e.OrganisationId == app.Tinghu.Id).OrderBy(e => e.Name, StringComparer.Ordinal).Take(2).ToList();

        // Nothing ticked: refused in Chinese, nothing launched.
        await page.ClickAsync("#launch");
        Assert.Contains("请先勾选要发出要约的企业", await page.InnerTextAsync("[role=alert]"));

        foreach (var e in tinghu) await page.CheckAsync($"input[name=selected][value='{e.Id}']");
        await page.ClickAsync("#launch");
        var report = await page.InnerTextAsync("#launch-report");
        Assert.Contains("已发出要约 2 家", report);
        foreach (var e in tinghu)
            Assert.Contains("已要约", await page.InnerTextAsync($"tr[data-enterprise='{e.Id}']"));
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "county-launched"));

        await page.CheckAsync($"input[name=selected][value='{tinghu[0].Id}']");
        await page.SelectOptionAsync("select[name=instructor]", new SelectOptionValue { Label = "缪建华" });
        await page.ClickAsync("#assign");
        Assert.Contains("已为 1 家企业指派指导员 缪建华", await page.InnerTextAsync("#notice"));
        Assert.Contains("缪建华", await page.InnerTextAsync($"tr[data-enterprise='{tinghu[0].Id}']"));

        // The instructor's own list holds the enterprise assigned to him, and only that one.
        var instructorPage = await app.SignInPageAsync(instructor);
        await instructorPage.GotoAsync("/County");
        Assert.Equal(1, await instructorPage.Locator("#enterprises tbody tr[data-enterprise]").CountAsync());
        Assert.Contains(tinghu[0].Name, await instructorPage.InnerTextAsync("#enterprises"));
        await instructorPage.Context.CloseAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-xlsx"));
        var file = Path.Combine(BrowserApp.Artifacts, "county-enterprises.xlsx");
        await download.SaveAsAsync(file);
        using (var workbook = SpreadsheetDocument.Open(file, false))
        {
            var strings = workbook.WorkbookPart!.SharedStringTablePart?.SharedStringTable.InnerText ?? "";
            var sheet = workbook.WorkbookPart.WorksheetParts.Single().Worksheet.InnerText;
            foreach (var e in tinghu) Assert.Contains(e.Name, strings + sheet);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task County_staff_launch_offers_for_every_enterprise_the_filters_match_beyond_the_page_shown()
    {
        // 盐都区 gets 60 more enterprises: 65 without a round, 50 on the first page.
        await app.ImportAsync(app.Yandu, [.. Enumerable.Range(1, 60).Select(i => $"盐都第{i:D2}纺织有限公司")], 100);
        var page = await app.SignInPageAsync(await app.AccountAsync(Role.CountyStaff, app.Yandu.Id, displayName: "沈丽娟"));
        await page.GotoAsync("/County?withoutRound=true&search=纺织");
        Assert.Equal(50, await page.Locator("#enterprises tbody tr[data-enterprise]").CountAsync());
        var matching = await app.WithDbAsync(db => db.Enterprises.CountAsync(e => e.OrganisationId == app.Yandu.Id && e.Name.Contains("纺织")));
        Assert.Equal(61, matching); // and 盐城华泰纺织有限公司

        await Expect(page.Locator("label[for=launch-all], label:has(#launch-all)")).ToContainTextAsync("全部 61 家企业");
        await page.CheckAsync("#launch-all");
        await page.ClickAsync("#launch");
        await Expect(page.Locator("#launch-report")).ToContainTextAsync("已发出要约 61 家", new() { Timeout = 120_000 });
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "county-launched-all"));

        var offered = await app.WithDbAsync(db => db.Rounds.CountAsync(r => db.Enterprises.Any(e => e.Id == r.EnterpriseId && e.OrganisationId == app.Yandu.Id && e.Name.Contains("纺织"))));
        Assert.Equal(61, offered);
        // The rest of the county was not filtered in, so it got none.
        Assert.Equal(0, await app.WithDbAsync(db => db.Rounds.CountAsync(r => db.Enterprises.Any(e => e.Id == r.EnterpriseId && e.OrganisationId == app.Yandu.Id && !e.Name.Contains("纺织")))));
        await page.Context.CloseAsync();
    }
}
