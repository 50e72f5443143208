using System.Globalization;
using Bargaining.Domain;
using Bargaining.Tests.Shared;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Bargaining.Web.Tests.Browser.RoundPages;
using static Microsoft.Playwright.Assertions;

namespace Bargaining.Web.Tests.Browser;

/// <summary>The application on the real clock (<see cref="TimeProvider.System"/>), as people meet it: every step a few milliseconds after the last.</summary>
public sealed class RealClockBrowserApp : BrowserApp
{
    protected override TimeProvider ApplicationClock => TimeProvider.System;
}

/// <summary>A whole round walked by the chair and the employer in two browsers on the real clock (issue 10, item 1).</summary>
// Provider-independent (pages in a browser): SQLite only, see scripts/test.sh.
[Trait("Database", "SqliteOnly")]
public sealed class RealClockRoundBrowserTests(RealClockBrowserApp app, ITestOutputHelper output) : IClassFixture<RealClockBrowserApp>
{
    private const string Enterprise = "盐城永盛食品有限公司";

    [Fact]
    public async Task On_the_real_clock_a_round_goes_from_the_offer_to_filing_and_the_offer_letter_lists_its_topics()
    {
        var enterprise = app.Enterprises[Enterprise];
        var chair = await app.SignInPageAsync(await app.AccountAsync(Role.UnionChair, app.Yandu.Id, enterprise.Id, enterprise.ChairName));
        var employer = await app.SignInPageAsync(await app.AccountAsync(Role.EmployerRepresentative, app.Yandu.Id, enterprise.Id, "李明"));
        chair.SetDefaultTimeout(60_000);
        employer.SetDefaultTimeout(60_000);
        SetDefaultExpectTimeout(30_000);
        var today = app.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // The chair offers the suggested 6 % rise; the offer letter prints it under "一、协商议题".
        await chair.GotoAsync("/Rounds/New");
        await chair.SelectOptionAsync("#Kind", "Wage");
        await NavigateAsync(chair, "#start-round");
        var round = chair.Url.Split('/')[^1].Split('?')[0];
        await chair.FillAsync("input[name=representativesPerSide]", "3");
        await ActAsync(chair, "#send-offer");
        await Expect(chair.Locator("#stage")).ToHaveTextAsync("已要约");
        var download = await chair.RunAndWaitForDownloadAsync(() => chair.ClickAsync("[data-document=OfferLetter]"));
        var letter = PrintedPdf.Text(await File.ReadAllBytesAsync(await download.PathAsync()));
        Assert.Contains("一、协商议题", letter);
        Assert.Contains("职工年平均工资增长6%", letter);

        // The employer accepts in writing, naming its legal representative; both sides name their representatives.
        await employer.GotoAsync($"/Rounds/{round}");
        await employer.FillAsync("#reply-legal-representative", "李明");
        await ActAsync(employer, "#accept-offer");
        await Expect(employer.Locator("#representatives-state")).ToHaveTextAsync("双方尚未确定协商代表");
        await NameAsync(employer, "李明", "企业代表");
        await Expect(employer.Locator("input[name=legalRepresentative]")).ToHaveValueAsync("李明");   // as named with the reply
        await ActAsync(employer, "#submit-representatives");
        await Expect(employer.Locator("#representatives-state")).ToHaveTextAsync("企业方代表已确定，职工方尚未确定");
        await chair.ReloadAsync();
        await NameAsync(chair, enterprise.ChairName!, "职工代表");
        await Expect(chair.Locator("#representatives-state")).ToHaveTextAsync("双方代表已确定");

        // The first meeting today; the employer agrees to the 6 %; the chair minutes the meeting.
        await chair.FillAsync("#meeting-form input[name=date]", today);
        await chair.FillAsync("#meeting-form input[name=recorder]", "张丽");
        await ActAsync(chair, "#schedule-meeting");
        await employer.ReloadAsync();
        await ActAsync(employer, "[data-testid=agree-pay]");
        await chair.ReloadAsync();
        await chair.FillAsync("#minutes-form textarea[name=minutes]", "双方就职工年平均工资增长6%达成一致");
        await ActAsync(chair, "#record-minutes");

        // Both chiefs sign the draft, the congress adopts it, the term is chosen and both sign the contract.
        await ActAsync(chair, "#conclude");
        await Expect(chair.Locator("#draft-signature")).ToContainTextAsync("等待企业方首席代表签署");
        await employer.ReloadAsync();
        await ActAsync(employer, "#conclude");
        await Expect(employer.Locator("#notice")).ToContainTextAsync("草案已形成");
        await chair.ReloadAsync();
        await chair.FillAsync("#heldOn", today);
        await chair.FillAsync("#entitled", "120");
        await chair.FillAsync("#present", "100");
        await chair.FillAsync("#inFavour", "90");
        await ActAsync(chair, "#record-vote");
        await chair.ClickAsync("#use-suggested-term");
        await ActAsync(chair, "#agree-term");
        await ActAsync(chair, "#sign");
        await employer.ReloadAsync();
        await ActAsync(employer, "#sign");
        await Expect(employer.Locator("#stage")).ToHaveTextAsync("已签订");
        await ActAsync(employer, "#file");
        await Expect(employer.Locator("#stage")).ToHaveTextAsync("已报送");
        output.WriteLine(await BrowserApp.ScreenshotAsync(employer, "round-real-clock-filed"));

        // Filed, the offer letter still lists its topic.
        download = await employer.RunAndWaitForDownloadAsync(() => employer.ClickAsync("[data-document=OfferLetter]"));
        Assert.Contains("职工年平均工资增长6%", PrintedPdf.Text(await File.ReadAllBytesAsync(await download.PathAsync())));
        await employer.Context.CloseAsync();
        await chair.Context.CloseAsync();
    }
}
