using Bargaining.Demo;
using Bargaining.Domain;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Bargaining.Web.Tests.Browser;

/// <summary>
/// Every page of every role on the generated city, in the states a person reaches (forms refused with their messages,
/// folded sections opened, a round at each stage as each party sees it), checked by axe-core against WCAG 2.1 A/AA
/// and laid out at 200 % zoom and on a phone 375 px wide without losing text or controls
/// (<see cref="Accessibility"/>); a phone screenshot of each is kept as <c>test-artifacts/phone-*.png</c>. Each test
/// reports every problem of its pages at once. docs/accessibility.md lists the pages and states.
/// </summary>
// Provider-independent (pages in a browser): SQLite only, see scripts/test.sh.
[Trait("Database", "SqliteOnly")]
public sealed class AccessibilityBrowserTests(DemoBrowserApp app, ITestOutputHelper output) : IClassFixture<DemoBrowserApp>
{
    private readonly List<string> _problems = [];

    [Fact]
    public async Task The_sign_in_and_verification_pages_with_their_refusals_pass_axe_and_reflow()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await CheckAsync(page, "login");
        await BrowserApp.SubmitSignInAsync(page, "nobody", "wrong-password-1");
        await Expect(page.Locator("[role=alert]")).ToBeVisibleAsync();
        await CheckAsync(page, "login-refused");

