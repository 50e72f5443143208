using System.Net.Http.Json;
using Bargaining.Accounts;
using Bargaining.Domain;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Bargaining.Web.Tests.Browser;

// Provider-independent (pages in a browser): SQLite only, see scripts/test.sh.

[Trait("Database", "SqliteOnly")]
public sealed class SignInBrowserTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_union_chair_is_sent_to_the_sign_in_page_signs_in_and_sees_her_name_and_role_in_Chinese()
    {
        var hengda = app.Enterprises["盐城恒达精密机械有限公司"];
        var userName = await app.AccountAsync(Role.UnionChair, app.Yandu.Id, hengda.Id, "王建国");
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Contains("/Account/Login", page.Url);
        Assert.Equal("登录集体协商工作平台", await page.InnerTextAsync("h1"));
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "sign-in"));
        await BrowserApp.SubmitSignInAsync(page, userName, WebAppFactory.Password);
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));

        Assert.Contains("王建国（企业工会主席）", await page.InnerTextAsync("header .who"));
        Assert.Contains("2026年3月2日", await page.InnerTextAsync("header .who"));
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "chair-home"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Pages_are_served_with_a_content_security_policy_and_without_naming_the_server()
    {
        var page = await app.NewPageAsync();

        var response = await page.GotoAsync("/Account/Login");
        var headers = await response!.AllHeadersAsync();

        Assert.Contains("script-src 'self'", headers["content-security-policy"]);
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("same-origin", headers["referrer-policy"]);
        Assert.False(headers.ContainsKey("server"), "the Server header names Kestrel");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Behind_a_proxy_that_serves_HTTPS_the_cookie_is_secure_and_answers_carry_HSTS()
    {
        var userName = await app.AccountAsync(Role.CountyStaff, app.Yandu.Id);
        using var http = new HttpClient { BaseAddress = app.Address };
        async Task<HttpResponseMessage> SignInAsync(bool forwardedHttps)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/login") { Content = JsonContent.Create(new { userName, password = WebAppFactory.Password }) };
            request.Headers.Host = "jc.yczgh.example";   // as nginx passes it; HSTS is never sent to localhost
            if (forwardedHttps) request.Headers.Add("X-Forwarded-Proto", "https");
            return await http.SendAsync(request);
        }

        using var viaProxy = await SignInAsync(forwardedHttps: true);
        using var plain = await SignInAsync(forwardedHttps: false);

        Assert.Contains("secure", string.Join(";", viaProxy.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.True(viaProxy.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", string.Join(";", plain.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_sign_in_page_with_a_Chinese_message()
    {
        var userName = await app.AccountAsync(Role.CountyStaff, app.Yandu.Id);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        await BrowserApp.SubmitSignInAsync(page, userName, "Wrong-password-1");

        Assert.Contains("用户名或密码错误", await page.InnerTextAsync("[role=alert]"));
        Assert.Contains("/Account/Login", page.Url);
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "sign-in-wrong-password"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/Admin/Accounts")]
    [InlineData("/Review")]
    public async Task A_union_chair_opening_a_page_of_another_role_gets_the_403_page(string path)
    {
        var hengda = app.Enterprises["盐城恒达精密机械有限公司"];
        var page = await app.SignInPageAsync(await app.AccountAsync(Role.UnionChair, app.Yandu.Id, hengda.Id));

        var response = await page.GotoAsync(path);

        Assert.Equal(403, response!.Status);
        Assert.Contains("/Account/Denied", page.Url);
        Assert.Equal("无权访问", await page.InnerTextAsync("main h1"));
        Assert.Contains("企业工会主席", await page.InnerTextAsync("main"));
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "forbidden" + path.Replace('/', '-')));
        await page.Context.CloseAsync();
    }
}
