using Bargaining.Accounts;
using Bargaining.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bargaining.Web.Pages.Account;

/// <summary>Sign-in with user name and password; locks the account after 5 failures.</summary>
public sealed class LoginModel(SignInManager<Bargaining.Accounts.Account> signIn) : PageModel
{
    /// <summary>User name.</summary>
    [BindProperty]
    public string? UserName { get; set; }

    /// <summary>Password.</summary>
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Where to go after signing in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Signs in.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError("", "请输入用户名和密码");
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError("", result.IsLockedOut ? "登录失败次数过多，账号已锁定 15 分钟，请稍后再试或联系管理员" : "用户名或密码错误");
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
