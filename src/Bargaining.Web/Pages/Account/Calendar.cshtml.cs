using Bargaining.Web.Accounts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Account;

/// <summary>
/// The signed-in person's deadline feed for their phone's calendar: make a secret address (shown once), make a new
/// one (the old stops working) or stop the feed.
/// </summary>
[Authorize]
public sealed class CalendarModel(IMediator mediator, DeadlineFeeds feeds) : BargainingPage(mediator)
{
    /// <summary>Whether the feed is on.</summary>
    public bool Active { get; private set; }

    /// <summary>The address just made, shown on this answer only.</summary>
    public string? Address { get; private set; }

    /// <summary>The deadlines the feed holds now.</summary>
    public int Deadlines { get; private set; }

    /// <summary>Shows the state.</summary>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Makes a new address and shows it.</summary>
    public async Task<IActionResult> OnPostCreateAsync()
    {
        Address = DeadlineFeeds.Absolute(Request, await feeds.CreateAsync(Me.UserId));
        await LoadAsync();
        return Page();
    }

    /// <summary>Stops the feed.</summary>
    public async Task<IActionResult> OnPostRevokeAsync()
    {
        await feeds.RevokeAsync(Me.UserId);
        Notice = "已停用日历订阅：原订阅地址不再有效";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Active = await feeds.IsActiveAsync(Me.UserId);
        Deadlines = (await Mediator.Send(new Features.Rounds.Views.DeadlineFeedQuery())).Count;
    }
}
