using System.Text.Json;
using Microsoft.Playwright;

namespace Bargaining.Web.Tests.Browser;

/// <summary>
/// The accessibility checks the browser tests run on a page: axe-core (from npm, pinned in this project's
/// <c>package.json</c>) against the WCAG 2.0 and 2.1 A and AA rules, and the reflow check that a phone 375 px wide and
/// 200 % zoom (a 1280 px window at 200 % lays out as 640 px) lose no text and no control (WCAG 1.4.10).
/// </summary>
internal static class Accessibility
{
    /// <summary>The axe-core tags checked: WCAG 2.0 and 2.1, levels A and AA.</summary>
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>axe-core's best-practice rules checked as well: landmarks and headings in order.</summary>
    public static readonly string[] PracticeRules = ["landmark-one-main", "region", "heading-order", "page-has-heading-one"];

    /// <summary>The widths the reflow check lays a page out at: 200 % zoom of the 1280 px window, and a phone.</summary>
    public static readonly int[] NarrowWidths = [640, 375];

    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js")));

    /// <summary>One axe-core rule broken on a page: its id, impact and the elements (CSS selectors) that break it.</summary>
    public sealed record Violation(string Rule, string Impact, string Help, IReadOnlyList<string> Targets)
    {
        public override string ToString() => $"{Rule} ({Impact}): {Help} — {Targets.Count} element(s): {string.Join(" | ", Targets)}";
    }

    /// <summary>Runs axe-core on the page as it stands; answers the rules broken.</summary>
    public static async Task<IReadOnlyList<Violation>> AxeAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, so the pages' Content-Security-Policy (no inline script) lets it in.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(AxeSource.Value + "\n;true");
        var violations = await page.EvaluateAsync<JsonElement>("""
            async ([tags, rules]) => {
                const result = await axe.run(document, {
                    runOnly: { type: 'tag', values: tags },
                    rules: Object.fromEntries(rules.map(rule => [rule, { enabled: true }])),
                    resultTypes: ['violations'],
                });
                return result.violations.map(v => ({ rule: v.id, impact: v.impact || '', help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
            }
            """, new object[] { Tags, PracticeRules });
        return violations.EnumerateArray().Select(v => new Violation(v.GetProperty("rule").GetString()!, v.GetProperty("impact").GetString()!,
            v.GetProperty("help").GetString()!, v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList())).ToList();
    }

    /// <summary>Fails with every rule broken, naming <paramref name="state"/>.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string state)
    {
        var violations = await AxeAsync(page);
        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} WCAG 2.1 A/AA violation(s) on {state} ({page.Url}):\n  " + string.Join("\n  ", violations));
    }

    /// <summary>
    /// Lays the page out at each of <see cref="NarrowWidths"/> and answers what went wrong: the page wider than the
    /// screen, or a text or control shown at full width and not at the narrow one. The window's size is restored.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReflowProblemsAsync(IPage page)
    {
        var size = page.ViewportSize!;
        var wide = await LayoutAsync(page);
        var problems = new List<string>();
        try
        {
            foreach (var width in NarrowWidths)
            {
                await page.SetViewportSizeAsync(width, size.Height);
                await SettleAsync(page, width);
                var narrow = await LayoutAsync(page);
                if (narrow.Overflow > 0) problems.Add($"{width} px: the page is {narrow.Overflow} px wider than the screen (past its edge: {string.Join(", ", narrow.Wide)})");
                var lost = wide.Controls.Except(narrow.Controls).ToList();
                if (lost.Count > 0) problems.Add($"{width} px: controls hidden: {string.Join("、", lost)}");
                if (narrow.Text != wide.Text) problems.Add($"{width} px: text hidden: {FirstDifference(wide.Text, narrow.Text)}");
            }
        }
        finally
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
        }
        return problems;
    }

    /// <summary>Saves a full-page screenshot at a phone's 375 px as <c>test-artifacts/phone-NAME.png</c>; the window's size is restored.</summary>
    public static async Task<string> PhoneScreenshotAsync(IPage page, string name)
    {
        var size = page.ViewportSize!;
        await page.SetViewportSizeAsync(375, 812);
        await SettleAsync(page, 375);
        var path = await BrowserApp.KeepAsync(page, "phone-" + name);
        await page.SetViewportSizeAsync(size.Width, size.Height);
        return path;
    }

    /// <summary>Waits for the window's new width and two frames after it, so that resize handlers (the charts') have run.</summary>
    private static async Task SettleAsync(IPage page, int width)
    {
        await page.WaitForFunctionAsync($"() => window.innerWidth === {width}");
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
    }

    private sealed record Layout(int Overflow, IReadOnlyList<string> Controls, string Text, IReadOnlyList<string> Wide);

    /// <summary>What the page shows: its visible text (without white space; the charts' drawn labels aside) and controls.</summary>
    private static async Task<Layout> LayoutAsync(IPage page)
    {
        var layout = await page.EvaluateAsync<JsonElement>("""
            () => {
                const shown = e => e.checkVisibility({ visibilityProperty: true });
                const text = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const parent = node.parentElement;
                    if (!parent || parent.closest('svg, .chart, script, style') || !shown(parent)) continue;
                    text.push(node.data.replace(/\s+/g, ''));
                }
                const controls = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')]
                    .filter(shown)
                    .map((e, i) => `${e.tagName.toLowerCase()}#${e.id || e.getAttribute('name') || (e.textContent || '').trim().slice(0, 12) || i}`);
                const edge = document.documentElement.clientWidth;
                const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '');
                const wide = [...document.body.querySelectorAll('*')]
                    .filter(e => e.getBoundingClientRect().right > edge + 1 && !e.parentElement.closest('.scroll'))
                    .slice(-3).map(name);
                return { overflow: document.documentElement.scrollWidth - edge, controls, text: text.join(''), wide };
            }
            """);
        return new Layout(layout.GetProperty("overflow").GetInt32(),
            layout.GetProperty("controls").EnumerateArray().Select(c => c.GetString()!).ToList(), layout.GetProperty("text").GetString()!,
            layout.GetProperty("wide").EnumerateArray().Select(c => c.GetString()!).ToList());
    }

    private static string FirstDifference(string wide, string narrow)
    {
        var i = 0;
        while (i < wide.Length && i < narrow.Length && wide[i] == narrow[i]) i++;
        return $"“…{wide.Substring(i, Math.Min(40, wide.Length - i))}” at full width, “…{narrow.Substring(i, Math.Min(40, narrow.Length - i))}” narrow";
    }
}
