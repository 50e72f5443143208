using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Infrastructure;
using Bargaining.Web.Accounts;
using Bargaining.Web.Api;
using MailKit.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Web.Tests.Api;

/// <summary>The host with a mail server: a <see cref="LocalSmtpServer"/> started before it, and a public address for links.</summary>
public sealed partial class MailingApp : WebAppFactory
{
    public LocalSmtpServer Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:Host", "127.0.0.1");
        builder.UseSetting("Mail:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Security", nameof(SecureSocketOptions.None));
        builder.UseSetting("Mail:From", "noreply@yczgh.example");
        builder.UseSetting("Bargaining:PublicUrl", "https://xieshang.yczgh.example");
    }

    protected override async Task BeforeDisposeAsync() => await Smtp.DisposeAsync();

    /// <summary>The outbox's messages with <paramref name="kind"/>.</summary>
    public Task<List<OutboxMessage>> OutboxAsync(string kind) =>
        WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == kind).OrderBy(m => m.CreatedAt).ToListAsync());

    /// <summary>
    /// Moves the clock to <paramref name="at"/> (the reminders' sweep runs), waits until the outbox holds
    /// <paramref name="queued"/> reminders, moves a minute on (the sender runs) and waits until they are sent.
    /// </summary>
    public async Task SweepAndSendAsync(DateTimeOffset at, int queued)
    {
        await AdvanceToAsync(at);
        await LocalSmtpServer.WaitForAsync(async () => (await OutboxAsync(Features.Rounds.Views.DeadlineReminders.Kind)).Count >= queued, $"{queued} reminders queued");
        await AdvanceToAsync(at.AddMinutes(1));
        await LocalSmtpServer.WaitForAsync(async () => (await OutboxAsync(Features.Rounds.Views.DeadlineReminders.Kind)).All(m => m.SentAt is not null), "the reminders sent");
    }

    /// <summary>The confirmation link in the last mail to <paramref name="address"/>, as the application's path.</summary>
    public string ConfirmationPath(string address)
    {
        var body = Smtp.To(address).Last(m => m.Subject?.Contains("确认", StringComparison.Ordinal) == true).TextBody!;
        return new Uri(Link().Match(body).Value).PathAndQuery;
    }

    [GeneratedRegex(@"https://xieshang\.yczgh\.example/Account/ConfirmEmail\?\S+")]
    private static partial Regex Link();
}