        await page.GotoAsync("/Verify");
        await CheckAsync(page, "verify");
        await page.GotoAsync("/Verify?Code=ABCD-EFGH-JKLM");
        await Expect(page.Locator("#verification, [role=alert]").First).ToBeVisibleAsync();
        await CheckAsync(page, "verify-not-genuine");
        await page.Context.CloseAsync();
        AssertNoProblems();
    }

    [Fact]
    public async Task The_city_administrators_pages_pass_axe_and_reflow()
    {
        var page = await app.SignInPageAsync(await app.AccountAsync(Role.CityAdministrator, app.City.Id, displayName: "孙海"));
        await Expect(page.Locator("#rate-chart svg")).ToBeVisibleAsync();
        await CheckAsync(page, "city");
        await page.ClickAsync("#new-campaign summary");
        await page.FillAsync("#new-campaign input[name=name]", "");
        await page.ClickAsync("#create-campaign");
        await Expect(page.Locator("[role=alert]")).ToBeVisibleAsync();
        await Expect(page.Locator("#new-campaign[open]")).ToBeVisibleAsync();
        await Expect(page.Locator("#rate-chart svg")).ToBeVisibleAsync();
        await CheckAsync(page, "city-campaign-refused");

        await page.GotoAsync("/Rounds");
        await CheckAsync(page, "rounds-city");
        await page.GotoAsync("/Admin/Accounts");
        await CheckAsync(page, "accounts");
        await page.ClickAsync("#create-account-submit");
        await Expect(page.Locator("[role=alert]")).ToBeVisibleAsync();
        await CheckAsync(page, "accounts-refused");
        await page.GotoAsync("/Admin/Units");
        await CheckAsync(page, "units");
        await page.GotoAsync("/Admin/Calendar");
        await CheckAsync(page, "holidays");
        await page.GotoAsync("/City/Quality");
        await CheckAsync(page, "quality");
        await page.GotoAsync("/City/Quality?kind=no-chair-account");
        await CheckAsync(page, "quality-items");
        await page.GotoAsync($"/County?unit={app.Demo.ShowcaseCountyId}");
        await CheckAsync(page, "county-city");
        await page.Context.CloseAsync();
        AssertNoProblems();
    }

    [Fact]
    public async Task The_county_staffs_and_instructors_pages_pass_axe_and_reflow()
    {
        var county = app.Demo.CountyWith(DemoFate.Overdue);
        var page = await app.SignInPageAsync(await app.AccountAsync(Role.CountyStaff, county, displayName: "陆晓燕"));
        await CheckAsync(page, "county");
        await page.ClickAsync("#launch");
        await Expect(page.Locator("[role=alert]")).ToBeVisibleAsync();
        await CheckAsync(page, "county-launch-refused");
        await page.GotoAsync("/Rounds?overdue=true");
        await Expect(page.Locator("form.urge").First).ToBeVisibleAsync();
        await CheckAsync(page, "rounds-overdue");
        await page.GotoAsync($"/Rounds/{RoundOf(DemoFate.Overdue).RoundId}");
        await Expect(page.Locator("#urge-form")).ToBeVisibleAsync();
        await CheckAsync(page, "round-overdue-county");
        await page.Context.CloseAsync();

        var instructor = await app.SignInPageAsync(await app.AccountAsync(Role.Instructor, county, displayName: "缪建华"));
        await CheckAsync(instructor, "county-instructor");
        await instructor.Context.CloseAsync();
        AssertNoProblems();
    }

    [Fact]
    public async Task A_round_at_each_stage_as_the_chair_and_the_employer_see_it_passes_axe_and_reflow()
    {
        var fates = Enum.GetValues<DemoFate>().Where(f => f != DemoFate.None && app.Demo.Fates[f] > 0).ToList();
        Assert.True(fates.Count >= 8, $"the generated city should hold rounds at most stages ({string.Join(", ", fates)})");
        foreach (var fate in fates)
        {
            var round = RoundOf(fate);
            foreach (var role in new[] { Role.UnionChair, Role.EmployerRepresentative })
            {
                var page = await app.SignInPageAsync(await app.AccountAsync(role, round.Chair!.OrganisationId, round.EnterpriseId));
                await page.GotoAsync($"/Rounds/{round.RoundId}");
                await Expect(page.Locator("#journal")).ToBeVisibleAsync();
                await CheckAsync(page, $"round-{fate}-{(role == Role.UnionChair ? "chair" : "employer")}");
                await page.Context.CloseAsync();
            }
        }

        var table = app.Demo.Cast.Table;
        var chair = await app.SignInPageAsync(await app.AccountAsync(Role.UnionChair, table.Chair!.OrganisationId, table.EnterpriseId));
        await CheckAsync(chair, "rounds-chair");
        await chair.GotoAsync("/Rounds/New");
        await CheckAsync(chair, "new-round");
        await chair.GotoAsync($"/Rounds/{table.RoundId}");
        await chair.ClickAsync("details:has(#propose-form) summary");
        await chair.ClickAsync("#propose-form button[type=submit]");
        await Expect(chair.Locator("[role=alert]")).ToBeVisibleAsync();
        await Expect(chair.Locator("details[open]:has(#propose-form)")).ToBeVisibleAsync();
        await CheckAsync(chair, "round-propose-refused");
        await chair.GotoAsync("/City");
        await Expect(chair.Locator("main h1")).ToHaveTextAsync("无权访问");
        await CheckAsync(chair, "forbidden");
        await chair.GotoAsync($"/Rounds/{Guid.NewGuid()}");
        await CheckAsync(chair, "not-found");
        await chair.Context.CloseAsync();

        var employer = await app.SignInPageAsync(await app.AccountAsync(Role.EmployerRepresentative, table.Chair.OrganisationId, table.EnterpriseId));
        await employer.GotoAsync("/Rounds?awaiting=true");
        await CheckAsync(employer, "rounds-employer-awaiting");
        await employer.Context.CloseAsync();
        AssertNoProblems();
    }

    [Fact]
    public async Task The_reviewers_and_coordinators_pages_pass_axe_and_reflow()
    {
        var filed = RoundOf(DemoFate.Filed);
        var reviewer = await app.SignInPageAsync(await app.AccountAsync(Role.Reviewer, filed.Chair!.OrganisationId, displayName: "卞文静"));
        await Expect(reviewer.Locator($"#review-queue tr[data-round='{filed.RoundId}']")).ToBeVisibleAsync();
        await CheckAsync(reviewer, "review");
        await reviewer.GotoAsync($"/Rounds/{filed.RoundId}");
        await reviewer.ClickAsync("#object");
        await Expect(reviewer.Locator("[role=alert]")).ToBeVisibleAsync();
        await CheckAsync(reviewer, "round-objection-refused");
        await reviewer.Context.CloseAsync();

        var dispute = RoundOf(DemoFate.InCoordination);
        var coordinator = await app.SignInPageAsync(await app.AccountAsync(Role.Coordinator, dispute.Chair!.OrganisationId, displayName: "季国平"));
        await CheckAsync(coordinator, "rounds-coordinator");
        await coordinator.GotoAsync($"/Rounds/{dispute.RoundId}");
        await CheckAsync(coordinator, "round-coordination-coordinator");
        await coordinator.Context.CloseAsync();
        AssertNoProblems();
    }

    /// <summary>A round of <paramref name="fate"/>, in the county the demo shows that fate in.</summary>
    private DemoEnterprise RoundOf(DemoFate fate)
    {
        var county = app.Demo.CountyWith(fate);
        return app.Demo.Enterprises.First(e => e.Fate == fate && e.Chair?.OrganisationId == county);
    }

    /// <summary>Runs axe-core and the reflow check on the page as it stands, notes what they found and keeps a phone screenshot.</summary>
    private async Task CheckAsync(IPage page, string state)
    {
        var violations = await Accessibility.AxeAsync(page);
        var reflow = await Accessibility.ReflowProblemsAsync(page);
        _problems.AddRange(violations.Select(v => $"{state} ({page.Url}): {v}"));
        _problems.AddRange(reflow.Select(p => $"{state} ({page.Url}): {p}"));
        output.WriteLine($"{state}: {violations.Count} axe rule(s) broken on {violations.Sum(v => v.Targets.Count)} element(s), {reflow.Count} reflow problem(s)");
        output.WriteLine(await Accessibility.PhoneScreenshotAsync(page, state));
    }

    private void AssertNoProblems() =>
        Assert.True(_problems.Count == 0, $"{_problems.Count} accessibility problem(s):\n" + string.Join("\n", _problems));
}
