using System.Globalization;
using Bargaining.Domain;
using Bargaining.Tests.Shared;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Bargaining.Web.Tests.Browser.RoundPages;
using static Microsoft.Playwright.Assertions;

namespace Bargaining.Web.Tests.Browser;

/// <summary>A round from the offer to an effective contract in the browser, across the chair's and the employer's accounts (its own host: the clock moves).</summary>
// Provider-independent (pages in a browser): SQLite only, see scripts/test.sh.
[Trait("Database", "SqliteOnly")]
public sealed class RoundBrowserTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Enterprise = "盐城永盛食品有限公司";

    [Fact]
    public async Task A_chair_and_an_employer_take_a_wage_round_from_the_offer_to_an_effective_printed_and_verified_contract()
    {
        var enterprise = app.Enterprises[Enterprise];
        var chairName = await app.AccountAsync(Role.UnionChair, app.Yandu.Id, enterprise.Id, enterprise.ChairName);
        var employerName = await app.AccountAsync(Role.EmployerRepresentative, app.Yandu.Id, enterprise.Id, "李明");
        var chair = await app.SignInPageAsync(chairName);
        var employer = await app.SignInPageAsync(employerName);

        // The chair starts a wage round and sends the offer with the suggested 6 % rise, 3 representatives a side.
        await chair.GotoAsync("/Rounds/New");
        await chair.SelectOptionAsync("#Kind", "Wage");
        await NavigateAsync(chair, "#start-round");
        var round = chair.Url.Split('/')[^1].Split('?')[0];
        Assert.True(Guid.TryParse(round, out _), chair.Url);
        await Expect(chair.Locator("[data-testid=topic-pay]")).ToBeCheckedAsync();
        await chair.FillAsync("input[name=representativesPerSide]", "3");
        await ActAsync(chair, "#send-offer");
        await Expect(chair.Locator("#stage")).ToHaveTextAsync("已要约");

        // The employer finds it among the offers awaiting a reply and accepts.
        await employer.GotoAsync("/Rounds?awaiting=true");
        await Expect(employer.Locator("#rounds")).ToContainTextAsync(Enterprise);
        await employer.GotoAsync($"/Rounds/{round}");
        await ActAsync(employer, "#accept-offer");

        // Both sides name their representatives; the chair schedules the first meeting today.
        await chair.ReloadAsync();
        await NameAsync(chair, enterprise.ChairName!, "职工代表");
        await employer.ReloadAsync();
        await NameAsync(employer, "李明", "企业代表");
        await employer.FillAsync("input[name=legalRepresentative]", "李明");
        await ActAsync(employer, "#submit-representatives");
        await chair.ReloadAsync();
        await chair.FillAsync("#meeting-form input[name=date]", app.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await chair.FillAsync("#meeting-form input[name=recorder]", "张丽");
        await ActAsync(chair, "#schedule-meeting");

        // At the table the employer agrees to the union's 6 %; the chair concludes, records the congress vote and signs.
        await employer.ReloadAsync();
        await Expect(employer.Locator("#topics")).ToContainTextAsync("职工年平均工资增长6%");
        output.WriteLine(await BrowserApp.ScreenshotAsync(employer, "round-employer-at-the-table"));
        await ActAsync(employer, "[data-testid=agree-pay]");
        await Expect(employer.Locator("#topics tr[data-topic=pay]")).ToContainTextAsync("已达成一致");
        await chair.ReloadAsync();
        await chair.FillAsync("#minutes-form textarea[name=minutes]", "双方就职工年平均工资增长6%达成一致");
        await ActAsync(chair, "#record-minutes");
        await ActAsync(chair, "#conclude");
        await Expect(chair.Locator("#notice")).ToContainTextAsync("等待企业方首席代表签署");
        await employer.ReloadAsync();
        await Expect(employer.Locator("#draft-signature")).ToContainTextAsync("职工方首席代表已签署合同草案");
        await ActAsync(employer, "#conclude");
        await Expect(employer.Locator("#notice")).ToContainTextAsync("草案已形成");
        await chair.ReloadAsync();
        await chair.FillAsync("#heldOn", app.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await chair.FillAsync("#entitled", "180");
        await chair.FillAsync("#present", "150");
        await chair.FillAsync("#inFavour", "140");
        await ActAsync(chair, "#record-vote");
        await Expect(chair.Locator("#term-form")).ToBeVisibleAsync();
        await Expect(chair.Locator("#startsOn")).ToHaveValueAsync("");        // no term until one is chosen
        await Expect(chair.Locator("[data-action=Sign]")).ToContainTextAsync("合同期限");
        await chair.ClickAsync("#use-suggested-term");                   // the suggested year from next month
        await ActAsync(chair, "#agree-term");
        await ActAsync(chair, "#sign");
        await employer.ReloadAsync();
        await ActAsync(employer, "#sign");
        await Expect(employer.Locator("#stage")).ToHaveTextAsync("已签订");
        await ActAsync(employer, "#file");
        await Expect(employer.Locator("#stage")).ToHaveTextAsync("已报送");

        // Thirty days on, the 15 days of review have lapsed without objection: the contract is in effect (Art 47).
        await app.AdvanceToAsync(WebAppFactory.Start.AddDays(30));
        await chair.Context.CloseAsync();
        await employer.Context.CloseAsync();
        chair = await app.SignInPageAsync(chairName);
        await chair.GotoAsync($"/Rounds/{round}");
        await Expect(chair.Locator("#stage")).ToHaveTextAsync("已生效");
        await ActAsync(chair, "#publish");
        output.WriteLine(await BrowserApp.ScreenshotAsync(chair, "round-chair-effective"));

        // The printed contract downloads, reads back with its clause, and its code checks out on the verification page.
        var download = await chair.RunAndWaitForDownloadAsync(() => chair.ClickAsync("[data-document=Contract]"));
        var pdfPath = Path.Combine(BrowserApp.Artifacts, "contract-browser.pdf");
        await download.SaveAsAsync(pdfPath);
        output.WriteLine(pdfPath);
        var text = PrintedPdf.Text(await File.ReadAllBytesAsync(pdfPath));
        Assert.Contains(Enterprise, text);
        Assert.Contains("职工年平均工资增长6%", text);
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync($"/Verify?Code={PrintedPdf.VerificationCode(text)}");
        await Expect(visitor.Locator("#verification")).ToContainTextAsync("核验通过");
        await Expect(visitor.Locator("#contract-stage")).ToHaveTextAsync("已生效");
        await Expect(visitor.Locator("#contract-status")).ToContainTextAsync(Enterprise);
        await Expect(visitor.Locator("#contract-effective")).ToContainTextAsync("年");
        output.WriteLine(await BrowserApp.ScreenshotAsync(visitor, "verify-genuine"));
        await visitor.Context.CloseAsync();
        await chair.Context.CloseAsync();
    }
}
