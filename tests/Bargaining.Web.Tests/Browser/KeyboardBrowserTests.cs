using Bargaining.Domain;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Bargaining.Web.Tests.Browser;

/// <summary>
/// A round walked by keyboard alone, as an officer who cannot use a mouse would: Tab to each control (its focus ring
/// visible), type, and Enter or Space; no click anywhere. Every page reached is checked by axe-core.
/// </summary>
// Provider-independent (pages in a browser): SQLite only, see scripts/test.sh.
[Trait("Database", "SqliteOnly")]
public sealed class KeyboardBrowserTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    /// <summary>More Tab presses than any page has controls: past them the control cannot be reached.</summary>
    private const int MostTabs = 300;

    [Fact]
    public async Task A_chair_an_employer_and_a_reviewer_take_a_wage_round_to_a_published_contract_by_keyboard_alone()
    {
        var enterprise = app.Enterprises["盐城恒达精密机械有限公司"];
        var chair = await SignInAsync(await app.AccountAsync(Role.UnionChair, app.Yandu.Id, enterprise.Id, enterprise.ChairName));
        var employer = await SignInAsync(await app.AccountAsync(Role.EmployerRepresentative, app.Yandu.Id, enterprise.Id, "李明"));
        var today = app.Today;

        // The chair starts a wage round from the menu and sends the offer, 3 representatives a side.
        await FollowAsync(chair, "header nav a[href='/Rounds/New']");
        await FollowAsync(chair, "#start-round");
        var round = chair.Url.Split('/')[^1].Split('?')[0];
        await TypeAsync(chair, "#offer-representatives", "3");
        await ActAsync(chair, "#send-offer");

        // The employer finds the offer among those awaiting a reply and accepts.
        await FollowAsync(employer, "header nav a[href='/Rounds?awaiting=true']");
        await FollowAsync(employer, $"#rounds a[href='/Rounds/{round}']");
        await ActAsync(employer, "#accept-offer");

        // Both sides name their representatives.
        await chair.ReloadAsync();
        await NameAsync(chair, enterprise.ChairName!, "职工代表");
        await employer.ReloadAsync();
        await NameAsync(employer, "李明", "企业代表");
        await TypeAsync(employer, "#representatives-legal", "李明");
        await ActAsync(employer, "#submit-representatives");

        // The chair schedules today's meeting, then opens the folded form for a new topic and leaves it again by Tab.
        await chair.ReloadAsync();
        await TypeDateAsync(chair, "#meeting-date", today);
        await TypeAsync(chair, "#meeting-recorder", "张丽");
        await ActAsync(chair, "#schedule-meeting");
        await TabToAsync(chair, "#propose summary");
        await chair.Keyboard.PressAsync("Enter");
        await Expect(chair.Locator("#propose[open]")).ToBeVisibleAsync();
        await TabToAsync(chair, "#propose-clause");
        await TabToAsync(chair, "[data-document=OfferLetter]");             // past the opened section: no trap
        await Accessibility.AssertAccessibleAsync(chair, "keyboard: the new-topic section opened");

        // The employer agrees to the union's 6 %; the chair records the minutes; both sign the draft.
        await employer.ReloadAsync();
        await ActAsync(employer, "[data-testid=agree-pay]");
        await chair.ReloadAsync();
        await TypeAsync(chair, "#minutes-text", "双方就职工年平均工资增长6%达成一致");
        await ActAsync(chair, "#record-minutes");
        await ActAsync(chair, "#conclude");
        await employer.ReloadAsync();
        await ActAsync(employer, "#conclude");

        // The congress adopts it; the chair takes the suggested term with Space and signs; the employer signs and files.
        await chair.ReloadAsync();
        await TypeDateAsync(chair, "#heldOn", today);
        await TypeAsync(chair, "#entitled", "100");
        await TypeAsync(chair, "#present", "80");
        await TypeAsync(chair, "#inFavour", "70");
        await ActAsync(chair, "#record-vote");
        await TabToAsync(chair, "#use-suggested-term");
        await chair.Keyboard.PressAsync("Space");
        await Expect(chair.Locator("#startsOn")).Not.ToHaveValueAsync("");
        await ActAsync(chair, "#agree-term");
        await ActAsync(chair, "#sign");
        await employer.ReloadAsync();
        await ActAsync(employer, "#sign");
        await ActAsync(employer, "#file");
        await Expect(employer.Locator("#stage")).ToHaveTextAsync("已报送");

        // The reviewer clears it from her queue: in effect today; the chair publishes it.
        var reviewer = await SignInAsync(await app.AccountAsync(Role.Reviewer, app.Yandu.Id, displayName: "卞文静"));
        await ActAsync(reviewer, $"#review-queue tr[data-round='{round}'] button.clear", notice: ".notice");
        await chair.ReloadAsync();
        await Expect(chair.Locator("#stage")).ToHaveTextAsync("已生效");
        await ActAsync(chair, "#publish");
        output.WriteLine(await BrowserApp.ScreenshotAsync(chair, "keyboard-round-published"));
        foreach (var page in new[] { chair, employer, reviewer }) await page.Context.CloseAsync();
    }

    /// <summary>Signs in from the sign-in page by keyboard: the user name field has the focus on arrival.</summary>
    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Expect(page.Locator("#UserName")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(userName);
        await TypeAsync(page, "#Password", WebAppFactory.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Presses Tab until <paramref name="selector"/> has the focus, and checks its focus ring shows (WCAG 2.4.7).</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < MostTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (!await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) continue;
            var ring = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
            Assert.True(!ring.StartsWith("none", StringComparison.Ordinal) && !ring.EndsWith(" 0px", StringComparison.Ordinal), $"{selector} has the focus but no visible focus ring ({ring})");
            return;
        }
        Assert.Fail($"{selector} was not reached in {MostTabs} presses of Tab on {page.Url}");
    }

    /// <summary>Tabs to a field, selects what it holds and types <paramref name="text"/> over it.</summary>
    private static async Task TypeAsync(IPage page, string selector, string text)
    {
        await TabToAsync(page, selector);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>
    /// Tabs to a date field and types the date into its segments, which move on by themselves once full. Their order
    /// is the browser's language's: Debian's <c>chromium</c> ships the en-US locale only, so month, day, year (the
    /// check below fails plainly if another order is installed).
    /// </summary>
    private static async Task TypeDateAsync(IPage page, string selector, DateOnly date)
    {
        await TabToAsync(page, selector);
        await page.Keyboard.TypeAsync(date.ToString("MMddyyyy", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator(selector)).ToHaveValueAsync(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Tabs to a link or button and presses Enter; waits for the page it leads to, and checks that page with axe-core.</summary>
    private static async Task FollowAsync(IPage page, string selector)
    {
        await TabToAsync(page, selector);
#pragma warning disable CS0612 // see RoundPages.NavigateAsync: a form answers at the page's own address
        await page.RunAndWaitForNavigationAsync(() => page.Keyboard.PressAsync("Enter"));
#pragma warning restore CS0612
        await Accessibility.AssertAccessibleAsync(page, $"keyboard: after {selector}");
    }

    /// <summary>Takes the action of a form's button by keyboard; fails with the page's message if it was refused.</summary>
    private static async Task ActAsync(IPage page, string selector, string notice = "#notice")
    {
        await FollowAsync(page, selector);
        var problem = page.Locator("[role=alert]");
        if (await problem.CountAsync() > 0) Assert.Fail($"{selector} was refused: {await problem.InnerTextAsync()}");
        await Expect(page.Locator(notice)).ToBeVisibleAsync();
    }

    /// <summary>Types three representatives, <paramref name="chief"/> first; the worker side's list is submitted.</summary>
    private static async Task NameAsync(IPage page, string chief, string member)
    {
        await TypeAsync(page, "input[name='members[0].Name']", chief);
        await TypeAsync(page, "input[name='members[1].Name']", member + "1");
        await TypeAsync(page, "input[name='members[2].Name']", member + "2");
        if (member == "职工代表") await ActAsync(page, "#submit-representatives");
    }
}
