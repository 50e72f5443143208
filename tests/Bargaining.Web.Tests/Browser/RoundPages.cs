using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bargaining.Web.Tests.Browser;

/// <summary>The steps the round page's browser tests share: acting through a form and naming a side's representatives.</summary>
internal static class RoundPages
{
    /// <summary>Clicks <paramref name="selector"/>, waits for the page that answers and fails with its message if the action was refused.</summary>
    public static async Task ActAsync(IPage page, string selector)
    {
        await NavigateAsync(page, selector);
        var problem = page.Locator("[role=alert]");
        if (await problem.CountAsync() > 0) Assert.Fail($"{selector} was refused: {await problem.InnerTextAsync()}");
        await Expect(page.Locator("#notice")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Clicks and waits for the page the form's answer loads. A form posts back to the page's own address and is
    /// redirected to it, so waiting for a different URL cannot tell the pages apart; Playwright marks this wait
    /// obsolete in favour of such URL waits, but it is the one that fits.
    /// </summary>
    public static Task NavigateAsync(IPage page, string selector)
    {
#pragma warning disable CS0612
        return page.RunAndWaitForNavigationAsync(() => page.ClickAsync(selector));
#pragma warning restore CS0612
    }

    /// <summary>Fills three representatives, <paramref name="chief"/> first; the worker side's list is submitted, the employer's waits for its legal representative.</summary>
    public static async Task NameAsync(IPage page, string chief, string member)
    {
        await page.FillAsync("input[name='members[0].Name']", chief);
        await page.FillAsync("input[name='members[1].Name']", member + "1");
        await page.FillAsync("input[name='members[2].Name']", member + "2");
        if (member == "职工代表") await ActAsync(page, "#submit-representatives");
    }
}
