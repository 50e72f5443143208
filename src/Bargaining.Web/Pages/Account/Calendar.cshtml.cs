using Bargaining.Web.Accounts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Account;

/// <summary>
/// The signed-in person's deadline reminders: the feed for their phone's calendar (make a secret address, shown once;
/// make a new one, the old stops working; or stop the feed) and e-mail reminders (an address, confirmed through the
/// link mailed to it, and reminders on or off).
/// </summary>
[Authorize]
public sealed class CalendarModel(IMediator mediator, DeadlineFeeds feeds, EmailReminders reminders) : BargainingPage(mediator)
{
    /// <summary>Whether the feed is on.</summary>
    public bool Active { get; private set; }

    /// <summary>The address just made, shown on this answer only.</summary>
    public string? Address { get; private set; }

    /// <summary>The deadlines the feed holds now.</summary>
    public int Deadlines { get; private set; }

    /// <summary>The e-mail reminders as saved.</summary>
    public ReminderSettings Reminders { get; private set; } = new(null, false, false);

    /// <summary>The address typed in the form.</summary>
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>Whether reminders are asked for.</summary>
    [BindProperty]
    public bool Enabled { get; set; }

    /// <summary>Shows the state.</summary>
    public async Task OnGetAsync()
    {
        await LoadAsync();
        (Email, Enabled) = (Reminders.Email, Reminders.Enabled);
    }

    /// <summary>Makes a new address and shows it.</summary>
    public async Task<IActionResult> OnPostCreateAsync()
    {
        Address = DeadlineFeeds.Absolute(Request, await feeds.CreateAsync(Me.UserId));
        await OnGetAsync();
        return Page();
    }

    /// <summary>Stops the feed.</summary>
    public async Task<IActionResult> OnPostRevokeAsync()
    {
        await feeds.RevokeAsync(Me.UserId);
        Notice = "已停用日历订阅：原订阅地址不再有效";
        return RedirectToPage();
    }

    /// <summary>Saves the e-mail reminders; a new address gets its confirmation link.</summary>
    public async Task<IActionResult> OnPostEmailAsync(CancellationToken ct)
    {
        var before = await reminders.GetAsync(Me.UserId);
        ReminderSettings? saved = null;
        if (!await TryAsync(async () => saved = await reminders.SetAsync(Me.UserId, Email, Enabled, Request, ct)))
        {
            await LoadAsync();
            return Page();
        }
        Notice = saved!.Email is null ? "已清除电子邮箱，不再发送邮件提醒"
            : !saved.Confirmed && !string.Equals(saved.Email, before.Email, StringComparison.OrdinalIgnoreCase) ? $"已保存。确认邮件已发往 {saved.Email}，请打开邮件中的链接完成确认，确认后开始发送提醒"
            : saved.Enabled ? "已开启邮件提醒" : "已关闭邮件提醒";
        return RedirectToPage();
    }

    /// <summary>Mails the confirmation link again.</summary>
    public async Task<IActionResult> OnPostResendAsync(CancellationToken ct)
    {
        if (!await TryAsync(() => reminders.ResendConfirmationAsync(Me.UserId, Request, ct)))
        {
            await OnGetAsync();
            return Page();
        }
        Notice = "确认邮件已重新发送";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Active = await feeds.IsActiveAsync(Me.UserId);
        Deadlines = (await Mediator.Send(new Features.Rounds.Views.DeadlineFeedQuery())).Count;
        Reminders = await reminders.GetAsync(Me.UserId);
    }
}
