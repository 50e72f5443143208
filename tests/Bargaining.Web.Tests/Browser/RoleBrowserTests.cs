using Bargaining.Accounts;
using System.Text;
using Bargaining.Domain;
using Bargaining.Features.Organisations;
using Bargaining.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Bargaining.Web.Tests.Browser;

/// <summary>The administrator creating an account, the county launching offers and importing enterprises, and the reviewer objecting, in the browser.</summary>
// Provider-independent (pages in a browser): SQLite only, see scripts/test.sh.
[Trait("Database", "SqliteOnly")]
public sealed class RoleBrowserTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_city_administrator_creates_a_chair_account_for_an_enterprise_and_the_chair_signs_in_with_it()
    {
        var hengda = app.Enterprises["盐城恒达精密机械有限公司"];
        var admin = await app.SignInPageAsync(await app.AccountAsync(Role.CityAdministrator, app.City.Id, displayName: "孙海"));
        await admin.GotoAsync("/Admin/Accounts");

        await FillAccountAsync(admin, "wangjianguo", "short1");
        await admin.ClickAsync("#create-account button[type=submit]");
        await Expect(admin.Locator("[role=alert]")).ToContainTextAsync("密码至少需要 10 位");
        output.WriteLine(await BrowserApp.ScreenshotAsync(admin, "admin-account-refused"));

        await FillAccountAsync(admin, "wangjianguo", "Hengda2026x");
        await admin.ClickAsync("#create-account button[type=submit]");
        await Expect(admin.Locator("#accounts")).ToContainTextAsync("wangjianguo");
        output.WriteLine(await BrowserApp.ScreenshotAsync(admin, "admin-accounts"));

        var chair = await app.NewPageAsync();
        await chair.GotoAsync("/Account/Login");
        await BrowserApp.SubmitSignInAsync(chair, "wangjianguo", "Hengda2026x");
        await chair.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        Assert.Contains("王建国（企业工会主席）", await chair.InnerTextAsync("header .who"));
        await chair.Context.CloseAsync();
        await admin.Context.CloseAsync();

        async Task FillAccountAsync(IPage page, string userName, string password)
        {
            await page.FillAsync("#UserName", userName);
            await page.FillAsync("#DisplayName", "王建国");
            await page.SelectOptionAsync("#Role", "UnionChair");
            await page.SelectOptionAsync("#OrganisationId", app.Yandu.Id.ToString());
            await page.FillAsync("#CreditCode", hengda.CreditCode);
            await page.FillAsync("#Password", password);
        }
    }

    [Fact]
    public async Task The_reviewer_finds_a_filed_contract_in_her_queue_and_objects_so_that_it_returns_to_the_table()
    {
        using var table = await RoundTable.SeatAsync(app, "盐城鑫源电子有限公司");
        var (round, _) = await table.FiledAsync();
        var reviewer = await app.SignInPageAsync(await app.AccountAsync(Role.Reviewer, app.Yandu.Id, displayName: "卞文静"));

        Assert.EndsWith("/Review", reviewer.Url);
        await Expect(reviewer.Locator($"#review-queue tr[data-round='{round}']")).ToContainTextAsync("盐城鑫源电子有限公司");
        output.WriteLine(await BrowserApp.ScreenshotAsync(reviewer, "review-queue"));
        await reviewer.ClickAsync($"#review-queue tr[data-round='{round}'] a");
        await reviewer.WaitForURLAsync($"**/Rounds/{round}");
        await reviewer.FillAsync("#object-form textarea[name=opinion]", "工资增长条款未明确执行时间和分配办法，请双方重新协商后重新报送");
        await reviewer.CheckAsync("#object-form input[name=contested]");
        await reviewer.ClickAsync("#object");

        // Back at the table, still 已报送: it was filed and is bargained again to be filed anew (Art 46).
        await Expect(reviewer.Locator("#stage")).ToHaveTextAsync("已报送");
        await Expect(reviewer.Locator("#steps")).ToContainTextAsync("集体协商");
        await Expect(reviewer.Locator("main")).ToContainTextAsync("工资增长条款未明确执行时间和分配办法");
        output.WriteLine(await BrowserApp.ScreenshotAsync(reviewer, "review-objection"));
        await reviewer.Context.CloseAsync();
    }

    [Fact]
    public async Task The_reviewer_clears_a_filed_contract_from_her_queue_so_that_it_takes_effect_that_day()
    {
        using var table = await RoundTable.SeatAsync(app, "盐城鑫源电子有限公司");
        var (round, _) = await table.FiledAsync();
        var reviewer = await app.SignInPageAsync(await app.AccountAsync(Role.Reviewer, app.Yandu.Id, displayName: "卞文静"));

        await reviewer.ClickAsync($"#review-queue tr[data-round='{round}'] button.clear");

        await Expect(reviewer.Locator(".notice")).ToContainTextAsync("审查无异议");
        await Expect(reviewer.Locator($"#review-queue tr[data-round='{round}']")).ToHaveCountAsync(0);
        await reviewer.GotoAsync($"/Rounds/{round}");
        await Expect(reviewer.Locator("#stage")).ToHaveTextAsync("已生效");
        await reviewer.Context.CloseAsync();
    }

    [Fact]
    public async Task At_the_table_before_the_minutes_the_chair_sees_the_draft_greyed_with_its_reason_and_the_minutes_not_yet_printable()
    {
        using var table = await RoundTable.SeatAsync(app, "盐城华泰纺织有限公司");
        var round = await table.AtTheTableAsync();
        var chair = await app.SignInPageAsync(await app.AccountAsync(Role.UnionChair, app.Yandu.Id, table.Enterprise.Id, table.Enterprise.ChairName));
        await chair.GotoAsync($"/Rounds/{round}");

        await Expect(chair.Locator("[data-action=Conclude]")).ToContainTextAsync("尚未达成一致或撤回");
        await Expect(chair.Locator("#conclude")).ToHaveCountAsync(0);
        await Expect(chair.Locator("[data-action=ScheduleMeeting]")).ToContainTextAsync("尚未提交会议记录");
        await Expect(chair.Locator("#schedule-meeting")).ToHaveCountAsync(0);
        await Expect(chair.Locator("[data-document-pending=MeetingMinutes]")).ToContainTextAsync("尚未提交会议记录");
        await Expect(chair.Locator("[data-document=MeetingMinutes]")).ToHaveCountAsync(0);
        await Expect(chair.Locator("[data-document=OfferLetter]")).ToBeVisibleAsync();
        output.WriteLine(await BrowserApp.ScreenshotAsync(chair, "round-actions-not-yet"));
        await chair.Context.CloseAsync();
    }

    [Fact]
    public async Task At_a_high_temperature_table_the_chair_records_the_allowance_both_sides_agreed()
    {
        var jinhai = app.Enterprises["盐城金海物流有限公司"];
        var chair = await app.SignInPageAsync(await app.AccountAsync(Role.UnionChair, app.Yandu.Id, jinhai.Id, jinhai.ChairName));
        var employer = await app.SignInPageAsync(await app.AccountAsync(Role.EmployerRepresentative, app.Yandu.Id, jinhai.Id, "赵强"));
        await chair.GotoAsync("/Rounds/New");
        await chair.SelectOptionAsync("#Kind", "HighTemperature");
        await RoundPages.NavigateAsync(chair, "#start-round");
        var round = chair.Url.Split('/')[^1].Split('?')[0];
        await chair.FillAsync("input[name=representativesPerSide]", "3");
        await RoundPages.ActAsync(chair, "#send-offer");
        await employer.GotoAsync($"/Rounds/{round}");
        await employer.FillAsync("#reply-legal-representative", "赵强");
        await RoundPages.ActAsync(employer, "#accept-offer");
        await RoundPages.NameAsync(employer, "赵强", "企业代表");
        await employer.FillAsync("input[name=legalRepresentative]", "赵强");
        await RoundPages.ActAsync(employer, "#submit-representatives");
        await chair.ReloadAsync();
        await RoundPages.NameAsync(chair, jinhai.ChairName!, "职工代表");
        await chair.FillAsync("#meeting-form input[name=date]", app.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await chair.FillAsync("#meeting-form input[name=recorder]", "张丽");
        await RoundPages.ActAsync(chair, "#schedule-meeting");

        await chair.FillAsync("#heat-allowance", "300");
        await chair.FillAsync("#heat-from", "6");
        await chair.FillAsync("#heat-to", "9");
        await RoundPages.ActAsync(chair, "#agree-specific-terms");

        await Expect(chair.Locator("#notice")).ToContainTextAsync("已记录双方约定的专项条款");
        var terms = await app.WithDbAsync(db => db.SpecificTerms.AsNoTracking().SingleAsync(t => t.RoundId == Guid.Parse(round)));
        Assert.True(terms.HasHeat);
        await employer.Context.CloseAsync();
        await chair.Context.CloseAsync();
    }

    [Fact]
    public async Task County_staff_import_an_enterprise_and_send_offers_to_all_their_enterprises_at_once()
    {
        var county = await app.SignInPageAsync(await app.AccountAsync(Role.CountyStaff, app.Tinghu.Id, displayName: "陆晓燕"));
        Assert.Contains("/County", county.Url);

        var csv = string.Join(",", EnterpriseFile.Columns) + "\n"
            + $"亭湖开元软件科技有限公司,{WebAppFactory.CreditCodeFor(app.Tinghu, 70)},信息传输、软件和信息技术服务业,私营企业,80,30,亭湖开元软件科技有限公司工会委员会,林玉兰\n";
        await county.SetInputFilesAsync("#import-form input[type=file]", new FilePayload { Name = "亭湖区企业名单.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await county.ClickAsync("#import-form button[type=submit]");
        await Expect(county.Locator("#import-report")).ToBeVisibleAsync();
        await Expect(county.Locator("#enterprises")).ToContainTextAsync("亭湖开元软件科技有限公司");

        var boxes = county.Locator("#enterprises input[name=selected]");
        Assert.Equal(3, await boxes.CountAsync());
        for (var i = 0; i < 3; i++) await boxes.Nth(i).CheckAsync();
        await county.FillAsync("#launch-form input[name=representativesPerSide]", "3");
        await county.ClickAsync("#launch");

        await Expect(county.Locator("#launch-report")).ToContainTextAsync("已发出要约 3 家");
        output.WriteLine(await BrowserApp.ScreenshotAsync(county, "county-offers-launched"));
        var offered = await app.WithDbAsync(db => db.Rounds.Where(r => r.Offer.MadeAt != null)
            .Join(db.Enterprises.Where(e => e.OrganisationId == app.Tinghu.Id), r => r.EnterpriseId, e => e.Id, (r, e) => e.Id).Distinct().CountAsync());
        Assert.Equal(3, offered);
        await county.Context.CloseAsync();
    }
}
