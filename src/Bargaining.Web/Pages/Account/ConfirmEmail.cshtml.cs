using Bargaining.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bargaining.Web.Pages.Account;

/// <summary>
/// Where the link of a confirmation mail leads: confirms the address the code was sent to, without signing in (the
/// code is the proof of the mailbox). A wrong or outdated code (the address changed since) confirms nothing.
/// </summary>
public sealed class ConfirmEmailModel(EmailReminders reminders) : PageModel
{
    /// <summary>Whether the address is now confirmed.</summary>
    public bool Confirmed { get; private set; }

    /// <summary>Confirms.</summary>
    public async Task OnGetAsync(string? userId, string? code)
    {
        Confirmed = userId is not null && code is not null && await reminders.ConfirmAsync(userId, code);
        if (!Confirmed) Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
