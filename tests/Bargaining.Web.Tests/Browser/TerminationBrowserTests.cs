using Bargaining.Domain;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds.Termination;
using Bargaining.Tests.Shared;
using Bargaining.Web.Tests.Api;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Bargaining.Web.Tests.Browser.RoundPages;
using static Microsoft.Playwright.Assertions;

namespace Bargaining.Web.Tests.Browser;

/// <summary>A contract in force rescinded by consensus in the browser (Art 39–41): the employer proposes, the chair confirms (its own host: the clock moves).</summary>
// Provider-independent (pages in a browser): SQLite only, see scripts/test.sh.
[Trait("Database", "SqliteOnly")]
public sealed class TerminationBrowserTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Enterprise = "盐城华泰纺织有限公司";

    [Fact]
    public async Task The_employer_proposes_to_rescind_the_contract_the_chair_confirms_and_the_notice_verify_and_counts_follow()
    {
        // A wage contract filed today (2 March 2026) with the term 1 April 2026 – 31 March 2029; effective after 15 days; published.
        using var table = await RoundTable.SeatAsync(app, Enterprise);
        var (round, code) = await table.PublishedAsync();
        var enterprise = app.Enterprises[Enterprise];

        var employer = await app.SignInPageAsync(await app.AccountAsync(Role.EmployerRepresentative, app.Yandu.Id, enterprise.Id, "李明"));
        await employer.GotoAsync($"/Rounds/{round}");
        await Expect(employer.Locator("#stage")).ToHaveTextAsync("已生效");
        await employer.SelectOptionAsync("#terminate-reason", "Consensus");
        await employer.FillAsync("#terminate-grounds", "企业转产，双方同意解除工资专项集体合同");
        await employer.FillAsync("#terminate-on", "2026-05-01");
        // The minutes of the talks agreeing to rescind, attached as a scan (a PDF).
        byte[] minutes = [.. "%PDF-1.4\n"u8, .. new byte[4096]];
        await employer.SetInputFilesAsync("#terminate-evidence-file", new FilePayload { Name = "解除协商纪要.pdf", MimeType = "application/pdf", Buffer = minutes });
        await ActAsync(employer, "#terminate");
        await Expect(employer.Locator("#termination")).ToContainTextAsync("待确认");
        await Expect(employer.Locator("#termination-evidence-file")).ToHaveTextAsync("附件：解除协商纪要.pdf");
        var evidence = await employer.RunAndWaitForDownloadAsync(() => employer.ClickAsync("#termination-evidence-file"));
        var evidencePath = Path.Combine(BrowserApp.Artifacts, "termination-evidence-browser.pdf");
        await evidence.SaveAsAsync(evidencePath);
        Assert.Equal(minutes, await File.ReadAllBytesAsync(evidencePath));
        output.WriteLine(await BrowserApp.ScreenshotAsync(employer, "termination-proposed"));

        var chair = await app.SignInPageAsync(await app.AccountAsync(Role.UnionChair, app.Yandu.Id, enterprise.Id, enterprise.ChairName));
        await chair.GotoAsync($"/Rounds/{round}");
        await Expect(chair.Locator("#termination")).ToContainTextAsync("《集体合同规定》第三十九条");
        await ActAsync(chair, "#confirm-termination");
        await Expect(chair.Locator("#stage")).ToHaveTextAsync("已解除");
        await Expect(chair.Locator("#termination-stage")).ToHaveTextAsync("已解除");
        output.WriteLine(await BrowserApp.ScreenshotAsync(chair, "termination-confirmed"));

        var download = await chair.RunAndWaitForDownloadAsync(() => chair.ClickAsync("[data-document=TerminationNotice]"));
        var pdfPath = Path.Combine(BrowserApp.Artifacts, "termination-notice-browser.pdf");
        await download.SaveAsAsync(pdfPath);
        output.WriteLine(pdfPath);
        var text = PrintedPdf.Text(await File.ReadAllBytesAsync(pdfPath));
        Assert.Contains("集体合同解除告知书", text);
        Assert.Contains("双方协商一致解除（《集体合同规定》第三十九条）", text);
        Assert.Contains("附件：解除协商纪要.pdf", text);

        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync($"/Verify?Code={code}");
        await Expect(visitor.Locator("#contract-stage")).ToHaveTextAsync("已解除");
        await Expect(visitor.Locator("#contract-ended")).ToContainTextAsync("2026年5月1日");

        var record = await (await table.Chair.GetAsync($"/api/rounds/{round}/termination")).ReadAsync<TerminationRecord>();
        Assert.Equal(("已解除", new DateOnly(2026, 5, 1)), (record.StageName, record.EndedOn));
        using var county = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);
        var inForce = await (await county.GetAsync($"/api/organisations/{app.Yandu.Id}/in-force?on=2026-04-30")).ReadAsync<ContractsInForce>();
        Assert.Equal(1, inForce.Contracts);
        inForce = await (await county.GetAsync($"/api/organisations/{app.Yandu.Id}/in-force?on=2026-05-01")).ReadAsync<ContractsInForce>();
        Assert.Equal(0, inForce.Contracts);
        Assert.Equal(app.Today, (await (await county.GetAsync($"/api/organisations/{app.Yandu.Id}/in-force")).ReadAsync<ContractsInForce>()).On);

        var staff = await app.SignInPageAsync(await app.AccountAsync(Role.CountyStaff, app.Yandu.Id));
        await staff.GotoAsync("/County?on=2026-04-30");
        await Expect(staff.Locator("#in-force-form [data-figure=in-force]")).ToHaveTextAsync("1");
        output.WriteLine(await BrowserApp.ScreenshotAsync(staff, "county-in-force"));
        foreach (var page in new[] { employer, chair, visitor, staff }) await page.Context.CloseAsync();
    }
}
