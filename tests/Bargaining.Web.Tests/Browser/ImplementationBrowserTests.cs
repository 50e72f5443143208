using System.Net;
using Bargaining.Domain;
using Bargaining.Features.Rounds.Review;
using Bargaining.Web.Tests.Api;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Bargaining.Web.Tests.Browser;

/// <summary>履约检查 in the browser: the chair draws up the checklist of an effective contract, records an unmet check with its evidence and raises a dispute; the county and the city see the contract.</summary>
// Provider-independent (pages in a browser): SQLite only, see scripts/test.sh.
[Trait("Database", "SqliteOnly")]
public sealed class ImplementationBrowserTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    [Fact]
    public async Task The_chair_records_an_unmet_check_and_the_county_and_the_city_see_the_contract()
    {
        using var table = await RoundTable.SeatAsync(app, "盐城恒达精密机械有限公司");
        var (round, _) = await table.FiledAsync();
        using (var reviewer = await app.SignedInAsync(Role.Reviewer, app.Yandu.Id))
            await (await reviewer.PostJsonAsync($"/api/rounds/{round}/review/clearance", new RecordReviewClearanceCommand(round))).ExpectAsync(HttpStatusCode.NoContent);

        var page = await app.SignInPageAsync(await app.AccountAsync(Role.UnionChair, table.Enterprise.OrganisationId, table.Enterprise.Id, displayName: "王建国"));
        await page.GotoAsync($"/Rounds/{round}");
        await page.ClickAsync("#implementation");
        await page.ClickAsync("#derive");
        Assert.Contains("已根据合同条款生成3项履约事项", await page.InnerTextAsync("#notice"));
        Assert.Contains("工资增长6%（2026年度）", await page.InnerTextAsync("#obligations"));
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "implementation-checklist"));

        // Not met without a note: refused in Chinese, nothing recorded.
        await page.ClickAsync("#obligation-1 summary");
        await page.CheckAsync("#obligation-1 input[name=outcome][value=NotMet]");
        await page.ClickAsync("#obligation-1 .record-check");
        Assert.Contains("未履行或部分履行时，请在备注中写明情况", await page.InnerTextAsync("[role=alert]"));

        await page.ClickAsync("#obligation-1 summary");
        await page.CheckAsync("#obligation-1 input[name=outcome][value=NotMet]");
        await page.FillAsync("#note-1", "4月工资未按6%调增");
        await page.SetInputFilesAsync("#attachment-1", new FilePayload { Name = "4月工资表.png", MimeType = "image/png", Buffer = Png });
        await page.ClickAsync("#obligation-1 .record-check");
        Assert.Contains("已记录检查结果", await page.InnerTextAsync("#notice"));
        Assert.Contains("未履行", await page.InnerTextAsync("#obligations tbody tr:first-child"));

        await page.ClickAsync("#obligation-1 summary");
        await page.FillAsync("#claim-1", "企业未按合同约定调增工资，请求自2026年4月起补发差额");
        await page.ClickAsync("#obligation-1 .raise-dispute");
        Assert.Contains("已提出履约争议", await page.InnerTextAsync("#notice"));
        await page.ClickAsync("#obligation-1 summary");
        Assert.Contains("附件：4月工资表.png", await page.InnerTextAsync("#obligation-1"));
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "implementation-unmet"));
        var record = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#obligation-1 a:has-text('打印争议记录')"));
        Assert.EndsWith(".pdf", record.SuggestedFilename, StringComparison.Ordinal);
        await page.Context.CloseAsync();

        var county = await app.SignInPageAsync(await app.AccountAsync(Role.CountyStaff, app.Yandu.Id, displayName: "张敏"));
        Assert.EndsWith("/County", county.Url, StringComparison.Ordinal);
        var unmet = await county.InnerTextAsync($"#unmet-contracts tr[data-round='{round}']");
        Assert.Contains(table.Enterprise.Name, unmet);
        Assert.Contains("工资增长6%（2026年度） 未履行", unmet);
        output.WriteLine(await BrowserApp.ScreenshotAsync(county, "county-unmet-contracts"));
        await county.Context.CloseAsync();

        var city = await app.SignInPageAsync(await app.AccountAsync(Role.CityAdministrator, app.City.Id, displayName: "市总工会"));
        await city.GotoAsync("/City");
        Assert.Equal("1", (await city.InnerTextAsync($"#unmet-counts tr[data-unit='{app.Yandu.Id}'] td.num")).Trim());
        Assert.Equal("0", (await city.InnerTextAsync($"#unmet-counts tr[data-unit='{app.Tinghu.Id}'] td.num")).Trim());
        await city.Context.CloseAsync();
    }
}
