using System.Text;
using Bargaining.Demo;
using Bargaining.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Bargaining.Web.Tests.Browser;

/// <summary>County staff chasing the overdue rounds of the generated city from their list (the pages on a phone: <see cref="AccessibilityBrowserTests"/>).</summary>
// Provider-independent (pages in a browser): SQLite only, see scripts/test.sh.
[Trait("Database", "SqliteOnly")]
public sealed class OverdueBrowserTests(DemoBrowserApp app, ITestOutputHelper output) : IClassFixture<DemoBrowserApp>
{
    [Fact]
    public async Task County_staff_urge_an_overdue_reply_from_its_row_and_export_the_overdue_list()
    {
        var overdue = app.Demo.Enterprises.First(e => e.Fate == DemoFate.Overdue);
        var county = overdue.Chair!.OrganisationId;
        var page = await app.SignInPageAsync(await app.AccountAsync(Role.CountyStaff, county, displayName: "陆晓燕"));
        await page.GotoAsync("/Rounds?overdue=true");

        var row = page.Locator($"#rounds tr[data-round='{overdue.RoundId}']");
        await Expect(row).ToContainTextAsync("逾期");
        await row.Locator("input[name=how]").FillAsync("电话督促企业负责人，并送达书面督办通知");
        await row.Locator("form.urge button").ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("已记录督促情况");
        Assert.Contains("overdue=true", page.Url, StringComparison.Ordinal);
        var journal = await app.WithDbAsync(db => db.Set<Bargaining.Workflows.Persistence.WorkflowJournalRecord>().AsNoTracking()
            .Join(db.Rounds.Where(r => r.Id == overdue.RoundId), j => j.InstanceId, r => r.WorkflowInstanceId, (j, _) => j.Signal).ToListAsync());
        Assert.Contains("urge", journal);
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "overdue-urged"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        var file = Path.Combine(BrowserApp.Artifacts, "overdue-rounds.csv");
        await download.SaveAsAsync(file);
        var csv = await File.ReadAllTextAsync(file, Encoding.UTF8);
        Assert.Contains(overdue.Name, csv, StringComparison.Ordinal);
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        Assert.Equal((await page.InnerTextAsync("#total")).Trim(), rows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_employer_with_an_overdue_reply_sees_it_in_the_header_and_subscribes_to_the_deadline_feed()
    {
        var overdue = app.Demo.Enterprises.First(e => e.Fate == DemoFate.Overdue);
        var page = await app.SignInPageAsync(await app.AccountAsync(Role.EmployerRepresentative, overdue.Chair!.OrganisationId, overdue.EnterpriseId, "李明"));
        await page.GotoAsync("/Rounds");
        await Expect(page.Locator("#todo")).ToContainTextAsync("待办 1");

        await page.GetByRole(AriaRole.Link, new() { Name = "期限提醒" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "生成订阅地址" }).ClickAsync();
        var address = await page.Locator("#feed-url input").InputValueAsync();
        await Expect(page.Locator("#feed-state")).ToContainTextAsync("已开启");
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "calendar-feed"));

        // A phone's calendar reads the address without signing in.
        using var phone = new HttpClient();
        var calendar = Ical.Net.Calendar.Load(await phone.GetStringAsync(address))!;
        var deadline = Assert.Single(calendar.Events, e => e.Uid!.StartsWith($"{overdue.RoundId:N}-", StringComparison.Ordinal));
        Assert.StartsWith($"待我办理：{overdue.Name}", deadline.Summary, StringComparison.Ordinal);
        Assert.Contains("已逾期", deadline.Summary, StringComparison.Ordinal);

        // E-mail reminders on the same page: a malformed address is refused at its field; a good one awaits confirmation.
        await page.GetByLabel("电子邮箱").FillAsync("li.ming@jinhai"); // a browser takes it, the address check does not
        await page.GetByLabel("接收截止日提醒邮件").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByLabel("电子邮箱")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#email-state")).ToContainTextAsync("未填写邮箱");
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "email-reminders-refused"));
        await page.GetByLabel("电子邮箱").FillAsync("li.ming@jinhai.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator("#email-state")).ToContainTextAsync("邮箱 li.ming@jinhai.example 待确认；邮件提醒将在邮箱确认后开启");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("确认邮件已发往 li.ming@jinhai.example");
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "email-reminders"));
        await page.Context.CloseAsync();
    }
}
