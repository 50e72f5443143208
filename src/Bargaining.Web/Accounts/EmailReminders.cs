using System.Net.Mail;
using Bargaining.Accounts;
using Bargaining.Domain;
using Bargaining.Features.Rounds.Views;
using Bargaining.Infrastructure;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using Bargaining.Web.Hosting;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Web.Accounts;

/// <summary>An account's e-mail reminders: the address, whether it is confirmed, whether reminders are on.</summary>
public sealed record ReminderSettings(string? Email, bool Confirmed, bool Enabled);

/// <summary>
/// Deadline reminders by e-mail (<see cref="DeadlineReminders"/>): each person gives an address, confirms it through
/// the link mailed to it, and turns reminders on or off. Reminders go to confirmed addresses only.
/// </summary>
public sealed class EmailReminders(UserManager<Account> users, BargainingDbContext db, TimeProvider clock, WebOptions options)
{
    /// <summary>The path <c>/Account/ConfirmEmail</c> confirms <paramref name="userId"/>'s address at with <paramref name="code"/>.</summary>
    public static string ConfirmEmailPath(string userId, string code) =>
        $"/Account/ConfirmEmail?userId={Uri.EscapeDataString(userId)}&code={Uri.EscapeDataString(code)}";

    /// <summary>Where people reach the application, for links in mails: the public address, else the host of <paramref name="request"/>.</summary>
    public static string Site(string? publicUrl, HttpRequest? request) =>
        !string.IsNullOrWhiteSpace(publicUrl) ? publicUrl.TrimEnd('/') : request is null ? "" : DeadlineFeeds.Absolute(request, "");

    /// <summary>The longest address accepted (RFC 5321's path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>The settings of <paramref name="userId"/>.</summary>
    public async Task<ReminderSettings> GetAsync(string userId)
    {
        var account = await FindAsync(userId);
        return new ReminderSettings(account.Email, account.EmailConfirmed, account.RemindByEmail);
    }

    /// <summary>
    /// Sets the address and whether reminders go to it. A new address is unconfirmed until its link is opened: a
    /// confirmation mail linking to <paramref name="confirmUrl"/>(user, code) is queued in the same save. Refused
    /// (nothing changed) for a malformed address, or for reminders on without an address.
    /// </summary>
    public async Task<ReminderSettings> SetAsync(string userId, string? email, bool enabled, HttpRequest request, CancellationToken ct)
    {
        var account = await FindAsync(userId);
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (email is not null && !IsAddress(email))
            throw Invalid("请填写有效的电子邮箱地址，例如 wangjianguo@example.com");
        if (enabled && email is null) throw Invalid("开启邮件提醒前请先填写电子邮箱地址");

        var changed = !string.Equals(email, account.Email, StringComparison.OrdinalIgnoreCase);
        if (changed)
        {
            account.Email = email;
            account.NormalizedEmail = email is null ? null : users.NormalizeEmail(email);
            account.EmailConfirmed = false;
        }
        account.RemindByEmail = enabled;
        Check(await users.UpdateAsync(account));
        if (changed && email is not null) await SendConfirmationAsync(account, request, ct);
        return new ReminderSettings(account.Email, account.EmailConfirmed, account.RemindByEmail);
    }

    /// <summary>Mails the confirmation link of the address again (the earlier links stay valid until the address changes).</summary>
    public async Task ResendConfirmationAsync(string userId, HttpRequest request, CancellationToken ct)
    {
        var account = await FindAsync(userId);
        if (account.Email is null || account.EmailConfirmed) throw DomainException.Conflict("reminders.confirmed", "没有待确认的电子邮箱");
        await SendConfirmationAsync(account, request, ct);
    }

