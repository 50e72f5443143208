using Bargaining.Accounts;
using Microsoft.Playwright;

namespace Bargaining.Web.Tests.Browser;

/// <summary>
/// The application on Kestrel at a loopback port, and Debian's Chromium driven headless by Playwright (which cannot
/// download a browser of its own here: <c>scripts/setup.sh</c> installs the <c>chromium</c> package). Each
/// <see cref="SignInPageAsync"/> opens a browser context of its own, so two people can be signed in side by side.
/// Screenshots go to <c>test-artifacts/</c> at the repository's root.
/// </summary>
public class BrowserApp : WebAppFactory
{
    private IPlaywright _playwright = null!;

    /// <summary>The Chromium binary: <c>CHROMIUM</c> if set, else Debian's.</summary>
    public static string Chromium => Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>The folder screenshots and downloads are kept in: <c>test-artifacts/</c> beside <c>Bargaining.sln</c>.</summary>
    public static string Artifacts { get; } = FindArtifacts();

    public IBrowser Browser { get; private set; } = null!;

    protected override bool RealServer => true;

    private const float LoadedMachineTimeout = 90_000;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // CI runs right after a session on a machine that may be busy (a sign-in once took over 15 s at load 4.9):
        // every wait is for a condition, with a timeout a loaded machine meets.
        Assertions.SetDefaultExpectTimeout(LoadedMachineTimeout);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--lang=zh-CN", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A page of a new browser context, at the sign-in page.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString().TrimEnd('/'), Locale = "zh-CN", TimezoneId = "Asia/Shanghai", AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(LoadedMachineTimeout);
        // Whatever the Content-Security-Policy blocked on any page fails the test class (BeforeDisposeAsync).
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) _blocked.Enqueue($"{page.Url}: {message.Text}");
        };
        return page;
    }

    /// <summary>Signs <paramref name="userName"/> in through the sign-in page, in a browser context of its own.</summary>
    public async Task<IPage> SignInPageAsync(string userName)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await SubmitSignInAsync(page, userName, Password);
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = LoadedMachineTimeout / 2 });
        }
        catch (TimeoutException)
        {
            // Seen once in CI on a loaded machine (a fresh account with the right password left on the sign-in page; not
            // reproduced since): note what the page said, then sign in once more from a fresh sign-in page.
            SignInRetries.Enqueue($"{userName}: {await page.InnerTextAsync("main")}");
            await page.GotoAsync("/Account/Login");
            await SubmitSignInAsync(page, userName, Password);
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        }
        return page;
    }

    public static async Task SubmitSignInAsync(IPage page, string userName, string password)
    {
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("form:has(#Password) button[type=submit]");
    }

    /// <summary>
    /// Checks the page with axe-core against WCAG 2.1 A/AA (<see cref="Accessibility"/>): every state a test keeps a
    /// picture of is checked. Then saves a full-page screenshot as <c>test-artifacts/NAME.png</c> and returns its path.
    /// </summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        await Accessibility.AssertAccessibleAsync(page, name);
        return await KeepAsync(page, name);
    }

    /// <summary>Saves a full-page screenshot as <c>test-artifacts/NAME.png</c> without checking it; returns its path.</summary>
    public static async Task<string> KeepAsync(IPage page, string name)
    {
        var path = Path.Combine(Artifacts, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _blocked = new();

    /// <summary>What the sign-in page said each time a sign-in had to be tried again (printed when the class ends).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> SignInRetries { get; } = new();

    protected override async Task BeforeDisposeAsync()
    {
        Assert.Empty(_blocked);
        foreach (var retry in SignInRetries) Console.WriteLine($"sign-in tried again: {retry}");
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }

    private static string FindArtifacts()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bargaining.sln"))) dir = dir.Parent;
        var artifacts = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "test-artifacts");
        Directory.CreateDirectory(artifacts);
        return artifacts;
    }
}