/// <summary>
/// Deadline reminders by e-mail, sent through a real SMTP server as the days pass: an address is confirmed through
/// its link, a reminder goes at 9:00 three days and one day before the last day, once each, and only to confirmed
/// addresses; a mail server that cannot be reached keeps the message for a later attempt.
/// </summary>
public sealed class EmailReminderApiTests(MailingApp app) : IClassFixture<MailingApp>
{
    [Fact]
    public async Task An_employer_confirms_an_address_and_is_reminded_three_days_and_one_day_before_the_reply_deadline_once_each()
    {
        using var table = await RoundTable.SeatAsync(app, "盐城金海物流有限公司");
        var round = await table.OfferedAsync(); // Monday 2 March: the reply is due by Monday 23 March (Art 32)

        // Bad input is refused in Chinese and changes nothing.
        var bad = await (await table.Employer.PutAsJsonAsync("/api/account/reminders", new ReminderBody("li.ming@", true), Json.Options)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("有效的电子邮箱", bad.Detail(), StringComparison.Ordinal);
        Assert.True(bad.GetProperty("errors").TryGetProperty("Email", out _));
        await (await table.Employer.PutAsJsonAsync("/api/account/reminders", new ReminderBody(" ", true), Json.Options)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(new ReminderSettings(null, false, false), await (await table.Employer.GetAsync("/api/account/reminders")).ReadAsync<ReminderSettings>());

        // The employer's address is confirmed through the mailed link (a wrong code confirms nothing); the chair's stays unconfirmed.
        Assert.Equal(new ReminderSettings("li.ming@jinhai.example", false, true),
            await (await table.Employer.PutAsJsonAsync("/api/account/reminders", new ReminderBody("li.ming@jinhai.example", true), Json.Options)).ReadAsync<ReminderSettings>());
        await (await table.Chair.PutAsJsonAsync("/api/account/reminders", new ReminderBody("wang.jianguo@jinhai.example", true), Json.Options)).ExpectAsync(HttpStatusCode.OK);
        await app.AdvanceToAsync(app.Clock.GetUtcNow().AddMinutes(1));
        await LocalSmtpServer.WaitForAsync(() => Task.FromResult(app.Smtp.To("li.ming@jinhai.example").Count == 1), "the confirmation mail");
        using var mailbox = app.NewClient();
        var link = app.ConfirmationPath("li.ming@jinhai.example");
        await (await mailbox.GetAsync(link[..^4] + "AAAA")).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("邮箱已确认", await (await mailbox.GetAsync(link)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(new ReminderSettings("li.ming@jinhai.example", true, true), await (await table.Employer.GetAsync("/api/account/reminders")).ReadAsync<ReminderSettings>());

        // Friday 20 March 8:59 is too early; from 9:00 the three-day reminder goes, once however often the sweep runs.
        var lastDay = new DateTimeOffset(2026, 3, 23, 0, 0, 0, TimeSpan.FromHours(8));
        await app.AdvanceToAsync(lastDay.AddDays(-3).AddHours(8).AddMinutes(59));
        Assert.Empty(await app.OutboxAsync(Features.Rounds.Views.DeadlineReminders.Kind));
        await app.SweepAndSendAsync(lastDay.AddDays(-3).AddHours(9).AddMinutes(15), 1);
        await app.AdvanceToAsync(lastDay.AddDays(-3).AddHours(17));
        var first = Assert.Single(app.Smtp.To("li.ming@jinhai.example"), m => m.Subject?.StartsWith("【3天后截止】", StringComparison.Ordinal) == true);
        Assert.Equal("【3天后截止】盐城金海物流有限公司 企业方书面回应", first.Subject);
        Assert.Contains("期限为2026年3月23日，3天后截止，需要您办理", first.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://xieshang.yczgh.example/Rounds/{round}", first.TextBody, StringComparison.Ordinal);
        Assert.Equal("noreply@yczgh.example", first.From.Mailboxes.Single().Address);

        // Sunday 22 March 9:00: the one-day reminder. The chair, unconfirmed, got neither.
        await app.SweepAndSendAsync(lastDay.AddDays(-1).AddHours(9).AddMinutes(15), 2);
        Assert.Single(app.Smtp.To("li.ming@jinhai.example"), m => m.Subject == "【明天截止】盐城金海物流有限公司 企业方书面回应");
        Assert.Equal(2, (await app.OutboxAsync(Features.Rounds.Views.DeadlineReminders.Kind)).Count);
        Assert.All(app.Smtp.To("wang.jianguo@jinhai.example"), m => Assert.Contains("确认", m.Subject!, StringComparison.Ordinal));

        // The employer replies on the last day: no reminder of the reply any more.
        await app.AdvanceToAsync(lastDay.AddHours(10));
        await table.SignInAgainAsync();
        await (await table.Employer.PostJsonAsync($"/api/rounds/{round}/reply", new ReplyToOfferCommand(round, true))).ExpectAsync(HttpStatusCode.NoContent);
        await app.AdvanceToAsync(lastDay.AddHours(12));
        Assert.DoesNotContain(await app.OutboxAsync(Features.Rounds.Views.DeadlineReminders.Kind), m => m.Subject.StartsWith("【今天截止】", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_check_that_finds_an_obligation_unmet_mails_the_county_staff_who_receive_notices()
    {
        using var table = await RoundTable.SeatAsync(app, "盐城鑫源电子有限公司");
        var (round, _) = await table.FiledAsync();
        using (var reviewer = await app.SignedInAsync(Domain.Role.Reviewer, app.Yandu.Id))
            await (await reviewer.PostJsonAsync($"/api/rounds/{round}/review/clearance", new Features.Rounds.Review.RecordReviewClearanceCommand(round))).ExpectAsync(HttpStatusCode.NoContent);
        using var staff = await app.SignedInAsync(Domain.Role.CountyStaff, app.Yandu.Id);
        using var quiet = await app.SignedInAsync(Domain.Role.CountyStaff, app.Yandu.Id);
        await ConfirmAsync(staff, "zhang.min@ydzgh.example");
        await (await quiet.PutAsJsonAsync("/api/account/reminders", new ReminderBody("sun.li@ydzgh.example", false), Json.Options)).ExpectAsync(HttpStatusCode.OK);

        await (await table.Chair.PostAsync($"/api/rounds/{round}/obligations/derivation", null)).ExpectAsync(HttpStatusCode.OK);
        var checklist = await (await table.Chair.GetAsync($"/api/rounds/{round}/obligations")).ReadAsync<Features.Implementation.Checklist>();
        var obligation = checklist.Obligations[0];
        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/checks",
            new Features.Implementation.RecordCheckCommand(round, obligation.Id, Domain.CheckOutcome.NotMet, "4月工资未按约定调增"))).ExpectAsync(HttpStatusCode.Created);

        var queued = Assert.Single(await app.OutboxAsync("unmet-obligation"));
        Assert.Equal(("zhang.min@ydzgh.example", $"【履约检查】盐城鑫源电子有限公司 {obligation.Title}：未履行"), (queued.Recipient, queued.Subject));
        Assert.Contains("说明：4月工资未按约定调增", queued.Body, StringComparison.Ordinal);
        Assert.Contains($"https://xieshang.yczgh.example/Rounds/{round}/Implementation", queued.Body, StringComparison.Ordinal);
        await app.AdvanceToAsync(app.Clock.GetUtcNow().AddMinutes(1));
        await LocalSmtpServer.WaitForAsync(() => Task.FromResult(app.Smtp.To("zhang.min@ydzgh.example").Any(m => m.Subject == queued.Subject)), "the county's notice");
        Assert.DoesNotContain(app.Smtp.To("sun.li@ydzgh.example"), m => m.Subject?.StartsWith("【履约检查】", StringComparison.Ordinal) == true);

        // A check that finds it met tells nobody.
        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/checks",
            new Features.Implementation.RecordCheckCommand(round, checklist.Obligations[1].Id, Domain.CheckOutcome.Met, null))).ExpectAsync(HttpStatusCode.Created);
        Assert.Single(await app.OutboxAsync("unmet-obligation"));
    }

    private async Task ConfirmAsync(HttpClient client, string address)
    {
        await (await client.PutAsJsonAsync("/api/account/reminders", new ReminderBody(address, true), Json.Options)).ExpectAsync(HttpStatusCode.OK);
        await app.AdvanceToAsync(app.Clock.GetUtcNow().AddMinutes(1));
        await LocalSmtpServer.WaitForAsync(() => Task.FromResult(app.Smtp.To(address).Count == 1), $"the confirmation mail to {address}");
        using var mailbox = app.NewClient();
        await (await mailbox.GetAsync(app.ConfirmationPath(address))).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_message_the_mail_server_cannot_take_stays_queued_with_its_error_and_goes_on_a_later_attempt()
    {
        var now = app.Clock.GetUtcNow();
        var message = new OutboxMessage($"test:{Guid.NewGuid():N}", "test", null, "zhou.lixin@example.com", "周立新", "测试", "正文", now);
        await app.WithDbAsync(async db =>
        {
            Assert.True(await Outbox.EnqueueAsync(db, message, default));
            await db.SaveChangesAsync();
            // The same key is queued once.
            Assert.False(await Outbox.EnqueueAsync(db, new OutboxMessage(message.Key, "test", null, "x@example.com", "x", "x", "x", now), default));
            return 0;
        });
        using var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var unreachable = new MailOptions { Host = "127.0.0.1", Port = ((IPEndPoint)closed.LocalEndpoint).Port, Security = SecureSocketOptions.None };
        closed.Stop();

        var sent = await app.WithDbAsync(async db =>
        {
            await using var transport = new SmtpMailTransport(unreachable);
            return await Outbox.SendDueAsync(db, transport, unreachable, now, default);
        });
        var failed = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == message.Id));
        Assert.Equal((0, 1, null, now.AddMinutes(1)), (sent, failed.Attempts, failed.SentAt, failed.NextAttemptAt));
        Assert.False(string.IsNullOrEmpty(failed.LastError));

        // Not before its next attempt; then through the server that answers.
        var live = unreachable with { Port = app.Smtp.Port };
        Assert.Equal(0, await app.WithDbAsync(async db =>
        {
            await using var transport = new SmtpMailTransport(live);
            return await Outbox.SendDueAsync(db, transport, live, now.AddSeconds(59), default);
        }));
        Assert.Equal(1, await app.WithDbAsync(async db =>
        {
            await using var transport = new SmtpMailTransport(live);
            return await Outbox.SendDueAsync(db, transport, live, now.AddMinutes(1), default);
        }));
        Assert.Single(app.Smtp.To("zhou.lixin@example.com"));
        Assert.Equal(2, (await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == message.Id))).Attempts);
    }
}
