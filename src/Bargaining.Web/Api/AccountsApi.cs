using Bargaining.Accounts;
using Bargaining.Domain;
using Bargaining.Features.Rounds.Views;
using Bargaining.Web.Accounts;
using Bargaining.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Bargaining.Web.Api;

/// <summary>Body of <c>POST /api/account/login</c>: sign-in is Identity's, not a command.</summary>
public sealed record LoginBody(string UserName, string Password);

/// <summary>An account as the administrator sees it.</summary>
public sealed record AccountRow(string Id, string UserName, string DisplayName, Role Role, Guid OrganisationId, Guid? EnterpriseId, DateTimeOffset? LockedUntil);

/// <summary>The signed-in caller.</summary>
public sealed record Me(string UserId, string UserName, string Name, Role Role, string RoleTitle, Guid OrganisationId, Guid? EnterpriseId);

/// <summary>The caller's deadline feed: whether it is on, and its secret address when just made (shown once).</summary>
public sealed record DeadlineFeedState(bool Active, string? Url = null);

/// <summary>Body of <c>PUT /api/account/reminders</c>: the address reminders go to, and whether they do.</summary>
public sealed record ReminderBody(string? Email, bool Enabled);

/// <summary>
/// Signing in and out, the caller's deadline feed and e-mail reminders (<c>/api/account</c>), the feed itself (<c>/api/calendar</c>) and
/// the administrator's accounts (<c>/api/accounts</c>).
/// </summary>
public static class AccountsApi
{
    /// <summary>Maps the caller's own account.</summary>
    public static void MapAccount(RouteGroupBuilder account)
    {
        account.MapPost("/login", LogInAsync);
        account.MapPost("/logout", LogOutAsync).RequireAuthorization();
        account.MapGet("/me", GetMe).RequireAuthorization();
        account.MapGet("/calendar-feed", GetFeedAsync).RequireAuthorization();
        account.MapPost("/calendar-feed", CreateFeedAsync).RequireAuthorization();
        account.MapDelete("/calendar-feed", RevokeFeedAsync).RequireAuthorization();
        account.MapGet("/reminders", GetRemindersAsync).RequireAuthorization();
        account.MapPut("/reminders", SetRemindersAsync).RequireAuthorization();
        account.MapPost("/reminders/confirmation", ResendConfirmationAsync).RequireAuthorization();
    }

    private static async Task<Ok<ReminderSettings>> GetRemindersAsync(HttpContext http, EmailReminders reminders) =>
        TypedResults.Ok(await reminders.GetAsync(http.User.ToCurrentUser()!.UserId));

    private static async Task<Ok<ReminderSettings>> SetRemindersAsync(ReminderBody body, HttpContext http, EmailReminders reminders, CancellationToken ct) =>
        TypedResults.Ok(await reminders.SetAsync(http.User.ToCurrentUser()!.UserId, body.Email, body.Enabled, http.Request, ct));

    private static async Task<NoContent> ResendConfirmationAsync(HttpContext http, EmailReminders reminders, CancellationToken ct)
    {
        await reminders.ResendConfirmationAsync(http.User.ToCurrentUser()!.UserId, http.Request, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Maps the deadline feed a phone's calendar reads with its secret address, without signing in.</summary>
    public static void MapCalendar(RouteGroupBuilder calendar) => calendar.MapGet("/{userId}/{token}.ics", GetCalendarAsync);

    private static async Task<Ok<DeadlineFeedState>> GetFeedAsync(HttpContext http, DeadlineFeeds feeds) =>
        TypedResults.Ok(new DeadlineFeedState(await feeds.IsActiveAsync(http.User.ToCurrentUser()!.UserId)));

    private static async Task<Ok<DeadlineFeedState>> CreateFeedAsync(HttpContext http, DeadlineFeeds feeds) =>
        TypedResults.Ok(new DeadlineFeedState(true, DeadlineFeeds.Absolute(http.Request, await feeds.CreateAsync(http.User.ToCurrentUser()!.UserId))));

    private static async Task<NoContent> RevokeFeedAsync(HttpContext http, DeadlineFeeds feeds)
    {
        await feeds.RevokeAsync(http.User.ToCurrentUser()!.UserId);
        return TypedResults.NoContent();
    }

    // The feed's own address is its credential: the request runs as its account, for this request only.
    private static async Task<Results<ContentHttpResult, NotFound>> GetCalendarAsync(string userId, string token, HttpContext http, DeadlineFeeds feeds,
        IMediator mediator, TimeProvider clock, CancellationToken ct)
    {
        if (await feeds.PrincipalAsync(userId, token) is not { } principal) return TypedResults.NotFound();
        http.User = principal;
        var me = principal.ToCurrentUser()!;
        var deadlines = await mediator.Send(new DeadlineFeedQuery(), ct);
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Content(DeadlineCalendar.Write($"集体协商期限（{me.Name}）", deadlines, id => DeadlineFeeds.Absolute(http.Request, $"/Rounds/{id}"), clock.GetUtcNow()),
            DeadlineCalendar.ContentType);
    }

    /// <summary>Maps the administrator's accounts.</summary>
    public static void MapAccounts(RouteGroupBuilder accounts)
    {
        accounts.MapGet("", ListAccounts);
        accounts.MapPost("", CreateAccountAsync);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> LogInAsync(LoginBody body, AccountSignIn signIn) =>
        await signIn.SignInAsync(body.UserName, body.Password) ? TypedResults.NoContent() : TypedResults.Problem(ProblemMapping.ForStatus(401, AccountSignIn.Refusal));

    private static async Task<NoContent> LogOutAsync(SignInManager<Account> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static Ok<Me> GetMe(HttpContext http)
    {
        var user = http.User.ToCurrentUser()!;
        return TypedResults.Ok(new Me(user.UserId, http.User.Identity!.Name!, user.Name, user.Role, user.Role.Title(), user.OrganisationId, user.EnterpriseId));
    }

    private static Ok<List<AccountRow>> ListAccounts(UserManager<Account> users) =>
        TypedResults.Ok(users.Users.OrderBy(a => a.Role).ThenBy(a => a.UserName)
            .Select(a => new AccountRow(a.Id, a.UserName!, a.DisplayName, a.Role, a.OrganisationId, a.EnterpriseId, a.LockoutEnd)).ToList());

    private static async Task<Created<AccountRow>> CreateAccountAsync(NewAccount account, AccountAdministration admin, HttpContext http, CancellationToken ct)
    {
        var created = await admin.CreateAsync(account, http.User.ToCurrentUser()!.UserId, ct);
        return TypedResults.Created($"/api/accounts/{created.Id}",
            new AccountRow(created.Id, created.UserName!, created.DisplayName, created.Role, created.OrganisationId, created.EnterpriseId, null));
    }
}
