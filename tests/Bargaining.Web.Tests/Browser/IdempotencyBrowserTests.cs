using Bargaining.Domain;
using Bargaining.Web.Tests.Api;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bargaining.Web.Tests.Browser;

/// <summary>
/// A form sent twice — its submit button clicked again while the first answer is slow to come — carries the same
/// hidden key both times, and the command runs once. (Chromium itself drops the second click of a double click; an
/// impatient second click on a slow answer, or a browser sending the form again, does reach the server.)
/// </summary>
// Provider-independent (pages in a browser): SQLite only, see scripts/test.sh.
[Trait("Database", "SqliteOnly")]
public sealed class IdempotencyBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Raise_topic_clicked_again_while_the_answer_is_slow_raises_it_once()
    {
        var (table, round, chair, _) = await AtTheTableAsync();
        using var seated = table;
        // The first submission is held until the second is sent; every submission reaches the server, also the one
        // the browser abandons for the next.
        var posts = 0;
        var second = new TaskCompletionSource();
        await chair.RouteAsync("**/Rounds/**", async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }
            if (Interlocked.Increment(ref posts) == 1) await second.Task.WaitAsync(TimeSpan.FromSeconds(90));
            else second.TrySetResult();
            var response = await route.FetchAsync(new RouteFetchOptions { MaxRedirects = 0 });
            try
            {
                await route.FulfillAsync(new RouteFulfillOptions { Response = response });
            }
            catch (PlaywrightException)
            {
                // The browser had already given this submission up.
            }
        });
        await chair.ClickAsync("details:has(#propose-form) > summary");
        await chair.SelectOptionAsync("#propose-form select[name=code]", "rewards-discipline");
        await chair.FillAsync("#propose-form input[name=clause]", "考勤奖惩制度须经职代会讨论");
        var before = await table.PositionsAsync(round);

        // Clicked from a script in the page, the second a second later: Playwright waits for a navigation after its own
        // click, and this one is held.
        await chair.Locator("#propose-form button[type=submit]").EvaluateAsync("b => { b.click(); setTimeout(() => b.click(), 1000); }");
        await Until(() => posts == 2);

        await Expect(chair.Locator("#notice")).ToContainTextAsync("议题已提出");
        Assert.Equal(2, posts);
        Assert.Equal(before + 1, await table.PositionsAsync(round));
    }

    /// <summary>
    /// A page with a form is never stored (the antiforgery token makes it <c>no-store</c>): Back fetches it anew, with a
    /// fresh key, so a form edited after Back is a new request, not a reused key.
    /// </summary>
    [Fact]
    public async Task Back_after_sending_a_form_shows_the_page_anew_with_a_fresh_key_so_an_edited_form_is_accepted()
    {
        var (table, _, chair, page) = await AtTheTableAsync();
        using var seated = table;
        Assert.Contains("no-store", await page!.HeaderValueAsync("cache-control") ?? "", StringComparison.Ordinal);
        var key = chair.Locator("#propose-form input[name=__IdempotencyKey]");
        var first = await key.InputValueAsync();
        await chair.ClickAsync("details:has(#propose-form) > summary");
        await chair.SelectOptionAsync("#propose-form select[name=code]", "rewards-discipline");
        await chair.FillAsync("#propose-form input[name=clause]", "考勤奖惩制度须经职代会讨论");
        await chair.ClickAsync("#propose-form button[type=submit]");
        await Expect(chair.Locator("#notice")).ToContainTextAsync("议题已提出");

        await chair.GoBackAsync();
        await Expect(key).Not.ToHaveValueAsync(first);
        await chair.ClickAsync("details:has(#propose-form) > summary");
        await chair.SelectOptionAsync("#propose-form select[name=code]", "training");
        await chair.FillAsync("#propose-form input[name=clause]", "每年组织职工技能培训不少于两次");
        await chair.ClickAsync("#propose-form button[type=submit]");

        await Expect(chair.Locator("#notice")).ToContainTextAsync("议题已提出");
        await chair.Context.CloseAsync();
    }

    /// <summary>A wage round of 鑫源电子 at the table, and its chair's page opened on it (with the page's answer).</summary>
    private async Task<(RoundTable Table, Guid Round, IPage Chair, IResponse? Page)> AtTheTableAsync()
    {
        var enterprise = app.Enterprises["盐城鑫源电子有限公司"];
        var chairName = await app.AccountAsync(Role.UnionChair, enterprise.OrganisationId, enterprise.Id);
        var table = new RoundTable(app, enterprise, await app.SignInAsync(chairName), await app.SignedInAsync(Role.EmployerRepresentative, enterprise.OrganisationId, enterprise.Id));
        var round = await table.AtTheTableAsync();
        var chair = await app.SignInPageAsync(chairName);
        return (table, round, chair, await chair.GotoAsync($"/Rounds/{round}"));
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 50)
        {
            Assert.True(waited < 90_000, "the browser did not send the form");
            await Task.Delay(50);
        }
    }

}
