using Bargaining.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bargaining.Web.Pages.Account;

/// <summary>Signs out (POST only, with the antiforgery token of the layout's form).</summary>
public sealed class LogoutModel(SignInManager<Bargaining.Accounts.Account> signIn) : PageModel
{
    /// <summary>Signs out and returns to the sign-in page.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/Account/Login");
    }

    /// <summary>A GET does not sign out; it goes home.</summary>
    public IActionResult OnGet() => Redirect("/");
}
