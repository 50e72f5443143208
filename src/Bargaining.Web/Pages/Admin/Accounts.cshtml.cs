using Bargaining.Accounts;
using Bargaining.Domain;
using Bargaining.Features.Organisations;
using Bargaining.Web.Accounts;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Web.Pages.Admin;

/// <summary>The city administrator creates accounts, binds each to a role and an organisation (and an enterprise for the parties), and unlocks locked accounts.</summary>
public sealed class AccountsModel(IMediator mediator, UserManager<Bargaining.Accounts.Account> users, AccountAdministration admin, TimeProvider clock) : BargainingPage(mediator)
{
    /// <summary>Every account.</summary>
    public IReadOnlyList<Bargaining.Accounts.Account> Accounts { get; private set; } = [];

    /// <summary>Organisations by id.</summary>
    public IReadOnlyDictionary<Guid, string> Organisations { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>When a lockout ends, if now locked.</summary>
    public DateTimeOffset? LockedUntil(Bargaining.Accounts.Account a) => a.LockoutEnd is { } end && end > clock.GetUtcNow() ? end : null;

    /// <summary>New account: user name.</summary>
    [BindProperty] public string? UserName { get; set; }
    /// <summary>New account: the person's name.</summary>
    [BindProperty] public string? DisplayName { get; set; }
    /// <summary>New account: role.</summary>
    [BindProperty] public Role Role { get; set; } = Role.UnionChair;
    /// <summary>New account: organisation.</summary>
    [BindProperty] public Guid OrganisationId { get; set; }
    /// <summary>New account: the enterprise's credit code, for a union chair or employer representative.</summary>
    [BindProperty] public string? CreditCode { get; set; }
    /// <summary>New account: initial password.</summary>
    [BindProperty] public string? Password { get; set; }

    /// <summary>Lists the accounts.</summary>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Creates an account; refused with reasons for a bad name, password, organisation or enterprise.</summary>
    public async Task<IActionResult> OnPostCreateAsync()
    {
        Bargaining.Accounts.Account? account = null;
        if (!await TryAsync(async () => account = await admin.CreateAsync(new NewAccount(UserName, DisplayName, Role, OrganisationId, CreditCode, Password), Me.UserId)))
            return await PageAsync();
        Notice = $"已创建账号 {account!.UserName}（{Role.Title()}）";
        return RedirectToPage();
    }

    /// <summary>Ends a lockout.</summary>
    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var account = await users.FindByIdAsync(id);
        if (account is null) return NotFound();
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        Notice = $"已解除 {account.UserName} 的锁定";
        return RedirectToPage();
    }

    private async Task<IActionResult> PageAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Accounts = await users.Users.AsNoTracking().OrderBy(a => a.Role).ThenBy(a => a.UserName).ToListAsync();
        Organisations = (await Mediator.Send(new OrganisationListQuery())).ToDictionary(o => o.Id, o => o.Name);
    }
}
