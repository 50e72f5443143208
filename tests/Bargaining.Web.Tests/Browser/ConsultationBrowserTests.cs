using Bargaining.Domain;
using Bargaining.Web.Tests.Api;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bargaining.Web.Tests.Browser;

/// <summary>
/// 筹备在线上，表决在线下: the chair keeps the roster and publishes the draft in a desktop browser; a deputy opens their
/// personal link on a phone (375×812) without signing in, reads and comments on an article; the chair answers; the
/// deputy sees the answer. Every state kept as a picture passes the axe check.
/// </summary>
// Provider-independent (pages in a browser): SQLite only, see scripts/test.sh.
[Trait("Database", "SqliteOnly")]
public sealed class ConsultationBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_deputy_comments_on_a_phone_the_chair_answers_and_the_deputy_reads_the_answer()
    {
        var enterprise = app.Enterprises["盐城鑫源电子有限公司"];
        var chairName = await app.AccountAsync(Role.UnionChair, enterprise.OrganisationId, enterprise.Id);
        using var table = new RoundTable(app, enterprise, await app.SignInAsync(chairName), await app.SignedInAsync(Role.EmployerRepresentative, enterprise.OrganisationId, enterprise.Id));
        var round = await table.DraftedAsync();
        var chair = await app.SignInPageAsync(chairName);

        // The roster, kept by the chair.
        await chair.GotoAsync("/Deputies");
        foreach (var (name, constituency, contact) in new[] { ("陆小芳", "SMT车间", "13905158888"), ("何建华", "装配车间", "hejh@xinyuan.example.cn") })
        {
            await chair.FillAsync("#name", name);
            await chair.FillAsync("#constituency", constituency);
            await chair.FillAsync("#contact", contact);
            await chair.ClickAsync("#add-deputy button[type=submit]");
            await Expect(chair.Locator("#notice")).ToContainTextAsync($"已添加职工代表：{name}");
        }
        await Expect(chair.Locator("#roster tbody tr")).ToHaveCountAsync(2);
        await BrowserApp.ScreenshotAsync(chair, "consultation-roster");

        // The draft published from the round's congress step, with the minutes.
        await chair.GotoAsync($"/Rounds/{round}");
        await chair.ClickAsync("#consultation-link a");
        await chair.CheckAsync("input[name=includeMinutes]");
        await chair.ClickAsync("#publish");
        await Expect(chair.Locator("#links")).ToContainTextAsync("陆小芳");
        var link = await chair.Locator("#links input[aria-label='陆小芳 的个人链接']").InputValueAsync();
        await BrowserApp.ScreenshotAsync(chair, "consultation-published");

        // The deputy, on a phone, not signed in.
        var phoneContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Address.ToString().TrimEnd('/'), Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true,
        });
        var phone = await phoneContext.NewPageAsync();
        phone.SetDefaultTimeout(90_000);
        await phone.GotoAsync(new Uri(link).PathAndQuery);
        await Expect(phone.Locator("h1")).ToHaveTextAsync("合同草案征求意见");
        await Expect(phone.Locator("#article-1")).ToContainTextAsync("职工年平均工资增长6%");
        Assert.Equal(0, await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await BrowserApp.ScreenshotAsync(phone, "consultation-deputy-phone");
        await phone.FillAsync("#text-1", "建议一线岗位增幅不低于7%");
        await phone.ClickAsync("#article-1 button[type=submit]");
        await Expect(phone.Locator("#notice")).ToContainTextAsync("您对第1条的意见已提交");
        await Expect(phone.Locator("#article-1")).ToContainTextAsync("工会尚未答复");
        await BrowserApp.ScreenshotAsync(phone, "consultation-deputy-commented");

        // The chair sees it under its article, with the counts, and answers.
        await chair.GotoAsync($"/Rounds/{round}/Consultation");
        await Expect(chair.Locator("#article-1 h3")).ToContainTextAsync("意见 1 条");
        await Expect(chair.Locator("#figures")).ToContainTextAsync("已阅读 1 名");
        await chair.CheckAsync("#article-1 input[name=handling][value=Adopted]");
        await chair.FillAsync("#article-1 textarea[name=answer]", "已采纳，将在下次协商会议上提出");
        await chair.ClickAsync("#article-1 .answer-form button[type=submit]");
        await Expect(chair.Locator("#notice")).ToContainTextAsync("已答复");
        await Expect(chair.Locator("#figures")).ToContainTextAsync("已采纳 1 条");
        await BrowserApp.ScreenshotAsync(chair, "consultation-chair-answered");

        // The deputy reads the answer.
        await phone.ReloadAsync();
        await Expect(phone.Locator("#article-1 .answer")).ToContainTextAsync("工会答复（采纳）：已采纳，将在下次协商会议上提出");
        await BrowserApp.ScreenshotAsync(phone, "consultation-deputy-answered");

        // A deputy elected since publishing joins the roster and is invited to the same draft.
        await chair.GotoAsync("/Deputies");
        await chair.FillAsync("#name", "钱卫东");
        await chair.FillAsync("#constituency", "装配车间");
        await chair.ClickAsync("#add-deputy button[type=submit]");
        await Expect(chair.Locator("#notice")).ToContainTextAsync("已添加职工代表：钱卫东");
        await chair.GotoAsync($"/Rounds/{round}/Consultation");
        await Expect(chair.Locator("#uninvited")).ToHaveTextAsync("1");
        await chair.ClickAsync("#invite");
        await Expect(chair.Locator("#notice")).ToContainTextAsync("已邀请1名新增的职工代表");
        var late = await chair.Locator("#links input[aria-label='钱卫东 的个人链接']").InputValueAsync();
        await Expect(chair.Locator("#figures")).ToContainTextAsync("邀请代表 3 名");
        await Expect(chair.Locator("#invite-form")).ToHaveCountAsync(0);
        await phone.GotoAsync(new Uri(late).PathAndQuery);
        await Expect(phone.Locator("#article-1")).ToContainTextAsync("职工年平均工资增长6%");
        await phoneContext.CloseAsync();
        await chair.Context.CloseAsync();
    }
}
