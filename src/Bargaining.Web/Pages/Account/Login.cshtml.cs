using Bargaining.Accounts;
using Bargaining.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bargaining.Web.Pages.Account;

/// <summary>Sign-in with user name and password; locks the account after 5 failures.</summary>
public sealed class LoginModel(AccountSignIn signIn) : PageModel
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
        if (await signIn.SignInAsync(UserName, Password)) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError("", AccountSignIn.Refusal);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
