using System.Net;
using Bargaining.Domain;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Filing;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Representatives;
using Bargaining.Features.Rounds.Signing;
using Bargaining.Features.Rounds.Table;
using Bargaining.Tests.Shared;
using Bargaining.Web.Api;
using Bargaining.Web.Tests.Api;
using Xunit.Abstractions;
using static Bargaining.Web.Tests.Browser.RoundPages;
using static Microsoft.Playwright.Assertions;

namespace Bargaining.Web.Tests.Browser;

/// <summary>A change (变更, Art 39–41) proposed in the browser on an effective contract, bargained through the API, and its redline on the page and in print.</summary>
// Provider-independent (pages in a browser): SQLite only, see scripts/test.sh.
[Trait("Database", "SqliteOnly")]
public sealed class ChangeBrowserTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Enterprise = "盐城永盛食品有限公司";

    private static DateTimeOffset DayAfter(DateOnly day) => new(day.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));

    [Fact]
    public async Task A_chair_proposes_a_change_of_an_effective_contract_and_once_it_takes_effect_sees_the_changed_words_marked()
    {
        using var table = await RoundTable.SeatAsync(app, Enterprise);
        var (contract, filing) = await table.FiledAsync();
        await app.AdvanceToAsync(DayAfter(filing.ReviewLastDay!.Value));
        var enterprise = table.Enterprise;
        var chairName = await app.AccountAsync(Role.UnionChair, enterprise.OrganisationId, enterprise.Id, enterprise.ChairName);
        var chair = await app.SignInPageAsync(chairName);

        // On the effective contract's page the chair ticks the wage clause, gives the reason and proposes the change.
        await chair.GotoAsync($"/Rounds/{contract}");
        await Expect(chair.Locator("#stage")).ToHaveTextAsync("已生效");
        await Expect(chair.Locator("#change-form")).ToContainTextAsync("职工年平均工资增长6%");
        output.WriteLine(await BrowserApp.ScreenshotAsync(chair, "change-proposal-form"));
        await chair.CheckAsync("#change-form input[name=articles][value='1']");
        await chair.FillAsync("#change-reason", "物价上涨较快，原定工资增幅不足");
        await ActAsync(chair, "#propose-change");
        var change = Guid.Parse(chair.Url.Split('/')[^1].Split('?')[0]);
        await Expect(chair.Locator("#change-of")).ToContainTextAsync("第1条");
        await Expect(chair.Locator("#change-of")).ToContainTextAsync("物价上涨较快");

        // The change is bargained on its article only, signed, filed and reviewed without objection.
        await table.SignInAgainAsync();
        await (await table.Chair.PostJsonAsync($"/api/rounds/{change}/offer", new MakeOfferCommand(change, [RoundTable.WageRise(8)], app.Today))).ExpectAsync(HttpStatusCode.NoContent);
        await (await table.Employer.PostJsonAsync($"/api/rounds/{change}/reply", new ReplyToOfferCommand(change, true))).ExpectAsync(HttpStatusCode.NoContent);
        await (await table.Chair.PostJsonAsync($"/api/rounds/{change}/representatives", new NameRepresentativesCommand(change, Side.Worker, RoundTable.Members(enterprise.ChairName!, "职工代表"))))
            .ExpectAsync(HttpStatusCode.NoContent);
        await (await table.Employer.PostJsonAsync($"/api/rounds/{change}/representatives", new NameRepresentativesCommand(change, Side.Employer, RoundTable.Members("李明", "企业代表"), LegalRepresentative: "李明")))
            .ExpectAsync(HttpStatusCode.NoContent);
        await (await table.Chair.PostJsonAsync($"/api/rounds/{change}/meetings", new ScheduleMeetingCommand(change, Side.Worker, app.Today, "公司工会会议室", Side.Worker, "张丽"))).ExpectAsync(HttpStatusCode.OK);
        var pay = await table.PayTopicAsync(change);
        await (await table.Employer.PostJsonAsync($"/api/topics/{pay}/agree", new AgreeTopicCommand(pay, Side.Employer))).ExpectAsync(HttpStatusCode.NoContent);
        await (await table.Chair.PostJsonAsync($"/api/rounds/{change}/minutes", new RecordMeetingCommand(change, Side.Worker, "双方就工资增幅变更为8%达成一致"))).ExpectAsync(HttpStatusCode.NoContent);
        await (await table.Chair.PostJsonAsync($"/api/rounds/{change}/conclude", new ConcludeCommand(change, Side.Worker))).ExpectAsync(HttpStatusCode.OK);
        await (await table.Employer.PostJsonAsync($"/api/rounds/{change}/conclude", new ConcludeCommand(change, Side.Employer))).ExpectAsync(HttpStatusCode.OK);
        await (await table.Chair.PostJsonAsync($"/api/rounds/{change}/congress-vote", table.AdoptingVote(change))).ExpectAsync(HttpStatusCode.OK);
        await (await table.Chair.PostJsonAsync($"/api/rounds/{change}/sign", new SignCommand(change, Side.Worker))).ExpectAsync(HttpStatusCode.NoContent);
        await (await table.Employer.PostJsonAsync($"/api/rounds/{change}/sign", new SignCommand(change, Side.Employer))).ExpectAsync(HttpStatusCode.NoContent);
        var filed = await (await table.Employer.PostJsonAsync($"/api/rounds/{change}/filing", new FileContractCommand(change, app.Today))).ReadAsync<FilingResult>();
        await app.AdvanceToAsync(DayAfter(filed.ReviewLastDay!.Value));

        // The change is in effect; its page shows the wage clause with 6 struck out and 8 put in, the leave unchanged.
        await chair.Context.CloseAsync();
        chair = await app.SignInPageAsync(chairName);
        await chair.GotoAsync($"/Rounds/{change}");
        await Expect(chair.Locator("#stage")).ToHaveTextAsync("已生效");
        await Expect(chair.Locator("#redline tbody del")).ToHaveTextAsync("6");
        await Expect(chair.Locator("#redline tbody ins")).ToHaveTextAsync("8");
        await Expect(chair.Locator("#redline tbody tr")).ToHaveCountAsync(1);
        output.WriteLine(await BrowserApp.ScreenshotAsync(chair, "change-redline"));

        // The redline annex and the change agreement print; the agreement reads back with its own verification code.
        var annex = await chair.RunAndWaitForDownloadAsync(() => chair.ClickAsync("#print-redline"));
        var annexPath = Path.Combine(BrowserApp.Artifacts, "change-redline.pdf");
        await annex.SaveAsAsync(annexPath);
        Assert.Contains("职工年平均工资增长〔删：6〕【8】%", PrintedPdf.Text(await File.ReadAllBytesAsync(annexPath)));
        var agreement = await chair.RunAndWaitForDownloadAsync(() => chair.ClickAsync("[data-document=ChangeAgreement]"));
        var agreementPath = Path.Combine(BrowserApp.Artifacts, "change-agreement.pdf");
        await agreement.SaveAsAsync(agreementPath);
        var text = PrintedPdf.Text(await File.ReadAllBytesAsync(agreementPath));
        Assert.Contains("变更为：职工年平均工资增长8%", text);
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync($"/Verify?Code={PrintedPdf.VerificationCode(text)}");
        await Expect(visitor.Locator("#verification")).ToContainTextAsync("核验通过");
        await visitor.Context.CloseAsync();
        await chair.Context.CloseAsync();
    }
}
