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
}