    // Queued after the account is saved (the accounts' tables have their own context): if queueing fails, the address
    // stays unconfirmed and the page offers to send the link again.
    private async Task SendConfirmationAsync(Account account, HttpRequest request, CancellationToken ct)
    {
        var code = await users.GenerateUserTokenAsync(account, TokenOptions.DefaultProvider, Purpose(account.Email!));
        db.OutboxMessages.Add(new OutboxMessage($"confirm:{account.Id}:{Guid.NewGuid():N}", "email-confirmation", account.Id, account.Email!, account.DisplayName,
            "请确认您的电子邮箱（集体协商工作平台）",
            $"""
            {account.DisplayName}：

            您在集体协商工作平台填写了本邮箱，用于接收集体协商期限提醒。请打开以下链接确认：
            {Site(options.PublicUrl, request)}{ConfirmEmailPath(account.Id, code)}

            如果这不是您本人的操作，请忽略本邮件。
            """, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Confirms the address the code was mailed to; false for a wrong or outdated code, or when the account's address
    /// is no longer the one the code was made for (the code's purpose names the address).
    /// </summary>
    public async Task<bool> ConfirmAsync(string userId, string code)
    {
        if (await users.FindByIdAsync(userId) is not { Email: { } email } account) return false;
        if (!await users.VerifyUserTokenAsync(account, TokenOptions.DefaultProvider, Purpose(email), code)) return false;
        account.EmailConfirmed = true;
        Check(await users.UpdateAsync(account));
        return true;
    }

    private static string Purpose(string email) => "ConfirmReminderEmail:" + email.ToUpperInvariant();

    /// <summary>
    /// Queues every reminder due at <paramref name="now"/> (<see cref="DeadlineReminders.Due"/>) to the accounts with
    /// reminders on and a confirmed address, each account's deadlines read as that account (<see cref="DeadlineFeedQuery"/>),
    /// each once. Returns how many were queued.
    /// </summary>
    public static async Task<int> SweepAsync(IServiceProvider services, DateTimeOffset now, string? publicUrl, CancellationToken ct)
    {
        var time = services.GetRequiredService<JurisdictionCatalog>().Default.Time;
        var today = time.LocalDate(now);
        var horizon = today.AddDays(DeadlineReminders.DaysBefore.Max());
        List<Account> accounts;
        HashSet<Guid> soon;
        await using (var scope = services.CreateAsyncScope())
        {
            accounts = await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Users.AsNoTracking()
                .Where(a => a.RemindByEmail && a.EmailConfirmed && a.Email != null).OrderBy(a => a.Id).ToListAsync(ct);
            // An enterprise's people need a look only when one of its deadlines is near (a city has thousands of them).
            soon = [.. await scope.ServiceProvider.GetRequiredService<BargainingDbContext>().RoundProgress
                .Where(p => p.LastDay >= today && p.LastDay <= horizon).Select(p => p.EnterpriseId).Distinct().ToListAsync(ct)];
        }
        accounts.RemoveAll(a => a.LockoutEnd > now // SQLite cannot compare the accounts' DateTimeOffset in a query
            || a.EnterpriseId is { } enterprise && !soon.Contains(enterprise));
        var queued = 0;
        foreach (var account in accounts)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().Acting = account.ToCurrentUser();
            var deadlines = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DeadlineFeedQuery(), ct);
            var db = scope.ServiceProvider.GetRequiredService<BargainingDbContext>();
            foreach (var (deadline, before) in DeadlineReminders.Due(deadlines, time, now))
            {
                var url = string.IsNullOrWhiteSpace(publicUrl) ? null : $"{Site(publicUrl, null)}/Rounds/{deadline.RoundId}";
                if (await Outbox.EnqueueAsync(db, DeadlineReminders.Message(account.Id, account.Email!, account.DisplayName, deadline, before, today, url, now), ct)) queued++;
            }
            await db.SaveChangesAsync(ct);
        }
        return queued;
    }

    /// <summary>Whether <paramref name="email"/> is one plain address (no display name, no list).</summary>
    public static bool IsAddress(string email) =>
        email.Length <= MaxEmailLength && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.IndexOf('.', email.IndexOf('@')) > 0;

    private async Task<Account> FindAsync(string userId) => await users.FindByIdAsync(userId) ?? throw DomainException.NotFound("账号");

    private static DomainException Invalid(string message) =>
        new(FailureKind.Validation, "reminders.email", message, new Dictionary<string, string[]> { ["Email"] = [message] });

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}

/// <summary>Queues the due deadline reminders every <see cref="Every"/> (a reminder is due from 9:00 local time).</summary>
public sealed class DeadlineReminderSweeper(IServiceProvider services, TimeProvider clock, WebOptions options, ILogger<DeadlineReminderSweeper> logger) : BackgroundService
{
    /// <summary>How often the deadlines are looked at.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var queued = await EmailReminders.SweepAsync(services, clock.GetUtcNow(), options.PublicUrl, stoppingToken);
                if (queued > 0) logger.LogInformation("{Count} deadline reminders queued", queued);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "deadline reminders not queued this time");
            }
        }
    }
}
