using System.Net;
using Bargaining.Domain;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Views;
using Bargaining.Web.Api;
using Ical.Net;
using Ical.Net.CalendarComponents;

namespace Bargaining.Web.Tests.Api;

/// <summary>
/// The personal deadline feed a phone's calendar subscribes to, read by another iCalendar implementation (Ical.Net) as
/// a calendar app reads it: without signing in, over a clock that moves.
/// </summary>
public sealed class CalendarFeedApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task A_chair_and_an_employer_subscribe_and_the_feed_follows_the_reply_deadline_as_days_pass_until_revoked()
    {
        using var table = await RoundTable.SeatAsync(app, "盐城金海物流有限公司");
        var round = await table.OfferedAsync();
        var chairFeed = (await (await table.Chair.PostAsync("/api/account/calendar-feed", null)).ReadAsync<DeadlineFeedState>()).Url!;
        var employerFeed = (await (await table.Employer.PostAsync("/api/account/calendar-feed", null)).ReadAsync<DeadlineFeedState>()).Url!;
        var lastDay = Assert.Single((await (await table.Chair.GetAsync("/api/rounds")).ReadAsync<RoundList>()).Rows, r => r.RoundId == round).LastDay!.Value;
        using var phone = app.NewClient();

        var chair = Assert.Single(Events(await ReadAsync(phone, chairFeed)), e => e.Uid!.StartsWith($"{round:N}-", StringComparison.Ordinal));
        var employer = Assert.Single(Events(await ReadAsync(phone, employerFeed)), e => e.Uid!.StartsWith($"{round:N}-", StringComparison.Ordinal));

        // Art 32: 20 days from Monday 2 March end on Sunday 22 March, so on the next working day.
        Assert.Equal(new DateOnly(2026, 3, 23), lastDay);
        Assert.Equal((lastDay, true), (DateOnly.FromDateTime(chair.DtStart!.Value), chair.IsAllDay));
        Assert.StartsWith("期限：盐城金海物流有限公司", chair.Summary, StringComparison.Ordinal);
        Assert.StartsWith("待我办理：盐城金海物流有限公司", employer.Summary, StringComparison.Ordinal);
        Assert.Contains("待办方：企业方", employer.Description, StringComparison.Ordinal);
        Assert.Equal($"http://localhost/Rounds/{round}", employer.Url!.ToString());
        Assert.Equal(["-P2DT15H", "-PT15H"], employer.Alarms.Select(a => a.Trigger!.Duration!.Value.ToString()));
        Assert.Contains("待办 <strong>1</strong>", await table.Employer.GetStringAsync("/Rounds"), StringComparison.Ordinal);

        // Four days late, the same address shows the deadline missed; nobody signed in again.
        await app.AdvanceToAsync(WebAppFactory.Start.AddDays(25));
        var late = Assert.Single(Events(await ReadAsync(phone, employerFeed)), e => e.Uid!.StartsWith($"{round:N}-", StringComparison.Ordinal));
        Assert.Contains("（已逾期4天）", late.Summary, StringComparison.Ordinal);
        await table.SignInAgainAsync(); // as other accounts of the same enterprise

        // The employer replies: the reply deadline leaves both feeds.
        await (await table.Employer.PostJsonAsync($"/api/rounds/{round}/reply", new ReplyToOfferCommand(round, true))).ExpectAsync(HttpStatusCode.NoContent);
        Assert.DoesNotContain(Events(await ReadAsync(phone, employerFeed)), e => e.Uid == late.Uid);
        Assert.DoesNotContain(Events(await ReadAsync(phone, chairFeed)), e => e.Uid == chair.Uid);

        // A new address revokes the old one; stopping the feed revokes the new one; a wrong token opens nothing.
        var first = (await (await table.Employer.PostAsync("/api/account/calendar-feed", null)).ReadAsync<DeadlineFeedState>()).Url!;
        await ReadAsync(phone, first);
        var renewed = (await (await table.Employer.PostAsync("/api/account/calendar-feed", null)).ReadAsync<DeadlineFeedState>()).Url!;
        await (await phone.GetAsync(first)).ExpectAsync(HttpStatusCode.NotFound);
        await ReadAsync(phone, renewed);
        Assert.True((await (await table.Employer.GetAsync("/api/account/calendar-feed")).ReadAsync<DeadlineFeedState>()).Active);
        await (await table.Employer.DeleteAsync("/api/account/calendar-feed")).ExpectAsync(HttpStatusCode.NoContent);
        await (await phone.GetAsync(renewed)).ExpectAsync(HttpStatusCode.NotFound);
        Assert.False((await (await table.Employer.GetAsync("/api/account/calendar-feed")).ReadAsync<DeadlineFeedState>()).Active);
        await (await phone.GetAsync(chairFeed[..^8] + "AAAA.ics")).ExpectAsync(HttpStatusCode.NotFound);
        await (await phone.GetAsync("/api/calendar/nobody/AAAA.ics")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public void Texts_with_commas_semicolons_backslashes_and_long_chinese_lines_read_back_as_written()
    {
        var name = "盐城市某某机械制造有限公司，第一分厂；A\\B";
        var step = string.Concat(Enumerable.Repeat("劳动保障行政部门审查，", 12));
        var row = new RoundListRow(Guid.NewGuid(), Guid.NewGuid(), name, Guid.NewGuid(), "盐都区总工会", RoundKind.Wage, "工资专项集体合同", Features.Rounds.RoundStage.Filed,
            "已报送", step, new DateOnly(2027, 2, 8), 3, ["劳动保障行政部门（审查）", "县级工会"], true, WebAppFactory.Start, false);

        var text = DeadlineCalendar.Write("集体协商期限（王建国）", [row], id => $"https://example.org/Rounds/{id}", WebAppFactory.Start);

        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, $"longer than 75 octets: {line}"));
        var calendar = Calendar.Load(text)!;
        var e = Assert.Single(calendar.Events);
        Assert.Equal($"待我办理：{name} {step}（已逾期3天）", e.Summary);
        Assert.Contains($"当前环节：{step}\n期限：2027-02-08（已逾期3天）\n待办方：劳动保障行政部门（审查）、县级工会", e.Description, StringComparison.Ordinal);
        Assert.Equal((new DateOnly(2027, 2, 8), new DateOnly(2027, 2, 9)), (DateOnly.FromDateTime(e.DtStart!.Value), DateOnly.FromDateTime(e.DtEnd!.Value)));
        Assert.Equal("集体协商期限（王建国）", calendar.Properties.Get<string>("X-WR-CALNAME"));
    }

    private static async Task<string> ReadAsync(HttpClient phone, string url)
    {
        var response = await phone.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    private static IReadOnlyList<CalendarEvent> Events(string ics) => [.. Calendar.Load(ics)!.Events];
}
